// The checklist grid: the tap cycle (X, check, clear) with a new row per tap, undo, and counts.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { ChecklistGrid } from '../../../src/features/clipboard/ChecklistGrid';
import { ToastProvider } from '../../../src/features/clipboard/toast';
import { seedClass } from './fixtures';

function renderGrid(classId: string, pieceId: string, lens: string | null = null) {
  return render(
    <MemoryRouter>
      <ToastProvider>
        <ChecklistGrid classId={classId} pieceId={pieceId} lensObjectiveId={lens} onNote={() => {}} />
      </ToastProvider>
    </MemoryRouter>,
  );
}

const liveMarks = async () => (await db.marks.toArray()).filter((m) => !m.deleted).sort((a, b) => a.at - b.at);

describe('checklist grid', { timeout: 30_000 }, () => {
  it('cycles a cell X -> check -> clear, storing every tap as its own row', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    renderGrid(s.classId, s.pieceId);
    await user.click(await screen.findByRole('button', { name: 'Ana Lopez, Adds relevant details: not marked' }));
    await screen.findByRole('button', { name: 'Ana Lopez, Adds relevant details: needs support' });
    await user.click(screen.getByRole('button', { name: 'Ana Lopez, Adds relevant details: needs support' }));
    await screen.findByRole('button', { name: 'Ana Lopez, Adds relevant details: secure' });
    await user.click(screen.getByRole('button', { name: 'Ana Lopez, Adds relevant details: secure' }));
    await screen.findByRole('button', { name: 'Ana Lopez, Adds relevant details: not marked' });
    await waitFor(async () => expect((await liveMarks()).map((m) => m.value)).toEqual(['x', 'check', null]));
    const rows = await liveMarks();
    expect(new Set(rows.map((m) => m.id)).size).toBe(3);
    expect(rows.every((m) => m.studentId === s.ana && m.objectiveId === s.details && m.pieceId === s.pieceId)).toBe(true);
    // Each tap went through the write path: stamped and queued for sync.
    expect(await db.outbox.where('table').equals('marks').count()).toBe(3);
  });

  it('undo removes just that tap, so the cell shows its previous state again', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    renderGrid(s.classId, s.pieceId);
    await user.click(await screen.findByRole('button', { name: 'Bao Nguyen, Has an inviting beginning: not marked' }));
    await user.click(await screen.findByRole('button', { name: 'Bao Nguyen, Has an inviting beginning: needs support' }));
    const toast = await screen.findByRole('status');
    await waitFor(() => expect(toast).toHaveTextContent('Bao Nguyen, Has an inviting beginning: secure'));
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Bao Nguyen, Has an inviting beginning: needs support' });
    await waitFor(async () => expect((await liveMarks()).map((m) => m.value)).toEqual(['x']));
    const all = await db.marks.toArray();
    expect(all).toHaveLength(2);
    expect(all.find((m) => m.value === 'check')?.deleted).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows counts per objective and per student, and puts the lens first', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    renderGrid(s.classId, s.pieceId, s.lead);
    await user.click(await screen.findByRole('button', { name: 'Ana Lopez, Has an inviting beginning: not marked' }));
    await user.click(await screen.findByRole('button', { name: 'Bao Nguyen, Has an inviting beginning: not marked' }));
    await user.click(await screen.findByRole('button', { name: 'Bao Nguyen, Adds relevant details: not marked' }));
    await user.click(await screen.findByRole('button', { name: 'Bao Nguyen, Adds relevant details: needs support' }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Has an inviting beginning/ })).toHaveTextContent('2 need support'));
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[1]).toMatch(/^Lens/);
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Adds relevant details/ })).toHaveTextContent('0 need support'));
    const bao = screen.getByRole('rowheader', { name: /Bao Nguyen/ });
    await waitFor(() => expect(bao).toHaveTextContent('1 need support, 1 secure'));
    await waitFor(() => expect(bao).toHaveTextContent('seen today'));
  });

  it('says who has never been observed', async () => {
    const s = await seedClass();
    renderGrid(s.classId, s.pieceId);
    const ana = await screen.findByRole('rowheader', { name: /Ana Lopez/ });
    await waitFor(() => expect(ana).toHaveTextContent('not observed yet'));
    expect(screen.getByRole('list', { name: 'Shading by days since last observed' })).toHaveTextContent('Not seen for a week or more');
  });
});
