import { database } from '#tests/setup/database.ts'
import path from 'node:path'
import { Readable } from 'node:stream'
import { UNSAFE_flatRoutes as flatRoutes, type UNSAFE_RouteManifestEntry as RouteManifestEntry } from '@remix-run/dev'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { writeAudit } from '#app/services/audit.server.ts'
import { createArtifact, createProject } from '#app/services/post.server.ts'
import { answerQuestion, askQuestion } from '#app/services/question.server.ts'
import { discardUploads } from '#app/services/upload.server.ts'
import { createAppealToken } from '#app/utils/appeal-token.server.ts'
import { createUnsubscribeToken } from '#app/utils/unsubscribe-token.server.ts'
import { generateStorageKey, getFileStorage } from '#app/utils/file-storage.server.ts'
import { buildProjectInput, insertActor, insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import remixConfig from '../../remix.config.js'

/**
 * The authorisation matrix (issue #6): every route in app/routes × every persona → the
 * status its loader (GET) and action (POST) answer. The route list is Remix's own
 * (flat-routes convention, remix.config.js ignores), so a new route file without a decision
 * below fails "every route file has a decision" with its name.
 *
 * POSTs carry a valid CSRF token and an empty form: they show who gets past the guards
 * (an allowed persona meets the form validation, 400) without changing anything that
 * matters; the few empty forms that are valid say so at their row.
 */
const { prisma } = database

const PERSONAS = ['anonymous', 'pending', 'member', 'moderator', 'admin', 'suspended'] as const
type Persona = (typeof PERSONAS)[number]

/** A status, or `302 <pathname>` for a redirect (the query, e.g. redirectTo, is not compared). */
type Outcome = 200 | 400 | 403 | 404 | `302 /${string}`
type Row = Record<Persona, Outcome>

type Fixtures = {
  /** Someone else's content (the author's). */
  question: string
  hiddenQuestion: string
  answer: string
  project: string
  artifact: string
  deletedArtifact: string
  file: string
  deletedFile: string
  /** An attachment of the member persona's own artifact, hidden by a moderator. */
  ownHiddenFile: string
  /** The member persona's own content; the hidden question was hidden by a moderator. */
  ownQuestion: string
  ownHiddenQuestion: string
  ownAnswer: string
  ownProject: string
  ownArtifact: string
  author: string
  suspendedMember: string
  organisation: { id: string; slug: string }
  tag: string
  /** Moderators' decisions (audit rows): hiding the author's question, hiding the member's, suspending the suspended persona. */
  decisionOnAuthor: string
  decisionOnMember: string
  suspension: string
  warningToAuthor: string
  /** The link in the suspension e-mail. */
  appealToken: string
  unsubscribeToken: string
  notificationUnsubscribeToken: string
}

type Decision = {
  /** Names the case when a route has more than one. */
  label?: string
  params?: (fixtures: Fixtures) => Record<string, string>
  search?: (fixtures: Fixtures) => string
  /** `no loader`: nothing of the route's own runs on GET (a static page; only the root loader runs). */
  GET: Row | 'no loader'
  /** `no action`: Remix answers a POST with 405. */
  POST: Row | 'no action'
}

const TO_SIGN_IN = '302 /logga-in'
const TO_WAITING = '302 /vantar'

const everyone = (outcome: Outcome): Row => ({ anonymous: outcome, pending: outcome, member: outcome, moderator: outcome, admin: outcome, suspended: outcome })

/** requireMember: anonymous and suspended (their session is void) sign in, pending wait. */
const members = (allowed: Outcome): Row => ({
  anonymous: TO_SIGN_IN,
  pending: TO_WAITING,
  member: allowed,
  moderator: allowed,
  admin: allowed,
  suspended: TO_SIGN_IN,
})

/** requireModerator: as members, but a member gets 403. */
const moderators = (allowed: Outcome): Row => ({ ...members(allowed), member: 403 })

/** requireAdmin: as members, but members and moderators get 403. */
const admins = (allowed: Outcome): Row => ({ ...members(allowed), member: 403, moderator: 403 })

/** Hidden or deleted content: not found for members, moderators see it. */
const moderatorsSee: Row = { ...members(404), moderator: 200, admin: 200 }

/** requireAnonymous: signed-in people are sent on (pending to the waiting page). */
const signedOut = (allowed: Outcome): Row => ({
  anonymous: allowed,
  pending: TO_WAITING,
  member: '302 /',
  moderator: '302 /',
  admin: '302 /',
  suspended: allowed,
})

/** Edit pages are the author's (moderators change others' content through content moderation). */
const authorOnly: Row = { ...members(200), moderator: 403, admin: 403 }

const question = (f: Fixtures) => ({ questionId: f.question })

/**
 * The decisions, keyed by route file; the member persona is the author of the "own"
 * fixtures. Edit forms validate the form before the service checks authorship, so their
 * empty POST is a 400 for everyone signed in; the GET rows show the authorship rule.
 */
const DECISIONS: Record<string, Decision | Decision[]> = {
  '$.tsx': {
    params: () => ({ '*': 'finns/inte' }),
    GET: { anonymous: TO_SIGN_IN, pending: 404, member: 404, moderator: 404, admin: 404, suspended: TO_SIGN_IN },
    POST: 'no action',
  },
  '_index.tsx': { GET: members(200), POST: 'no action' },
  'anmal.tsx': [
    { label: "someone else's question", search: (f) => `typ=post&id=${f.question}`, GET: members(200), POST: members(400) },
    { label: "the member's own question", search: (f) => `typ=post&id=${f.ownQuestion}`, GET: { ...members(200), member: 400 }, POST: members(400) },
    { label: 'hidden question', search: (f) => `typ=post&id=${f.hiddenQuestion}`, GET: members(404), POST: members(400) },
  ],
  'admin._index.tsx': { GET: admins(200), POST: 'no action' },
  // Every setting is optional: the empty form means "the defaults" (none are stored here).
  'admin.installningar.tsx': { GET: admins(200), POST: { ...admins(400), admin: '302 /admin/installningar' } },
  'admin.organisationer.import.tsx': { GET: admins(200), POST: admins(400) },
  'admin.organisationer.sammanfoga.tsx': { GET: admins(200), POST: admins(400) },
  'admin.roller.tsx': { GET: admins(200), POST: admins(400) },
  'dev.e-post.tsx': { GET: everyone(404), POST: 'no action' },
  'filer.$fileId.tsx': [
    { label: 'file of a visible post', params: (f) => ({ fileId: f.file }), GET: members(200), POST: 'no action' },
    { label: 'file of a deleted post', params: (f) => ({ fileId: f.deletedFile }), GET: moderatorsSee, POST: 'no action' },
    { label: "file of the member's own hidden post", params: (f) => ({ fileId: f.ownHiddenFile }), GET: members(200), POST: 'no action' },
  ],
  'filer.bild.tsx': { GET: 'no loader', POST: members(400) },
  'folj.tsx': { GET: everyone('302 /installningar/foljer'), POST: members(400) },
  'fragor.$questionId._index.tsx': [
    { label: 'visible question', params: question, GET: members(200), POST: members(400) },
    { label: 'hidden question', params: (f) => ({ questionId: f.hiddenQuestion }), GET: moderatorsSee, POST: members(400) },
    { label: "the member's own hidden question", params: (f) => ({ questionId: f.ownHiddenQuestion }), GET: members(200), POST: members(400) },
  ],
  // Versions follow the post's (or the answer's) visibility.
  'fragor.$questionId.historik.tsx': [
    { label: 'visible question', params: question, GET: members(200), POST: 'no action' },
    { label: 'hidden question', params: (f) => ({ questionId: f.hiddenQuestion }), GET: moderatorsSee, POST: 'no action' },
    { label: "the member's own hidden question", params: (f) => ({ questionId: f.ownHiddenQuestion }), GET: members(200), POST: 'no action' },
    { label: "a visible answer's versions", params: question, search: (f) => `svar=${f.answer}`, GET: members(200), POST: 'no action' },
    {
      label: 'an answer under another question',
      params: (f) => ({ questionId: f.ownQuestion }),
      search: (f) => `svar=${f.answer}`,
      GET: members(404),
      POST: 'no action',
    },
  ],
  'fragor.$questionId.redigera.tsx': [
    { label: "the member's own question", params: (f) => ({ questionId: f.ownQuestion }), GET: authorOnly, POST: members(400) },
    { label: "someone else's question", params: question, GET: members(403), POST: members(400) },
  ],
  'fragor._index.tsx': { GET: members(200), POST: 'no action' },
  'fragor.ny.tsx': { GET: members(200), POST: members(400) },
  'healthz.ts': { GET: everyone(200), POST: 'no action' },
  'installningar._index.tsx': { GET: members(200), POST: members(400) },
  'installningar.foljer.tsx': { GET: members(200), POST: 'no action' },
  // An empty form names no session of the member's: 404.
  'installningar.inloggningar.tsx': { GET: members(200), POST: members(404) },
  'installningar.mina-uppgifter.tsx': { GET: members(200), POST: 'no action' },
  'installningar.mina-uppgifter[.]json.ts': { GET: members(200), POST: 'no action' },
  // The empty form lacks the confirmation: nothing is deleted.
  'installningar.radera-konto.tsx': { GET: members(200), POST: members(400) },
  'installningar.veckobrev.tsx': { GET: members(200), POST: members(400) },
  // No kind ticked is a valid choice (no notification e-mails): the empty form saves it.
  'installningar.notiser.tsx': { GET: members(200), POST: members('302 /installningar/notiser') },
  'integritet.tsx': { GET: 'no loader', POST: 'no action' },
  'konto-raderat.tsx': { GET: signedOut(200), POST: 'no action' },
  'logga-in._index.tsx': { GET: signedOut(200), POST: signedOut(400) },
  // Without the cookie of a requested code there is nothing to enter the code for.
  'logga-in.kod.tsx': { GET: signedOut(TO_SIGN_IN), POST: signedOut(TO_SIGN_IN) },
  'logga-in.lank.tsx': { GET: signedOut(200), POST: signedOut(400) },
  'logga-ut.tsx': { GET: everyone('302 /'), POST: everyone(TO_SIGN_IN) },
  'material.$postId._index.tsx': [
    { label: 'visible artifact', params: (f) => ({ postId: f.artifact }), GET: members(200), POST: members(400) },
    { label: 'deleted artifact', params: (f) => ({ postId: f.deletedArtifact }), GET: moderatorsSee, POST: members(400) },
  ],
  'material.$postId.historik.tsx': [
    { label: 'visible artifact', params: (f) => ({ postId: f.artifact }), GET: members(200), POST: 'no action' },
    { label: 'deleted artifact', params: (f) => ({ postId: f.deletedArtifact }), GET: moderatorsSee, POST: 'no action' },
    { label: 'a project is not an artifact', params: (f) => ({ postId: f.project }), GET: members(404), POST: 'no action' },
  ],
  'material.$postId.redigera.tsx': [
    { label: "the member's own artifact", params: (f) => ({ postId: f.ownArtifact }), GET: authorOnly, POST: members(400) },
    { label: "someone else's artifact", params: (f) => ({ postId: f.artifact }), GET: members(403), POST: members(400) },
  ],
  'material._index.tsx': { GET: members(200), POST: 'no action' },
  'material.ny.tsx': { GET: members(200), POST: members(400) },
  'medlemmar.$userId.tsx': [
    { label: 'active member', params: (f) => ({ userId: f.author }), GET: members(200), POST: moderators(400) },
    { label: 'suspended member', params: (f) => ({ userId: f.suspendedMember }), GET: moderatorsSee, POST: moderators(400) },
  ],
  'medlemmar_.sok.ts': { search: () => 'q=Test', GET: members(200), POST: 'no action' },
  'moderering._index.tsx': { GET: moderators(200), POST: moderators(400) },
  'moderering.innehall.tsx': { search: (f) => `typ=post&id=${f.hiddenQuestion}`, GET: moderators(200), POST: moderators(400) },
  'moderering.logg.tsx': { GET: moderators(200), POST: 'no action' },
  'moderering.logg_.ladda-ner.ts': { search: () => 'format=csv', GET: moderators(200), POST: 'no action' },
  'moderering.tillganglighet.tsx': { GET: moderators(200), POST: moderators(400) },
  'moderering.organisationer.$organisationId.tsx': {
    params: (f) => ({ organisationId: f.organisation.id }),
    GET: moderators(200),
    POST: moderators(400),
  },
  'notiser.tsx': { GET: members(200), POST: members(400) },
  'organisationer.$slug.tsx': { params: (f) => ({ slug: f.organisation.slug }), GET: members(200), POST: 'no action' },
  'organisationer._index.tsx': { GET: members(200), POST: 'no action' },
  'overklaga.$auditLogId.tsx': [
    {
      label: 'a decision about the member',
      params: (f) => ({ auditLogId: f.decisionOnMember }),
      GET: { ...members(200), moderator: 404, admin: 404 },
      POST: members(400),
    },
    { label: 'a decision about someone else', params: (f) => ({ auditLogId: f.decisionOnAuthor }), GET: members(404), POST: members(400) },
    // The suspended member cannot sign in: the e-mail's signed link is the authority.
    {
      label: 'the suspension, by its e-mail link',
      params: (f) => ({ auditLogId: f.suspension }),
      search: (f) => `token=${encodeURIComponent(f.appealToken)}`,
      GET: everyone(200),
      POST: everyone(400),
    },
  ],
  'projekt.$postId._index.tsx': { params: (f) => ({ postId: f.project }), GET: members(200), POST: members(400) },
  'projekt.$postId.historik.tsx': { params: (f) => ({ postId: f.project }), GET: members(200), POST: 'no action' },
  'projekt.$postId.redigera.tsx': [
    { label: "the member's own project", params: (f) => ({ postId: f.ownProject }), GET: authorOnly, POST: members(400) },
    { label: "someone else's project", params: (f) => ({ postId: f.project }), GET: members(403), POST: members(400) },
  ],
  'projekt._index.tsx': { GET: members(200), POST: 'no action' },
  'projekt.ny.tsx': { GET: members(200), POST: members(400) },
  'robots[.]txt.ts': { GET: everyone(200), POST: 'no action' },
  'sok.tsx': { GET: members(200), POST: 'no action' },
  'sok_.liknande.ts': { search: () => 'titel=upphandling', GET: members(200), POST: 'no action' },
  'sparat.tsx': { GET: members(200), POST: 'no action' },
  'svar.$answerId.redigera.tsx': [
    { label: "the member's own answer", params: (f) => ({ answerId: f.ownAnswer }), GET: authorOnly, POST: members(400) },
    { label: "someone else's answer", params: (f) => ({ answerId: f.answer }), GET: members(403), POST: members(400) },
  ],
  'taggar.$tag.tsx': { params: (f) => ({ tag: f.tag }), GET: members(200), POST: 'no action' },
  // Reporting an accessibility problem needs no account.
  'tillganglighet.tsx': { GET: everyone(200), POST: everyone(400) },
  // Without a code verified in this browser there is no profile to complete.
  'valkommen.tsx': { GET: signedOut(TO_SIGN_IN), POST: signedOut(TO_SIGN_IN) },
  'vantar.tsx': { GET: { anonymous: TO_SIGN_IN, pending: 200, member: '302 /', moderator: '302 /', admin: '302 /', suspended: TO_SIGN_IN }, POST: 'no action' },
  // Acknowledging is the whole action (no form); someone else's warning is left as it is.
  'varningar.$warningId.tsx': { params: (f) => ({ warningId: f.warningToAuthor }), GET: 'no loader', POST: members('302 /') },
  'veckobrev.tsx': { GET: members(200), POST: 'no action' },
  // The signed token is the only authority: the same for everyone.
  'notiser_.avsluta.tsx': { search: (f) => `token=${encodeURIComponent(f.notificationUnsubscribeToken)}`, GET: everyone(200), POST: everyone(400) },
  'veckobrev_.avsluta.tsx': { search: (f) => `token=${encodeURIComponent(f.unsubscribeToken)}`, GET: everyone(200), POST: everyone(400) },
  'villkor.tsx': { GET: 'no loader', POST: 'no action' },
}

// ---------------------------------------------------------------------------------------
// The route list, as Remix builds it.

const appDirectory = path.join(import.meta.dirname, '..')
const manifest = flatRoutes(appDirectory, remixConfig.ignoredRouteFiles ?? [])
const routeFile = (route: RouteManifestEntry) => route.file.replace(/^routes\//, '')
const routes = Object.values(manifest).sort((a, b) => routeFile(a).localeCompare(routeFile(b)))

/** The URL path of a route (parents' paths included) with the params filled in. */
function urlPath(route: RouteManifestEntry, params: Record<string, string>) {
  const pieces: string[] = []
  for (let current: RouteManifestEntry | undefined = route; current; current = current.parentId ? manifest[current.parentId] : undefined) {
    if (current.path) pieces.unshift(current.path)
  }
  const segments = pieces
    .join('/')
    .split('/')
    .map((segment) => {
      if (segment !== '*' && !segment.startsWith(':')) return segment
      const name = segment === '*' ? '*' : segment.slice(1).replace(/\?$/, '')
      const value = params[name]
      if (value === undefined) throw new Error(`${routeFile(route)}: the decision gives no value for the param "${name}"`)
      return name === '*' ? value : encodeURIComponent(value)
    })
  return `/${segments.join('/')}`
}

type RouteModule = { loader?: (args: ReturnType<typeof routeArgs>) => unknown; action?: (args: ReturnType<typeof routeArgs>) => unknown }
const importRoute = (route: RouteManifestEntry): Promise<RouteModule> => import(path.join(appDirectory, route.file))

const casesOf = (decision: Decision | Decision[]) => (Array.isArray(decision) ? decision : [decision])
const routeName = (route: RouteManifestEntry, decision: Decision) => `${routeFile(route)}${decision.label ? ` (${decision.label})` : ''}`

// ---------------------------------------------------------------------------------------
// Personas and fixtures.

const personaIds = {} as Record<Exclude<Persona, 'anonymous'>, string>
let fixtures: Fixtures

/** A browser with the persona's session cookie; a fresh session each time (sign-out, suspension void them). */
async function browserAs(persona: Persona) {
  const browser = new Browser()
  if (persona !== 'anonymous') {
    await browser.signInAs(personaIds[persona])
  }
  return browser
}

async function storedPdf(name: string) {
  const bytes = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
  const storageKey = generateStorageKey()
  await getFileStorage().write(storageKey, Readable.from([bytes]))
  return { storageKey, originalName: name, mimeType: 'application/pdf', size: bytes.length, sha256: 'x' }
}

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma)
  const author = await insertActor(prisma, { organisationId: organisation.id })
  const member = await insertActor(prisma, { organisationId: organisation.id })
  const moderator = await insertActor(prisma, { role: 'moderator' })
  personaIds.member = member.id
  personaIds.moderator = moderator.id
  personaIds.pending = (await insertMember(prisma, { status: 'pending' })).id
  personaIds.admin = (await insertMember(prisma, { role: 'admin' })).id
  // browserAs gives them a session as if from before the suspension (an old cookie).
  personaIds.suspended = (await insertMember(prisma, { status: 'suspended', suspendedUntil: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000) })).id

  // Someone else's content, as the member persona sees it.
  const body = plainTextToDocument('Hur har ni gjort?')
  const tag = 'upphandling'
  const question = await askQuestion(author, { title: 'Hur upphandlar ni e-arkiv?', body, tags: [tag] })
  const hiddenQuestion = await askQuestion(author, { title: 'En fråga som en moderator dolde', body, tags: [] })
  const answer = await answerQuestion(author, question.id, plainTextToDocument('Vi gjorde en gemensam upphandling.'))
  const project = await createProject(author, buildProjectInput('Gemensamt e-arkiv'))
  const artifactInput = {
    title: 'Mall för e-arkiv',
    body,
    organisationId: null,
    tags: [],
    artifactKind: 'template' as const,
    licence: 'CC BY 4.0',
    externalUrl: null,
  }
  const artifact = await createArtifact(author, artifactInput, [await storedPdf('mall.pdf')])
  const deletedArtifact = await createArtifact(author, artifactInput, [await storedPdf('borttagen.pdf')])
  await prisma.post.update({ where: { id: deletedArtifact.id }, data: { status: 'deleted' } })
  const fileOf = async (postId: string) => (await prisma.fileObject.findFirstOrThrow({ where: { postId }, select: { id: true } })).id

  // The member's own.
  const ownQuestion = await askQuestion(member, { title: 'Vem har en mall för DPIA?', body, tags: [] })
  const ownHiddenQuestion = await askQuestion(member, { title: 'Namn och personnummer på en elev', body, tags: [] })
  const ownAnswer = await answerQuestion(member, question.id, plainTextToDocument('Vi köpte ett e-arkiv tillsammans med grannkommunerna.'))
  const ownProject = await createProject(member, buildProjectInput('Digital nämndhandläggning'))
  const ownArtifact = await createArtifact(member, { ...artifactInput, title: 'Vår DPIA-mall' }, [await storedPdf('dpia.pdf')])
  const ownHiddenArtifact = await createArtifact(member, { ...artifactInput, title: 'Elevlista' }, [await storedPdf('elever.pdf')])
  await prisma.post.update({ where: { id: ownHiddenArtifact.id }, data: { status: 'hidden' } })

  // Moderators' decisions, each with its audit row.
  const hide = (postId: string) =>
    prisma.$transaction(async (tx) => {
      await tx.post.update({ where: { id: postId }, data: { status: 'hidden' } })
      return writeAudit(tx, moderator, { action: 'content.hidden', targetType: 'post', targetId: postId, reason: 'Personuppgifter i frågan.' })
    })
  const suspension = await prisma.$transaction((tx) =>
    writeAudit(tx, moderator, { action: 'member.suspended', targetType: 'user', targetId: personaIds.suspended, reason: 'Upprepade personangrepp.' }),
  )
  const warning = await prisma.memberWarning.create({ data: { userId: author.id, moderatorId: moderator.id, message: 'Håll god ton.' }, select: { id: true } })

  fixtures = {
    question: question.id,
    hiddenQuestion: hiddenQuestion.id,
    answer: answer.id,
    project: project.id,
    artifact: artifact.id,
    deletedArtifact: deletedArtifact.id,
    file: await fileOf(artifact.id),
    deletedFile: await fileOf(deletedArtifact.id),
    ownHiddenFile: await fileOf(ownHiddenArtifact.id),
    ownQuestion: ownQuestion.id,
    ownHiddenQuestion: ownHiddenQuestion.id,
    ownAnswer: ownAnswer.id,
    ownProject: ownProject.id,
    ownArtifact: ownArtifact.id,
    author: author.id,
    suspendedMember: personaIds.suspended,
    organisation: { id: organisation.id, slug: organisation.slug },
    tag,
    decisionOnAuthor: await hide(hiddenQuestion.id),
    decisionOnMember: await hide(ownHiddenQuestion.id),
    suspension,
    warningToAuthor: warning.id,
    appealToken: createAppealToken({ userId: personaIds.suspended, auditLogId: suspension }),
    unsubscribeToken: createUnsubscribeToken(author.id),
    notificationUnsubscribeToken: createUnsubscribeToken(author.id, new Date(), { list: 'notifications', kinds: ['answer'] }),
  }
})

