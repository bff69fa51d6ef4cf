import { getDatabase } from './database.server.ts'

export type { Prisma } from '#app/generated/prisma/client.ts'

/** The process's Prisma client. The entry point has opened the database before this loads. */
export const prisma = getDatabase().prisma
