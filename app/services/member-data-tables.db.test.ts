import { database } from '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import { EXPORT_SECTIONS } from '#app/models/member-data.server.ts'
import { MEMBER_REFERENCES, referenceName } from './member-data-tables.server.ts'

const { prisma } = database

/**
 * Columns that look like they name a member but do not, each with the reason. Anything else
 * matching MEMBER_LIKE_COLUMN must be in MEMBER_REFERENCES.
 */
const NOT_MEMBER_REFERENCES: Record<string, string> = {
  'User.id': 'The member row itself.',
  'User.email': 'The member row itself.',
  'SiteSettings.contactEmail': "The site's own contact address.",
}

/** Column names that hold a member's id or e-mail address by this codebase's naming. */
const MEMBER_LIKE_COLUMN = /(^userId$|^actorId$|ById$|^authorId$|^uploaderId$|^reporterId$|^moderatorId$|^targetUserId$|email)/i

describe('the registry of member references', () => {
  test('names every foreign key to "User", and only those, as foreign keys', async () => {
    const rows = await prisma.$queryRaw<Array<{ table: string; column: string }>>`
      SELECT cl.relname::text AS "table", att.attname::text AS "column"
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = '"User"'::regclass
      ORDER BY 1, 2`
    const inDatabase = rows.map(referenceName)
    const registered = MEMBER_REFERENCES.filter((reference) => reference.foreignKey).map(referenceName)
    expect(
      inDatabase.filter((name) => !registered.includes(name)),
      'foreign keys to "User" without a decision in MEMBER_REFERENCES',
    ).toEqual([])
    expect(
      registered.filter((name) => !inDatabase.includes(name)),
      'registered as foreign keys but not one in the database',
    ).toEqual([])
  })

  test('names every column without a foreign key that holds a member id or e-mail address', async () => {
    const rows = await prisma.$queryRaw<Array<{ table: string; column: string }>>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY 1, 2`
    const registered = new Set(MEMBER_REFERENCES.map(referenceName))
    const unknown = rows
      .filter((row) => MEMBER_LIKE_COLUMN.test(row.column))
      .map(referenceName)
      .filter((name) => !registered.has(name) && !(name in NOT_MEMBER_REFERENCES))
    expect(unknown, 'member-like columns without a decision in MEMBER_REFERENCES').toEqual([])
    // Every registered column exists (a renamed column cannot leave a stale entry behind).
    const columns = new Set(rows.map(referenceName))
    expect(MEMBER_REFERENCES.map(referenceName).filter((name) => !columns.has(name))).toEqual([])
  })

  test('every reference is exported or says why not, and every export section has a source', () => {
    for (const reference of MEMBER_REFERENCES) expect(reference.why.length, referenceName(reference)).toBeGreaterThan(10)
    const sources = new Set<string>(MEMBER_REFERENCES.map((reference) => reference.export).filter((section) => section !== null))
    expect(EXPORT_SECTIONS.filter((section) => section !== 'profile' && !sources.has(section))).toEqual([])
  })
})
