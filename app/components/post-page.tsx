import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { EditedLabels, ModerationLinks, StatusNotice, type ModerationView } from './content-moderation.tsx'
import { MutationFields } from './forms.tsx'
import { Byline, TagLinks } from './post-list.tsx'

/** The frame of a project or artifact page: status notice, title, byline, tags, body, files, actions. */
export type PostPageData = {
  id: string
  title: string
  bodyHtml: string
  moderation: ModerationView
  author: { id: string; name: string } | null
  organisation: { name: string; slug: string } | null
  created: string
  edited: string | null
  tags: string[]
  files: Array<{ id: string; originalName: string; size: string }>
  canEdit: boolean
  canDelete: boolean
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`
}

/** `path`: the post's address; its edit form and history are below it. */
export function PostPage({ post, path, facts, children }: { post: PostPageData; path: string; facts: ReactNode; children?: ReactNode }) {
  return (
    <article aria-labelledby="post-title" className="narrow-wide">
      <StatusNotice moderation={post.moderation} />
      <h1 id="post-title">{post.title}</h1>
      <p className="meta">
        <Byline author={post.author} organisation={post.organisation} />
        {' · '}
        {post.created}
        <EditedLabels edited={post.edited} moderation={post.moderation} historyPath={`${path}/historik`} />
      </p>
      <TagLinks tags={post.tags} />
      <dl className="facts">{facts}</dl>
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      {post.files.length > 0 ? (
        <section aria-labelledby="files-heading">
          <h2 id="files-heading">Filer</h2>
          <ul>
            {post.files.map((file) => (
              <li key={file.id}>
                <a href={`/filer/${file.id}`} download>
                  {file.originalName}
                </a>{' '}
                <span className="meta">({file.size})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {children}
      <div className="actions">
        {post.canEdit ? <Link to={`${path}/redigera`}>Redigera</Link> : null}
        {post.canDelete ? <DeleteForm /> : null}
        <ModerationLinks kind="post" id={post.id} moderation={post.moderation} />
      </div>
    </article>
  )
}

function DeleteForm() {
  return (
    <Form method="post" className="inline-form">
      <MutationFields />
      <button type="submit" name="intent" value="delete" className="secondary">
        Ta bort
      </button>
    </Form>
  )
}
