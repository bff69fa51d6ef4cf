import type { MetaFunction } from '@remix-run/node'
import { LegalPage } from '#app/components/legal-page.tsx'

export const meta: MetaFunction = () => [{ title: 'Användarvillkor – Samverka' }]

export default function Terms() {
  return (
    <LegalPage title="Användarvillkor" updated="23 november 2026">
      <h2>Vem får vara med</h2>
      <p>
        Samverka är till för anställda i kommuner, regioner, statliga myndigheter och deras gemensamma organ. Du loggar in med din e-postadress i jobbet och är
        personligen ansvarig för det du publicerar.
      </p>
      <h2>Vad du delar</h2>
      <p>
        Dela inte sekretessbelagda uppgifter eller känsliga personuppgifter. Respektera upphovsrätt och ange licens för material du delar. Tänk på att det du
        skriver kan bli allmän handling hos din organisation.
      </p>
      <h2>Moderering</h2>
      <p>Moderatorer kan dölja innehåll och stänga av konton som bryter mot villkoren. Du får alltid veta vad som har gjorts och varför.</p>
    </LegalPage>
  )
}
