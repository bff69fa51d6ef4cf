import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server on a loopback port that accepts every message and only counts
 * messages and bytes (nothing is parsed or kept), so the benchmark measures the sender.
 */
export type SmtpSink = { url: string; messages: number; bytes: number; close(): Promise<void> }

export async function startSmtpSink(): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => {
        sink.bytes += chunk.length
      })
      stream.on('error', callback)
      stream.on('end', () => {
        sink.messages++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    messages: 0,
    bytes: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return sink
}
