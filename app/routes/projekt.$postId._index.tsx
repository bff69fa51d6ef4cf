import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Comments, EngagementBar } from '#app/components/engagement.tsx'
import { PostPage } from '#app/components/post-page.tsx'
import { SimilarPostsAside } from '#app/components/similar-content-panel.tsx'
import { getEngagement, getPost } from '#app/models/post.server.ts'
import { findSimilarContent } from '#app/models/similar-content.server.ts'
import { presentEngagement, presentPostPage } from '#app/presenters/post-page.server.ts'
import { handlePostPageAction } from '#app/routes/post-page-action.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { newSubmissionKey } from '#app/utils/submission-key.server.ts'
import { ProjectStatusLabels } from '#app/validation/content.ts'

const SIMILAR_PROJECTS_MAX = 4

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.post.title ?? 'Projekt'} – Samverka` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const post = await getPost(params.postId ?? '', 'project', actor)
  invariantResponse(post, 'Projektet finns inte.')
  return {
    post: presentPostPage(post, actor),
    engagement: presentEngagement(await getEngagement(post.id, actor), post.likeCount, actor),
    submissionKey: newSubmissionKey(),
    project: {
      status: post.projectStatus ? ProjectStatusLabels[post.projectStatus] : null,
      startDate: post.startDate ? formatDate(post.startDate) : null,
      endDate: post.endDate ? formatDate(post.endDate) : null,
      seekingPartners: post.seekingPartners,
      contactName: post.contactName ?? post.author?.name ?? null,
      contactEmail: post.contactEmail ?? (post.contactName ? null : (post.author?.email ?? null)),
      lead: post.lead,
      participants: post.participants,
      links: post.links,
    },
    similar: await findSimilarContent({ title: post.title, tags: post.tags, types: ['project'], excludePostId: post.id, limit: SIMILAR_PROJECTS_MAX }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  return handlePostPageAction(request, actor, params.postId ?? '', '/projekt')
}

export default function ProjectPage() {
  const { post, project, engagement, submissionKey, similar } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <PostPage
        post={post}
        path={`/projekt/${post.id}`}
        facts={
          <>
            {project.status ? (
              <>
                <dt>Status</dt>
                <dd>
                  {project.status}
                  {project.seekingPartners ? (
                    <>
                      {' '}
                      <span className="badge badge-verified">Söker samarbetspartner</span>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {project.startDate || project.endDate ? (
              <>
                <dt>Tid</dt>
                <dd>
                  {project.startDate ?? '?'} – {project.endDate ?? 'tills vidare'}
                </dd>
              </>
            ) : null}
            {project.lead ? (
              <>
                <dt>Leds av</dt>
                <dd>
                  <Link to={`/organisationer/${project.lead.slug}`}>{project.lead.name}</Link>
                </dd>
              </>
            ) : null}
            {project.participants.length > 0 ? (
              <>
                <dt>Deltagande organisationer</dt>
                <dd>
                  {project.participants.map((organisation, index) => (
                    <span key={organisation.id}>
                      {index > 0 ? ', ' : ''}
                      <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {project.contactName ? (
              <>
                <dt>Kontaktperson</dt>
                <dd>
                  {project.contactName}
                  {project.contactEmail ? (
                    <>
                      {', '}
                      <a href={`mailto:${project.contactEmail}`}>{project.contactEmail}</a>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </>
        }
      >
        {project.links.length > 0 ? (
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">Länkar</h2>
            <ul>
              {project.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="noopener noreferrer nofollow ugc">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <EngagementBar post={post} engagement={engagement} />
        <Comments comments={engagement.comments} submissionKey={submissionKey} errors={actionData?.result.error?.comment ?? undefined} />
      </PostPage>
      <SimilarPostsAside heading="Liknande projekt" similar={similar} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
