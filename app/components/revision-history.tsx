import type { MetaFunction } from '@remix-run/react'
import { Link, useLoaderData } from '@remix-run/react'
import { postPath } from '#app/presenters/post-type.ts'
import type { DiffPart, HistoryView } from '#app/presenters/revision.server.ts'

/** The history page of a post or an answer (app/routes/*.historik.tsx): newest version first, each with what changed. */
export const historyMeta: MetaFunction = ({ data }) => {
  const history = data as HistoryView | undefined
  return [{ title: history ? `Versioner av ${history.answerId ? 'ett svar på ' : ''}”${history.post.title}” – Samverka` : 'Versioner – Samverka' }]
}

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">[tillagt: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">[borttaget: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}

export function RevisionHistoryPage() {
  const history = useLoaderData<HistoryView>()
  const path = postPath(history.post)
  const back = history.answerId ? `${path}#svar-${history.answerId}` : path
  return (
    <div className="revision-history narrow-wide">
      <p>
        <Link to={back}>← Tillbaka till {history.answerId ? 'svaret' : 'inlägget'}</Link>
      </p>
      <h1>
        Versioner av {history.answerId ? 'ett svar på ' : ''}”{history.post.title}”
      </h1>
      {history.withheld > 0 ? (
        <p className="notice">
          {history.withheld === 1 ? 'En tidigare version' : `${history.withheld} tidigare versioner`} före en moderators ändring visas bara för författaren och
          moderatorerna.
        </p>
      ) : null}
      {history.versions.length === 1 && history.withheld === 0 ? <p>Det finns inga tidigare versioner.</p> : null}
      <ol reversed className="version-list">
        {history.versions.map((version) => (
          <li key={version.number} className="version">
            <h2>
              Version {version.number}
              {version.number === history.versions[0]?.number ? ' (nuvarande)' : ''}
            </h2>
            <p className="byline">
              {version.by}, {version.when}
              {version.byModerator ? ' · redigerad av moderator' : ''}
            </p>
            {version.titleDiff ? (
              <p className="version-title">
                Rubrik: <Diff parts={version.titleDiff} />
              </p>
            ) : version.number === history.versions.at(-1)?.number && version.title ? (
              <p className="version-title">Rubrik: {version.title}</p>
            ) : null}
            {version.textDiff ? (
              <div className="version-diff">
                <Diff parts={version.textDiff} />
              </div>
            ) : null}
            {version.wholeHtml !== null ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: version.wholeHtml }} /> : null}
          </li>
        ))}
      </ol>
    </div>
  )
}
