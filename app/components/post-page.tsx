import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { MutationFields } from './forms.tsx'
import { Byline, TagLinks } from './post-list.tsx'

/** The frame of a project or artifact page: status banner, title, byline, tags, body, files, actions. */
export type PostPageData = {
  id: string
  title: string
  bodyHtml: string
  statusText: string | null
  author: { id: string; name: string } | null
  organisation: { name: string; slug: string } | null
  created: string
  edited: string | null
  tags: string[]
  files: Array<{ id: string; originalName: string; size: string }>
  canEdit: boolean
  canDelete: boolean
  canRestore: boolean
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`
}

export function PostPage({ post, editPath, facts, children }: { post: PostPageData; editPath: string; facts: ReactNode; children?: ReactNode }) {
  return (
    <article aria-labelledby="post-title" className="narrow-wide">
      {post.statusText ? (
        <p className="status-banner" role="status">
          {post.statusText}. Bara moderatorer ser inlägget.
        </p>
      ) : null}
      <h1 id="post-title">{post.title}</h1>
      <p className="meta">
        <Byline author={post.author} organisation={post.organisation} />
        {' · '}
        {post.created}
        {post.edited ? ` · redigerad ${post.edited}` : ''}
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
        {post.canEdit ? <Link to={editPath}>Redigera</Link> : null}
        {post.canDelete ? <StatusForm intent="delete" label="Ta bort" /> : null}
        {post.canRestore ? <StatusForm intent="restore" label="Återställ" /> : null}
      </div>
    </article>
  )
}

function StatusForm({ intent, label }: { intent: 'delete' | 'restore'; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <MutationFields />
      <button type="submit" name="intent" value={intent} className="secondary">
        {label}
      </button>
    </Form>
  )
}
