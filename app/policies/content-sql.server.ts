import { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The content policy's `visibleContentWhere` (./content.ts) for raw SQL: the row behind
 * `alias` is visible to everyone. It calls the database function "samverka_content_visible",
 * which the search triggers use too, so SQL spells the rule in one place (its migration).
 * `alias` is a table alias written in our code, never input.
 */
export function visibleContentSql(alias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Not a table alias: ${alias}`)
  return Prisma.sql`"samverka_content_visible"(${Prisma.raw(`${alias}."status"`)})`
}
