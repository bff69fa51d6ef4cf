import { diffWords } from 'diff'
import type { ContentHistory, Version } from '#app/models/revision.server.ts'
import { formatDateTime } from '#app/utils/swedish.ts'

/** A run of text in a diff: unchanged, added by the version, or removed from the one before. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/**
 * Beyond this many word edits between two versions a word-by-word diff stops being readable
 * (and costs quadratic time): the page shows both versions whole instead.
 */
const MAX_WORD_EDITS = 2_000

function wordDiff(before: string, after: string): DiffPart[] | null {
  const changes = diffWords(before, after, { maxEditLength: MAX_WORD_EDITS })
  if (!changes) return null
  return changes.map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }))
}

const changed = (parts: DiffPart[] | null) => parts === null || parts.some((part) => part.kind !== 'same')

function presentVersion(version: Version, previous: Version | undefined, number: number) {
  const title = previous && version.title !== null && previous.title !== null ? wordDiff(previous.title, version.title) : null
  const text = previous ? wordDiff(previous.bodyText, version.bodyText) : null
  return {
    number,
    by: version.by ?? 'Tidigare medlem',
    when: formatDateTime(version.at),
    byModerator: version.byModerator,
    title: version.title,
    /** Null for the first version (nothing to compare with). */
    titleDiff: title && changed(title) ? title : null,
    textDiff: text,
    /** Shown whole: the first version, or when the change is too large for a word diff. */
    wholeHtml: previous && text ? null : version.bodyHtml,
  }
}

/** The history page: newest version first, each with what changed from the one before. */
export function presentHistory(history: ContentHistory) {
  const first = history.withheld + 1
  const versions = history.versions.map((version, index) => presentVersion(version, history.versions[index - 1], first + index))
  return { post: history.post, answerId: history.answerId, withheld: history.withheld, versions: versions.reverse() }
}

export type HistoryView = ReturnType<typeof presentHistory>
