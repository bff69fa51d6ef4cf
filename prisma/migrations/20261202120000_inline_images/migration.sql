-- AlterTable
ALTER TABLE "FileObject" ADD COLUMN     "answerId" TEXT,
ADD COLUMN     "inline" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "FileObject_answerId_idx" ON "FileObject"("answerId");

-- AddForeignKey
ALTER TABLE "FileObject" ADD CONSTRAINT "FileObject_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Images without a post were inserted through the editor (/filer/bild): they are inline images.
UPDATE "FileObject" SET "inline" = true
WHERE "postId" IS NULL AND "mimeType" IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp');

-- Each is tied to the post or answer whose body shows it: the one by its uploader if there is
-- one, else the oldest. Images no body shows stay untied; the hourly maintenance deletes them.
WITH "shown" AS (
  SELECT p."id" AS "postId", NULL::text AS "answerId", p."authorId", p."createdAt", substring(src #>> '{}' FROM '^/filer/([A-Za-z0-9_-][A-Za-z0-9._~-]*)$') AS "fileId"
  FROM "Post" p, jsonb_path_query(p."body", 'lax $.** ? (@.type == "image").attrs.src') AS src
  UNION ALL
  SELECT a."postId", a."id", a."authorId", a."createdAt", substring(src #>> '{}' FROM '^/filer/([A-Za-z0-9_-][A-Za-z0-9._~-]*)$')
  FROM "Answer" a, jsonb_path_query(a."body", 'lax $.** ? (@.type == "image").attrs.src') AS src
),
"owner" AS (
  SELECT DISTINCT ON (f."id") f."id", s."postId", s."answerId"
  FROM "shown" s JOIN "FileObject" f ON f."id" = s."fileId" AND f."inline" AND f."postId" IS NULL
  ORDER BY f."id", (s."authorId" = f."uploaderId") IS TRUE DESC, s."createdAt", s."postId", s."answerId"
)
UPDATE "FileObject" f SET "postId" = o."postId", "answerId" = o."answerId"
FROM "owner" o WHERE f."id" = o."id";
