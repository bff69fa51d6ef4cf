/**
 * The words the benchmark corpus is built from: public-sector subjects with their own
 * objects and tags, and the general vocabulary around them (verksamheter, roller, teknik,
 * lagar). Plain Swedish without markup characters, so the text needs no escaping.
 */
export type Subject = {
  /** The subject as a noun phrase: "e-arkiv", "upphandling". */
  name: string
  /** Things one works with inside the subject. */
  objects: readonly string[]
  /** Tags a post about the subject carries (the first is the subject's own). */
  tags: readonly string[]
}

export const SUBJECTS: readonly Subject[] = [
  { name: 'e-arkiv', objects: ['arkivredovisning', 'gallringsbeslut', 'informationshanteringsplanen', 'leveranser till e-arkivet', 'bevarandeformat', 'FGS-paket'], tags: ['e-arkiv', 'arkiv', 'informationsförvaltning', 'bevarande', 'dokumenthantering'] },
  { name: 'upphandling', objects: ['kravspecifikationen', 'förfrågningsunderlaget', 'ramavtal', 'utvärderingsmodellen', 'avtalsuppföljning', 'direktupphandlingar'], tags: ['upphandling', 'lou', 'ramavtal', 'kravställning', 'avtalsförvaltning', 'inköp'] },
  { name: 'LSS', objects: ['LSS-boenden', 'personlig assistans', 'daglig verksamhet', 'korttidsvistelse', 'ledsagarservice'], tags: ['lss', 'funktionsnedsättning', 'personlig assistans', 'daglig verksamhet', 'boendestöd'] },
  { name: 'socialtjänst', objects: ['försörjningsstöd', 'orosanmälningar', 'biståndsbedömning', 'missbruksvården', 'digitala ansökningar om försörjningsstöd'], tags: ['socialtjänst', 'sol', 'försörjningsstöd', 'individ- och familjeomsorg', 'biståndshandläggning'] },
  { name: 'bygglov', objects: ['bygglovsansökningar', 'strandskyddsdispenser', 'detaljplaner', 'bygglovshandläggningen', 'ritningar och situationsplaner'], tags: ['bygglov', 'pbl', 'samhällsbyggnad', 'detaljplan', 'strandskydd'] },
  { name: 'digitalisering', objects: ['digitaliseringsstrategin', 'verksamhetsutvecklingen', 'den digitala mognaden', 'tjänstedesign', 'nyttorealisering'], tags: ['digitalisering', 'verksamhetsutveckling', 'tjänstedesign', 'nyttorealisering', 'förändringsledning'] },
  { name: 'dataskydd', objects: ['personuppgiftsbiträdesavtal', 'konsekvensbedömningar', 'registerförteckningen', 'personuppgiftsincidenter', 'tredjelandsöverföringar'], tags: ['dataskydd', 'gdpr', 'personuppgifter', 'dataskyddsombud', 'konsekvensbedömning'] },
  { name: 'RPA', objects: ['robotiserad processautomatisering', 'automatiserade flöden', 'fakturahanteringen', 'automatiserad handläggning', 'mjukvarurobotar'], tags: ['rpa', 'automatisering', 'processutveckling', 'mjukvarurobotar'] },
  { name: 'äldreomsorg', objects: ['hemtjänsten', 'särskilda boenden', 'trygghetslarm', 'nattillsyn med kamera', 'läkemedelshanteringen'], tags: ['äldreomsorg', 'hemtjänst', 'välfärdsteknik', 'trygghetslarm', 'vård och omsorg'] },
  { name: 'skolskjuts', objects: ['skolskjutsplaneringen', 'ruttoptimering', 'skolskjutsansökningar', 'elevresor', 'färdtjänsten'], tags: ['skolskjuts', 'elevresor', 'färdtjänst', 'ruttplanering'] },
  { name: 'förskola', objects: ['förskoleplacering', 'barnomsorgskön', 'digital närvaroregistrering', 'vårdnadshavarnas appar'], tags: ['förskola', 'barnomsorg', 'placering', 'vårdnadshavare'] },
  { name: 'AI', objects: ['språkmodeller', 'AI-assistenter', 'maskininlärning', 'chattbotar', 'automatiserat beslutsfattande'], tags: ['ai', 'språkmodeller', 'chattbot', 'maskininlärning', 'innovation'] },
  { name: 'informationssäkerhet', objects: ['ledningssystemet för informationssäkerhet', 'klassning av information', 'incidenthantering', 'behörighetsstyrning', 'säkerhetsskyddet'], tags: ['informationssäkerhet', 'nis2', 'cybersäkerhet', 'säkerhetsskydd', 'behörigheter'] },
  { name: 'molntjänster', objects: ['Microsoft 365', 'molnbaserade verksamhetssystem', 'exitstrategin', 'suveräna molntjänster', 'lagringen av känsliga uppgifter'], tags: ['molntjänster', 'microsoft 365', 'tredjeland', 'exitstrategi'] },
  { name: 'e-tjänster', objects: ['e-tjänsteplattformen', 'självservice', 'digitala blanketter', 'mina sidor', 'e-legitimation'], tags: ['e-tjänster', 'självservice', 'e-legitimation', 'bankid', 'digital brevlåda'] },
  { name: 'öppna data', objects: ['datakatalogen', 'öppna API:er', 'dataportalen', 'datamängder', 'metadata'], tags: ['öppna data', 'api', 'datadelning', 'dataportal', 'metadata'] },
  { name: 'ekonomi', objects: ['budgetuppföljningen', 'e-fakturor', 'leverantörsreskontran', 'internkontrollen', 'prognosarbetet'], tags: ['ekonomi', 'e-faktura', 'budget', 'internkontroll', 'prognos'] },
  { name: 'kompetensförsörjning', objects: ['rekryteringen', 'lönehanteringen', 'heltidsresan', 'arbetsmiljön', 'sjukfrånvaron'], tags: ['kompetensförsörjning', 'hr', 'rekrytering', 'arbetsmiljö', 'lön'] },
  { name: 'hälso- och sjukvård', objects: ['journalsystemet', 'digitala vårdbesök', 'egenmonitorering', 'vårdinformationsmiljön', 'remisshanteringen'], tags: ['hälso- och sjukvård', 'journalsystem', '1177', 'digital vård', 'egenmonitorering'] },
  { name: 'miljötillsyn', objects: ['avfallshanteringen', 'klimatanpassningen', 'energieffektiviseringen', 'livsmedelskontrollen', 'tillsynsplanen'], tags: ['miljö', 'klimat', 'avfall', 'tillsyn', 'livsmedelskontroll'] },
  { name: 'kollektivtrafik', objects: ['anropsstyrd trafik', 'biljettsystemet', 'realtidsinformation', 'trafikplaneringen', 'pendlarparkeringar'], tags: ['kollektivtrafik', 'mobilitet', 'biljettsystem', 'realtidsinformation'] },
  { name: 'krisberedskap', objects: ['civilt försvar', 'kontinuitetsplaneringen', 'reservkraften', 'höjd beredskap', 'krisledningsnämnden'], tags: ['krisberedskap', 'civilt försvar', 'kontinuitet', 'höjd beredskap'] },
  { name: 'tillgänglighet', objects: ['webbtillgängligheten', 'tillgänglighetsredogörelsen', 'klarspråk', 'lättläst svenska', 'teckenspråkstolkning'], tags: ['tillgänglighet', 'webb', 'klarspråk', 'digital inkludering'] },
  { name: 'ärendehantering', objects: ['ärendehanteringssystemet', 'diarieföringen', 'registreringen av allmänna handlingar', 'e-signering', 'nämndadministrationen'], tags: ['ärendehantering', 'diarium', 'e-signering', 'nämndadministration'] },
  { name: 'integrationer', objects: ['integrationsplattformen', 'API-hanteringen', 'masterdata', 'identitets- och behörighetshanteringen', 'systemkartan'], tags: ['integration', 'arkitektur', 'identitetshantering', 'masterdata'] },
  { name: 'samhällsplanering', objects: ['översiktsplanen', 'bostadsförsörjningen', 'markanvisningar', 'den digitala samhällsbyggnadsprocessen', 'exploateringsavtal'], tags: ['samhällsplanering', 'översiktsplan', 'bostäder', 'exploatering'] },
  { name: 'räddningstjänst', objects: ['brandskyddskontrollen', 'tillsynen enligt LSO', 'insatsplaneringen', 'larmhanteringen'], tags: ['räddningstjänst', 'brandskydd', 'lso', 'larm'] },
  { name: 'bibliotek', objects: ['bibliotekssystemet', 'meröppna bibliotek', 'digital delaktighet', 'kulturskolan', 'e-medier'], tags: ['bibliotek', 'kultur', 'digital delaktighet', 'kulturskola'] },
  { name: 'skola', objects: ['elevhälsan', 'skolplattformen', 'digitala nationella prov', 'frånvarohanteringen', 'lärplattformen'], tags: ['skola', 'elevhälsa', 'skolplattform', 'utbildning', 'frånvaro'] },
  { name: 'arbetsmarknad', objects: ['arbetsmarknadsinsatser', 'feriearbeten', 'etableringsinsatser', 'vägen från försörjningsstöd till arbete'], tags: ['arbetsmarknad', 'etablering', 'nyanlända', 'feriearbete'] },
  { name: 'överförmyndare', objects: ['ställföreträdarskap', 'årsräkningar', 'digital granskning av årsräkningar', 'rekryteringen av gode män'], tags: ['överförmyndare', 'ställföreträdare', 'årsräkning', 'god man'] },
  { name: 'kontaktcenter', objects: ['synpunktshanteringen', 'chatten i kontaktcentret', 'telefonin', 'kunskapsdatabasen', 'medborgarbudgeten'], tags: ['kontaktcenter', 'medborgardialog', 'synpunkter', 'service'] },
  { name: 'fastigheter', objects: ['lokalförsörjningen', 'fastighetsförvaltningen', 'energiuppföljningen', 'passersystemet', 'underhållsplaneringen'], tags: ['fastigheter', 'lokaler', 'energi', 'passersystem'] },
  { name: 'IT-drift', objects: ['klientplattformen', 'servicedesken', 'licenshanteringen', 'nätverket', 'driftavtalet'], tags: ['it-drift', 'servicedesk', 'licenser', 'nätverk'] },
  { name: 'geodata', objects: ['kartunderlagen', 'GIS-plattformen', 'den digitala tvillingen', 'adressregistret', 'baskartan'], tags: ['geodata', 'gis', 'kartor', 'digital tvilling'] },
  { name: 'barn och unga', objects: ['BBIC', 'skolnärvaron', 'tidiga insatser', 'samverkan kring barn', 'familjecentralen'], tags: ['barn och unga', 'bbic', 'tidiga insatser', 'skolnärvaro', 'familjecentral'] },
  { name: 'vatten och avlopp', objects: ['VA-planen', 'dricksvattenförsörjningen', 'dagvattenhanteringen', 'läckagesökningen', 'smarta vattenmätare'], tags: ['vatten och avlopp', 'dricksvatten', 'dagvatten', 'klimatanpassning'] },
  { name: 'verksamhetsuppföljning', objects: ['nyckeltalen', 'Kolada', 'beslutsstödet', 'dashboards för nämnderna', 'kvalitetsledningssystemet'], tags: ['uppföljning', 'nyckeltal', 'kolada', 'beslutsstöd', 'statistik'] },
  { name: 'välfärdsteknik', objects: ['digitala trygghetslarm', 'läkemedelsrobotar', 'sensorer i hemmet', 'digital tillsyn', 'GPS-larm'], tags: ['välfärdsteknik', 'sensorer', 'digital tillsyn', 'e-hälsa'] },
  { name: 'digital brevlåda', objects: ['Mina meddelanden', 'digital post', 'utskick till invånare', 'beslut i digital brevlåda'], tags: ['digital post', 'mina meddelanden', 'utskick'] },
]

