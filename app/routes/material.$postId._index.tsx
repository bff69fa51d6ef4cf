import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Comments, EngagementBar } from '#app/components/engagement.tsx'
import { PostPage } from '#app/components/post-page.tsx'
import { getEngagement, getPost } from '#app/models/post.server.ts'
import { presentEngagement, presentPostPage } from '#app/presenters/post-page.server.ts'
import { handlePostPageAction } from '#app/routes/post-page-action.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { newSubmissionKey } from '#app/utils/submission-key.server.ts'
import { ArtifactKindLabels, LicenceLabels } from '#app/validation/content.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.post.title ?? 'Material'} – Samverka` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const post = await getPost(params.postId ?? '', 'artifact', actor)
  invariantResponse(post, 'Materialet finns inte.')
  return {
    post: presentPostPage(post, actor),
    engagement: presentEngagement(await getEngagement(post.id, actor), post.likeCount, actor),
    submissionKey: newSubmissionKey(),
    artifact: {
      kind: post.artifactKind ? ArtifactKindLabels[post.artifactKind] : null,
      licence: post.licence && post.licence in LicenceLabels ? LicenceLabels[post.licence as keyof typeof LicenceLabels] : post.licence,
      externalUrl: post.externalUrl,
      downloads: post.downloadCount,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  return handlePostPageAction(request, actor, params.postId ?? '', '/material')
}

export default function ArtifactPage() {
  const { post, artifact, engagement, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <PostPage
      post={post}
      path={`/material/${post.id}`}
      facts={
        <>
          {artifact.kind ? (
            <>
              <dt>Typ</dt>
              <dd>{artifact.kind}</dd>
            </>
          ) : null}
          {artifact.licence ? (
            <>
              <dt>Licens</dt>
              <dd>{artifact.licence}</dd>
            </>
          ) : null}
          {artifact.externalUrl ? (
            <>
              <dt>Länk</dt>
              <dd>
                <a href={artifact.externalUrl} rel="noopener noreferrer nofollow ugc">
                  {artifact.externalUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt>Nedladdningar</dt>
          <dd>{artifact.downloads}</dd>
        </>
      }
    >
      <EngagementBar post={post} engagement={engagement} />
      <Comments comments={engagement.comments} submissionKey={submissionKey} errors={actionData?.result.error?.comment ?? undefined} />
    </PostPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
