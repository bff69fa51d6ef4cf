import { Form, useNavigation, useSubmit } from '@remix-run/react'
import { useCallback, useEffect, useRef, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react'
import type { FacetGroup } from '#app/presenters/search-facets.ts'
import { LIST_FILTER_PARAMS, TYPE_PARAM_OF, type SearchCriteria, type SearchPostType } from '#app/presenters/search-url.ts'

/**
 * The search page's form. Without JavaScript it is a plain GET form (query, sort, filters and
 * dates all in the URL; the filters sit outside the <form> element and join it through the
 * `form` attribute). With JavaScript it searches as you type: typing submits after a pause
 * and replaces the history entry; ticking a filter or changing the sort submits at once and
 * pushes one, so Back undoes it.
 */
export const SEARCH_FORM_ID = 'sok-formular'
/** The element around the results: ArrowDown in the query field moves to its first link. */
export const SEARCH_RESULTS_ID = 'sokresultat'

const TYPING_DELAY_MS = 300

/** True while the page is loading a new search (the previous results stay until then). */
export function useSearchPending(): boolean {
  const navigation = useNavigation()
  return navigation.state === 'loading' && navigation.location.pathname === '/sok'
}

function formParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string' || value.trim() === '' || (name === 'sortera' && value !== 'nyast')) continue
    params.append(name, value)
  }
  return params
}

function useLiveSearch() {
  const submit = useSubmit()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const cancel = useCallback(() => clearTimeout(timer.current), [])
  useEffect(() => cancel, [cancel])
  const send = useCallback(
    (form: HTMLFormElement | null, replace: boolean) => {
      if (!form) return
      cancel()
      void submit(formParams(form), { method: 'get', action: '/sok', replace, preventScrollReset: true })
    },
    [cancel, submit],
  )
  const later = useCallback(
    (form: HTMLFormElement | null, replace: boolean) => {
      cancel()
      timer.current = setTimeout(() => send(form, replace), TYPING_DELAY_MS)
    },
    [cancel, send],
  )
  return { send, later }
}

/**
 * The fields are uncontrolled, so what the searcher just typed or ticked stays while the search
 * is on its way. These keep them in step with the settled URL (Back, a chip), but never touch
 * a text field the searcher is typing in.
 */
function useSyncedValue<T extends HTMLInputElement | HTMLSelectElement>(value: string) {
  const ref = useRef<T>(null)
  useEffect(() => {
    const field = ref.current
    if (field && document.activeElement !== field && field.value !== value) field.value = value
  }, [value])
  return ref
}

function useSyncedChecked(checked: boolean) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.checked = checked
  }, [checked])
  return ref
}

function FilterCheckbox({
  id,
  name,
  value,
  checked,
  onChange,
}: {
  id: string
  name: string
  value: string
  checked: boolean
  onChange: (event: ChangeEvent<HTMLInputElement>) => void
}) {
  const ref = useSyncedChecked(checked)
  return <input ref={ref} id={id} type="checkbox" form={SEARCH_FORM_ID} name={name} value={value} defaultChecked={checked} onChange={onChange} />
}

function focusFirstResult(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'ArrowDown') return
  const link = document.querySelector<HTMLAnchorElement>(`#${SEARCH_RESULTS_ID} a`)
  if (!link) return
  event.preventDefault()
  link.focus()
}

