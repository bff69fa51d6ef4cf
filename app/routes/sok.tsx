import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { postPath, TagLinks } from '#app/components/post-list.tsx'
import { requireMember } from '#app/utils/auth.server.ts'
import { hasSearchCriteria, parseSearchParams, SEARCH_PAGE_MAX, searchContent } from '#app/utils/search.server.ts'
import { TYPE_PARAM_OF } from '#app/utils/search-url.ts'
import { formatDate } from '#app/utils/swedish.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.query ? `${data.query} – Sök – Samverka` : 'Sök – Samverka' }]

const TYPE_FILTERS = [
  { type: 'question', label: 'Frågor' },
  { type: 'project', label: 'Projekt' },
  { type: 'artifact', label: 'Material' },
] as const
const TYPE_LABELS = { question: 'Fråga', project: 'Projekt', artifact: 'Material' } as const
const ORGANISATION_TYPE_LABELS: Record<string, string> = { kommun: 'Kommuner', region: 'Regioner', myndighet: 'Myndigheter', annan: 'Andra' }

/** The search page: a GET form (works without JavaScript); query, filters and page live in the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireMember(request)
  const url = new URL(request.url)
  const input = parseSearchParams(url.searchParams)
  const base = {
    query: input.query,
    sort: input.sort,
    type: input.filters.type?.[0] ?? null,
    organisationType: input.filters.organisationType?.[0] ?? null,
    tag: input.filters.tags?.[0] ?? null,
  }
  if (!hasSearchCriteria(input)) return { ...base, searched: false as const }
  const outcome = await searchContent(user, input)
  if (!outcome.ok) return { ...base, searched: true as const, failed: true as const }
  const { result } = outcome
  const lastPage = Math.min(SEARCH_PAGE_MAX, Math.ceil(result.total / result.pageSize))
  return {
    ...base,
    searched: true as const,
    failed: false as const,
    total: result.total,
    page: result.page,
    hasPrevious: result.page > 1,
    hasNext: result.page < lastPage,
    facets: {
      type: result.facets.type ?? {},
      organisationType: result.facets.organisationType ?? {},
      tags: Object.entries(result.facets.tags ?? {}).slice(0, 12),
    },
    hits: result.hits.map((hit) => ({
      id: hit.entityId,
      path: postPath({ id: hit.entityId, type: hit.type }),
      type: hit.type,
      // Safe HTML from search/: every character escaped, matches in <mark>.
      titleHtml: hit.title,
      snippetHtml: hit.snippet,
      organisation: hit.organisation,
      tags: hit.tags,
      date: formatDate(hit.createdAt),
    })),
  }
}

type Criteria = { query: string; sort: string; type: string | null; organisationType: string | null; tag: string | null }

/** The URL for the same search with some criteria changed (and back to page 1 unless given). */
function searchUrl(criteria: Criteria, change: Partial<Criteria> & { page?: number }) {
  const next = { ...criteria, ...change }
  const params = new URLSearchParams()
  if (next.query) params.set('q', next.query)
  if (next.type) params.set('typ', TYPE_PARAM_OF[next.type as keyof typeof TYPE_PARAM_OF] ?? next.type)
  if (next.organisationType) params.set('orgtyp', next.organisationType)
  if (next.tag) params.set('tagg', next.tag)
  if (next.sort === 'newest') params.set('sortera', 'nyast')
  if (change.page && change.page > 1) params.set('sida', String(change.page))
  return `/sok?${params}`
}

function hitCount(total: number) {
  return total === 1 ? '1 träff' : `${total.toLocaleString('sv-SE')} träffar`
}

