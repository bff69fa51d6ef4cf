import { NavLink } from '@remix-run/react'

export function ModerationNav() {
  return (
    <nav aria-label="Moderering" className="sub-nav">
      <ul>
        <li>
          <NavLink to="/moderering" end>
            Kö
          </NavLink>
        </li>
        <li>
          <NavLink to="/moderering/logg">Granskningslogg</NavLink>
        </li>
        <li>
          <NavLink to="/moderering/tillganglighet">Tillgänglighet</NavLink>
        </li>
      </ul>
    </nav>
  )
}