// This file's database is its own: every stored file is this file's to remove.
afterAll(async () => {
  await discardUploads(await prisma.fileObject.findMany({ select: { storageKey: true } }))
})

// ---------------------------------------------------------------------------------------
// The tests.

test('every route file has a decision, and every decision a route file', () => {
  const files = routes.map(routeFile)
  const undecided = files.filter((file) => !(file in DECISIONS))
  const stale = Object.keys(DECISIONS).filter((file) => !files.includes(file))
  expect(undecided, `route files without a decision in DECISIONS: ${undecided.join(', ')}`).toEqual([])
  expect(stale, `decisions for route files that do not exist: ${stale.join(', ')}`).toEqual([])
})

const decided = routes.flatMap((route) => {
  const decision = DECISIONS[routeFile(route)]
  return decision ? casesOf(decision).map((item) => ({ route, decision: item })) : []
})

type Cell = { name: string; route: RouteManifestEntry; decision: Decision; method: 'GET' | 'POST'; persona: Persona; expected: Outcome }
const cells: Cell[] = decided.flatMap(({ route, decision }) =>
  (['GET', 'POST'] as const).flatMap((method) => {
    const row = decision[method]
    if (typeof row === 'string') return []
    return PERSONAS.map((persona) => ({
      name: `${method} ${routeName(route, decision)} as ${persona} → ${row[persona]}`,
      route,
      decision,
      method,
      persona,
      expected: row[persona],
    }))
  }),
)

