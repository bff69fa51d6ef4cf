import type { ReactNode } from 'react'

/** Frame for the public legal pages (privacy, accessibility, terms). */
export function LegalPage({ title, updated, children }: { title: string; updated: string; children: ReactNode }) {
  return (
    <article className="narrow legal">
      <h1>{title}</h1>
      <p className="meta">Senast uppdaterad {updated}</p>
      {children}
    </article>
  )
}
