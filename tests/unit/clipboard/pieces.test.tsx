// Pieces: a new piece starts from its genre's checklist or an earlier piece; objectives are added without duplicates.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useSession } from '../../../src/session/sessionStore';
import { db } from '../../../src/db/db';
import { NewPiece } from '../../../src/features/clipboard/NewPiece';
import { addObjectives, createPiece, moveObjective, pieceProblem } from '../../../src/features/clipboard/pieceActions';
import { pieceObjectives } from '../../../src/features/clipboard/reads';
import { OBJECTIVE_LIBRARY } from '../../../src/domain/objectiveLibrary';
import { seedClass } from './fixtures';

describe('pieces', { timeout: 30_000 }, () => {
  it('refuses a piece without a title or date, saying what to fix', () => {
    expect(pieceProblem({ title: ' ', startDate: '2026-11-02' })).toMatch(/title/);
    expect(pieceProblem({ title: 'Owls', startDate: '' })).toMatch(/date/);
    expect(pieceProblem({ title: 'Owls', startDate: '2026-11-02' })).toBeNull();
  });

  it('creates a piece with objectives, adds only new ones, and reorders', async () => {
    const s = await seedClass();
    const id = await createPiece({ classId: s.classId, title: 'Owls', genre: 'informational', startDate: '2026-11-02' }, [{ text: 'Uses headings', trait: 'Structure' }, { text: 'Uses facts', trait: 'Development' }]);
    let list = await pieceObjectives(db, id);
    expect(list.map((o) => o.text)).toEqual(['Uses headings', 'Uses facts']);
    expect(await addObjectives(s.classId, id, list, [{ text: 'uses headings', trait: null }, { text: 'Adds diagrams', trait: null }])).toBe(1);
    list = await pieceObjectives(db, id);
    await moveObjective(list, 2, -1);
    expect((await pieceObjectives(db, id)).map((o) => o.text)).toEqual(['Uses headings', 'Adds diagrams', 'Uses facts']);
  });

  it('the new-piece form starts from the genre checklist and shows a message for a missing title', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    useSession.getState().setCurrentClass(s.classId);
    render(
      <MemoryRouter initialEntries={['/clipboard/pieces/new']}>
        <Routes>
          <Route path="/clipboard/pieces/new" element={<NewPiece />} />
          <Route path="/clipboard/pieces/:pieceId" element={<p>editor</p>} />
        </Routes>
      </MemoryRouter>,
    );
    await user.click(await screen.findByRole('button', { name: 'Create piece' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the piece a title');
    expect(await db.pieces.count()).toBe(1);
    await user.type(screen.getByLabelText('Title'), 'My opinion on recess');
    await user.selectOptions(screen.getByLabelText('Genre'), 'opinion');
    await user.click(screen.getByRole('button', { name: 'Create piece' }));
    await screen.findByText('editor');
    const piece = (await db.pieces.toArray()).find((p) => p.title === 'My opinion on recess')!;
    const expected = OBJECTIVE_LIBRARY.find((l) => l.genre === 'opinion')!.objectives.map((o) => o.text);
    await waitFor(async () => expect((await pieceObjectives(db, piece.id)).map((o) => o.text)).toEqual(expected));
  });
});
