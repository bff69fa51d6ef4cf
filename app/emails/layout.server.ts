import { currentSiteName } from '#app/models/site-settings.server.ts'

/**
 * One small, accessible HTML frame for every e-mail (lang="sv", real heading, readable
 * contrast, no images), and the matching plain-text part.
 */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
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
  return `<p><a href="${escapeHtml(href)}" style="color:#0b4f8a;font-weight:bold">${escapeHtml(label)}</a></p>`
}
