import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SelectField } from '#app/components/forms.tsx'
import { PostListPage } from '#app/components/post-list.tsx'
import { listFeed } from '#app/models/post.server.ts'
import { nextPageUrl, presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'
import { ArtifactKindLabels } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Material – Samverka' }]

const FilterSchema = z.object({
  typ: z.enum(['document', 'template', 'procurement', 'code', 'dataset', 'guide', 'other']).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const params = new URL(request.url).searchParams
  const filter = FilterSchema.parse(Object.fromEntries(params))
  const feed = await listFeed({ type: 'artifact', artifactKind: filter.typ, after: decodeCursor(params.get('efter'), ['activityAt', 'id'] as const) })
  return { filter, posts: presentPosts(feed.posts), nextPage: nextPageUrl(request, feed.next) }
}

const kindOptions = [{ value: '', label: 'Alla typer' }, ...Object.entries(ArtifactKindLabels).map(([value, label]) => ({ value, label }))]

export default function Artifacts() {
  const { filter, posts, nextPage } = useLoaderData<typeof loader>()
  return (
    <PostListPage
      heading="Material"
      newPost={{ to: '/material/ny', label: 'Dela material' }}
      filterLabel="Filtrera material"
      filters={<SelectField label="Typ" name="typ" id="filter-kind" options={kindOptions} defaultValue={filter.typ ?? ''} />}
      posts={posts}
      emptyText="Inget material matchar."
      nextPage={nextPage}
      moreLabel="Äldre material"
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
