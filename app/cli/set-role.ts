import { runWithDatabase } from './run-with-database.ts'

// npm run user:role -- <e-mail> <member|moderator|admin>
const [email, role] = process.argv.slice(2)
const roles = ['member', 'moderator', 'admin'] as const
if (!email || !roles.includes(role as (typeof roles)[number])) {
  console.error('Usage: npm run user:role -- <e-mail> <member|moderator|admin>')
  process.exit(64)
}

await runWithDatabase(async () => {
  const { setRoleByEmail } = await import('#app/services/roles.server.ts')
  const result = await setRoleByEmail(email, role as (typeof roles)[number]).catch(async (error: unknown) => {
    if (!(error instanceof Response)) throw error
    // A refusal (e.g. removing the last admin) carries a Swedish message for the operator.
    console.error(((await error.json()) as { message: string }).message)
    process.exitCode = 1
    return undefined
  })
  if (result === undefined) return
  if (!result) {
    console.error(`No account with the address ${email}. The person signs in once first.`)
    process.exitCode = 1
    return
  }
  console.info(`${result.name}: ${result.from} → ${result.to}`)
})
