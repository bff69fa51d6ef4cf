import { inspect } from 'node:util'
import { afterAll, afterEach, beforeEach } from 'vitest'

/**
 * `console.error` fails the test that logs it, unless the test declared it with
 * `expectConsoleError(/pattern/)`; a declared error that never came fails the test too, so
 * a declaration cannot outlive what it was for. Errors logged outside a test (in a
 * `beforeAll`, or by background work between tests) fail the file; declare those in the
 * `beforeAll`. Installed for every test file by tests/setup/console-error-guard.ts.
 */
type Expectation = { pattern: RegExp; seen: number }
type Scope = { expected: Expectation[]; unexpected: string[] }
type Guard = { file: Scope; test: Scope | null }

const GUARD = Symbol.for('samverka.console-error-guard')
const globals = globalThis as typeof globalThis & { [GUARD]?: Guard }

const newScope = (): Scope => ({ expected: [], unexpected: [] })

function guard(): Guard {
  const current = globals[GUARD]
  if (!current) throw new Error('The console.error guard is not installed (tests/setup/console-error-guard.ts).')
  return current
}

/** The running test (or, outside a test, the file) logs at least one console.error whose text matches `pattern`. */
export function expectConsoleError(pattern: RegExp) {
  const { file, test } = guard()
  ;(test ?? file).expected.push({ pattern, seen: 0 })
}

const format = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ')

function problemsOf(scope: Scope): string[] {
  return [
    ...scope.unexpected.map((text) => `console.error was called:\n${text}\n(declare it with expectConsoleError(/…/) if the test provokes it)`),
    ...scope.expected
      .filter((expectation) => expectation.seen === 0)
      .map((expectation) => `expectConsoleError(${expectation.pattern}): no such error was logged`),
  ]
}

export function guardConsoleErrors() {
  const state: Guard = { file: newScope(), test: null }
  globals[GUARD] = state
  const original = console.error.bind(console)
  console.error = (...args: unknown[]) => {
    const text = format(args)
    const scopes = state.test ? [state.test, state.file] : [state.file]
    const expectation = scopes.flatMap((scope) => scope.expected).find((candidate) => candidate.pattern.test(text))
    if (expectation) {
      expectation.seen += 1
      return
    }
    ;(state.test ?? state.file).unexpected.push(text)
    original(...args)
  }

  beforeEach(() => {
    state.test = newScope()
  })
  afterEach(() => {
    const problems = state.test ? problemsOf(state.test) : []
    state.test = null
    if (problems.length > 0) throw new Error(problems.join('\n\n'))
  })
  afterAll(() => {
    const problems = problemsOf(state.file)
    state.file = newScope()
    if (problems.length > 0) throw new Error(problems.join('\n\n'))
  })
}
