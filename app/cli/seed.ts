import { runWithDatabase } from './run-with-database.ts'

await runWithDatabase(async () => {
  const { env } = await import('#app/utils/env.server.ts')
  const { seedDatabase } = await import('#prisma/seed.ts')
  const result = await seedDatabase({ demo: env().SEED_DEMO })
  console.info(
    `Registry: ${result.created} organisations created, ${result.updated} updated, ${result.domainsAdded} domains added; ` +
      `${result.demoMembers} demo members created.`,
  )
})
