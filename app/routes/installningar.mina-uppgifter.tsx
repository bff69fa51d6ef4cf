import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { requireMember } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Mina uppgifter – Inställningar – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  return null
}

export default function MyData() {
  return (
    <div className="narrow">
      <h1>Inställningar</h1>
      <SettingsNav />
      <h2>Mina uppgifter</h2>
      <p>
        Här kan du ladda ner allt Samverka har sparat om dig, i en JSON-fil som du kan öppna i en textredigerare eller läsa in i ett annat program. Filen
        innehåller:
      </p>
      <ul>
        <li>din profil: e-postadress, namn, titel, organisation, intressen och inställningar för veckobrevet</li>
        <li>dina inloggningar: när de skapades och senast användes, IP-adress och webbläsare</li>
        <li>dina frågor, projekt och material, dina svar och kommentarer, och filerna du har laddat upp</li>
        <li>projekt där du står som kontaktperson</li>
        <li>dina röster, gillanden, sparade inlägg och det du följer</li>
        <li>dina notiser (med namnet på den som orsakade dem) och vad veckobreven till dig har innehållit</li>
        <li>organisationer du har begärt, anmälningar du har gjort, varningar du har fått och dina överklaganden</li>
        <li>tillgänglighetsproblem du har rapporterat</li>
      </ul>
      <p>Filen innehåller bara dina egna uppgifter. Andra medlemmar syns högst med namn, aldrig med e-postadress.</p>
      <p>
        <a className="button" href="/installningar/mina-uppgifter.json" download>
          Ladda ner mina uppgifter
        </a>
      </p>
      <p>
        Vill du att vi tar bort uppgifterna kan du <Link to="/installningar/radera-konto">radera ditt konto</Link>. Läs mer om hur vi behandlar personuppgifter
        på sidan <Link to="/integritet">Integritet och personuppgifter</Link>.
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
