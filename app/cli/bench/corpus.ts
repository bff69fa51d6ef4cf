import type pg from 'pg'
import { AREAS, GENERAL_TAGS, LAWS, ORGANISATION_KINDS, PERIODS, PLACES, ROLES, SUBJECTS, TECHNOLOGIES, type Subject } from './vocabulary.ts'

/**
 * The benchmarks' corpus, loaded with set-based SQL into a migrated database that holds the
 * registry: members spread over every organisation, and posts (questions with answers,
 * projects, artifacts) with Swedish titles and bodies built from the public-sector
 * vocabulary, tags, statuses and kinds, created over three years. Deterministic: the same
 * sizes give the same corpus.
 */
export type Sql = Pick<pg.ClientBase, 'query'>

const MEMBER_ID_PREFIX = 'bench-'
export const POST_ID_PREFIX = 'bench-post-'
const CHUNK = 2_000
const YEARS = 3
const DAY_MS = 24 * 60 * 60 * 1000

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return { next, pick, between }
}

type Random = ReturnType<typeof random>

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function title(r: Random, type: PostType, subject: Subject): string {
  const object = r.pick(subject.objects)
  const templates: Record<PostType, (() => string)[]> = {
    question: [
      () => `Hur har ni löst ${object} inom ${subject.name}?`,
      () => `Erfarenheter av ${subject.name} i ${r.pick(ORGANISATION_KINDS)}?`,
      () => `Vilka krav ställer ni på ${object}?`,
      () => `Någon som har infört ${r.pick(TECHNOLOGIES)} för ${object}?`,
      () => `Hur hanterar ni ${object} enligt ${r.pick(LAWS)}?`,
      () => `Tips på leverantörer för ${subject.name}?`,
      () => `Hur organiserar ni arbetet med ${object}?`,
      () => `Behövs en konsekvensbedömning för ${object}?`,
    ],
    project: [
      () => `Införande av ${subject.name} i ${r.pick(ORGANISATION_KINDS)}`,
      () => `Pilotprojekt: ${r.pick(TECHNOLOGIES)} för ${object}`,
      () => `Gemensam upphandling av ${object}`,
      () => `Förstudie om ${subject.name} och ${object}`,
      () => `Samverkan kring ${object} i ${r.pick(PLACES)}`,
      () => `Digitalisering av ${object}`,
      () => `Ny arbetsmodell för ${object}`,
    ],
    artifact: [
      () => `Mall för ${object}`,
      () => `Kravspecifikation: ${object}`,
      () => `Vägledning om ${subject.name} och ${r.pick(LAWS)}`,
      () => `Checklista inför ${object}`,
      () => `Rapport: utvärdering av ${subject.name}`,
      () => `Förfrågningsunderlag för ${object}`,
      () => `Statistik och nyckeltal om ${subject.name}`,
      () => `Processkarta för ${object}`,
    ],
  }
  return capitalise(r.pick(templates[type])()).slice(0, 160)
}

// Most sentences are about the post's subject; some are general remarks with common
// public-sector words, some mention another subject. So a subject's words are frequent in
// its posts and rarer elsewhere, and a word like "kommun" is common everywhere.
const GENERAL_SHARE = 0.08
const CROSS_SUBJECT_SHARE = 0.1

function subjectSentence(r: Random, subject: Subject): string {
  const object = () => r.pick(subject.objects)
  const templates = [
    () => `Vi inom ${r.pick(AREAS)} har under ${r.pick(PERIODS)} arbetat med ${subject.name} och vill dela våra erfarenheter.`,
    () => `Den största utmaningen har varit att få ${object()} att fungera i vardagen.`,
    () => `Arbetet med ${object()} leds av ${r.pick(ROLES)} tillsammans med en referensgrupp från verksamheten.`,
    () => `Handläggningstiden för ${object()} har minskat med ${r.between(10, 70)} procent sedan starten.`,
    () => `Vi har dokumenterat hur ${object()} hänger ihop med ${object()} i en processkarta.`,
    () => `Tidigare hanterades ${object()} manuellt med pappersblanketter och mycket dubbelarbete.`,
    () => `Invånarna har efterfrågat bättre service kring ${object()} under lång tid.`,
    () => `En lärdom är att involvera ${r.pick(ROLES)} tidigt när det gäller ${object()}.`,
    () => `Vi söker fler organisationer som vill samverka kring ${subject.name}.`,
    () => `Har någon erfarenhet av ${object()} och vill dela med sig?`,
    () => `Dokumentationen om ${object()} finns för alla som vill återanvända den.`,
    () => `Nästa steg är att utbilda medarbetarna inom ${r.pick(AREAS)} i ${object()}.`,
    () => `Vi mäter effekterna av ${object()} varje kvartal.`,
    () => `Frågan om ${object()} kom upp på nätverksträffen i ${r.pick(PLACES)} och många kände igen sig.`,
    () => `Det tog ${r.between(2, 18)} månader innan ${object()} fungerade som tänkt.`,
    () => `Medarbetarna är positiva till ${object()} men behöver mer stöd i början.`,
  ]
  return r.pick(templates)()
}

