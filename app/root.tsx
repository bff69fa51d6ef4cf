import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { FlashMessage } from './components/flash-message.tsx'
import { MutationFields } from './components/forms.tsx'
import { type SiteInfo, useSite } from './components/use-site.ts'
import { WarningBanner } from './components/warning-banner.tsx'
import { getOpenWarning } from './models/member-moderation.server.ts'
import { countUnreadNotifications } from './models/notification.server.ts'
import { getSiteSettings } from './models/site-settings.server.ts'
import { canAdminister, canModerate } from './policies/member.ts'
import stylesHref from './styles/app.css'
import { getUser } from './utils/auth.server.ts'
import { getCsrfToken } from './utils/csrf.server.ts'
import { getPublicEnv } from './utils/env.server.ts'
import { readFlash } from './utils/flash.server.ts'
import { useNonce } from './utils/nonce-provider.ts'
import { formatDate } from './utils/swedish.ts'
import { useUnreadCountInTitle } from './utils/unread-title.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'Samverka' },
  { name: 'description', content: 'Kunskapsdelning för offentlig sektor' },
  { name: 'robots', content: 'noindex, nofollow' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const active = user?.status === 'active'
  const [unreadNotifications, settings, warning] = await Promise.all([
    active ? countUnreadNotifications(user.id) : 0,
    getSiteSettings(),
    active ? getOpenWarning(user.id) : null,
  ])
  const csrf = getCsrfToken(request)
  // The message an action left for this page: shown once, so its cookie is cleared now.
  const flash = readFlash(request)
  const headers = new Headers()
  if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie)
  if (user?.refreshedCookie) headers.append('Set-Cookie', user.refreshedCookie)
  if (flash.setCookie) headers.append('Set-Cookie', flash.setCookie)
  return data(
    {
      user: user ? { id: user.id, name: user.name, role: user.role, status: user.status } : null,
      unreadNotifications,
      warning: warning ? { id: warning.id, message: warning.message, date: formatDate(warning.createdAt) } : null,
      flash: flash.flash,
      csrfToken: csrf.token,
      site: { name: settings.siteName, contactEmail: settings.contactEmail, uploadMaxMb: settings.uploadMaxMb } satisfies SiteInfo,
      ENV: getPublicEnv(),
    },
    { headers },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers()
  for (const cookie of loaderHeaders.getSetCookie()) headers.append('Set-Cookie', cookie)
  return headers
}

export type RootLoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Header() {
  const user = useOptionalUser()
  const unreadNotifications = useRouteLoaderData<typeof loader>('root')?.unreadNotifications ?? 0
  useUnreadCountInTitle(unreadNotifications)
  const active = user?.status === 'active'
  const site = useSite()
  // On the search page the header field shows the current query.
  const location = useLocation()
  const currentQuery = location.pathname === '/sok' ? (new URLSearchParams(location.search).get('q') ?? '') : ''
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="logo">
          {site.name}
        </Link>
        {active ? (
          <>
            <form role="search" action="/sok" method="get" className="header-search">
              <label htmlFor="header-search" className="visually-hidden">
                Sök i Samverka
              </label>
              <input key={currentQuery} id="header-search" type="search" name="q" defaultValue={currentQuery} placeholder="Sök projekt, frågor, material …" />
              <button type="submit">Sök</button>
            </form>
            <nav aria-label="Huvudmeny" className="main-nav">
              <ul>
                <li>
                  <NavLink to="/projekt">Projekt</NavLink>
                </li>
                <li>
                  <NavLink to="/fragor">Frågor</NavLink>
                </li>
                <li>
                  <NavLink to="/material">Material</NavLink>
                </li>
                <li>
                  <NavLink to="/organisationer">Organisationer</NavLink>
                </li>
                {canModerate(user) ? (
                  <li>
                    <NavLink to="/moderering">Moderering</NavLink>
                  </li>
                ) : null}
                {canAdminister(user) ? (
                  <li>
                    <NavLink to="/admin">Administration</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/sparat">Sparat</NavLink>
                </li>
                <li>
                  <NavLink to="/notiser">
                    Notiser
                    {unreadNotifications > 0 ? (
                      <>
                        <span className="visually-hidden">, {unreadNotifications === 1 ? '1 oläst' : `${unreadNotifications} olästa`}</span>{' '}
                        <span className="badge notification-count" aria-hidden="true">
                          {unreadNotifications > 99 ? '99+' : unreadNotifications}
                        </span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={`/medlemmar/${user.id}`}>{user.name}</NavLink>
                </li>
                <li>
                  <NavLink to="/installningar">Inställningar</NavLink>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </ul>
            </nav>
          </>
        ) : user ? (
          <SignOutButton />
        ) : null}
      </div>
    </header>
  )
}

function SignOutButton() {
  return (
    <Form method="post" action="/logga-ut" className="inline-form">
      <MutationFields />
      <button type="submit" className="link-button">
        Logga ut
      </button>
    </Form>
  )
}

function Footer() {
  const site = useSite()
  return (
    <footer className="site-footer">
      <nav aria-label="Om Samverka">
        <ul>
          <li>
            <Link to="/integritet">Integritet och personuppgifter</Link>
          </li>
          <li>
            <Link to="/tillganglighet">Tillgänglighetsredogörelse</Link>
          </li>
          <li>
            <Link to="/villkor">Användarvillkor</Link>
          </li>
        </ul>
      </nav>
      {site.contactEmail ? (
        <p>
          Kontakt: <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
        </p>
      ) : null}
    </footer>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root')
  const warning = root?.warning
  return (
    <>
      <a href="#main" className="skip-link">
        Hoppa till innehållet
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="site-main">
        <FlashMessage flash={root?.flash ?? null} />
        {warning ? <WarningBanner warning={warning} /> : null}
        {children}
      </main>
      <Footer />
    </>
  )
}

export default function App() {
  const { ENV } = useLoaderData<typeof loader>()
  const nonce = useNonce()
  return (
    <Document>
      <Shell>
        <Outlet />
      </Shell>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `window.ENV = ${JSON.stringify(ENV)}` }} />
    </Document>
  )
}

export function ErrorBoundary() {
  return (
    <Document>
      <Shell>
        <GeneralErrorBoundary />
      </Shell>
    </Document>
  )
}
