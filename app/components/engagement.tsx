import { Form, Link } from '@remix-run/react'
import { EditedLabels, ModerationLinks, StatusNotice, type ModerationView } from './content-moderation.tsx'
import { FollowButton } from './follow-button.tsx'
import { MutationFields, SubmissionKeyField, TextareaField } from './forms.tsx'

type EngagementState = { liked: boolean; likeCount: number; bookmarked: boolean; following: boolean }

/** Like, bookmark and follow toggles for a post page (plain forms: work without JavaScript). */
export function EngagementBar({ post, engagement }: { post: { id: string; title: string }; engagement: EngagementState }) {
  const { liked, likeCount, bookmarked, following } = engagement
  return (
    <div className="actions">
      <Form method="post" className="inline-form">
        <MutationFields />
        <input type="hidden" name="value" value={liked ? 'off' : 'on'} />
        <button type="submit" name="intent" value="like" className="secondary" aria-pressed={liked}>
          Gilla
        </button>{' '}
        <span>{likeCount === 1 ? '1 person gillar' : `${likeCount} personer gillar`}</span>
      </Form>
      <Form method="post" className="inline-form">
        <MutationFields />
        <input type="hidden" name="value" value={bookmarked ? 'off' : 'on'} />
        <button type="submit" name="intent" value="bookmark" className="secondary" aria-pressed={bookmarked}>
          {bookmarked ? 'Sparad' : 'Spara'}
        </button>
      </Form>
      <FollowButton targetType="post" target={post.id} following={following} name={`”${post.title}”`} />
    </div>
  )
}

export type CommentView = {
  id: string
  body: string
  author: { id: string; name: string } | null
  when: string
  canDelete: boolean
  moderation: ModerationView
}

/** `submissionKey`: the comment form's, from the page's loader (a resubmit does not comment twice). */
export function Comments({ comments, submissionKey, errors }: { comments: CommentView[]; submissionKey: string; errors?: string[] }) {
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{comments.length === 0 ? 'Kommentarer' : `${comments.length} ${comments.length === 1 ? 'kommentar' : 'kommentarer'}`}</h2>
      {comments.length === 0 ? <p>Inga kommentarer ännu.</p> : null}
      <ul className="card-list">
        {comments.map((comment) => (
          <li key={comment.id} id={`kommentar-${comment.id}`} className="card">
            <StatusNotice moderation={comment.moderation} />
            <p className="comment-body">{comment.body}</p>
            <p className="meta">
              {comment.author ? <Link to={`/medlemmar/${comment.author.id}`}>{comment.author.name}</Link> : 'Tidigare medlem'} · {comment.when}
              <EditedLabels moderation={comment.moderation} />
            </p>
            <ModerationLinks kind="comment" id={comment.id} moderation={comment.moderation} />
            {comment.canDelete ? (
              <Form method="post">
                <MutationFields />
                <input type="hidden" name="commentId" value={comment.id} />
                <button type="submit" name="intent" value="delete-comment" className="link-button">
                  Ta bort kommentaren
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <Form method="post" key={comments.length}>
        <MutationFields />
        <SubmissionKeyField value={submissionKey} />
        <TextareaField label="Skriv en kommentar" name="comment" id="new-comment" errors={errors} />
        <button type="submit" name="intent" value="comment">
          Kommentera
        </button>
      </Form>
    </section>
  )
}
