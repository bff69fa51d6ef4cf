/**
 * The client's IP address. The HTTP server sets this header from the socket (or, with
 * TRUST_PROXY, from X-Forwarded-For) and overwrites whatever a client sent in it.
 */
export const CLIENT_ADDRESS_HEADER = 'X-Samverka-Client-Address'

export function getClientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