/** Tags any post may carry besides its subject's (together with the subjects' tags about 250). */
export const GENERAL_TAGS: readonly string[] = [
  'förstudie', 'pilot', 'samverkan', 'innovation', 'kravställning', 'informationsmodell', 'styrning', 'förvaltningsmodell',
  'projektmodell', 'utvärdering', 'mall', 'checklista', 'vägledning', 'utbildning', 'kommunikation', 'ledarskap', 'juridik',
  'offentlighetsprincipen', 'sekretess', 'standarder', 'öppen källkod', 'leverantörer', 'avtal', 'kostnader', 'nyttor',
  'risker', 'informationsklassning', 'användbarhet', 'mobil', 'tjänsteutveckling', 'invånardialog', 'landsbygd',
  'små kommuner', 'storstad', 'interkommunal samverkan', 'regional samverkan', 'nationell samverkan', 'omvärldsbevakning',
  'benchmarking', 'kvalitet', 'effektivisering', 'hållbarhet', 'jämställdhet', 'barnrätt', 'likabehandling', 'dokumentation',
  'processkartläggning', 'behovsanalys', 'införande', 'förvaltning', 'avveckling', 'systembyte', 'migrering', 'testning',
  'säkerhetsanalys', 'riskanalys', 'e-legitimering', 'digital identitet', 'sso', 'ehälsomyndigheten', 'adda', 'skr',
  'inera', 'digg', 'ena', 'sambruk', 'referensarkitektur', 'nationella riktlinjer', 'kompetensutveckling',
]

