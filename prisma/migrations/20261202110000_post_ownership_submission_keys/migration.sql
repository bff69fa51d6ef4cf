-- Projects name the organisation that leads them among their participants ("leds av").
-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('participant', 'lead');

-- AlterTable
ALTER TABLE "PostParticipant" ADD COLUMN     "role" "ParticipantRole" NOT NULL DEFAULT 'participant';

-- At most one lead per post (not expressible in schema.prisma).
CREATE UNIQUE INDEX "PostParticipant_postId_lead_key" ON "PostParticipant"("postId") WHERE "role" = 'lead';

-- Create forms carry a random submission key: a resubmitted form finds the row it created
-- (unique per author; rows from before have none).
-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "submissionKey" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "submissionKey" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Post_authorId_submissionKey_key" ON "Post"("authorId", "submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_authorId_submissionKey_key" ON "Answer"("authorId", "submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_authorId_submissionKey_key" ON "Comment"("authorId", "submissionKey");
