import { PrismaAdapter } from '@lucia-auth/adapter-prisma'
import { redirect } from '@remix-run/node'
import { Lucia, TimeSpan } from 'lucia'
import type { UserRole, UserStatus } from '#app/generated/prisma/enums.ts'
import type { Actor } from '#app/policies/member.ts'
import { clearCookie, readCookie, serializeCookie } from './cookies.server.ts'
import { prisma } from './db.server.ts'
import { forbidden } from './errors.server.ts'
import { redirectWithFlash } from './flash.server.ts'
import { getClientAddress } from './request.server.ts'
import { safeRedirect } from './redirect.ts'

/**
 * The only module that knows Lucia. Sessions live in the database (the cookie holds only
 * the session id), expire after 30 days and are extended when half used (sliding expiry).
 */
export const SESSION_COOKIE = 'samverka_session'
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000

const lucia = new Lucia(new PrismaAdapter(prisma.session, prisma.user), {
  sessionExpiresIn: new TimeSpan(30, 'd'),
  sessionCookie: { name: SESSION_COOKIE },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    title: attributes.title,
    role: attributes.role,
    status: attributes.status,
    organisationId: attributes.organisationId,
  }),
  getSessionAttributes: (attributes) => ({ lastUsedAt: attributes.lastUsedAt }),
})

type UserAttributes = {
  email: string
  name: string
  title: string
  role: UserRole
  status: UserStatus
  organisationId: string | null
}

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    DatabaseUserAttributes: UserAttributes
    DatabaseSessionAttributes: { userAgent: string; ipAddress: string; lastUsedAt: Date }
  }
}

/** A signed-in person as the rest of the app sees them (no Lucia types). */
export type SignedInUser = UserAttributes & {
  id: string
  sessionId: string
  /** Set-Cookie to send when the session was extended. */
  refreshedCookie: string | null
}

const cache = new WeakMap<Request, Promise<SignedInUser | null>>()

/** The signed-in user of any status, or null. Suspended and rejected users have no session. */
export function getUser(request: Request): Promise<SignedInUser | null> {
  let pending = cache.get(request)
  if (!pending) {
    pending = loadUser(request)
    cache.set(request, pending)
  }
  return pending
}

async function loadUser(request: Request): Promise<SignedInUser | null> {
  const sessionId = readCookie(request, SESSION_COOKIE)
  if (!sessionId || sessionId.length > 100) return null
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session) return null
  if (user.status === 'suspended' || user.status === 'rejected') {
    await lucia.invalidateUserSessions(user.id)
    return null
  }
  if (Date.now() - session.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastUsedAt: new Date() } })
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    role: user.role,
    status: user.status,
    organisationId: user.organisationId,
    sessionId: session.id,
    refreshedCookie: session.fresh ? sessionCookie(request, session.id, session.expiresAt) : null,
  }
}

function sessionCookie(request: Request, sessionId: string, expiresAt: Date) {
  return serializeCookie(request, SESSION_COOKIE, sessionId, { expires: expiresAt })
}

function signInRedirectTo(request: Request) {
  const url = new URL(request.url)
  const target = `${url.pathname}${url.search}`
  const query = target === '/' ? '' : `?${new URLSearchParams({ redirectTo: target })}`
  return `/logga-in${query}`
}

/** Any signed-in user, whatever their status (pending users too); otherwise to sign-in. */
export async function requireUser(request: Request): Promise<SignedInUser> {
  const user = await getUser(request)
  if (!user) throw redirect(signInRedirectTo(request))
  return user
}

/** An active member; pending users are sent to the waiting page. */
export async function requireMember(request: Request): Promise<SignedInUser> {
  const user = await requireUser(request)
  if (user.status !== 'active') throw redirect('/vantar')
  return user
}

/** An active member with one of the roles; others get 403. */
export async function requireRole(request: Request, roles: readonly UserRole[]): Promise<SignedInUser> {
  const member = await requireMember(request)
  if (!roles.includes(member.role)) throw forbidden()
  return member
}

const asActor = (member: SignedInUser): Actor => ({
  id: member.id,
  name: member.name,
  role: member.role,
  status: member.status,
  organisationId: member.organisationId,
})

/** An active member, shaped as the services' actor. */
export async function requireActor(request: Request): Promise<Actor> {
  return asActor(await requireMember(request))
}

/** A moderator or admin (others get 403), shaped as the services' actor. */
export async function requireModerator(request: Request): Promise<Actor> {
  return asActor(await requireRole(request, ['moderator', 'admin']))
}

/** An admin (others get 403), shaped as the services' actor. */
export async function requireAdmin(request: Request): Promise<Actor> {
  return asActor(await requireRole(request, ['admin']))
}

/** For sign-in pages: a signed-in user is sent on. */
export async function requireAnonymous(request: Request) {
  const user = await getUser(request)
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get('redirectTo')
    throw redirect(user.status === 'active' ? safeRedirect(redirectTo) : '/vantar')
  }
}

/** Starts a session for the user and returns the Set-Cookie header. */
export async function createSession(request: Request, userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {
    userAgent: (request.headers.get('User-Agent') ?? '').slice(0, 300),
    ipAddress: getClientAddress(request),
    lastUsedAt: new Date(),
  })
  return sessionCookie(request, session.id, session.expiresAt)
}

/** Ends this request's session and returns the Set-Cookie header that clears it. */
export async function signOut(request: Request): Promise<string> {
  const sessionId = readCookie(request, SESSION_COOKIE)
  if (sessionId) await lucia.invalidateSession(sessionId)
  return clearCookie(request, SESSION_COOKIE)
}

/** Ends this request's session and sends the browser to sign-in, which says so. */
export async function signOutToSignIn(request: Request): Promise<Response> {
  return redirectWithFlash(request, '/logga-in', { message: 'Du är utloggad.', tone: 'success' }, { headers: { 'Set-Cookie': await signOut(request) } })
}

/** Ends one of the user's own sessions; false when it was not theirs (or already gone). */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId, userId } })
  return count > 0
}

/** Ends every session of a user at once (suspension, "sign out everywhere"). */
export async function revokeAllSessions(userId: string) {
  await lucia.invalidateUserSessions(userId)
}
