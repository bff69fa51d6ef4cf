-- CreateEnum
CREATE TYPE "FollowTarget" AS ENUM ('tag', 'organisation', 'post');

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "targetType" "FollowTarget" NOT NULL,
    "tagId" TEXT,
    "organisationId" TEXT,
    "postId" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Follow_userId_targetType_createdAt_id_idx" ON "Follow"("userId", "targetType", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Follow_tagId_idx" ON "Follow"("tagId");

-- CreateIndex
CREATE INDEX "Follow_organisationId_idx" ON "Follow"("organisationId");

-- CreateIndex
CREATE INDEX "Follow_postId_idx" ON "Follow"("postId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_tagId_key" ON "Follow"("userId", "tagId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_organisationId_key" ON "Follow"("userId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_postId_key" ON "Follow"("userId", "postId");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Exactly one target, the one `targetType` names.
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_target_check" CHECK (
    ("targetType" = 'tag' AND "tagId" IS NOT NULL AND "organisationId" IS NULL AND "postId" IS NULL)
    OR ("targetType" = 'organisation' AND "organisationId" IS NOT NULL AND "tagId" IS NULL AND "postId" IS NULL)
    OR ("targetType" = 'post' AND "postId" IS NOT NULL AND "tagId" IS NULL AND "organisationId" IS NULL));
