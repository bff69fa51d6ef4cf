-- Text of uploaded files for search (app/services/file-text.server.ts extracts it in the
-- background). Every existing file starts pending, so files uploaded before this migration
-- are extracted too.
CREATE TYPE "FileTextStatus" AS ENUM ('pending', 'done', 'none', 'failed');

ALTER TABLE "FileObject" ADD COLUMN "extractedText" TEXT,
ADD COLUMN "textAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "textClaimedAt" TIMESTAMP(3),
ADD COLUMN "textError" TEXT,
ADD COLUMN "textExtractedAt" TIMESTAMP(3),
ADD COLUMN "textStatus" "FileTextStatus" NOT NULL DEFAULT 'pending';

CREATE INDEX "FileObject_textStatus_createdAt_idx" ON "FileObject"("textStatus", "createdAt");