export const AREAS = [
  'socialtjänsten', 'äldreomsorgen', 'skolan', 'förskolan', 'samhällsbyggnadsförvaltningen', 'miljöförvaltningen',
  'IT-avdelningen', 'HR-avdelningen', 'ekonomiavdelningen', 'kommunikationsavdelningen', 'hälso- och sjukvården',
  'kollektivtrafiken', 'räddningstjänsten', 'kulturförvaltningen', 'överförmyndarenheten', 'kommunarkivet',
  'kontaktcentret', 'tekniska förvaltningen', 'fastighetsavdelningen', 'arbetsmarknadsenheten',
] as const

export const ROLES = [
  'digitaliseringsstrategen', 'arkivarien', 'upphandlaren', 'enhetschefen', 'verksamhetsutvecklaren', 'systemförvaltaren',
  'informationssäkerhetssamordnaren', 'dataskyddsombudet', 'förvaltningschefen', 'projektledaren', 'controllern',
  'socialsekreterarna', 'biståndshandläggarna', 'bygglovshandläggarna', 'IT-arkitekten', 'kommunjuristen',
] as const

export const TECHNOLOGIES = [
  'RPA', 'AI', 'e-tjänster', 'BankID', 'digital brevlåda', 'molntjänster', 'öppna API:er', 'chattbotar', 'e-signering',
  'Microsoft 365', 'en integrationsplattform', 'ett nytt ärendehanteringssystem', 'välfärdsteknik', 'digitala trygghetslarm',
  'sensorer', 'GIS', 'språkmodeller', 'en e-tjänsteplattform', 'öppen källkod', 'en gemensam dataplattform',
] as const

export const LAWS = [
  'LSS', 'SoL', 'GDPR', 'dataskyddsförordningen', 'offentlighets- och sekretesslagen', 'LOU', 'arkivlagen', 'förvaltningslagen',
  'plan- och bygglagen', 'skollagen', 'hälso- och sjukvårdslagen', 'lagen om offentlig upphandling', 'tillgänglighetsdirektivet',
  'NIS2', 'kommunallagen', 'LVU', 'lagen om skydd mot olyckor',
] as const

export const ORGANISATION_KINDS = [
  'en mellanstor kommun', 'en liten kommun', 'våra kommuner i länet', 'regionen', 'en statlig myndighet', 'tre kommuner tillsammans',
  'storstadskommunerna', 'kommunalförbundet',
] as const

export const PERIODS = ['det senaste året', 'två år', 'hösten', 'våren', 'snart tre år', 'ett halvår', 'pilotperioden'] as const

export const PLACES = [
  'Norrbotten', 'Västerbotten', 'Jämtland', 'Dalarna', 'Värmland', 'Örebro län', 'Östergötland', 'Småland', 'Skåne', 'Halland',
  'Västra Götaland', 'Stockholmsregionen', 'Uppsala län', 'Gotland', 'Blekinge', 'Sörmland',
] as const
