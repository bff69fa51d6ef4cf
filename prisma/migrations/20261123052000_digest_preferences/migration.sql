-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('weekly', 'never');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestFrequency" "DigestFrequency" NOT NULL DEFAULT 'weekly',
ADD COLUMN     "digestSectionsOff" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "DigestSentItem" (
    "userId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSentItem_pkey" PRIMARY KEY ("userId","itemKey")
);

-- AddForeignKey
ALTER TABLE "DigestSentItem" ADD CONSTRAINT "DigestSentItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

