import { database } from '#tests/setup/database.ts'
import { afterAll, expect, test } from 'vitest'
import { discardUploads } from '#app/services/upload.server.ts'
import { RATE_LIMITS } from '#app/utils/rate-limit.server.ts'
import { BASE_URL, type Browser, call, routeArgs, signedInMember } from '#tests/request.ts'
import { action } from './projekt.ny.tsx'

const { prisma } = database

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

/** The new-project form as a browser posts it: the CSRF field (unless left out) before the file input. */
function postProject(browser: Browser, { csrf = true } = {}) {
  const form = new FormData()
  if (csrf) form.append('csrf', browser.csrfToken)
  form.append('title', 'Gemensam e-arkivupphandling')
  form.append('body', 'Vi upphandlar ett e-arkiv tillsammans.')
  form.append('projectStatus', 'ongoing')
  form.append('filer', new Blob([new Uint8Array(pdf)]), 'kravspecifikation.pdf')
  const headers = new Headers(browser.get('/').headers)
  headers.set('Origin', BASE_URL)
  return call(() => action(routeArgs(new Request(`${BASE_URL}/projekt/ny`, { method: 'POST', body: form, headers }))), browser)
}

// This file's database is its own: every row's bytes are this file's to remove.
afterAll(async () => {
  await discardUploads(await prisma.fileObject.findMany({ select: { storageKey: true } }))
})

test('multipart posts without a CSRF token are refused before they spend any of the posting quota', async () => {
  const { browser } = await signedInMember(prisma)
  for (let attempt = 0; attempt <= RATE_LIMITS.posting.max; attempt++) {
    expect((await postProject(browser, { csrf: false })).status).toBe(403)
  }
  const created = await postProject(browser)
  expect(created.status).toBe(302)
  expect(created.location).toMatch(/^\/projekt\/\w+$/)
})
