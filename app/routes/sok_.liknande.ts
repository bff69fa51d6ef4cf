import type { LoaderFunctionArgs } from '@remix-run/node'
import { findSimilarContent } from '#app/models/similar-content.server.ts'
import { SEARCH_UNAVAILABLE, TYPE_OF_PARAM } from '#app/presenters/search-url.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { ContentLimits } from '#app/validation/content.ts'

/**
 * GET /sok/liknande?titel=…&tagg=…&typ=fraga|projekt|material: what resembles a post being
 * written, as JSON for the "Har någon redan gjort detta?" panel. Input is bounded (the title
 * to a title's length, the first tags of a tag's length); an unknown type is refused. When
 * the engine fails, 503 with a Swedish message for the panel to show.
 */
const NO_STORE = { 'Cache-Control': 'private, no-store' }

export function headers() {
  return NO_STORE
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const params = new URL(request.url).searchParams
  const typeParams = params.getAll('typ')
  const unknownType = typeParams.find((value) => !Object.hasOwn(TYPE_OF_PARAM, value))
  if (unknownType !== undefined) {
    return Response.json({ error: `Okänd typ ”${unknownType.slice(0, 20)}”. Välj fraga, projekt eller material.` }, { status: 400, headers: NO_STORE })
  }
  const tags = params
    .getAll('tagg')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0 && tag.length <= ContentLimits.tagMax)
    .slice(0, ContentLimits.tagsMax)
  const outcome = await findSimilarContent({
    title: (params.get('titel') ?? '').slice(0, ContentLimits.titleMax),
    tags,
    types: typeParams.flatMap((value) => TYPE_OF_PARAM[value] ?? []),
  })
  if (!outcome.ok) return Response.json({ error: SEARCH_UNAVAILABLE }, { status: 503, headers: NO_STORE })
  return Response.json(outcome.result, { headers: NO_STORE })
}
