import type { Duplex } from 'node:stream'
import { baselineSecurityHeaders } from './security-headers.server.ts'

/**
 * The HTTP server's limits and its answers to requests it cannot parse (app/cli/start.ts).
 *
 * The request line and headers may take 128 kB (Node's default is 16 kB): a search of 10,000
 * characters in any script fits in the URL (percent-encoded, up to 9 bytes each) next to the
 * cookies, so it reaches the search page and its notice about the cut query. Anything larger
 * gets a Swedish 431 page instead of Node's empty answer.
 */
export const MAX_HEADER_BYTES = 128 * 1024

const ANSWERS = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    title: 'Adressen är för lång',
    text: 'Adressen (till exempel en sökning) eller webbläsarens kakor är för långa för att servern ska kunna ta emot dem. Korta sökningen och försök igen.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: '408 Request Timeout',
    title: 'Det tog för lång tid',
    text: 'Servern fick inte hela förfrågan i tid. Försök igen.',
  },
  other: {
    status: '400 Bad Request',
    title: 'Förfrågan kunde inte läsas',
    text: 'Servern kunde inte läsa förfrågan. Ladda om sidan och försök igen.',
  },
} as const

/** The raw HTTP response for a request Node could not parse: a small Swedish page, then the connection closes. */
export function clientErrorResponse(code: string | undefined): string {
  const answer = code === 'HPE_HEADER_OVERFLOW' || code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ANSWERS[code] : ANSWERS.other
  const body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${answer.title} – Samverka</title></head><body><main><h1>${answer.title}</h1><p>${answer.text}</p><p><a href="/">Till startsidan</a></p></main></body></html>`
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Cache-Control': 'no-store',
    ...baselineSecurityHeaders(false),
    Connection: 'close',
  }
  return `HTTP/1.1 ${answer.status}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n${body}`
}

type SocketWithResponse = Duplex & { _httpMessage?: { headersSent?: boolean } | null }

/**
 * The server's 'clientError' listener, Node's default behaviour with a Swedish page: nothing is
 * written when the client is gone or a response is already being written on the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: SocketWithResponse) {
  if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy()
    return
  }
  socket.end(clientErrorResponse(error.code), () => socket.destroy())
}
