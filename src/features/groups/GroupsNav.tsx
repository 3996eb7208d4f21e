// Links between the groups area's screens (builder, history, the class projection).
import { NavLink } from 'react-router';

export function GroupsNav() {
  return (
    <nav aria-label="Groups" className="row groups-nav">
      <NavLink end to="/groups" className="button">
        Builder
      </NavLink>
      <NavLink to="/groups/history" className="button">
        History
      </NavLink>
      <NavLink to="/groups/show" className="button">
        Show to class
      </NavLink>
    </nav>
  );
}
