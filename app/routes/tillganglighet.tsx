import type { MetaFunction } from '@remix-run/node'
import { LegalPage } from '#app/components/legal-page.tsx'

export const meta: MetaFunction = () => [{ title: 'Tillgänglighetsredogörelse – Samverka' }]

export default function Accessibility() {
  return (
    <LegalPage title="Tillgänglighetsredogörelse" updated="23 november 2026">
      <p>
        Samverka omfattas av lagen (2018:1937) om tillgänglighet till digital offentlig service. Vi vill att så många
        som möjligt ska kunna använda tjänsten, oavsett förutsättningar.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>
        Tjänsten är byggd för att uppfylla WCAG 2.1 nivå AA. Alla sidor testas automatiskt med axe-core, går att
        använda med enbart tangentbord och fungerar utan JavaScript för inloggning och läsning.
      </p>
      <h2>Rapportera brister</h2>
      <p>
        Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, kontakta
        oss på <a href="mailto:tillganglighet@samverka.example">tillganglighet@samverka.example</a>.
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn. Om du inte är nöjd med hur vi hanterar
        dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">anmäla det till Digg</a>.
      </p>
    </LegalPage>
  )
}
