import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields, SubmissionKeyField } from '#app/components/forms.tsx'
import { Byline, TagLinks } from '#app/components/post-list.tsx'
import { RichTextEditor } from '#app/components/rich-text-editor.tsx'
import { SimilarPostsAside } from '#app/components/similar-content-panel.tsx'
import { getEngagement, getQuestion } from '#app/models/post.server.ts'
import { findSimilarContent } from '#app/models/similar-content.server.ts'
import { canAcceptAnswer, canDeleteContent, canEditContent, canVoteOnAnswer } from '#app/policies/content.ts'
import { presentEngagement, presentModeration } from '#app/presenters/post-page.server.ts'
import { acceptAnswer, answerQuestion, voteOnAnswer } from '#app/services/question.server.ts'
import { deleteContent } from '#app/services/content-moderation.server.ts'
import { setBookmark, setLike } from '#app/services/engagement.server.ts'
import { EditedLabels, ModerationLinks, StatusNotice } from '#app/components/content-moderation.tsx'
import { EngagementBar } from '#app/components/engagement.tsx'
import { requireActor } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { newSubmissionKey } from '#app/utils/submission-key.server.ts'
import { redirectPostDeleted } from '#app/routes/post-page-action.server.ts'
import { formatDateTime, formatRelativeDate } from '#app/utils/swedish.ts'
import { QuestionPageActionSchema } from '#app/validation/content.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.question.title ?? 'Fråga'} – Samverka` }]

const SIMILAR_QUESTIONS_MAX = 4

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const question = await getQuestion(params.questionId ?? '', actor)
  invariantResponse(question, 'Frågan finns inte.')
  const now = new Date()
  return {
    question: {
      id: question.id,
      title: question.title,
      bodyHtml: question.bodyHtml,
      status: question.status,
      moderation: presentModeration(actor, question),
      tags: question.tags,
      author: question.author,
      organisation: question.organisation,
      created: formatRelativeDate(question.createdAt, now),
      createdExact: formatDateTime(question.createdAt),
      edited: question.editedAt ? formatDateTime(question.editedAt) : null,
      acceptedAnswerId: question.acceptedAnswerId,
      canEdit: canEditContent(actor, question),
      canDelete: canDeleteContent(actor, question),
      canAccept: question.status === 'visible' && canAcceptAnswer(actor, question),
      canAnswer: question.status === 'visible',
    },
    engagement: presentEngagement(await getEngagement(question.id, actor), question.likeCount, actor),
    /** The answer form's (a resubmit does not answer twice). */
    submissionKey: newSubmissionKey(),
    answers: question.answers.map((answer) => ({
      id: answer.id,
      bodyHtml: answer.bodyHtml,
      score: answer.score,
      status: answer.status,
      myVote: answer.myVote,
      author: answer.author,
      created: formatRelativeDate(answer.createdAt, now),
      edited: answer.editedAt ? formatDateTime(answer.editedAt) : null,
      accepted: answer.id === question.acceptedAnswerId,
      canEdit: canEditContent(actor, answer),
      canDelete: canDeleteContent(actor, answer),
      moderation: presentModeration(actor, answer),
      canVote: question.status === 'visible' && canVoteOnAnswer(actor, answer),
    })),
    similar: await findSimilarContent({
      title: question.title,
      tags: question.tags,
      types: ['question'],
      excludePostId: question.id,
      limit: SIMILAR_QUESTIONS_MAX,
    }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  const questionId = params.questionId ?? ''
  const submission = parseWithZod(formData, { schema: QuestionPageActionSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), intent: String(formData.get('intent')) }, { status: 400 })
  }
  const value = submission.value
  try {
    switch (value.intent) {
      case 'answer': {
        await enforceRateLimit('posting', actor.id)
        const answer = await answerQuestion(actor, questionId, value.body, value.submissionKey)
        return redirect(`/fragor/${questionId}#svar-${answer.id}`)
      }
      case 'vote':
        await enforceRateLimit('general', actor.id)
        await voteOnAnswer(actor, value.answerId, value.value as -1 | 0 | 1)
        return redirect(`/fragor/${questionId}#svar-${value.answerId}`)
      case 'like':
      case 'bookmark':
        await enforceRateLimit('general', actor.id)
        await (value.intent === 'like' ? setLike : setBookmark)(actor, questionId, value.value)
        return redirect(`/fragor/${questionId}`)
      case 'accept':
        await acceptAnswer(actor, questionId, value.answerId)
        return redirect(`/fragor/${questionId}${value.answerId ? `#svar-${value.answerId}` : ''}`)
      case 'delete-question':
        await deleteContent(actor, { targetType: 'post', targetId: questionId, reason: null })
        return redirectPostDeleted(request)
      case 'delete-answer':
        await deleteContent(actor, { targetType: 'answer', targetId: value.answerId, reason: null })
        return redirect(`/fragor/${questionId}`)
    }
  } catch (error) {
    return replyWithServiceError(error, submission.reply, { intent: value.intent })
  }
}

