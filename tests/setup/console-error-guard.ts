import { guardConsoleErrors } from '../console-errors.ts'

// An unexpected console.error fails the test (see tests/console-errors.ts).
guardConsoleErrors()
