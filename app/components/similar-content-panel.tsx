import { Link, useFetcher } from '@remix-run/react'
import { useEffect, useId, useState } from 'react'
import { SEARCH_UNAVAILABLE } from '#app/presenters/search-url.ts'
import { POST_TYPE_LABELS } from '#app/presenters/post-type.ts'
import {
  isComparableTitle,
  similarContentUrl,
  type SimilarContent,
  type SimilarOrganisation,
  type SimilarOutcome,
  type SimilarPost,
} from '#app/presenters/similar-content.ts'

/**
 * "Har någon redan gjort detta?" beside a form for a new post, and "Liknande projekt" on a
 * project's page. The panel watches the form's title and tags fields (input events on the
 * form, so the fields stay uncontrolled and the form works as before), asks
 * /sok/liknande after a pause in typing, and shows what it finds. Links open in a new tab so
 * the draft stays. Without JavaScript nothing is shown and nothing is missing from the form.
 */
const TYPING_DELAY_MS = 400

type Draft = { title: string; tags: string[] }

function readDraft(form: HTMLFormElement): Draft {
  const value = (name: string) => {
    const field = form.elements.namedItem(name)
    return field instanceof HTMLInputElement ? field.value : ''
  }
  const tags = value('tags')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
  return { title: value('title').trim(), tags }
}

/**
 * Suggestions of every type for the draft in the form `formId`, reloaded as its title and
 * tags change (one fetcher: a newer load cancels an older one); null while the title says
 * too little, 'unavailable' when search did not answer (503).
 */
function useSimilarToDraft(formId: string): SimilarContent | 'unavailable' | null {
  const fetcher = useFetcher<SimilarContent | { error: string }>()
  const [comparable, setComparable] = useState(false)
  const { load } = fetcher
  useEffect(() => {
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement)) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let loaded = ''
    const refresh = () => {
      const draft = readDraft(form)
      const enough = isComparableTitle(draft.title)
      setComparable(enough)
      const url = similarContentUrl(draft)
      if (!enough || url === loaded) return
      loaded = url
      void load(url)
    }
    const onInput = (event: Event) => {
      const { target } = event
      if (!(target instanceof HTMLInputElement) || (target.name !== 'title' && target.name !== 'tags')) return
      clearTimeout(timer)
      timer = setTimeout(refresh, TYPING_DELAY_MS)
    }
    form.addEventListener('input', onInput)
    // A draft that came back from a refused submit already has a title.
    refresh()
    return () => {
      form.removeEventListener('input', onInput)
      clearTimeout(timer)
    }
  }, [formId, load])
  if (!comparable || !fetcher.data) return null
  return 'posts' in fetcher.data ? fetcher.data : 'unavailable'
}

const countText = (count: number) => `${count} liknande inlägg`

/**
 * The live panel for a form that creates a post. The polite live region is always there and
 * says how many similar posts there are once a search has answered; the list is shown only
 * when there is something in it.
 */
export function SimilarContentPanel({ formId }: { formId: string }) {
  const similar = useSimilarToDraft(formId)
  const headingId = useId()
  const posts = similar === 'unavailable' ? [] : (similar?.posts ?? [])
  return (
    <div className="similar-content">
      <p role="status" className={similar === 'unavailable' ? 'hint' : 'visually-hidden'}>
        {similar === 'unavailable' ? SEARCH_UNAVAILABLE : posts.length > 0 ? countText(posts.length) : ''}
      </p>
      {similar && similar !== 'unavailable' && posts.length > 0 ? (
        <section aria-labelledby={headingId} className="similar-panel">
          <h2 id={headingId}>Har någon redan gjort detta?</h2>
          <p className="hint">Det här liknar det du skriver. Länkarna öppnas i en ny flik, så ditt utkast finns kvar.</p>
          <SimilarList posts={posts} newTab showType />
          <OrganisationsBehind organisations={similar.organisations} newTab />
        </section>
      ) : null}
    </div>
  )
}

/** A server-rendered list of similar posts on a post's page; nothing when there are none, a notice when search failed. */
export function SimilarPostsAside({ heading, similar }: { heading: string; similar: SimilarOutcome }) {
  const headingId = useId()
  if (similar.ok && similar.result.posts.length === 0) return null
  return (
    <aside aria-labelledby={headingId} className="narrow-wide similar-panel">
      <h2 id={headingId}>{heading}</h2>
      {similar.ok ? (
        <>
          <SimilarList posts={similar.result.posts} />
          <OrganisationsBehind organisations={similar.result.organisations} />
        </>
      ) : (
        <p>{SEARCH_UNAVAILABLE}</p>
      )}
    </aside>
  )
}

const NEW_TAB = { target: '_blank', rel: 'noopener' } as const

function NewTabNote() {
  return <span className="visually-hidden"> (öppnas i ny flik)</span>
}

function SimilarList({ posts, newTab = false, showType = false }: { posts: SimilarPost[]; newTab?: boolean; showType?: boolean }) {
  return (
    <ul className="similar-list">
      {posts.map((post) => (
        <li key={post.id}>
          {showType ? <span className="badge">{POST_TYPE_LABELS[post.type]}</span> : null}{' '}
          <Link to={post.path} {...(newTab ? NEW_TAB : {})}>
            {/* Escaped by search/ (highlight.ts) before the <mark> elements were added. */}
            <span dangerouslySetInnerHTML={{ __html: post.titleHtml }} />
            {newTab ? <NewTabNote /> : null}
          </Link>
          {post.organisation ? <span className="meta"> – {post.organisation.name}</span> : null}
        </li>
      ))}
    </ul>
  )
}

function OrganisationsBehind({ organisations, newTab = false }: { organisations: SimilarOrganisation[]; newTab?: boolean }) {
  if (organisations.length === 0) return null
  return (
    <p>
      Organisationer som arbetat med detta:{' '}
      {organisations.map((organisation, index) => (
        <span key={organisation.slug ?? organisation.name}>
          {index > 0 ? ', ' : null}
          {organisation.slug ? (
            <Link to={`/organisationer/${organisation.slug}`} {...(newTab ? NEW_TAB : {})}>
              {organisation.name}
              {newTab ? <NewTabNote /> : null}
            </Link>
          ) : (
            organisation.name
          )}{' '}
          ({organisation.count})
        </span>
      ))}
    </p>
  )
}
