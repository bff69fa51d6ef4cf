import { describe, expect, test } from 'vitest'
import { titleWithUnread } from './unread-title.ts'

describe('the unread count in the page title', () => {
  test('is put in front, replaced when it changes and removed at zero', () => {
    const first = titleWithUnread('Start – Samverka', '', 3)
    expect(first).toEqual({ title: '(3) Start – Samverka', added: '(3) ' })
    const more = titleWithUnread(first.title, first.added, 120)
    expect(more).toEqual({ title: '(99+) Start – Samverka', added: '(99+) ' })
    expect(titleWithUnread(more.title, more.added, 0)).toEqual({ title: 'Start – Samverka', added: '' })
  })

  test('a new page title (after a navigation) gets the count without losing anything', () => {
    expect(titleWithUnread('Notiser – Samverka', '(3) ', 3).title).toBe('(3) Notiser – Samverka')
    expect(titleWithUnread('(2026) Årsrapport – Samverka', '', 0).title).toBe('(2026) Årsrapport – Samverka')
    expect(titleWithUnread('(2026) Årsrapport – Samverka', '', 1).title).toBe('(1) (2026) Årsrapport – Samverka')
  })
})
