import type { ContentStatus } from './content.ts'
import { isActive, type ActorLike } from './member.ts'

/** Who may report what (app/services/report.server.ts). Reporters are never shown to the reported member. */

/** Members report others' visible posts, answers and comments. */
export function canReportContent(actor: ActorLike | null, content: { authorId: string | null; status: ContentStatus }): boolean {
  return isActive(actor) && content.status === 'visible' && content.authorId !== actor.id
}

/** Members report other active members, never themselves. */
export function canReportMember(actor: ActorLike | null, member: { id: string; status: string }): boolean {
  return isActive(actor) && member.status === 'active' && member.id !== actor.id
}
