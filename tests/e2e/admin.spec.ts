import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'

async function saveSiteName(page: Page, name: string) {
  await page.goto('/admin/installningar')
  await page.getByRole('textbox', { name: 'Webbplatsens namn' }).fill(name)
  await page.getByRole('button', { name: 'Spara inställningarna' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Inställningarna är sparade.' })).toBeVisible()
}

test('the admin appoints a moderator, renames the site, imports two organisations and merges them', async ({ page, browser, signIn, signUp }) => {
  // One sign-in of the demo admin (rate limit) for the whole tour of the admin pages: long.
  test.slow()
  const suffix = randomUUID().slice(0, 6)
  const memberName = `Mona Rollbytesson ${suffix}`
  const memberContext = await browser.newContext()
  const member = await memberContext.newPage()
  await signUp(member, { email: uniqueEmail('blivande.moderator', 'nacka.se'), name: memberName })
  await member.goto('/admin')
  await expect(member.getByRole('heading', { name: 'Ingen behörighet' })).toBeVisible()
  await expectNoA11yViolations(member)

  await signIn(page, 'admin@samverka.example')
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click()
  await expect(page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
  const adminNav = page.getByRole('navigation', { name: 'Administration' })

  // Roles: find the member and make them a moderator.
  await adminNav.getByRole('link', { name: 'Roller' }).click()
  await expect(page.getByRole('heading', { name: 'Roller', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('searchbox', { name: 'Namn eller titel' }).fill(`Rollbytesson ${suffix}`)
  await page.getByRole('button', { name: 'Sök medlem' }).click()
  const hits = page.getByRole('list', { name: 'Sökträffar' })
  await hits.getByRole('combobox', { name: `Roll för ${memberName}` }).selectOption({ label: 'Moderator' })
  await hits.getByRole('textbox', { name: 'Motivering' }).fill('Ny moderator för kommunerna i Stockholms län')
  await hits.getByRole('button', { name: `Spara roll för ${memberName}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `${memberName} är nu moderator.` })).toBeVisible()
  await expect(page.getByRole('heading', { name: memberName, level: 3 })).toBeVisible()
  await expectNoA11yViolations(page)
  await member.goto('/')
  await expect(member.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Moderering' })).toBeVisible()
  await memberContext.close()

  // Site settings: the new name shows in the header at once (restored afterwards for the other specs).
  try {
    await adminNav.getByRole('link', { name: 'Inställningar' }).click()
    await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible()
    await expectNoA11yViolations(page)
    await saveSiteName(page, 'Samverka Test')
    await expect(page.getByRole('banner').getByRole('link', { name: 'Samverka Test', exact: true })).toBeVisible()
    await page.getByRole('textbox', { name: 'Största fil att ladda upp (MB)' }).fill('600')
    await page.getByRole('button', { name: 'Spara inställningarna' }).click()
    await expect(page.getByText('Ange en gräns mellan 1 och 500 MB.')).toBeVisible()
    await expectNoA11yViolations(page)
  } finally {
    await saveSiteName(page, '')
  }
  await expect(page.getByRole('banner').getByRole('link', { name: 'Samverka', exact: true })).toBeVisible()

  // Import: preview a two-row CSV, then apply it.
  const first = `Importby ${suffix} kommun`
  const second = `Importstad ${suffix} kommun`
  const csv = [
    'type,code,name,county,org_number,domain,domain_source',
    `myndighet,,${first},Stockholms län,,importby-${suffix}.example,source`,
    `myndighet,,${second},Stockholms län,,importstad-${suffix}.example,source`,
  ].join('\n')
  await adminNav.getByRole('link', { name: 'Importera organisationer' }).click()
  await expect(page.getByRole('heading', { name: 'Importera organisationer', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByLabel('CSV-fil').setInputFiles({ name: 'organisationer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Förhandsgranska' }).click()
  await expect(page.getByRole('status').filter({ hasText: '2 nya, 0 ändrade, 0 oförändrade och 0 med fel. Inget är sparat än.' })).toBeVisible()
  await expect(page.getByRole('row', { name: `2 ${first} Ny Ny organisation` })).toBeVisible()
  await expect(page.getByRole('row', { name: `3 ${second} Ny Ny organisation` })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('button', { name: 'Verkställ' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Importen är klar: 2 nya organisationer, 0 ändrade och 2 nya domäner.' })).toBeVisible()
  await expectNoA11yViolations(page)

  // Merge the two: the removed one's page leads to the kept one.
  await adminNav.getByRole('link', { name: 'Slå ihop organisationer' }).click()
  await expect(page.getByRole('heading', { name: 'Slå ihop organisationer', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('combobox', { name: 'Organisation som tas bort' }).selectOption({ label: first })
  await page.getByRole('combobox', { name: 'Organisation som behålls' }).selectOption({ label: second })
  await page.getByRole('button', { name: 'Förhandsgranska' }).click()
  await expect(page.getByRole('heading', { name: `${first} slås ihop med ${second}` })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('textbox', { name: 'Motivering' }).fill('Samma organisation två gånger')
  await page.getByRole('button', { name: 'Slå ihop organisationerna' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Organisationerna är sammanslagna.' })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('link', { name: 'Visa den kvarvarande organisationen' }).click()
  await expect(page.getByRole('heading', { name: second, level: 1 })).toBeVisible()
  const keptUrl = page.url()
  await page.goto(`/organisationer/${first.toLowerCase().replaceAll(' ', '-')}`)
  await expect(page).toHaveURL(keptUrl)
})
