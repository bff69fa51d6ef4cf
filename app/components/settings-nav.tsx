import { NavLink } from '@remix-run/react'

export function SettingsNav() {
  return (
    <nav aria-label="Inställningar" className="sub-nav">
      <ul className="main-nav-list">
        <li>
          <NavLink to="/installningar" end>
            Profil
          </NavLink>
        </li>
        <li>
          <NavLink to="/installningar/inloggningar">Inloggningar</NavLink>
        </li>
        <li>
          <NavLink to="/installningar/foljer">Följer</NavLink>
        </li>
        <li>
          <NavLink to="/installningar/veckobrev">Veckobrev</NavLink>
        </li>
        <li>
          <NavLink to="/installningar/notiser">Notiser</NavLink>
        </li>
        <li>
          <NavLink to="/installningar/mina-uppgifter">Mina uppgifter</NavLink>
        </li>
        <li>
          <NavLink to="/installningar/radera-konto">Radera konto</NavLink>
        </li>
      </ul>
    </nav>
  )
}