describe('routes without a loader or an action', () => {
  const absent = decided.flatMap(({ route, decision }) => [
    ...(decision.GET === 'no loader' ? [{ name: `${routeName(route, decision)} has no loader`, route, exported: 'loader' as const }] : []),
    ...(decision.POST === 'no action' ? [{ name: `${routeName(route, decision)} has no action (405)`, route, exported: 'action' as const }] : []),
  ])
  test.each(absent)('$name', async ({ route, exported }) => {
    expect((await importRoute(route))[exported]).toBeUndefined()
  })
})

describe('who gets what', () => {
  // Concurrent: each cell has its own session, and what a cell may change (its own sign-out,
  // the site settings' defaults) changes no other cell's outcome.
  test.concurrent.for(cells)('$name', async ({ route, decision, method, persona, expected }, { expect }) => {
    const module = await importRoute(route)
    const handler = method === 'GET' ? module.loader : module.action
    if (!handler)
      throw new Error(`${routeFile(route)} has no ${method === 'GET' ? 'loader' : 'action'}; decide "${method === 'GET' ? 'no loader' : 'no action'}"`)
    const params = decision.params?.(fixtures) ?? {}
    const search = decision.search?.(fixtures)
    const url = `${urlPath(route, params)}${search ? `?${search}` : ''}`
    const browser = await browserAs(persona)
    const request = method === 'GET' ? browser.get(url) : browser.post(url, {})
    const result = await call(() => handler(routeArgs(request, params)))
    const outcome = result.status === 302 ? `302 ${new URL(result.location ?? '', 'http://x').pathname}` : result.status
    expect(outcome, `${method} ${url} answered ${JSON.stringify(result.data)?.slice(0, 300)}`).toBe(expected)
  })
})