function VoteButtons({ answerId, myVote, score, canVote }: { answerId: string; myVote: number; score: number; canVote: boolean }) {
  const scoreText = `${score} poäng`
  if (!canVote) return <p className="meta">{scoreText}</p>
  return (
    <Form method="post" className="vote-box" aria-label="Rösta på svaret">
      <MutationFields />
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="answerId" value={answerId} />
      <button type="submit" name="value" value={myVote === 1 ? '0' : '1'} className="secondary" aria-pressed={myVote === 1}>
        Bra svar
      </button>
      <span>{scoreText}</span>
      <button type="submit" name="value" value={myVote === -1 ? '0' : '-1'} className="secondary" aria-pressed={myVote === -1}>
        Mindre bra svar
      </button>
    </Form>
  )
}

function DeleteButton({ intent, answerId, label }: { intent: 'delete-question' | 'delete-answer'; answerId?: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <MutationFields />
      {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
      <button type="submit" name="intent" value={intent} className="secondary">
        {label}
      </button>
    </Form>
  )
}

export default function QuestionPage() {
  const { question, answers, engagement, submissionKey, similar } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const refusedAnswer = actionData && 'intent' in actionData && actionData.intent === 'answer' ? actionData.result : undefined
  const answerErrors = refusedAnswer?.error?.body
  const typedAnswer = refusedAnswer?.initialValue?.body
  const formErrors = actionData?.result.error?.['']
  return (
    <>
      <article aria-labelledby="question-title" className="narrow-wide">
        <StatusNotice moderation={question.moderation} />
        <h1 id="question-title">{question.title}</h1>
        <p className="meta">
          Frågat av <Byline author={question.author} organisation={question.organisation} /> · <time title={question.createdExact}>{question.created}</time>
          <EditedLabels edited={question.edited} moderation={question.moderation} historyPath={`/fragor/${question.id}/historik`} />
        </p>
        <TagLinks tags={question.tags} />
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
        <EngagementBar post={question} engagement={engagement} />
        <FormErrors errors={formErrors} />
        <div className="actions">
          {question.canEdit ? <Link to={`/fragor/${question.id}/redigera`}>Redigera frågan</Link> : null}
          {question.canDelete ? <DeleteButton intent="delete-question" label="Ta bort frågan" /> : null}
          <ModerationLinks kind="post" id={question.id} moderation={question.moderation} />
        </div>

        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">{answers.length === 0 ? 'Inga svar ännu' : `${answers.length} svar`}</h2>
          <ul className="card-list">
            {answers.map((answer) => (
              <li key={answer.id} id={`svar-${answer.id}`}>
                <article className={`card${answer.accepted ? ' answer-accepted' : ''}`} aria-label={`Svar från ${answer.author?.name ?? 'tidigare medlem'}`}>
                  {answer.accepted ? <p className="badge badge-verified">Accepterat svar</p> : null}
                  <StatusNotice moderation={answer.moderation} />
                  <div className="rich-text" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
                  <p className="meta">
                    {answer.author ? <Link to={`/medlemmar/${answer.author.id}`}>{answer.author.name}</Link> : 'Tidigare medlem'}
                    {answer.author?.organisation ? `, ${answer.author.organisation.name}` : ''} · {answer.created}
                    <EditedLabels edited={answer.edited} moderation={answer.moderation} historyPath={`/fragor/${question.id}/historik?svar=${answer.id}`} />
                  </p>
                  <VoteButtons answerId={answer.id} myVote={answer.myVote} score={answer.score} canVote={answer.canVote} />
                  <div className="actions">
                    {question.canAccept && answer.status === 'visible' ? (
                      <Form method="post" className="inline-form">
                        <MutationFields />
                        <input type="hidden" name="answerId" value={answer.accepted ? '' : answer.id} />
                        <button type="submit" name="intent" value="accept" className="secondary">
                          {answer.accepted ? 'Ta bort markeringen som accepterat svar' : 'Markera som accepterat svar'}
                        </button>
                      </Form>
                    ) : null}
                    {answer.canEdit ? <Link to={`/svar/${answer.id}/redigera`}>Redigera svaret</Link> : null}
                    {answer.canDelete ? <DeleteButton intent="delete-answer" answerId={answer.id} label="Ta bort svaret" /> : null}
                    <ModerationLinks kind="answer" id={answer.id} moderation={answer.moderation} />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </section>

        {question.canAnswer ? (
          <section aria-labelledby="answer-heading">
            <h2 id="answer-heading">Ditt svar</h2>
            <Form method="post">
              <MutationFields />
              <SubmissionKeyField value={submissionKey} />
              {/* A new key after each posted answer gives a fresh, empty editor. */}
              <RichTextEditor
                key={answers.length}
                id="answer-body"
                name="body"
                label="Svar"
                errors={answerErrors ?? undefined}
                defaultValue={typeof typedAnswer === 'string' ? typedAnswer : null}
              />
              <button type="submit" name="intent" value="answer">
                Publicera svaret
              </button>
            </Form>
          </section>
        ) : null}
      </article>
      <SimilarPostsAside heading="Liknande frågor" similar={similar} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
