-- Notifications by e-mail (README, decision 023): which kinds a member gets by e-mail, which
-- notifications wait for the next e-mail, and one due e-mail per member.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "notificationMailKinds" "NotificationKind"[] DEFAULT ARRAY['answer', 'comment', 'accepted', 'mention']::"NotificationKind"[];

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "mailPending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "mailedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NotificationEmailBatch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationEmailBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationEmailBatch_userId_key" ON "NotificationEmailBatch"("userId");

-- CreateIndex
CREATE INDEX "NotificationEmailBatch_dueAt_idx" ON "NotificationEmailBatch"("dueAt");

-- AddForeignKey
ALTER TABLE "NotificationEmailBatch" ADD CONSTRAINT "NotificationEmailBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The sender reads a member's waiting notifications (few rows of many).
CREATE INDEX "Notification_userId_mailPending_idx" ON "Notification"("userId") WHERE "mailPending";
