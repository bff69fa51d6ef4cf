import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { DigestSchedule } from '#app/utils/digest-schedule.ts'
import { digestSchedule, env } from '#app/utils/env.server.ts'

/**
 * The site settings an admin changes at /admin/installningar: one row (id 1) whose empty
 * columns fall back to the defaults from the environment. Read through a short in-process
 * cache: a save clears it in the process that saved, other instances see the change within
 * CACHE_MS.
 */
export const DEFAULT_SITE_NAME = 'Samverka'
const CACHE_MS = 5_000

export const storedSiteSettingsSelect = {
  siteName: true,
  contactEmail: true,
  digestWeekday: true,
  digestHour: true,
  uploadMaxMb: true,
} satisfies Prisma.SiteSettingsSelect

export type StoredSiteSettings = Prisma.SiteSettingsGetPayload<{ select: typeof storedSiteSettingsSelect }>

export type SiteSettings = {
  siteName: string
  /** Null when no contact address is set (the environment has none to fall back on). */
  contactEmail: string | null
  digestWeekday: number
  digestHour: number
  uploadMaxMb: number
}

export const EMPTY_SITE_SETTINGS: StoredSiteSettings = { siteName: null, contactEmail: null, digestWeekday: null, digestHour: null, uploadMaxMb: null }

/** What applies when a setting is left empty. */
export function siteSettingsDefaults(): SiteSettings {
  const { weekday, hour } = digestSchedule()
  return { siteName: DEFAULT_SITE_NAME, contactEmail: null, digestWeekday: weekday, digestHour: hour, uploadMaxMb: env().UPLOAD_MAX_MB }
}

/** The row as stored (empty columns are null), for the admin form. */
export async function getStoredSiteSettings(): Promise<StoredSiteSettings> {
  return (await prisma.siteSettings.findUnique({ where: { id: 1 }, select: storedSiteSettingsSelect })) ?? EMPTY_SITE_SETTINGS
}

function effective(stored: StoredSiteSettings): SiteSettings {
  const defaults = siteSettingsDefaults()
  return {
    siteName: stored.siteName ?? defaults.siteName,
    contactEmail: stored.contactEmail ?? defaults.contactEmail,
    digestWeekday: stored.digestWeekday ?? defaults.digestWeekday,
    digestHour: stored.digestHour ?? defaults.digestHour,
    uploadMaxMb: stored.uploadMaxMb ?? defaults.uploadMaxMb,
  }
}

let cache: { expiresAt: number; value: Promise<SiteSettings> } | null = null
let lastSiteName = DEFAULT_SITE_NAME

/** The settings in effect (stored value, else the environment's default). */
export function getSiteSettings(): Promise<SiteSettings> {
  if (cache && cache.expiresAt > Date.now()) return cache.value
  const value = getStoredSiteSettings().then(effective)
  const entry = { expiresAt: Date.now() + CACHE_MS, value }
  cache = entry
  value.then(
    (settings) => {
      lastSiteName = settings.siteName
    },
    () => {
      // A failed read is not cached.
      if (cache === entry) cache = null
    },
  )
  return value
}

/** Called after a save, so this process sees the new values at once. */
export function clearSiteSettingsCache() {
  cache = null
}

/**
 * The site name as last read in this process, for the e-mail footer (templates are
 * synchronous). Every page request reads the settings (the header shows the name), and so
 * does every digest run, so this is at most CACHE_MS old where e-mails are sent.
 */
export function currentSiteName(): string {
  return lastSiteName
}

/** When digests go out: the weekday and hour from the settings, the time zone from the environment. */
export async function getDigestSchedule(): Promise<DigestSchedule> {
  const settings = await getSiteSettings()
  return { ...digestSchedule(), weekday: settings.digestWeekday, hour: settings.digestHour }
}

/** The largest accepted upload per file, in bytes. */
export async function getUploadMaxBytes(): Promise<number> {
  return (await getSiteSettings()).uploadMaxMb * 1024 * 1024
}
