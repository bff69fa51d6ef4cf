/**
 * Domain failures as Responses with a stable id, thrown from loaders, actions and services
 * and rendered by the error boundaries with Swedish text.
 */
export type ErrorId = 'forbidden' | 'not-found' | 'conflict' | 'too-many-requests' | 'bad-request'

function errorResponse(status: number, id: ErrorId, message: string, headers: HeadersInit = {}) {
  return new Response(JSON.stringify({ id, message }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

export const forbidden = (message = 'Du har inte behörighet att göra detta.') => errorResponse(403, 'forbidden', message)

export const notFound = (message = 'Sidan finns inte.') => errorResponse(404, 'not-found', message)

export const conflict = (message: string) => errorResponse(409, 'conflict', message)

export const badRequest = (message: string) => errorResponse(400, 'bad-request', message)

export const tooManyRequests = (retryAfterSeconds: number) =>
  errorResponse(429, 'too-many-requests', `För många försök. Vänta ${Math.ceil(retryAfterSeconds / 60)} minut(er) och försök igen.`, {
    'Retry-After': String(retryAfterSeconds),
  })

/** Like tiny-invariant, but throws a Response (a 404 by default). */
export function invariantResponse(condition: unknown, message = 'Sidan finns inte.', init: { status: number } = { status: 404 }): asserts condition {
  if (!condition) {
    throw new Response(JSON.stringify({ id: 'not-found', message }), {
      status: init.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
  }
}

export function getErrorMessage(error: unknown): string {
  if (typeof error === 'string') return error
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message
  }
  return 'Okänt fel'
}
