import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { POST_TYPE_LABELS, postPath, type PostType } from '#app/presenters/post-type.ts'

/** A list of post cards (feed, tag pages, question lists) and its "more" link. */
export type PostListItem = {
  id: string
  type: PostType
  title: string
  snippet: string
  answerCount: number
  answered: boolean
  likeCount: number
  commentCount: number
  when: string
  author: { id: string; name: string } | null
  organisation: { name: string; slug: string } | null
  tags: string[]
}

export function TagLinks({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <ul className="tag-list" aria-label="Taggar">
      {tags.map((tag) => (
        <li key={tag}>
          <Link className="badge" to={`/taggar/${encodeURIComponent(tag)}`}>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  )
}

type BylineData = { author: { id: string; name: string } | null; organisation: { name: string; slug: string } | null }

/** "Anna Svensson, Malmö kommun": the author and the organisation, each linked. */
export function Byline({ author, organisation }: BylineData) {
  return (
    <>
      {author ? <Link to={`/medlemmar/${author.id}`}>{author.name}</Link> : 'Tidigare medlem'}
      {organisation ? (
        <>
          {', '}
          <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>
        </>
      ) : null}
    </>
  )
}

export function PostList({ posts, emptyText }: { posts: PostListItem[]; emptyText: string }) {
  if (posts.length === 0) return <p>{emptyText}</p>
  return (
    <ul className="card-list">
      {posts.map((post) => (
        <li key={post.id}>
          <article className="card" aria-labelledby={`post-${post.id}`}>
            <p className="meta">
              <span className="badge">{POST_TYPE_LABELS[post.type]}</span>{' '}
              {post.type === 'question' ? (post.answerCount === 0 ? 'Inga svar ännu' : `${post.answerCount} svar${post.answered ? ', löst' : ''}`) : null}
              {post.likeCount > 0 ? ` · ${post.likeCount} gillar` : ''}
              {post.commentCount > 0 ? ` · ${post.commentCount} ${post.commentCount === 1 ? 'kommentar' : 'kommentarer'}` : ''}
            </p>
            <h3 id={`post-${post.id}`}>
              <Link to={postPath(post)}>{post.title}</Link>
            </h3>
            {post.snippet ? <p>{post.snippet}</p> : null}
            <p className="meta">
              <Byline author={post.author} organisation={post.organisation} />
              {' · '}
              {post.when}
            </p>
            <TagLinks tags={post.tags} />
          </article>
        </li>
      ))}
    </ul>
  )
}

export function MoreLink({ to, label }: { to: string | null; label: string }) {
  if (!to) return null
  return (
    <p className="pagination">
      <Link to={to}>{label}</Link>
    </p>
  )
}

/** A list page of one post type (/projekt, /material): heading, new-post link, GET filters, the list, older posts. */
export function PostListPage({
  heading,
  newPost,
  filterLabel,
  filters,
  posts,
  emptyText,
  nextPage,
  moreLabel,
}: {
  heading: string
  newPost: { to: string; label: string }
  filterLabel: string
  filters: ReactNode
  posts: PostListItem[]
  emptyText: string
  nextPage: string | null
  moreLabel: string
}) {
  return (
    <>
      <h1>{heading}</h1>
      <p className="actions">
        <Link className="button" to={newPost.to}>
          {newPost.label}
        </Link>
      </p>
      <Form method="get" className="filters" aria-label={filterLabel}>
        {filters}
        <button type="submit">Filtrera</button>
      </Form>
      <PostList posts={posts} emptyText={emptyText} />
      <MoreLink to={nextPage} label={moreLabel} />
    </>
  )
}
