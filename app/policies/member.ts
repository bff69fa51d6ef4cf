/**
 * Who may do what with members and organisations. Pure predicates: the UI uses them to show
 * controls, the services through `authorize` (which throws 403).
 */
export type ActorLike = { id: string; role: 'member' | 'moderator' | 'admin'; status: string }

/** The signed-in person performing a use case, as the services see them. */
export type Actor = ActorLike & { name: string; organisationId?: string | null }

export function isActive(actor: ActorLike | null | undefined): actor is ActorLike {
  return actor?.status === 'active'
}

export function canModerate(actor: ActorLike | null | undefined): boolean {
  return isActive(actor) && (actor.role === 'moderator' || actor.role === 'admin')
}

/** Admins appoint moderators and admins, change the site settings and maintain the organisation registry. */
export function canAdminister(actor: ActorLike | null | undefined): boolean {
  return isActive(actor) && actor.role === 'admin'
}

/** Moderators act on members, but not on themselves, and only admins act on admins. */
export function canModerateMember(actor: ActorLike | null | undefined, target: { id: string; role: 'member' | 'moderator' | 'admin' }): boolean {
  if (!canModerate(actor) || actor?.id === target.id) return false
  return target.role !== 'admin' || actor?.role === 'admin'
}

/** Newcomers of a verified organisation without manual approval are active at once. */
export function joinsActive(organisation: { verified: boolean; manualApproval: boolean }): boolean {
  return organisation.verified && !organisation.manualApproval
}
