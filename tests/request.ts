import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { readFlash } from '#app/utils/flash.server.ts'
import { insertMember } from './factories.ts'

/**
 * Calling loaders and actions like a browser would: a cookie jar, a CSRF token, and a
 * uniform view of what a route returned (a Response, `data(...)`, or a plain object).
 */
export const BASE_URL = 'http://localhost:3000'

export class Browser {
  private cookies = new Map<string, string>()
  readonly csrfToken = 'test-csrf-token-0123456789abcdefghijklmnopqrstu'

  constructor() {
    this.cookies.set('samverka_csrf', this.csrfToken)
  }

  cookie(name: string) {
    return this.cookies.get(name)
  }

  /** Signs this browser in as the member: a real session, its cookie stored. */
  async signInAs(userId: string) {
    // Imported here: the app's auth module needs the test database open (tests/setup/database.ts).
    const { createSession } = await import('#app/utils/auth.server.ts')
    this.store(new Response(null, { headers: { 'Set-Cookie': await createSession(this.get('/'), userId) } }))
  }

  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';')
      const [name, ...value] = (pair ?? '').split('=')
      if (!name) continue
      const expired = attributes.some((attribute) => /max-age=0/i.test(attribute.trim()))
      if (expired) this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), decodeURIComponent(value.join('=')))
    }
  }

  private headers(extra: HeadersInit = {}) {
    const headers = new Headers(extra)
    headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; '))
    headers.set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36')
    headers.set('X-Samverka-Client-Address', '10.0.0.1')
    return headers
  }

  get(path: string) {
    return new Request(new URL(path, BASE_URL), { headers: this.headers() })
  }

  /** A form post from a page of `site` (default the app's own address) to that site. */
  post(
    path: string,
    fields: Record<string, string>,
    { csrf = true, headers = {}, site = BASE_URL }: { csrf?: boolean; headers?: HeadersInit; site?: string } = {},
  ) {
    const body = new URLSearchParams(fields)
    if (csrf) body.set('csrf', this.csrfToken)
    return new Request(new URL(path, site), {
      method: 'POST',
      body,
      headers: this.headers({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(site).origin, ...headers }),
    })
  }
}

export type RouteResult = { status: number; location: string | null; data: unknown; response: Response | null }

type DataWithInit = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null }

function isDataWithInit(value: unknown): value is DataWithInit {
  return Boolean(value && typeof value === 'object' && (value as { type?: unknown }).type === 'DataWithResponseInit')
}

/** Runs a loader or action; thrown Responses count as results, like Remix treats them. */
export async function call(fn: () => Promise<unknown> | unknown, browser?: Browser): Promise<RouteResult> {
  let value: unknown
  try {
    value = await fn()
  } catch (error) {
    if (!(error instanceof Response)) throw error
    value = error
  }
  if (value instanceof Response) {
    browser?.store(value)
    const text = await value.clone().text()
    let data: unknown = text
    try {
      data = JSON.parse(text)
    } catch {
      // plain text body
    }
    return { status: value.status, location: value.headers.get('Location'), data, response: value }
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers)
    if (browser) browser.store(new Response(null, { headers }))
    return { status: value.init?.status ?? 200, location: null, data: value.data, response: null }
  }
  return { status: 200, location: null, data: value, response: null }
}

/** The message a route's redirect leaves for the next page (app/utils/flash.server.ts), or null. */
export function flashOf(result: RouteResult | Response) {
  const response = result instanceof Response ? result : result.response
  if (!response) return null
  const browser = new Browser()
  browser.store(response)
  return readFlash(browser.get('/')).flash
}

export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })

/** A new member (with `insertMember` overrides) and a browser signed in as them. */
export async function signedInMember(prisma: PrismaClient, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const user = await insertMember(prisma, overrides)
  const browser = new Browser()
  await browser.signInAs(user.id)
  return { user, browser }
}
