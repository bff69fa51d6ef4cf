import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { LegalPage } from '#app/components/legal-page.tsx'
import { useSite } from '#app/components/use-site.ts'

export const meta: MetaFunction = () => [{ title: 'Integritet och personuppgifter – Samverka' }]

export default function Privacy() {
  const site = useSite()
  return (
    <LegalPage title="Integritet och personuppgifter" updated="23 november 2026">
      <h2>Vilka uppgifter vi behandlar</h2>
      <ul>
        <li>
          <strong>Ditt konto:</strong> e-postadressen i jobbet, namn, titel, organisation, intresseområden och hur ofta du vill ha veckobrevet.
        </li>
        <li>
          <strong>Dina inloggningar:</strong> när de skapades och senast användes, webbläsare och IP-adress, så att du själv kan se och avsluta dem.
        </li>
        <li>
          <strong>Det du delar och gör:</strong> frågor, projekt, material, svar, kommentarer och filer, dina röster, gillanden, sparade inlägg och det du
          följer, och notiserna till dig.
        </li>
        <li>
          <strong>Moderering:</strong> anmälningar du gör, varningar och beslut som gäller dig och dina överklaganden.
        </li>
        <li>
          <strong>Tillgänglighetsrapporter:</strong> det du skriver och, om du inte är inloggad, den e-postadress du anger för svar.
        </li>
      </ul>
      <h2>Varför</h2>
      <p>
        Uppgifterna behövs för att bara anställda i offentlig sektor ska komma in, för att kollegor ska veta vem de delar kunskap med och för att skydda
        tjänsten mot missbruk. Rättslig grund är allmänt intresse och berättigat intresse.
      </p>
      <h2>Hur länge</h2>
      <ul>
        <li>Engångskoder raderas efter ett dygn. Inloggningar upphör efter 30 dagar utan användning.</li>
        <li>Kontouppgifter och det du har delat sparas så länge du är medlem.</li>
        <li>
          Moderatorernas granskningslogg sparas också efter att ett konto har raderats, med namnen på den som fattade ett beslut och den som beslutet gällde.
          Den behövs för att beslut ska gå att följa upp och överklaga, och bara moderatorer kan läsa den.
        </li>
      </ul>
      <h2>Dina rättigheter</h2>
      <p>Du har rätt att få ut, rätta och radera dina uppgifter, och att klaga hos Integritetsskyddsmyndigheten (IMY). Du gör det själv:</p>
      <ul>
        <li>
          Ändra din profil under <Link to="/installningar">Inställningar</Link>.
        </li>
        <li>
          Ladda ner allt vi har sparat om dig som en fil under <Link to="/installningar/mina-uppgifter">Mina uppgifter</Link>.
        </li>
        <li>
          <Link to="/installningar/radera-konto">Radera ditt konto</Link>. Du väljer om dina inlägg ska finnas kvar som skrivna av ”Tidigare medlem” eller tas
          bort. Kontot försvinner direkt och du loggas ut överallt.
        </li>
      </ul>
      {site.contactEmail ? (
        <p>
          Frågor om personuppgifter: <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>.
        </p>
      ) : null}
    </LegalPage>
  )
}
