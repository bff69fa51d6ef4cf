import { useRouteLoaderData } from '@remix-run/react'

/** What every page may show about the site, from the site settings (the root loader's `site`). */
export type SiteInfo = { name: string; contactEmail: string | null; uploadMaxMb: number | null }

/** The site name, contact address and upload limit (defaults while the root loader has no data). */
export function useSite(): SiteInfo {
  return useRouteLoaderData<{ site: SiteInfo }>('root')?.site ?? { name: 'Samverka', contactEmail: null, uploadMaxMb: null }
}
