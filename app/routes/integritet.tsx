import type { MetaFunction } from '@remix-run/node'
import { LegalPage } from '#app/components/legal-page.tsx'

export const meta: MetaFunction = () => [{ title: 'Integritet och personuppgifter – Samverka' }]

export default function Privacy() {
  return (
    <LegalPage title="Integritet och personuppgifter" updated="23 november 2026">
      <h2>Vilka uppgifter vi behandlar</h2>
      <p>
        När du skapar ett konto sparar vi din e-postadress i jobbet, ditt namn, din titel, din organisation och de
        intresseområden du anger. För att hålla ditt konto säkert sparar vi också dina inloggningar (tidpunkt,
        webbläsare och IP-adress) så att du själv kan se och avsluta dem.
      </p>
      <h2>Varför</h2>
      <p>
        Uppgifterna behövs för att bara anställda i offentlig sektor ska komma in, för att kollegor ska veta vem de
        delar kunskap med och för att skydda tjänsten mot missbruk. Rättslig grund är allmänt intresse och berättigat
        intresse.
      </p>
      <h2>Hur länge</h2>
      <p>
        Engångskoder raderas efter ett dygn. Inloggningar upphör efter 30 dagar utan användning. Kontouppgifter sparas
        så länge du är medlem.
      </p>
      <h2>Dina rättigheter</h2>
      <p>
        Du har rätt att få ut, rätta och radera dina uppgifter. Ändra din profil under Inställningar. Kontakta
        moderatorerna om du vill ha ut eller radera dina uppgifter.
      </p>
    </LegalPage>
  )
}