export function SearchForm({ criteria }: { criteria: SearchCriteria }) {
  const live = useLiveSearch()
  const queryRef = useSyncedValue<HTMLInputElement>(criteria.query)
  const sortRef = useSyncedValue<HTMLSelectElement>(criteria.sort === 'newest' ? 'nyast' : 'relevans')
  // With JavaScript a submit (Enter, the buttons) navigates with the same tidy URL as live search.
  const submitClean = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    live.send(event.currentTarget, false)
  }
  return (
    <Form id={SEARCH_FORM_ID} method="get" action="/sok" role="search" aria-label="Sök i innehållet" className="filters" onSubmit={submitClean}>
      <div className="field search-query-field">
        <label htmlFor="search-query">Sök</label>
        <input
          ref={queryRef}
          id="search-query"
          type="search"
          name="q"
          defaultValue={criteria.query}
          maxLength={200}
          autoComplete="off"
          aria-describedby="search-hint"
          onChange={(event) => live.later(event.currentTarget.form, true)}
          onKeyDown={focusFirstResult}
        />
        <p id="search-hint" className="hint">
          Sök i projekt, frågor med svar, material, organisationer och medlemmar. Använd citattecken för fraser och minus för att utesluta ord.
        </p>
      </div>
      <div className="field">
        <label htmlFor="search-sort">Sortera</label>
        <select
          id="search-sort"
          name="sortera"
          ref={sortRef}
          defaultValue={criteria.sort === 'newest' ? 'nyast' : 'relevans'}
          onChange={(event) => live.send(event.currentTarget.form, false)}
        >
          <option value="relevans">Mest relevant</option>
          <option value="nyast">Nyast först</option>
        </select>
      </div>
      <button type="submit">Sök</button>
    </Form>
  )
}

/** The filter groups (checkboxes with counts), "söker samarbetspartner" and the date range. */
export function SearchFilters({
  groups,
  partner,
  criteria,
}: {
  groups: FacetGroup[]
  partner: { count: number; selected: boolean } | null
  criteria: SearchCriteria
}) {
  const live = useLiveSearch()
  const fromRef = useSyncedValue<HTMLInputElement>(criteria.from)
  const toRef = useSyncedValue<HTMLInputElement>(criteria.to)
  const now = (event: ChangeEvent<HTMLInputElement>) => live.send(event.currentTarget.form, false)
  return (
    <section className="search-filters" aria-labelledby="search-filters-heading">
      <h2 id="search-filters-heading">Filtrera</h2>
      {groups.map((group) => {
        const name = LIST_FILTER_PARAMS[group.key]
        return (
          <fieldset key={group.key} className="search-facet">
            <legend>{group.legend}</legend>
            <ul>
              {group.options.map((option) => {
                const value = group.key === 'type' ? TYPE_PARAM_OF[option.value as SearchPostType] : option.value
                const id = `filter-${name}-${value}`
                return (
                  <li key={option.value}>
                    <FilterCheckbox id={id} name={name} value={value} checked={option.selected} onChange={now} />
                    <label htmlFor={id}>
                      {option.label} <span className="search-count">({option.count.toLocaleString('sv-SE')})</span>
                    </label>
                  </li>
                )
              })}
            </ul>
          </fieldset>
        )
      })}
      {partner ? (
        <fieldset className="search-facet">
          <legend>Samarbete</legend>
          <FilterCheckbox id="filter-partner" name="partner" value="ja" checked={partner.selected} onChange={now} />
          <label htmlFor="filter-partner">
            Söker samarbetspartner <span className="search-count">({partner.count.toLocaleString('sv-SE')})</span>
          </label>
        </fieldset>
      ) : null}
      <fieldset className="search-facet">
        <legend>Datum</legend>
        <div className="field">
          <label htmlFor="filter-from">Från</label>
          <input
            ref={fromRef}
            id="filter-from"
            type="date"
            form={SEARCH_FORM_ID}
            name="fran"
            defaultValue={criteria.from}
            onChange={(event) => live.later(event.currentTarget.form, false)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">Till</label>
          <input
            ref={toRef}
            id="filter-to"
            type="date"
            form={SEARCH_FORM_ID}
            name="till"
            defaultValue={criteria.to}
            onChange={(event) => live.later(event.currentTarget.form, false)}
          />
        </div>
      </fieldset>
      <button type="submit" form={SEARCH_FORM_ID}>
        Använd filter
      </button>
    </section>
  )
}
