import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { addComment, setLike } from '#app/services/engagement.server.ts'
import { createArtifact, createProject } from '#app/services/post.server.ts'
import { acceptAnswer, answerQuestion, askQuestion, voteOnAnswer } from '#app/services/question.server.ts'
import type { StoredUpload } from '#app/services/upload.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { generateStorageKey, getFileStorage } from '#app/utils/file-storage.server.ts'

/**
 * Realistic Swedish demo content for an empty database, written through the same services
 * as the app (so HTML, tags and outbox rows are as real). Uses the demo members.
 */
async function demoActor(email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, role: true, status: true } })
  return user
}

export async function seedDemoContent() {
  if ((await prisma.post.count()) > 0) return 0
  const questions = await seedDemoQuestions()
  return questions + (await seedDemoProjectsAndArtifacts())
}

/** A small file stored like an upload, so the demo artifact has something to download. */
async function storeDemoFile(originalName: string, mimeType: string, content: string): Promise<StoredUpload> {
  const bytes = Buffer.from(content, 'utf8')
  const storageKey = generateStorageKey()
  await getFileStorage().write(storageKey, Readable.from([bytes]))
  return { storageKey, originalName, mimeType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
}

async function seedDemoProjectsAndArtifacts() {
  const anna = await demoActor('anna.svensson@malmo.example')
  const erik = await demoActor('erik.lindqvist@skane.example')
  const sara = await demoActor('sara.ahmadi@umea.example')

  const rpa = await createProject(anna, {
    title: 'Samordnad upphandling av RPA-plattform för skånska kommuner',
    body: plainTextToDocument(
      'Malmö stad samordnar en upphandling av en plattform för robotiserad processautomatisering (RPA). Tolv kommuner har anslutit och fler är välkomna innan annonsering.\n\n' +
        'Vi har tagit fram gemensamma krav på drift, loggning och informationssäkerhet och delar gärna förstudien.',
    ),
    tags: ['rpa', 'upphandling', 'automatisering'],
    projectStatus: 'ongoing',
    startDate: new Date('2026-02-01T00:00:00Z'),
    endDate: new Date('2026-12-31T00:00:00Z'),
    lead: null,
    participants: ['Lunds kommun', 'Helsingborgs kommun', 'Trelleborgs kommun'],
    contactName: 'Anna Svensson',
    contactEmail: 'anna.svensson@malmo.example',
    seekingPartners: true,
    shareEditing: true,
    links: [{ url: 'https://www.upphandlingsmyndigheten.se', label: 'Upphandlingsmyndighetens vägledning' }],
  })
  await setLike(erik, rpa.id, true)
  await addComment(sara, rpa.id, 'Umeå är intresserade av att ansluta. Vilka krav ställer ni på drift i egen miljö?')

  const template = await storeDemoFile(
    'Kravspecifikation e-arkiv (mall).csv',
    'text/csv',
    'Kravnummer;Kategori;Krav;Obligatoriskt\n1;Leverans;Systemet ska ta emot leveranser enligt FGS Paketstruktur;Ja\n2;Sökning;Arkivarier ska kunna söka i metadata och fulltext;Ja\n3;Gallring;Systemet ska stödja gallring enligt beslutad plan;Ja\n',
  )
  await createArtifact(
    erik,
    {
      title: 'Mall för kravspecifikation vid upphandling av e-arkiv',
      body: plainTextToDocument(
        'Kravlista som Region Skåne och fyra kommuner använde vid upphandlingen av e-arkiv 2025. Anpassa kraven efter er informationshanteringsplan.',
      ),
      tags: ['e-arkiv', 'upphandling', 'mall'],
      artifactKind: 'procurement',
      licence: 'CC-BY-4.0',
      externalUrl: null,
    },
    [template],
  )
  return 2
}

async function seedDemoQuestions() {
  const anna = await demoActor('anna.svensson@malmo.example')
  const erik = await demoActor('erik.lindqvist@skane.example')
  const sara = await demoActor('sara.ahmadi@umea.example')
  const moa = await demoActor('moderator@samverka.example')

  const earkiv = await askQuestion(anna, {
    title: 'Hur har ni löst e-arkiv för e-post och Teams-chattar?',
    body: plainTextToDocument(
      'Vi ska börja leverera e-post och chattar från Microsoft 365 till vårt e-arkiv och undrar hur andra har gjort.\n\n' +
        'Gallrar ni något innan leverans? Har ni en informationshanteringsplan som pekar ut vilka brevlådor som är allmänna handlingar?',
    ),
    tags: ['e-arkiv', 'arkivering', 'microsoft 365'],
  })
  const fromRegion = await answerQuestion(
    erik,
    earkiv.id,
    plainTextToDocument(
      'I Region Skåne levererar vi bara funktionsbrevlådor och diarieförda mejl. Privata brevlådor gallras enligt vår dokumenthanteringsplan efter två år.\n\n' +
        'Riksarkivets föreskrifter (RA-FS 2009:1) har varit vår utgångspunkt: https://riksarkivet.se',
    ),
  )
  await answerQuestion(
    sara,
    earkiv.id,
    plainTextToDocument('Umeå kommun gör en förstudie just nu tillsammans med Skellefteå. Vi delar gärna vår kravlista när den är klar!'),
  )
  await acceptAnswer(anna, earkiv.id, fromRegion.id)
  await voteOnAnswer(sara, fromRegion.id, 1)

  const rpa = await askQuestion(sara, {
    title: 'Någon som har en kravspecifikation för en RPA-plattform att dela?',
    body: plainTextToDocument(
      'Vi vill automatisera återkommande flöden inom ekonomi och försörjningsstöd. Har någon kommun gjort en upphandling av RPA-plattform nyligen och kan dela underlaget?',
    ),
    tags: ['rpa', 'upphandling', 'automatisering'],
  })
  const joint = await answerQuestion(
    anna,
    rpa.id,
    plainTextToDocument(
      'Malmö stad genomförde en samordnad upphandling förra året där tolv kommuner anslöt via avropsavtal. Underlaget är offentligt, hör av dig så skickar jag det.\n\n' +
        'Tips: ställ krav på att robotarna kan köras i er egen driftmiljö och på loggning som uppfyller era krav på spårbarhet.',
    ),
  )
  await voteOnAnswer(erik, joint.id, 1)
  await voteOnAnswer(moa, joint.id, 1)

  await askQuestion(erik, {
    title: 'Erfarenheter av digital signering av beslut enligt SoL och LSS?',
    body: plainTextToDocument(
      'Vi utreder om handläggare inom socialtjänsten kan signera beslut digitalt i verksamhetssystemet i stället för på papper. Hur har ni hanterat kraven på avancerad elektronisk underskrift?',
    ),
    tags: ['sol', 'lss', 'e-underskrift'],
  })
  return 3
}
