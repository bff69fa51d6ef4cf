import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SelectField } from '#app/components/forms.tsx'
import { MoreLink, PostList } from '#app/components/post-list.tsx'
import { listFeed } from '#app/models/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'
import { nextPageUrl, presentPosts } from '#app/utils/post-presenter.server.ts'
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
    <>
      <h1>Material</h1>
      <p className="actions">
        <Link className="button" to="/material/ny">
          Dela material
        </Link>
      </p>
      <Form method="get" className="filters" aria-label="Filtrera material">
        <SelectField label="Typ" name="typ" id="filter-kind" options={kindOptions} defaultValue={filter.typ ?? ''} />
        <button type="submit">Filtrera</button>
      </Form>
      <PostList posts={posts} emptyText="Inget material matchar." />
      <MoreLink to={nextPage} label="Äldre material" />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
