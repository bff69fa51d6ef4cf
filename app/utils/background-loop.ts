/**
 * A step that runs again and again in the background of a process (the search outbox worker,
 * file text extraction): each run returns how long to wait before the next one; a run that
 * throws is handed to `onError`, which returns the wait instead. Timers are unref'd, so a
 * loop never keeps a process alive; `stop()` waits for the run in progress.
 */
export type BackgroundLoop = { stop(): Promise<void> }

export function startBackgroundLoop(step: () => Promise<number>, onError: (error: unknown) => number): BackgroundLoop {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let current: Promise<void> = Promise.resolve()

  const schedule = (delay: number) => {
    if (stopped) return
    timer = setTimeout(() => {
      current = run()
    }, delay)
    timer.unref()
  }
  const run = async () => {
    let delay: number
    try {
      delay = await step()
    } catch (error) {
      delay = onError(error)
    }
    schedule(delay)
  }

  schedule(0)
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await current
    },
  }
}
