import net from 'node:net'

/**
 * A TCP proxy on a loopback port in front of a database, for tests of what the app does when
 * its database goes away: `cut()` breaks every open connection (as a failover or a terminated
 * backend does), `blackhole()` makes the database unreachable without refusing anything (as a
 * network that drops packets does: connections open and nothing ever answers), `restore()`
 * forwards again.
 */
export type TcpProxy = { url: string; cut(): void; blackhole(): void; restore(): void; close(): Promise<void> }

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl)
  const open = new Set<net.Socket>()
  let swallowing = false
  const server = net.createServer((client) => {
    open.add(client)
    client.on('error', () => client.destroy())
    client.on('close', () => open.delete(client))
    if (swallowing) return // accepted, never answered
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    open.add(upstream)
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => {
      open.delete(upstream)
      client.destroy()
    })
    client.on('close', () => upstream.destroy())
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const url = new URL(targetUrl)
  url.hostname = '127.0.0.1'
  url.port = String(port)
  const cut = () => {
    for (const socket of open) socket.destroy()
  }
  return {
    url: url.toString(),
    cut,
    blackhole() {
      swallowing = true
      cut()
    },
    restore() {
      swallowing = false
      cut()
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut()
        server.close(() => resolve())
      }),
  }
}
