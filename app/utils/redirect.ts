const DEFAULT_REDIRECT = '/'

/**
 * Only same-site paths: `/x` yes; `//evil.example`, `/\evil`, `https://…`, `javascript:`
 * and anything with control characters fall back to the default.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT) {
  if (!target || typeof target !== 'string') return fallback
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\\]/.test(target)) return fallback
  try {
    const url = new URL(target, 'http://samverka.invalid')
    if (url.origin !== 'http://samverka.invalid') return fallback
  } catch {
    return fallback
  }
  return target
}
