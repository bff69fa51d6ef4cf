import { clearSiteSettingsCache, storedSiteSettingsSelect, EMPTY_SITE_SETTINGS, type StoredSiteSettings } from '#app/models/site-settings.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { type Actor, canAdminister } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { SiteSettingsInput } from '#app/validation/admin.ts'
import { writeAudit } from './audit.server.ts'

/** An admin saves the site settings (empty values: the default applies); audited with before and after. */
export async function updateSiteSettings(actor: Actor, input: SiteSettingsInput): Promise<StoredSiteSettings> {
  authorize(canAdminister(actor))
  const saved = await prisma.$transaction(async (tx) => {
    const before = (await tx.siteSettings.findUnique({ where: { id: 1 }, select: storedSiteSettingsSelect })) ?? EMPTY_SITE_SETTINGS
    const after = await tx.siteSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...input, updatedById: actor.id },
      update: { ...input, updatedById: actor.id },
      select: storedSiteSettingsSelect,
    })
    await writeAudit(tx, actor, {
      action: 'settings.updated',
      targetType: 'site-settings',
      targetId: '1',
      targetName: 'Webbplatsinställningar',
      data: { before, after },
    })
    return after
  })
  clearSiteSettingsCache()
  return saved
}
