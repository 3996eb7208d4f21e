// The clipboard's own tabs: the checklist, who has not been seen lately, pieces, and class needs over time.
import { NavLink } from 'react-router';

const TABS = [
  { to: '/clipboard', label: 'Checklist', end: true },
  { to: '/clipboard/students', label: 'Not seen lately', end: false },
  { to: '/clipboard/pieces', label: 'Pieces', end: false },
  { to: '/clipboard/needs', label: 'Class needs', end: false },
];

export function ClipboardNav() {
  return (
    <nav aria-label="Clipboard" className="clip-tabs">
      {TABS.map((t) => (
        <NavLink key={t.to} to={t.to} end={t.end} className="button">
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}