export default function Search() {
  const data = useLoaderData<typeof loader>()
  const criteria: Criteria = { query: data.query, sort: data.sort, type: data.type, organisationType: data.organisationType, tag: data.tag }
  return (
    <>
      <h1>Sök</h1>
      <Form method="get" action="/sok" role="search" className="filters">
        <div className="field">
          <label htmlFor="search-query">Sök</label>
          <input id="search-query" type="search" name="q" defaultValue={data.query} maxLength={200} aria-describedby="search-hint" />
          <p id="search-hint" className="meta">
            Sök i projekt, frågor med svar och material. Använd citattecken för fraser och minus för att utesluta ord.
          </p>
        </div>
        {data.type ? <input type="hidden" name="typ" value={TYPE_PARAM_OF[data.type]} /> : null}
        {data.organisationType ? <input type="hidden" name="orgtyp" value={data.organisationType} /> : null}
        {data.tag ? <input type="hidden" name="tagg" value={data.tag} /> : null}
        <div className="field">
          <label htmlFor="search-sort">Sortera</label>
          <select id="search-sort" name="sortera" defaultValue={data.sort === 'newest' ? 'nyast' : 'relevans'}>
            <option value="relevans">Mest relevant</option>
            <option value="nyast">Nyast först</option>
          </select>
        </div>
        <button type="submit">Sök</button>
      </Form>

      {!data.searched ? (
        <p>Skriv vad du letar efter, till exempel ”e-arkiv”, ”LSS” eller ”upphandling av ärendehanteringssystem”.</p>
      ) : data.failed ? (
        <p role="alert">Sökningen fungerar inte just nu. Försök igen om en stund.</p>
      ) : (
        <>
          <p role="status">
            {data.total === 0
              ? data.query
                ? `Inga träffar för ”${data.query}”.`
                : 'Inga träffar.'
              : data.query
                ? `${hitCount(data.total)} för ”${data.query}”.`
                : `${hitCount(data.total)}.`}
          </p>
          <nav aria-label="Filtrera på typ" className="sub-nav">
            <ul>
              <li>
                <Link to={searchUrl(criteria, { type: null })} aria-current={data.type ? undefined : 'page'}>
                  Alla typer
                </Link>
              </li>
              {TYPE_FILTERS.map(({ type, label }) => (
                <li key={type}>
                  <Link to={searchUrl(criteria, { type })} aria-current={data.type === type ? 'page' : undefined}>
                    {label} ({data.facets.type[type] ?? 0})
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <FacetLinks
            label="Filtrera på organisationstyp"
            allLabel="Alla organisationer"
            selected={data.organisationType}
            values={Object.entries(data.facets.organisationType).map(([value, count]) => ({ value, label: ORGANISATION_TYPE_LABELS[value] ?? value, count }))}
            urlFor={(organisationType) => searchUrl(criteria, { organisationType })}
          />
          <FacetLinks
            label="Filtrera på tagg"
            allLabel="Alla taggar"
            selected={data.tag}
            values={data.facets.tags.map(([value, count]) => ({ value, label: value, count }))}
            urlFor={(tag) => searchUrl(criteria, { tag })}
          />
          {data.hits.length === 0 ? (
            <p>Pröva andra ord, en kortare sökning eller färre filter.</p>
          ) : (
            <ol className="card-list" aria-label="Sökresultat">
              {data.hits.map((hit) => (
                <li key={hit.id}>
                  <article className="card" aria-labelledby={`hit-${hit.id}`}>
                    <p className="meta">
                      <span className="badge">{TYPE_LABELS[hit.type]}</span>
                    </p>
                    <h2 id={`hit-${hit.id}`}>
                      {/* Escaped by search/ (highlight.ts) before the <mark> elements were added. */}
                      <Link to={hit.path}>
                        <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                      </Link>
                    </h2>
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
          )}
          {data.hasPrevious || data.hasNext ? (
            <nav aria-label="Sidor" className="pagination">
              {data.hasPrevious ? <Link to={searchUrl(criteria, { page: data.page - 1 })}>Föregående sida</Link> : null}
              {data.hasPrevious && data.hasNext ? ' · ' : null}
              {data.hasNext ? <Link to={searchUrl(criteria, { page: data.page + 1 })}>Nästa sida</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  )
}

function FacetLinks({
  label,
  allLabel,
  selected,
  values,
  urlFor,
}: {
  label: string
  allLabel: string
  selected: string | null
  values: { value: string; label: string; count: number }[]
  urlFor: (value: string | null) => string
}) {
  if (values.length === 0) return null
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        <li>
          <Link to={urlFor(null)} aria-current={selected ? undefined : 'page'}>
            {allLabel}
          </Link>
        </li>
        {values.map((item) => (
          <li key={item.value}>
            <Link to={urlFor(item.value)} aria-current={selected === item.value ? 'page' : undefined}>
              {item.label} ({item.count})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
