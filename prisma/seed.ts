import fs from 'node:fs'
import path from 'node:path'
import { prisma } from '#app/utils/db.server.ts'
import { importRegistryCsv } from '#app/services/registry.server.ts'
import { buildMember } from '#tests/factories.ts'
import { seedDemoContent } from './demo-content.ts'

/**
 * Loads the organisation registry (always; idempotent) and, when asked, a few demo members.
 * Demo addresses end in `.example` (RFC 2606): they can never receive real mail.
 */
export const registryCsvPath = path.resolve(import.meta.dirname, 'data/organizations.csv')

export const DEMO_MEMBERS = [
  { email: 'admin@samverka.example', name: 'Alva Admin', title: 'Förvaltningsledare', role: 'admin', organisation: 'Myndigheten för digital förvaltning' },
  { email: 'moderator@samverka.example', name: 'Moa Moderator', title: 'Community-ansvarig', role: 'moderator', organisation: 'Göteborgs kommun' },
  { email: 'anna.svensson@malmo.example', name: 'Anna Svensson', title: 'Digitaliseringsstrateg', role: 'member', organisation: 'Malmö kommun' },
  { email: 'erik.lindqvist@skane.example', name: 'Erik Lindqvist', title: 'Upphandlare', role: 'member', organisation: 'Region Skåne' },
  { email: 'sara.ahmadi@umea.example', name: 'Sara Ahmadi', title: 'Enhetschef e-tjänster', role: 'member', organisation: 'Umeå kommun' },
] as const

export async function seedDatabase({ demo }: { demo: boolean }) {
  const registry = await importRegistryCsv(fs.readFileSync(registryCsvPath, 'utf8'))
  if (registry.errors.length > 0) throw new Error(`Registry CSV has errors:\n${registry.errors.join('\n')}`)
  let demoMembers = 0
  if (demo) {
    const existing = new Set(
      (await prisma.user.findMany({ where: { email: { in: DEMO_MEMBERS.map((m) => m.email) } }, select: { email: true } })).map((u) => u.email),
    )
    for (const { organisation, ...fields } of DEMO_MEMBERS.filter((member) => !existing.has(member.email))) {
      const org = await prisma.organisation.findFirst({ where: { name: organisation }, select: { id: true } })
      await prisma.user.create({ data: buildMember({ ...fields, organisationId: org?.id ?? null }), select: { id: true } })
      demoMembers++
    }
  }
  const demoPosts = demo ? await seedDemoContent() : 0
  return { ...registry, demoMembers, demoPosts }
}

/** True when the database has no organisations yet (a fresh install). */
export async function isEmptyDatabase() {
  return (await prisma.organisation.count()) === 0
}
