import { currentSiteName } from '#app/models/site-settings.server.ts'
import { unsubscribeMailbox } from '#app/utils/email.server.ts'

/**
 * One small, accessible HTML frame for every e-mail (lang="sv", real heading, readable
 * contrast, no images), and the matching plain-text part.
 */
export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')
}

export function htmlEmail(heading: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:560px;margin:0 auto">
<h1 style="font-size:22px;color:#1b1b1b">${escapeHtml(heading)}</h1>
${bodyHtml}
<p style="margin-top:32px;color:#4a4a4a;font-size:14px">${escapeHtml(currentSiteName())} – kunskapsdelning i offentlig sektor</p>
</main></body></html>`
}

export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`
}

export function linkButton(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}" style="${LINK_STYLE}">${escapeHtml(label)}</a></p>`
}

export const DETAIL_STYLE = 'color:#4a4a4a;font-size:14px'
export const LINK_STYLE = 'color:#0b4f8a;font-weight:bold'

export type FooterLink = { href: string; label: string }

/**
 * The footer of an e-mail a member chose and can stop (the digest, notification e-mails):
 * why they get it, then one link per line (change settings, unsubscribe). HTML and text lines.
 */
export function emailFooter(why: string, links: readonly FooterLink[]): { html: string; text: string[] } {
  return {
    html: `<hr style="border:0;border-top:1px solid #d0d0d0;margin:32px 0 16px">
<p style="${DETAIL_STYLE}">${escapeHtml(why)}</p>
${links.map((link) => `<p style="${DETAIL_STYLE}"><a href="${escapeHtml(link.href)}" style="color:#0b4f8a">${escapeHtml(link.label)}</a></p>`).join('\n')}`,
    text: ['-- ', why, ...links.map((link) => `${link.label}: ${link.href}`)],
  }
}

/**
 * Where a list message's unsubscribe goes: the page `path` with the signed token (also the
 * one-click POST target), and the RFC 2369 mailto alternative with the token in its subject.
 */
export function unsubscribeAddresses({ baseUrl, path, token, mailSubject }: { baseUrl: string; path: string; token: string; mailSubject: string }) {
  return {
    url: `${baseUrl}${path}?token=${encodeURIComponent(token)}`,
    mailto: `mailto:${unsubscribeMailbox()}?subject=${encodeURIComponent(`${mailSubject} ${token}`)}`,
  }
}

/** The headers of a list message: one-click unsubscribe (RFC 8058), List-Id, and that no one should auto-reply. */
export function listHeaders({
  listName,
  listId,
  baseUrl,
  unsubscribeUrl,
  unsubscribeMailto,
}: {
  listName: string
  listId: string
  baseUrl: string
  unsubscribeUrl: string
  unsubscribeMailto: string
}) {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>, <${unsubscribeMailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${listName} <${listId}.${new URL(baseUrl).hostname}>`,
    'Auto-Submitted': 'auto-generated',
  }
}
