// Navigation: a bottom bar in portrait and a side rail in landscape, both within a thumb's reach.
import { NavLink } from 'react-router';
import { Icon } from '../ui/Icon';
import { AREAS } from './areas';

export function NavBar() {
  return (
    <nav className="navbar" aria-label="Main">
      <ul>
        {AREAS.map((a) => (
          <li key={a.path}>
            <NavLink to={`/${a.path}`} className="nav-item">
              <Icon name={a.icon} />
              <span>{a.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
