import { OrganisationTypeLabels } from '#app/validation/auth.ts'
import { POST_TYPE_PLURALS } from './post-type.ts'
import { ArtifactKindLabels, ProjectStatusLabels } from '#app/validation/content.ts'
import type { ListFilter, SearchCriteria } from './search-url.ts'

/**
 * The search page's filter groups from the engine's facet counts: Swedish labels, each option
 * with its count, the selected ones ticked. A group without options is left out (no project
 * statuses unless projects matched); long lists keep their most frequent values, and a
 * selected value is always kept so it can be unticked.
 */
export type FacetOption = { value: string; label: string; count: number; selected: boolean }
export type FacetGroup = { key: ListFilter; legend: string; options: FacetOption[] }

type GroupSpec = {
  legend: string
  /** Fixed labels (and their order); open lists are labelled by `labelOf` and ordered by count. */
  labels?: Record<string, string>
  labelOf?: (value: string) => string
  top?: number
}

const GROUPS: Record<ListFilter, GroupSpec> = {
  type: { legend: 'Typ', labels: POST_TYPE_PLURALS },
  organisationType: { legend: 'Organisationstyp', labels: OrganisationTypeLabels },
  county: { legend: 'Län', top: 25 },
  organisation: { legend: 'Organisation', top: 12 },
  tags: { legend: 'Taggar', top: 15 },
  projectStatus: { legend: 'Projektstatus', labels: ProjectStatusLabels },
  artifactKind: { legend: 'Typ av material', labels: ArtifactKindLabels },
}

function group(key: ListFilter, counts: Record<string, number>, selected: string[], labelOf: (value: string) => string): FacetGroup | null {
  const spec = GROUPS[key]
  const label = (value: string) => spec.labels?.[value] ?? labelOf(value)
  const option = (value: string): FacetOption => ({ value, label: label(value), count: counts[value] ?? 0, selected: selected.includes(value) })
  let values: string[]
  if (spec.labels) {
    values = Object.keys(spec.labels).filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value))
  } else {
    const frequent = Object.entries(counts)
      .filter(([, count]) => count > 0)
      .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, 'sv'))
      .slice(0, spec.top)
      .map(([value]) => value)
    values = [...frequent, ...selected.filter((value) => !frequent.includes(value))]
  }
  return values.length > 0 ? { key, legend: spec.legend, options: values.map(option) } : null
}

export function facetGroups(
  facets: Partial<Record<ListFilter, Record<string, number>>>,
  criteria: SearchCriteria,
  organisationNames: Record<string, string>,
): FacetGroup[] {
  return (Object.keys(GROUPS) as ListFilter[]).flatMap((key) => {
    const labelOf = key === 'organisation' ? (slug: string) => organisationNames[slug] ?? slug : (value: string) => value
    return group(key, facets[key] ?? {}, criteria[key], labelOf) ?? []
  })
}

/** The label of a selected value, for its chip. */
export function filterValueLabel(key: ListFilter, value: string, organisationNames: Record<string, string>): string {
  if (key === 'organisation') return organisationNames[value] ?? value
  return GROUPS[key].labels?.[value] ?? value
}

export function filterLegend(key: ListFilter): string {
  return GROUPS[key].legend
}
