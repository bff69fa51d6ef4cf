import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CheckboxField, SelectField } from '#app/components/forms.tsx'
import { PostListPage } from '#app/components/post-list.tsx'
import { listFeed } from '#app/models/post.server.ts'
import { nextPageUrl, presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'
import { ProjectStatusLabels } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Projekt – Samverka' }]

const FilterSchema = z.object({
  status: z.enum(['idea', 'ongoing', 'completed', 'paused']).optional().catch(undefined),
  partner: z.literal('ja').optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const params = new URL(request.url).searchParams
  const filter = FilterSchema.parse(Object.fromEntries(params))
  const feed = await listFeed({
    type: 'project',
    projectStatus: filter.status,
    seekingPartners: filter.partner === 'ja',
    after: decodeCursor(params.get('efter'), ['activityAt', 'id'] as const),
  })
  return { filter, posts: presentPosts(feed.posts), nextPage: nextPageUrl(request, feed.next) }
}

const statusOptions = [{ value: '', label: 'Alla' }, ...Object.entries(ProjectStatusLabels).map(([value, label]) => ({ value, label }))]

export default function Projects() {
  const { filter, posts, nextPage } = useLoaderData<typeof loader>()
  return (
    <PostListPage
      heading="Projekt"
      newPost={{ to: '/projekt/ny', label: 'Nytt projekt' }}
      filterLabel="Filtrera projekt"
      filters={
        <>
          <SelectField label="Status" name="status" id="filter-status" options={statusOptions} defaultValue={filter.status ?? ''} />
          <CheckboxField label="Söker samarbetspartner" name="partner" value="ja" id="filter-partner" defaultChecked={filter.partner === 'ja'} />
        </>
      }
      posts={posts}
      emptyText="Inga projekt matchar."
      nextPage={nextPage}
      moreLabel="Äldre projekt"
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