function generalSentence(r: Random): string {
  const templates = [
    () => `Upphandlingen genomfördes som en förnyad konkurrensutsättning inom ett befintligt ramavtal.`,
    () => `Har någon annan kommun eller region gjort något liknande?`,
    () => `Vi gjorde en risk- och sårbarhetsanalys innan vi bestämde oss.`,
    () => `Kostnaden blev ungefär ${r.between(1, 40)} miljoner kronor.`,
    () => `Informationen klassades enligt vår modell för informationssäkerhet.`,
    () => `Dataskyddsombudet var med tidigt och vi gjorde en konsekvensbedömning.`,
    () => `Leverantören har varit lyhörd men integrationen tog längre tid än planerat.`,
    () => `Underlaget utgår från ${r.pick(LAWS)} och vi har stämt av tolkningen med kommunjuristen.`,
    () => `Vi jämförde tre alternativ: att bygga själva, att köpa en standardprodukt eller att gå med i en befintlig samverkan.`,
    () => `Nämnden fattade beslut om finansiering i våras.`,
    () => `Nästa steg är att införa ${r.pick(TECHNOLOGIES)} i fler verksamheter.`,
    () => `Vi följer upp nyttorna och redovisar dem för kommunstyrelsen.`,
  ]
  return r.pick(templates)()
}

function sentence(r: Random, subject: Subject): string {
  const roll = r.next()
  if (roll < GENERAL_SHARE) return generalSentence(r)
  if (roll < GENERAL_SHARE + CROSS_SUBJECT_SHARE) {
    const other = r.pick(SUBJECTS)
    return `Arbetet hänger också ihop med ${other.name}, särskilt ${r.pick(other.objects)}.`
  }
  return subjectSentence(r, subject)
}

