import { NavLink } from '@remix-run/react'

export function AdminNav() {
  return (
    <nav aria-label="Administration" className="sub-nav">
      <ul>
        <li>
          <NavLink to="/admin" end>
            Översikt
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/roller">Roller</NavLink>
        </li>
        <li>
          <NavLink to="/admin/installningar">Inställningar</NavLink>
        </li>
        <li>
          <NavLink to="/admin/organisationer/import">Importera organisationer</NavLink>
        </li>
        <li>
          <NavLink to="/admin/organisationer/sammanfoga">Slå ihop organisationer</NavLink>
        </li>
      </ul>
    </nav>
  )
}
