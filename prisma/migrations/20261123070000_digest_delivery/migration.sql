-- CreateEnum
CREATE TYPE "DigestDeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'empty', 'failed');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'mention';

-- AlterEnum
ALTER TYPE "DigestFrequency" ADD VALUE 'monthly';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestHardFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "digestStoppedReason" TEXT;

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "status" "DigestDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DigestDelivery_week_status_nextAttemptAt_idx" ON "DigestDelivery"("week", "status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_userId_week_key" ON "DigestDelivery"("userId", "week");

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