/** Paragraphs of 2–6 sentences; `words` is roughly how long the text becomes. */
function text(r: Random, subject: Subject, words: number): string {
  const paragraphs: string[] = []
  let count = 0
  while (count < words) {
    const sentences = Array.from({ length: r.between(2, 6) }, () => sentence(r, subject))
    count += sentences.join(' ').split(' ').length
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs.join('\n\n')
}

/** Mostly short and medium texts, some of a few hundred words. */
function bodyLength(r: Random): number {
  const roll = r.next()
  if (roll < 0.3) return r.between(25, 60)
  if (roll < 0.8) return r.between(80, 200)
  return r.between(250, 600)
}

const POST_TYPES = ['question', 'project', 'artifact'] as const
type PostType = (typeof POST_TYPES)[number]
const PROJECT_STATUSES = ['idea', 'ongoing', 'ongoing', 'ongoing', 'completed', 'completed', 'paused'] as const
const ARTIFACT_KINDS = ['document', 'template', 'procurement', 'code', 'dataset', 'guide', 'other'] as const

/** Every tag the corpus uses (about 250). */
export const CORPUS_TAGS = [...new Set([...SUBJECTS.flatMap((subject) => subject.tags), ...GENERAL_TAGS])]

type PostChunk = {
  id: string[]
  type: string[]
  title: string[]
  text: string[]
  author: string[]
  projectStatus: (string | null)[]
  artifactKind: (string | null)[]
  seekingPartners: boolean[]
  answerCount: number[]
  createdAt: string[]
  activityAt: string[]
}
type AnswerChunk = { id: string[]; postId: string[]; author: string[]; text: string[]; createdAt: string[] }
type TagChunk = { postId: string[]; tag: string[] }

/** Posts are created within `window` (ms since the epoch); their answers follow within 30 days, before its end. */
type TimeWindow = { from: number; to: number }

function generateChunk(r: Random, first: number, count: number, members: number, window: TimeWindow) {
  const posts: PostChunk = {
    id: [],
    type: [],
    title: [],
    text: [],
    author: [],
    projectStatus: [],
    artifactKind: [],
    seekingPartners: [],
    answerCount: [],
    createdAt: [],
    activityAt: [],
  }
  const answers: AnswerChunk = { id: [], postId: [], author: [], text: [], createdAt: [] }
  const tags: TagChunk = { postId: [], tag: [] }
  const member = () => `${MEMBER_ID_PREFIX}${r.between(1, members)}`
  for (let n = first; n < first + count; n++) {
    const id = `${POST_ID_PREFIX}${n}`
    const type = r.pick(POST_TYPES)
    const subject = r.pick(SUBJECTS)
    const createdAt = window.to - Math.floor(r.next() * (window.to - window.from))
    let activityAt = createdAt
    const answerCount = type === 'question' ? Math.floor(r.next() * r.next() * 6) : 0
    for (let a = 0; a < answerCount; a++) {
      const answeredAt = Math.min(window.to, createdAt + Math.floor(r.next() * 30 * DAY_MS))
      activityAt = Math.max(activityAt, answeredAt)
      answers.id.push(`${id}-answer-${a}`)
      answers.postId.push(id)
      answers.author.push(member())
      answers.text.push(text(r, subject, r.between(20, 120)))
      answers.createdAt.push(new Date(answeredAt).toISOString())
    }
    const postTags = new Set([subject.tags[0] as string, ...Array.from({ length: r.between(0, 3) }, () => r.pick(subject.tags))])
    for (let t = r.between(0, 2); t > 0; t--) postTags.add(r.pick(GENERAL_TAGS))
    for (const tag of postTags) {
      tags.postId.push(id)
      tags.tag.push(tag)
    }
    posts.id.push(id)
    posts.type.push(type)
    posts.title.push(title(r, type, subject))
    posts.text.push(text(r, subject, bodyLength(r)))
    posts.author.push(member())
    posts.projectStatus.push(type === 'project' ? r.pick(PROJECT_STATUSES) : null)
    posts.artifactKind.push(type === 'artifact' ? r.pick(ARTIFACT_KINDS) : null)
    posts.seekingPartners.push(type === 'project' && r.next() < 0.25)
    posts.answerCount.push(answerCount)
    posts.createdAt.push(new Date(createdAt).toISOString())
    posts.activityAt.push(new Date(activityAt).toISOString())
  }
  return { posts, answers, tags }
}

// ProseMirror JSON and sanitised HTML of plain paragraphs separated by blank lines (the
// vocabulary has no markup characters, so nothing needs escaping).
const documentJson = (column: string) => `
  jsonb_build_object('type', 'doc', 'content', (
    SELECT jsonb_agg(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', p))))
    FROM unnest(string_to_array(${column}, E'\\n\\n')) AS p))`
const documentHtml = (column: string) => `'<p>' || replace(${column}, E'\\n\\n', '</p><p>') || '</p>'`

async function insertChunk(sql: Sql, { posts, answers, tags }: ReturnType<typeof generateChunk>) {
  await sql.query(
    `INSERT INTO "Post" (id, type, title, body, "bodyHtml", "bodyText", "authorId", "organisationId", "projectStatus", "artifactKind",
                         "seekingPartners", "answerCount", "activityAt", "createdAt", "updatedAt")
     SELECT c.id, c.type::"PostType", c.title, ${documentJson('c.text')}, ${documentHtml('c.text')}, c.text, u.id, u."organisationId",
            c.project_status::"ProjectStatus", c.artifact_kind::"ArtifactKind", c.seeking, c.answers, c.activity_at, c.created_at, c.activity_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::int[], $10::timestamp[], $11::timestamp[])
          AS c(id, type, title, text, author, project_status, artifact_kind, seeking, answers, created_at, activity_at)
     JOIN "User" u ON u.id = c.author`,
    [
      posts.id,
      posts.type,
      posts.title,
      posts.text,
      posts.author,
      posts.projectStatus,
      posts.artifactKind,
      posts.seekingPartners,
      posts.answerCount,
      posts.createdAt,
      posts.activityAt,
    ],
  )
  await sql.query(
    `INSERT INTO "Answer" (id, "postId", "authorId", body, "bodyHtml", "bodyText", "createdAt", "updatedAt")
     SELECT c.id, c.post_id, c.author, ${documentJson('c.text')}, ${documentHtml('c.text')}, c.text, c.created_at, c.created_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamp[]) AS c(id, post_id, author, text, created_at)`,
    [answers.id, answers.postId, answers.author, answers.text, answers.createdAt],
  )
  await sql.query(
    `INSERT INTO "PostTag" ("postId", "tagId", "postActivityAt")
     SELECT c.post_id, t.id, p."activityAt"
     FROM unnest($1::text[], $2::text[]) AS c(post_id, tag)
     JOIN "Tag" t ON t.name = c.tag
     JOIN "Post" p ON p.id = c.post_id`,
    [tags.postId, tags.tag],
  )
}

/**
 * `members` active members ("bench-1" …, e-mail bench<n>@bench.example), each in an
 * organisation of the registry: every organisation gets some, the first ones (in a fixed
 * shuffled order) more, as large organisations have more members. Member n joined n ×
 * `minutesApart` minutes before `joinedBy`.
 */
export async function loadMembers(sql: Sql, members: number, { joinedBy = new Date(), minutesApart = 1 }: { joinedBy?: Date; minutesApart?: number } = {}) {
  await sql.query(
    `WITH registry AS (SELECT array_agg(id ORDER BY md5(id)) AS ids FROM "Organisation")
     INSERT INTO "User" (id, email, name, "sortKey", title, status, role, "organisationId", "createdAt", "updatedAt")
     SELECT '${MEMBER_ID_PREFIX}' || n, 'bench' || n || '@bench.example', 'Medlem ' || n, 'medlem ' || lpad(n::text, 7, '0'), 'Handläggare',
            'active', 'member',
            registry.ids[1 + CASE WHEN n <= cardinality(registry.ids) THEN n - 1
                                  ELSE floor(cardinality(registry.ids) * power((abs(hashtext(n::text)) % 10007) / 10007.0, 2))::int END],
            $2::timestamptz AT TIME ZONE 'UTC' - make_interval(mins => n * $3::int), now() AT TIME ZONE 'UTC'
     FROM registry, generate_series(1, $1::int) AS n`,
    [members, joinedBy.toISOString(), minutesApart],
  )
}

type PostOptions = {
  posts: number
  members: number
  seed?: number
  /** Number of the first post ("bench-post-<n>"), so a second call adds posts. */
  first?: number
  /** When the posts were created: by default over the three years until now. */
  from?: Date
  to?: Date
}

/** `posts` posts by the members loadMembers created, with answers and tags. */
export async function loadPosts(sql: Sql, { posts, members, seed = 4, first = 1, from, to = new Date() }: PostOptions) {
  const r = random(seed)
  const window = { from: from?.getTime() ?? to.getTime() - YEARS * 365 * DAY_MS, to: to.getTime() }
  await sql.query(
    `INSERT INTO "Tag" (id, name) SELECT 'bench-tag-' || i, name FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i) ON CONFLICT (name) DO NOTHING`,
    [CORPUS_TAGS],
  )
  for (let n = first; n < first + posts; n += CHUNK) {
    await insertChunk(sql, generateChunk(r, n, Math.min(CHUNK, first + posts - n), members, window))
  }
}

// A deterministic number in [0, 1) from an SQL text expression, for set-based choices.
const unit = (expression: string) => `((abs(hashtext(${expression})) % 100003) / 100003.0)`
// A time in the period $1 … $2 (ISO instants, stored as UTC) at the fraction `fraction`.
const inPeriod = (fraction: string) => `($1::timestamptz AT TIME ZONE 'UTC' + ($2::timestamptz - $1::timestamptz) * ${fraction})`
// A member's digest profile, 0–19 (see loadDigestActivity: 0 follows nothing, 1 turned off the active threads, …).
const profile = (id: string) => `(abs(hashtext(${id} || ':profile')) % 20)`

const COMMENTS = [
  'Tack, det här var precis vad vi behövde!',
  'Vi har samma fråga hos oss, följer med intresse.',
  'Kan ni dela kravspecifikationen?',
  'Bra sammanfattning. Hur gick det med upphandlingen?',
  'Vi testade något liknande förra året, hör gärna av er.',
  'Intressant! Vilka leverantörer tittade ni på?',
  'Hur lång tid tog införandet?',
  'Vi är med om ni startar ett nätverk kring detta.',
]

type Period = { from: Date; to: Date }

/**
 * A week of activity for the digest benchmark, inside `period`, on top of loadMembers and
 * loadPosts (older posts "bench-post-1" … "bench-post-<posts>"): `members` / 20 new posts
 * (with their answers; projects, some seeking partners), answers to `members` / 40 older
 * questions, `members` / 10 comments on the week's threads (a few busy ones), 0–2 new
 * members per organisation. Then what members follow and how they read the digest: 0–4
 * tags (popular ones more often), 0–2 organisations, 0–3 questions; 1 in 20 follows nothing
 * and turned off every section but answers and followed (their digests are mostly empty),
 * 1 in 20 turned off the most active threads, 1 in 20 reads monthly and 1 in 40 never.
 */
export async function loadDigestActivity(sql: Sql, { members, posts, period }: { members: number; posts: number; period: Period }) {
  const range = [period.from.toISOString(), period.to.toISOString()]
  await loadPosts(sql, { posts: Math.ceil(members / 20), members, seed: 5, first: posts + 1, from: period.from, to: period.to })
  await sql.query(
    `WITH questions AS (
       SELECT id, row_number() OVER (ORDER BY md5(id)) AS n FROM "Post" WHERE type = 'question' AND "createdAt" < $1::timestamptz AT TIME ZONE 'UTC'
       ORDER BY md5(id) LIMIT $3::int / 40),
     samples AS (SELECT row_number() OVER (ORDER BY id) AS i, body, "bodyHtml", "bodyText" FROM "Answer" ORDER BY id LIMIT 1000)
     INSERT INTO "Answer" (id, "postId", "authorId", body, "bodyHtml", "bodyText", "createdAt", "updatedAt")
     SELECT 'bench-late-answer-' || q.n || '-' || k, q.id, '${MEMBER_ID_PREFIX}' || (1 + abs(hashtext(q.id || ':author:' || k)) % $3::int),
            s.body, s."bodyHtml", s."bodyText", ${inPeriod(unit(`q.id || ':at:' || k`))}, ${inPeriod(unit(`q.id || ':at:' || k`))}
     FROM questions q CROSS JOIN generate_series(1, 1 + abs(hashtext(q.id)) % 3) AS k
     JOIN samples s ON s.i = 1 + abs(hashtext(q.id || ':text:' || k)) % (SELECT count(*) FROM samples)`,
    [...range, members],
  )
  // Comments on the week's threads (new posts and older questions answered this week), most on a few.
  await sql.query(
    `WITH threads AS (
       SELECT array_agg(id ORDER BY md5(id)) AS ids FROM "Post"
       WHERE "createdAt" >= $1::timestamptz AT TIME ZONE 'UTC'
          OR id IN (SELECT "postId" FROM "Answer" WHERE "createdAt" >= $1::timestamptz AT TIME ZONE 'UTC'))
     INSERT INTO "Comment" (id, "postId", "authorId", body, "createdAt")
     SELECT 'bench-comment-' || n, p.id, '${MEMBER_ID_PREFIX}' || (1 + abs(hashtext(n || ':author')) % $3::int),
            ($4::text[])[1 + abs(hashtext(n || ':text')) % cardinality($4::text[])], greatest(p."createdAt", ${inPeriod(unit(`n || ':at'`))})
     FROM threads CROSS JOIN generate_series(1, $3::int / 10) AS n
     JOIN "Post" p ON p.id = threads.ids[1 + floor(cardinality(threads.ids) * power(${unit(`n || ':post'`)}, 3))::int]`,
    [...range, members, COMMENTS],
  )
  await sql.query(
    `UPDATE "Post" p SET "answerCount" = counts.answers, "commentCount" = counts.comments, "activityAt" = greatest(p."activityAt", counts.latest)
     FROM (SELECT p2.id, (SELECT count(*) FROM "Answer" a WHERE a."postId" = p2.id)::int AS answers,
                  (SELECT count(*) FROM "Comment" c WHERE c."postId" = p2.id)::int AS comments,
                  (SELECT max(a."createdAt") FROM "Answer" a WHERE a."postId" = p2.id) AS latest
           FROM "Post" p2 WHERE p2.id IN (SELECT "postId" FROM "Answer" WHERE id LIKE 'bench-late-answer-%' UNION SELECT "postId" FROM "Comment")) AS counts
     WHERE p.id = counts.id`,
  )
  await sql.query(`UPDATE "PostTag" pt SET "postActivityAt" = p."activityAt" FROM "Post" p WHERE p.id = pt."postId" AND pt."postActivityAt" <> p."activityAt"`)
  await sql.query(
    `INSERT INTO "User" (id, email, name, "sortKey", title, status, role, "organisationId", "createdAt", "updatedAt")
     SELECT '${MEMBER_ID_PREFIX}new-' || o.n || '-' || k, 'bench-new-' || o.n || '-' || k || '@bench.example', 'Ny medlem ' || o.n || '-' || k,
            'ny medlem ' || lpad(o.n::text, 4, '0') || '-' || k, 'Utredare', 'active', 'member', o.id, ${inPeriod(unit(`o.id || ':' || k`))}, now() AT TIME ZONE 'UTC'
     FROM (SELECT id, row_number() OVER (ORDER BY md5(id)) AS n FROM "Organisation") AS o
     CROSS JOIN generate_series(1, abs(hashtext(o.id)) % 4 - 1) AS k`,
    range,
  )
  await sql.query(
    `UPDATE "User" SET
       "digestSectionsOff" = CASE ${profile('id')} WHEN 0 THEN ARRAY['partners', 'county', 'active', 'colleagues'] WHEN 1 THEN ARRAY['active'] ELSE '{}' END,
       "digestFrequency" = (CASE WHEN ${profile('id')} = 2 THEN 'monthly' WHEN ${profile('id')} = 3 AND hashtext(id) % 2 = 0 THEN 'never' ELSE 'weekly' END)::"DigestFrequency"
     WHERE id LIKE '${MEMBER_ID_PREFIX}%'`,
  )
  await loadFollows(sql)
}

/** What members who follow anything follow (see loadDigestActivity); popular tags and large organisations more often. */
async function loadFollows(sql: Sql) {
  const followers = `SELECT id, abs(hashtext(id || ':follows')) AS h FROM "User" WHERE id LIKE '${MEMBER_ID_PREFIX}%' AND ${profile('id')} <> 0`
  const follow = (target: 'tag' | 'organisation' | 'post', column: string, candidates: string, count: string, skew: number) =>
    sql.query(
      `WITH candidates AS (SELECT array_agg(id ORDER BY ${target === 'post' ? '"createdAt" DESC' : 'md5(id)'}) AS ids FROM (${candidates}) AS c)
       INSERT INTO "Follow" (id, "userId", "targetType", "${column}", "createdAt")
       SELECT 'bench-follow-${target}-' || m.id || '-' || k, m.id, '${target}',
              candidates.ids[1 + floor(cardinality(candidates.ids) * power(${unit(`m.id || ':${target}:' || k`)}, ${skew}))::int], now() AT TIME ZONE 'UTC'
       FROM (${followers}) AS m CROSS JOIN candidates CROSS JOIN generate_series(1, ${count}) AS k
       ON CONFLICT DO NOTHING`,
    )
  await follow('tag', 'tagId', 'SELECT id FROM "Tag"', 'm.h % 5', 2)
  await follow('organisation', 'organisationId', 'SELECT id FROM "Organisation"', '(m.h / 5) % 3', 2)
  // Questions, recent ones more often.
  await follow('post', 'postId', `SELECT id, "createdAt" FROM "Post" WHERE type = 'question'`, '(m.h / 15) % 4', 3)
}
