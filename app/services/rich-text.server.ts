import type { RichTextDocument } from '#app/editor/document.ts'
import { renderRichText, toPlainText } from '#app/editor/render.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'

/** The stored columns of a validated document: the JSON, its sanitised HTML and its plain text. */
export function richTextColumns(doc: RichTextDocument) {
  return {
    body: doc as unknown as Prisma.InputJsonValue,
    bodyHtml: renderRichText(doc),
    bodyText: toPlainText(doc),
  }
}
