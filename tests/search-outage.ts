import type { PrismaClient } from '#app/generated/prisma/client.ts'

/**
 * Runs `during` while the PostgreSQL engine cannot search: its index table is briefly not
 * there (a real failure, no mock). Use a search the engine has not answered before, or its
 * result cache answers without the table.
 */
export async function whileSearchIndexIsAway<T>(prisma: PrismaClient, during: () => Promise<T>): Promise<T> {
  await prisma.$executeRaw`ALTER TABLE "SearchDocument" RENAME TO "SearchDocumentAway"`
  try {
    return await during()
  } finally {
    // On PGlite the pool replaces its one connection after a failed statement, and the
    // statement right after can find it closed: try the restore more than once.
    for (let attempt = 1; ; attempt++) {
      try {
        await prisma.$executeRaw`ALTER TABLE "SearchDocumentAway" RENAME TO "SearchDocument"`
        break
      } catch (error) {
        if (attempt >= 3) throw error
      }
    }
  }
}
