import { randomUUID } from 'node:crypto'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import type { Actor } from '#app/policies/member.ts'
import type { ProjectInput } from '#app/services/post.server.ts'
import { slugify, swedishSortKey } from '#app/utils/swedish.ts'

/**
 * Test and demo data builders. `build*` return create-input objects; `insert*` write them
 * with the given client. The seed reuses them for its demo members.
 */
let sequence = 0
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}${randomUUID().slice(0, 4)}`

export function buildOrganisation(overrides: Partial<Prisma.OrganisationUncheckedCreateInput> = {}) {
  const name = overrides.name ?? `Testkommun ${next()}`
  return {
    registryKey: `annan:${name}`,
    type: 'kommun' as const,
    name,
    sortKey: swedishSortKey(name),
    slug: `${slugify(name)}-${next()}`,
    verified: true,
    ...overrides,
  } satisfies Prisma.OrganisationUncheckedCreateInput
}

export function buildMember(overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const name = overrides.name ?? `Test Testsson ${next()}`
  return {
    email: `member-${next()}@test.example`,
    name,
    sortKey: swedishSortKey(name),
    title: 'Handläggare',
    status: 'active' as const,
    role: 'member' as const,
    ...overrides,
  } satisfies Prisma.UserUncheckedCreateInput
}

export async function insertOrganisation(prisma: PrismaClient, overrides: Partial<Prisma.OrganisationUncheckedCreateInput> = {}, domains: string[] = []) {
  return prisma.organisation.create({
    data: { ...buildOrganisation(overrides), domains: { create: domains.map((domain) => ({ domain })) } },
    select: { id: true, name: true, slug: true },
  })
}

export async function insertMember(prisma: PrismaClient, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  return prisma.user.create({
    data: buildMember(overrides),
    select: { id: true, email: true, name: true, role: true, status: true },
  })
}

/** A member as the services see them (their `actor`). */
export async function insertActor(prisma: PrismaClient, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}): Promise<Actor> {
  const member = await insertMember(prisma, overrides)
  return { id: member.id, name: member.name, role: member.role, status: member.status, organisationId: overrides.organisationId ?? null }
}

/** The input of createProject: an ongoing project with a one-paragraph description. */
export function buildProjectInput(title: string, overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    title,
    body: plainTextToDocument('Vi beskriver arbetet här.'),
    tags: [],
    projectStatus: 'ongoing',
    startDate: null,
    endDate: null,
    lead: null,
    participants: [],
    contactName: null,
    contactEmail: null,
    seekingPartners: false,
    shareEditing: false,
    links: [],
    ...overrides,
  }
}
