// The header: the app's name, the class switcher, and status pieces other features add (timer, sync).
import { ClassSwitcher } from './ClassSwitcher';
import { HeaderStatus } from './HeaderStatus';

export function Header() {
  return (
    <header className="header">
      <span className="brand" aria-hidden="true">Circulate</span>
      <ClassSwitcher />
      <HeaderStatus />
    </header>
  );
}
