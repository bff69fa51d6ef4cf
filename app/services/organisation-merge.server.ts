import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { type Actor, canAdminister } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest, conflict, notFound } from '#app/utils/errors.server.ts'
import { writeAudit } from './audit.server.ts'
import { enqueueSearchUpdates } from './search-outbox.server.ts'

/**
 * Merging two organisations (the registry had one twice, or two merged in reality): members,
 * posts, participations, follows, domains and organisation requests move from the removed
 * organisation to the kept one in one transaction, without duplicates. The removed one stays
 * as a row with `mergedIntoId`, so its old address redirects (301) to the kept one and the
 * registry import never recreates it.
 */
export type MergeCounts = {
  members: number
  pendingMembers: number
  posts: number
  participations: number
  follows: number
  domains: number
  requests: number
}

const partySelect = { id: true, name: true, slug: true, mergedIntoId: true } satisfies Prisma.OrganisationSelect
type Party = Prisma.OrganisationGetPayload<{ select: typeof partySelect }>

async function loadParties(db: Prisma.TransactionClient, removeId: string, keepId: string): Promise<{ remove: Party; keep: Party }> {
  if (removeId === keepId) throw badRequest('Välj två olika organisationer: en organisation kan inte slås ihop med sig själv.')
  const found = await db.organisation.findMany({ where: { id: { in: [removeId, keepId] } }, select: partySelect })
  const remove = found.find((org) => org.id === removeId)
  const keep = found.find((org) => org.id === keepId)
  if (!remove || !keep) throw notFound('Organisationen finns inte.')
  for (const org of [remove, keep]) {
    if (org.mergedIntoId) throw conflict(`${org.name} är redan sammanslagen med en annan organisation.`)
  }
  return { remove, keep }
}

async function countMovable(db: Prisma.TransactionClient, organisationId: string): Promise<MergeCounts> {
  const [members, pendingMembers, posts, participations, follows, domains, requests] = await Promise.all([
    db.user.count({ where: { organisationId } }),
    db.user.count({ where: { organisationId, status: 'pending' } }),
    db.post.count({ where: { organisationId } }),
    db.postParticipant.count({ where: { organisationId } }),
    db.follow.count({ where: { organisationId } }),
    db.organisationDomain.count({ where: { organisationId } }),
    db.organisationRequest.count({ where: { organisationId } }),
  ])
  return { members, pendingMembers, posts, participations, follows, domains, requests }
}

/** What a merge would move, for the confirmation page. */
export async function previewOrganisationMerge(actor: Actor, input: { removeId: string; keepId: string }) {
  authorize(canAdminister(actor))
  const { remove, keep } = await loadParties(prisma, input.removeId, input.keepId)
  return { remove: { id: remove.id, name: remove.name }, keep: { id: keep.id, name: keep.name }, counts: await countMovable(prisma, remove.id) }
}

export async function mergeOrganisations(actor: Actor, input: { removeId: string; keepId: string; reason: string }) {
  authorize(canAdminister(actor))
  return prisma.$transaction(async (tx) => {
    // Both rows locked in a fixed order: a concurrent merge of either waits, then sees mergedIntoId.
    await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" IN (${input.removeId}, ${input.keepId}) ORDER BY "id" FOR UPDATE`
    const { remove, keep } = await loadParties(tx, input.removeId, input.keepId)
    const from = { organisationId: remove.id }
    const to = { organisationId: keep.id }
    const pendingMembers = await tx.user.count({ where: { ...from, status: 'pending' } })

    const members = await tx.user.updateMany({ where: from, data: to })
    const movedPosts = await tx.post.findMany({ where: from, select: { id: true } })
    const posts = await tx.post.updateMany({ where: from, data: to })
    // Their search documents carry the organisation.
    await enqueueSearchUpdates(
      tx,
      'post',
      movedPosts.map((post) => post.id),
    )

    // A post both organisations take part in, a member following both, a domain both have: kept once
    // (a shared project the removed organisation led is led by the kept one).
    const ledShared = await tx.postParticipant.findMany({ where: { ...from, role: 'lead', post: { participants: { some: to } } }, select: { postId: true } })
    const sharedParticipations = await tx.postParticipant.deleteMany({ where: { ...from, post: { participants: { some: to } } } })
    await tx.postParticipant.updateMany({ where: { ...to, postId: { in: ledShared.map((row) => row.postId) } }, data: { role: 'lead' } })
    const participations = await tx.postParticipant.updateMany({ where: from, data: to })
    const sharedFollows = await tx.follow.deleteMany({ where: { ...from, user: { follows: { some: to } } } })
    const follows = await tx.follow.updateMany({ where: from, data: to })
    const keptDomains = await tx.organisationDomain.findMany({ where: to, select: { domain: true } })
    const sharedDomains = await tx.organisationDomain.deleteMany({ where: { ...from, domain: { in: keptDomains.map((row) => row.domain) } } })
    const domains = await tx.organisationDomain.updateMany({ where: from, data: to })
    const requests = await tx.organisationRequest.updateMany({ where: from, data: to })

    await tx.organisation.updateMany({ where: { mergedIntoId: remove.id }, data: { mergedIntoId: keep.id } })
    await tx.organisation.update({ where: { id: remove.id }, data: { mergedIntoId: keep.id }, select: { id: true } })

    const counts: MergeCounts = {
      members: members.count,
      pendingMembers,
      posts: posts.count,
      participations: participations.count,
      follows: follows.count,
      domains: domains.count,
      requests: requests.count,
    }
    await writeAudit(tx, actor, {
      action: 'organisation.merged',
      targetType: 'organisation',
      targetId: remove.id,
      targetName: remove.name,
      reason: input.reason,
      // Moved, and (alreadyShared) those the kept organisation already had, kept once.
      data: {
        keptId: keep.id,
        keptName: keep.name,
        ...counts,
        alreadyShared: { participations: sharedParticipations.count, follows: sharedFollows.count, domains: sharedDomains.count },
      },
    })
    return { keep: { name: keep.name, slug: keep.slug }, counts }
  })
}
