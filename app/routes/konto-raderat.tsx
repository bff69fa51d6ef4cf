import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { requireAnonymous } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Kontot är raderat – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export default function AccountDeleted() {
  return (
    <div className="narrow">
      <h1>Ditt konto är raderat</h1>
      <p role="status">Du är utloggad och dina uppgifter är borttagna. Tack för att du har delat med dig!</p>
      <p>
        Du är välkommen tillbaka när du vill: <Link to="/logga-in">logga in</Link> med din e-postadress i jobbet så skapar du ett nytt konto.
      </p>
    </div>
  )
}
