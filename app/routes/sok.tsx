import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SEARCH_RESULTS_ID, SearchFilters, SearchForm, useSearchPending } from '#app/components/search-form.tsx'
import { DirectoryResults, FilterChips, resultSummary, SearchHits, SearchNotices, SearchPagination, SearchStatus } from '#app/components/search-results.tsx'
import { getSearchPage, parseSearchParams } from '#app/models/search-page.server.ts'
import { SEARCH_UNAVAILABLE, searchHref } from '#app/presenters/search-url.ts'
import { requireMember } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.criteria.query ? `${data.criteria.query} – Sök – Samverka` : 'Sök – Samverka' }]

/** The search page: a GET form (works without JavaScript); query, filters and page live in the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const input = parseSearchParams(new URL(request.url).searchParams)
  return getSearchPage(input)
}

export default function Search() {
  const data = useLoaderData<typeof loader>()
  const pending = useSearchPending()
  const { criteria } = data
  const status =
    data.searched && !data.failed ? resultSummary(criteria.query, data.total, { organisations: data.organisations.length, members: data.members.length }) : ''
  return (
    <>
      <h1>Sök</h1>
      <SearchForm criteria={criteria} />
      <SearchNotices notices={data.notices} />
      <SearchStatus text={status} />
      {!data.searched ? (
        <p>Skriv vad du letar efter, till exempel ”e-arkiv”, ”LSS” eller ”upphandling av ärendehanteringssystem”.</p>
      ) : data.failed ? (
        <p role="alert">{SEARCH_UNAVAILABLE}</p>
      ) : (
        <div className="search-layout">
          <SearchFilters groups={data.groups} partner={data.partner} criteria={criteria} />
          <div id={SEARCH_RESULTS_ID} className="search-results" aria-busy={pending}>
            <FilterChips chips={data.chips} criteria={criteria} />
            <DirectoryResults organisations={data.organisations} members={data.members} />
            <SearchHits hits={data.hits} headingHidden={data.organisations.length === 0 && data.members.length === 0} />
            {data.hits.length === 0 && data.total > 0 ? (
              <p>
                Sidan finns inte: det finns {data.lastPage} {data.lastPage === 1 ? 'sida' : 'sidor'} med träffar.{' '}
                <Link to={searchHref(criteria)}>Till första sidan</Link>
              </p>
            ) : data.total === 0 && data.organisations.length + data.members.length === 0 ? (
              <p>Pröva andra ord, en kortare sökning eller färre filter.</p>
            ) : null}
            <SearchPagination criteria={criteria} page={data.page} lastPage={data.lastPage} />
          </div>
        </div>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
