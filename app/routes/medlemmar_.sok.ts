import type { LoaderFunctionArgs } from '@remix-run/node'
import type { MemberSuggestion } from '#app/editor/extensions.ts'
import { DIRECTORY_LIMITS, searchMembers } from '#app/models/directory-search.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'

/**
 * GET /medlemmar/sok?q=…: active members whose name (or title) matches, as JSON for the
 * editor's @-mention suggestions. Signed-in active members only, rate-limited per member;
 * the query is 1–100 characters (a query shorter than the directory search's minimum finds
 * nobody), and at most `MENTION_SUGGESTIONS_MAX` members come back, never the writer.
 */
const MENTION_SUGGESTIONS_MAX = 8
const NO_STORE = { 'Cache-Control': 'private, no-store' }

export function headers() {
  return NO_STORE
}

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  await enforceRateLimit('general', member.id)
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim()
  if (query.length === 0 || query.length > DIRECTORY_LIMITS.queryMaxLength) {
    return Response.json({ error: `Skriv 1–${DIRECTORY_LIMITS.queryMaxLength} tecken av namnet.` }, { status: 400, headers: NO_STORE })
  }
  // One extra, since the writer is left out: nobody mentions themselves.
  const found = await searchMembers(query, {
    limit: MENTION_SUGGESTIONS_MAX + 1,
  })
  const members = found
    .filter((result) => result.id !== member.id)
    .slice(0, MENTION_SUGGESTIONS_MAX)
    .map((result): MemberSuggestion => ({
      id: result.id,
      name: result.name,
      title: result.title,
      organisation: result.organisation?.name ?? null,
    }))
  return Response.json({ members }, { headers: NO_STORE })
}
