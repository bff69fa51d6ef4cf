/**
 * The client's IP address. The HTTP server sets this header from the socket (or, with
 * TRUST_PROXY, from X-Forwarded-For) and overwrites whatever a client sent in it.
 */
export const CLIENT_ADDRESS_HEADER = 'X-Samverka-Client-Address'

export function getClientAddress(request: Request): string {
  return displayClientAddress(request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown')
}

/**
 * An address as people know it: a dual-stack server sees IPv4 clients as IPv4-mapped IPv6
 * ("::ffff:127.0.0.1"), which is the IPv4 address "127.0.0.1". Used where the address is
 * read (stored with sessions, the rate limits' key) and for sessions stored before that.
 */
export function displayClientAddress(address: string): string {
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address
}
