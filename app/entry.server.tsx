import { randomBytes } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext, type HandleDataRequestFunction, type HandleDocumentRequestFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { env, init } from './utils/env.server.ts'
import { NonceProvider } from './utils/nonce-provider.ts'
import { contentSecurityPolicy } from './utils/security-headers.server.ts'

init()

export const streamTimeout = 5_000

/**
 * Pages and their data are personal (a member's name, notifications, drafts) or carry the
 * visitor's CSRF token, so no cache keeps them: not a shared proxy, nor the browser's disk
 * cache on a shared computer after signing out. Routes that set their own Cache-Control keep it.
 */
const PRIVATE_NO_STORE = 'private, no-store'

function preventCaching(headers: Headers) {
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', PRIVATE_NO_STORE)
}

const handleRequest: HandleDocumentRequestFunction = (request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) => {
  const nonce = randomBytes(16).toString('base64')
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce, { development: env().NODE_ENV === 'development' }))
  preventCaching(responseHeaders)

  return new Promise((resolve, reject) => {
    let didError = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          didError = true
          console.error(error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}

export default handleRequest

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  preventCaching(response.headers)
  return response
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  console.error(error)
}
