import { domainToASCII } from 'node:url'

/**
 * Work e-mail addresses and the organisation registry: normalising an address, the
 * candidate registry domains for it (the domain and each parent), and refusing free-mail.
 * Pure functions, shared by sign-in and the moderators' domain editing.
 */

export const EMAIL_MAX_LENGTH = 254

/** Free-mail and consumer ISP domains. Subdomains count too. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.se',
  'hotmail.com',
  'hotmail.se',
  'live.com',
  'live.se',
  'msn.com',
  'yahoo.com',
  'yahoo.se',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'gmx.com',
  'gmx.se',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'tuta.io',
  'telia.com',
  'spray.se',
  'bredband.net',
  'bredband2.com',
  'comhem.se',
  'bahnhof.se',
  'tele2.se',
  'passagen.se',
  'home.se',
  'glocalnet.net',
  'swipnet.se',
  'live.dk',
  'mailbox.org',
  'posteo.de',
  'web.de',
  'qq.com',
  '163.com',
])

/** Normalises a domain: lower-case, no trailing dot, IDN as punycode. Null when invalid. */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim().replace(/\.+$/, '')
  if (!trimmed || trimmed.length > 253) return null
  const ascii = domainToASCII(trimmed.toLowerCase())
  if (!ascii) return null
  const labels = ascii.split('.')
  if (labels.length < 2) return null
  const labelPattern = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
  if (!labels.every((label) => labelPattern.test(label))) return null
  if (!/^[a-z]{2,63}$|^xn--[a-z0-9-]+$/.test(labels[labels.length - 1] ?? '')) return null
  return ascii
}

export type ParsedEmail = { email: string; local: string; domain: string }

/** Parses a work e-mail address; the domain part is normalised, the local part kept. */
export function parseEmail(input: string): ParsedEmail | null {
  const trimmed = input.trim()
  if (!trimmed || trimmed.length > EMAIL_MAX_LENGTH) return null
  const at = trimmed.lastIndexOf('@')
  if (at <= 0 || at === trimmed.length - 1) return null
  const local = trimmed.slice(0, at)
  if (local.length > 64 || !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local)) return null
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null
  const domain = normalizeDomain(trimmed.slice(at + 1))
  if (!domain) return null
  const localLower = local.toLowerCase()
  return { email: `${localLower}@${domain}`, local: localLower, domain }
}

/** The domain and each parent domain with at least two labels, longest first. */
export function candidateDomains(domain: string): string[] {
  const labels = domain.split('.')
  const candidates: string[] = []
  for (let start = 0; start <= labels.length - 2; start++) {
    candidates.push(labels.slice(start).join('.'))
  }
  return candidates
}

export function isFreeMailDomain(domain: string): boolean {
  return candidateDomains(domain).some((candidate) => FREE_MAIL_DOMAINS.has(candidate))
}

/**
 * Of the registry rows whose domain matched one of the candidates, keeps those with the
 * longest (most specific) domain: `ifau.uu.se` wins over `uu.se`. Several rows remain when
 * organisations share a domain (`dom.se`, `lansstyrelsen.se`), and the user picks.
 */
export function longestDomainMatches<T extends { domain: string }>(rows: readonly T[]): T[] {
  const longest = Math.max(0, ...rows.map((row) => row.domain.length))
  return rows.filter((row) => row.domain.length === longest)
}
