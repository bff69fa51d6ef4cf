import { useEffect, useMemo, useRef, useState } from 'react'
import type { MemberSuggestion, MentionSuggestionOptions } from '#app/editor/extensions.ts'

/**
 * The editor's @-mention suggestions. Tiptap's suggestion plugin (configured here, run by the
 * Mention extension of app/editor/extensions.ts) notices "@name", asks GET /medlemmar/sok for
 * members and reports to React; the list is an ordinary listbox under the editor, positioned
 * by CSS alone (no floating popup: the CSP allows no inline styles). Focus stays in the
 * editor, which points at the highlighted option with aria-activedescendant; ArrowUp/Down
 * move, Enter or Tab picks, Escape closes, and a polite live region says "N förslag". The
 * list closes when the editor loses focus (`hide`) and comes back with the next keystroke.
 */

type Renderer = ReturnType<NonNullable<MentionSuggestionOptions['render']>>
type SuggestionProps = Parameters<NonNullable<Renderer['onStart']>>[0]

type Open = {
  query: string
  /** The members found for the latest finished search (kept while the next one runs). */
  items: MemberSuggestion[]
  searched: boolean
  pick: (member: MemberSuggestion) => void
}

async function findMembers(query: string, signal: AbortSignal): Promise<MemberSuggestion[]> {
  const response = await fetch(`/medlemmar/sok?q=${encodeURIComponent(query)}`, { signal, headers: { Accept: 'application/json' } })
  if (!response.ok) return []
  const body = (await response.json()) as { members?: MemberSuggestion[] }
  return body.members ?? []
}

function statusText(open: Open | null): string {
  if (!open) return ''
  if (!open.query) return 'Skriv början av ett namn för att nämna en medlem.'
  if (!open.searched) return ''
  return open.items.length === 0 ? 'Inga förslag' : `${open.items.length} förslag`
}

/**
 * The suggestion options to build the editor's extensions with, and what the editor needs
 * to wire the list: the ids for its aria-controls and aria-activedescendant (set while
 * there are options) and the props of `MentionSuggestionList`.
 */
export function useMentionSuggestions(listboxId: string) {
  const [open, setOpen] = useState<Open | null>(null)
  const [active, setActive] = useState(0)
  // The plugin calls onKeyDown outside React: it reads the latest list through this ref.
  const current = useRef({ open, active })
  useEffect(() => {
    current.current = { open, active }
  }, [open, active])

  const suggestion = useMemo((): MentionSuggestionOptions => {
    const show = (props: SuggestionProps) => {
      const pick = (member: MemberSuggestion) => props.command({ id: member.id, label: member.name })
      setOpen((previous) => ({
        query: props.query,
        items: props.loading ? (previous?.items ?? []) : props.items,
        searched: !props.loading || Boolean(previous?.searched),
        pick,
      }))
      if (!props.loading) setActive(0)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      const { open: list, active: index } = current.current
      const count = list?.items.length ?? 0
      if (!list || count === 0) return false
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        setActive((index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
        return true
      }
      const member = list.items[index]
      if ((event.key === 'Enter' || event.key === 'Tab') && member) {
        list.pick(member)
        return true
      }
      return false
    }
    return {
      debounce: 150,
      minQueryLength: 1,
      items: ({ query, signal }) => findMembers(query, signal),
      render: () => ({
        onStart: show,
        onUpdate: show,
        onExit: () => setOpen(null),
        onKeyDown: ({ event }) => onKeyDown(event),
      }),
    }
  }, [])

  const hasOptions = Boolean(open && open.items.length > 0)
  return {
    suggestion,
    listboxId: hasOptions ? listboxId : undefined,
    activeOptionId: hasOptions ? `${listboxId}-${active}` : undefined,
    listProps: { id: listboxId, open, active, onHover: setActive },
    hide: () => setOpen(null),
  }
}

type ListProps = { id: string; open: Open | null; active: number; onHover: (index: number) => void }

/** The listbox (while there are options) and the live region (always, so it is heard). */
export function MentionSuggestionList({ id, open, active, onHover }: ListProps) {
  return (
    <>
      {open && open.items.length > 0 ? (
        <ul id={id} role="listbox" aria-label="Medlemmar att nämna" className="mention-suggestions">
          {open.items.map((member, index) => (
            <li
              key={member.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              // Keep the editor focused (and the suggestion open) while the pointer is down.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => onHover(index)}
              onClick={() => open.pick(member)}
            >
              <span className="mention-suggestion-name">{member.name}</span>{' '}
              <span className="mention-suggestion-details">{[member.title, member.organisation].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="visually-hidden">
        {statusText(open)}
      </p>
    </>
  )
}
