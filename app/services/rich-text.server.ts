import { mentionedMemberIds, resolveMentions, type RichTextDocument } from '#app/editor/document.ts'
import { renderRichText, toPlainText } from '#app/editor/render.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * A validated document ready to store: its mentions resolved against the database (active
 * members get their current name as the label; a mention of an unknown or inactive member
 * becomes the plain text it showed), then the JSON, its sanitised HTML and its plain text.
 * `mentionedIds` are the active members it mentions, for `notifyMention`.
 */
export async function prepareRichText(tx: Prisma.TransactionClient, doc: RichTextDocument) {
  const ids = mentionedMemberIds(doc)
  const members = ids.length > 0 ? await tx.user.findMany({ where: { id: { in: ids }, status: 'active' }, select: { id: true, name: true } }) : []
  const resolved = resolveMentions(doc, new Map(members.map((member) => [member.id, member.name])))
  return {
    columns: {
      body: resolved as unknown as Prisma.InputJsonValue,
      bodyHtml: renderRichText(resolved),
      bodyText: toPlainText(resolved),
    },
    mentionedIds: members.map((member) => member.id),
  }
}
