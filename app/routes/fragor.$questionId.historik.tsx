import type { LoaderFunctionArgs } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { historyMeta, RevisionHistoryPage } from '#app/components/revision-history.tsx'
import { loadPostHistory } from './post-history.server.ts'

export const meta = historyMeta

export const loader = (args: LoaderFunctionArgs) => loadPostHistory(args, 'question', 'questionId')

export default RevisionHistoryPage

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
