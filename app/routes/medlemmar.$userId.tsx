import { MEMBER_STATUS_LABELS } from '#app/presenters/vocabulary.ts'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { VerifiedBadge } from '#app/components/organisation-badge.tsx'
import { getMemberProfile } from '#app/models/member.server.ts'
import { listAnswersBy, listPostsBy } from '#app/models/post.server.ts'
import { PostList } from '#app/components/post-list.tsx'
import { presentModerationHistory } from '#app/presenters/member-moderation.server.ts'
import { canModerate, canModerateMember } from '#app/policies/member.ts'
import { canReportMember } from '#app/policies/report.ts'
import { reportPath } from '#app/components/content-moderation.tsx'
import { presentPosts } from '#app/presenters/post.server.ts'
import { decideMember, warnMember } from '#app/services/member-moderation.server.ts'
import { getMemberModerationHistory } from '#app/models/member-moderation.server.ts'
import { MemberModeration } from '#app/components/member-moderation.tsx'
import { requireMember, requireModerator } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { formatDate, formatRelativeDate } from '#app/utils/swedish.ts'
import { MemberActionSchema } from '#app/validation/moderation.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.name ?? 'Medlem'} – Samverka` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireMember(request)
  const moderator = canModerate(viewer)
  // Members see active members only; moderators also see pending, rejected and suspended ones.
  const profile = await getMemberProfile(params.userId ?? '', { includeInactive: moderator })
  invariantResponse(profile, 'Medlemmen finns inte.')
  const [posts, answers, history] = await Promise.all([
    listPostsBy({ authorId: profile.id }),
    listAnswersBy(profile.id),
    moderator ? getMemberModerationHistory(profile.id) : null,
  ])
  const now = new Date()
  return {
    answers: answers.map((answer) => ({
      id: answer.id,
      questionId: answer.post.id,
      questionTitle: answer.post.title,
      accepted: answer.post.acceptedAnswerId === answer.id,
      snippet: answer.bodyText.length > 160 ? `${answer.bodyText.slice(0, 160).trimEnd()} …` : answer.bodyText,
      when: formatRelativeDate(answer.createdAt, now),
    })),
    posts: presentPosts(posts),
    profile: {
      id: profile.id,
      name: profile.name,
      title: profile.title,
      interests: profile.interests,
      organisation: profile.organisation,
      memberSince: formatDate(profile.createdAt),
      ...(moderator ? { status: profile.status, statusLabel: MEMBER_STATUS_LABELS[profile.status], statusReason: profile.statusReason } : {}),
    },
    canModerate: canModerateMember(viewer, profile),
    history: history ? presentModerationHistory(history) : null,
    canReport: canReportMember(viewer, profile),
  }
}

const DONE = {
  suspend: 'Medlemmen är avstängd och utloggad.',
  reinstate: 'Medlemmen är återaktiverad.',
  approve: 'Medlemmen är godkänd.',
  reject: 'Medlemmen är avslagen.',
  warn: 'Varningen är skickad. Medlemmen ser den på varje sida tills hen har läst den.',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: MemberActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  invariantResponse(submission.value.userId === params.userId, 'Medlemmen finns inte.')
  const value = submission.value
  try {
    if (value.intent === 'warn') await warnMember(moderator, { userId: value.userId, message: value.message })
    else {
      await decideMember(moderator, {
        userId: value.userId,
        decision: value.intent,
        reason: value.reason,
        until: value.intent === 'suspend' ? value.until : undefined,
      })
    }
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  return redirectWithFlash(request, `/medlemmar/${value.userId}`, { message: DONE[value.intent], tone: 'success' })
}

export default function MemberProfile() {
  const { profile, canModerate, canReport, posts, answers, history } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.result.error
  return (
    <>
      <h1>{profile.name}</h1>
      <p>
        {profile.title ? `${profile.title}` : null}
        {profile.title && profile.organisation ? ', ' : null}
        {profile.organisation ? (
          <>
            <Link to={`/organisationer/${profile.organisation.slug}`}>{profile.organisation.name}</Link>{' '}
            <VerifiedBadge verified={profile.organisation.verified} />
          </>
        ) : null}
      </p>
      <p className="meta">
        Medlem sedan {profile.memberSince}
        {canReport ? (
          <>
            {' · '}
            <Link to={reportPath('member', profile.id)}>Anmäl medlemmen</Link>
          </>
        ) : null}
      </p>
      {profile.interests.length > 0 ? (
        <>
          <h2>Intresseområden</h2>
          <ul className="tag-list">
            {profile.interests.map((interest) => (
              <li key={interest} className="badge">
                {interest}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Inlägg</h2>
      <PostList posts={posts} emptyText="Inga inlägg ännu." />
      <h2>Svar</h2>
      {answers.length === 0 ? <p>Inga svar ännu.</p> : null}
      <ul className="card-list">
        {answers.map((answer) => (
          <li key={answer.id} className="card">
            <p className="meta">
              Svar på <Link to={`/fragor/${answer.questionId}#svar-${answer.id}`}>{answer.questionTitle}</Link> · {answer.when}
              {answer.accepted ? (
                <>
                  {' '}
                  <span className="badge badge-verified">Accepterat svar</span>
                </>
              ) : null}
            </p>
            <p>{answer.snippet}</p>
          </li>
        ))}
      </ul>
      {profile.status && history ? (
        <MemberModeration
          member={{ id: profile.id, status: profile.status, statusLabel: profile.statusLabel, statusReason: profile.statusReason }}
          history={history}
          canAct={canModerate}
          errors={errors}
        />
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
