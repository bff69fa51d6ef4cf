import { useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/**
 * "(3) Start – Samverka": the unread notification count in front of the page's own title.
 * `added` is the prefix put there last time (taken off again, so counts never pile up; a
 * title that merely starts with a number in brackets is left alone).
 */
export function titleWithUnread(title: string, added: string, unread: number): { title: string; added: string } {
  const base = added && title.startsWith(added) ? title.slice(added.length) : title
  const prefix = unread > 0 ? `(${unread > 99 ? '99+' : unread}) ` : ''
  return { title: `${prefix}${base}`, added: prefix }
}

/**
 * Keeps the unread count in the document title (read out by screen readers when a tab or
 * page is announced). Each route's `meta` sets its own title, so the count is put in front
 * after every navigation and whenever it changes. Needs JavaScript; the header link carries
 * the count either way.
 */
export function useUnreadCountInTitle(unread: number) {
  const location = useLocation()
  const added = useRef('')
  useEffect(() => {
    const next = titleWithUnread(document.title, added.current, unread)
    added.current = next.added
    document.title = next.title
  }, [unread, location.key])
}
