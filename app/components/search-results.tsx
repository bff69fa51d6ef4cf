import { Link } from '@remix-run/react'
import { TagLinks } from '#app/components/post-list.tsx'
import { POST_TYPE_LABELS } from '#app/presenters/post-type.ts'
import { searchHref, withoutFilters, type SearchCriteria, type SearchNotice } from '#app/presenters/search-url.ts'
import { OrganisationTypeLabels } from '#app/validation/auth.ts'

/**
 * What the search page shows around its form: notices about the request, the result count
 * (a polite live region), the selected filters as removable chips, organisations and
 * members whose names match, the content hits and the page links.
 */
export function SearchNotices({ notices }: { notices: SearchNotice[] }) {
  if (notices.length === 0) return null
  return (
    <div className="notice">
      {notices.map((notice, index) => (
        <p key={index}>{noticeText(notice)}</p>
      ))}
    </div>
  )
}

function noticeText(notice: SearchNotice): string {
  switch (notice.kind) {
    case 'query-truncated':
      return 'Sökningen var för lång och har kortats till 200 tecken.'
    case 'invalid-date':
      return `Datumet ”${notice.value}” finns inte, så det används inte. Skriv datum som ÅÅÅÅ-MM-DD.`
    case 'dates-reversed':
      return 'Från-datumet är senare än till-datumet, så datumfiltret används inte.'
  }
}

function hitCount(total: number) {
  return total === 1 ? '1 träff' : `${total.toLocaleString('sv-SE')} träffar`
}

/** The count sentence. The live region is always in the page, so a change in it is announced. */
export function SearchStatus({ text }: { text: string }) {
  return (
    <p role="status" className="search-status">
      {text}
    </p>
  )
}

const countOf = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** "12 träffar för ”x”." and, when names matched too, how many organisations and members. */
export function resultSummary(query: string, total: number, directory: { organisations: number; members: number } = { organisations: 0, members: 0 }): string {
  const content =
    total === 0 ? (query ? `Inga träffar för ”${query}”.` : 'Inga träffar.') : query ? `${hitCount(total)} för ”${query}”.` : `${hitCount(total)}.`
  const names = [
    directory.organisations > 0 ? countOf(directory.organisations, 'organisation', 'organisationer') : null,
    directory.members > 0 ? countOf(directory.members, 'medlem', 'medlemmar') : null,
  ].filter(Boolean)
  return names.length > 0 ? `${content} Namnträffar: ${names.join(' och ')}.` : content
}

export function FilterChips({ chips, criteria }: { chips: { label: string; href: string }[]; criteria: SearchCriteria }) {
  if (chips.length === 0) return null
  return (
    <div className="search-chips">
      <h2 className="visually-hidden">Valda filter</h2>
      <ul>
        {chips.map((chip) => (
          <li key={chip.href}>
            <Link to={chip.href} className="search-chip" preventScrollReset>
              {chip.label}
              <span className="visually-hidden"> – ta bort filtret</span>
              <span aria-hidden="true"> ×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link to={searchHref(withoutFilters(criteria))} preventScrollReset>
        Rensa alla filter
      </Link>
    </div>
  )
}

type OrganisationResult = { id: string; name: string; slug: string; type: keyof typeof OrganisationTypeLabels; county: string | null }
type MemberResult = { id: string; name: string; title: string; organisation: { name: string; slug: string } | null }

export function DirectoryResults({ organisations, members }: { organisations: OrganisationResult[]; members: MemberResult[] }) {
  if (organisations.length === 0 && members.length === 0) return null
  return (
    <div className="search-directory">
      {organisations.length > 0 ? (
        <section aria-labelledby="search-organisations-heading">
          <h2 id="search-organisations-heading">Organisationer</h2>
          <ul className="search-directory-list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>
                <span className="meta">
                  {' '}
                  · {OrganisationTypeLabels[organisation.type]}
                  {organisation.county ? `, ${organisation.county}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {members.length > 0 ? (
        <section aria-labelledby="search-members-heading">
          <h2 id="search-members-heading">Medlemmar</h2>
          <ul className="search-directory-list">
            {members.map((member) => (
              <li key={member.id}>
                <Link to={`/medlemmar/${member.id}`}>{member.name}</Link>
                <span className="meta">
                  {[member.title, member.organisation?.name]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

type Hit = {
  id: string
  path: string
  type: keyof typeof POST_TYPE_LABELS
  titleHtml: string
  snippetHtml: string
  organisation: { name: string; slug: string | null } | null
  tags: string[]
  date: string
}

export function SearchHits({ hits, headingHidden }: { hits: Hit[]; headingHidden: boolean }) {
  if (hits.length === 0) return null
  return (
    <section aria-labelledby="search-content-heading">
      <h2 id="search-content-heading" className={headingHidden ? 'visually-hidden' : undefined}>
        Innehåll
      </h2>
      <ol className="card-list" aria-label="Sökresultat">
        {hits.map((hit) => (
          <li key={hit.id}>
            <article className="card search-hit" aria-labelledby={`hit-${hit.id}`}>
              <p className="meta">
                <span className="badge">{POST_TYPE_LABELS[hit.type]}</span>
              </p>
              <h3 id={`hit-${hit.id}`}>
                {/* Escaped by search/ (highlight.ts) before the <mark> elements were added. */}
                <Link to={hit.path}>
                  <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                </Link>
              </h3>
              {hit.snippetHtml ? <p dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} /> : null}
              <p className="meta">
                {hit.organisation ? (
                  hit.organisation.slug ? (
                    <Link to={`/organisationer/${hit.organisation.slug}`}>{hit.organisation.name}</Link>
                  ) : (
                    hit.organisation.name
                  )
                ) : null}
                {hit.organisation ? ' · ' : null}
                {hit.date}
              </p>
              <TagLinks tags={hit.tags} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  )
}

export function SearchPagination({ criteria, page, lastPage }: { criteria: SearchCriteria; page: number; lastPage: number }) {
  if (lastPage <= 1) return null
  return (
    <nav aria-label="Sidor" className="pagination">
      {page > 1 ? <Link to={searchHref(criteria, Math.min(page - 1, lastPage))}>Föregående sida</Link> : null}
      <span>
        {' '}
        Sida {Math.min(page, lastPage)} av {lastPage}{' '}
      </span>
      {page < lastPage ? <Link to={searchHref(criteria, page + 1)}>Nästa sida</Link> : null}
    </nav>
  )
}
