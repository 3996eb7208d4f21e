// Shared setup for roster component tests: the Roster area with the class switcher, on a fresh session.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClassSwitcher } from '../../../src/app/ClassSwitcher';
import { useSession } from '../../../src/session/sessionStore';
import RosterArea from '../../../src/features/roster/RosterArea';

export function renderRoster() {
  useSession.setState({ currentClassId: null });
  const user = userEvent.setup({ delay: null });
  const view = render(
    <>
      <ClassSwitcher />
      <RosterArea />
    </>,
  );
  return { user, ...view };
}

export function fileOf(text: string | Uint8Array, name: string, type = 'text/csv'): File {
  return new File([text as BlobPart], name, { type });
}
