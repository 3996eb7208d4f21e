// Goals tied to strategies: the built-in library covers the 6+1 traits, a teacher's own goal is checked before it is
// saved, and a conference's teaching point picked from the library becomes the goal card's goal and strategy.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { DEFAULT_GOALS, goalProblem, LIBRARY_TRAITS, libraryByTrait, splitLines } from '../../../src/domain/goalLibrary';
import { startConference } from '../../../src/features/conferences/conferenceActions';
import { StudentGoals } from '../../../src/features/conferences/StudentGoals';
import { GoalLibraryScreen } from '../../../src/features/growth/GoalLibraryScreen';
import { GoalPicker } from '../../../src/features/growth/GoalPicker';
import { seedClass } from '../clipboard/fixtures';

describe('goal library', { timeout: 30_000 }, () => {
  it('has goals with strategies and prompts for each of the 6+1 traits', () => {
    expect(LIBRARY_TRAITS).toEqual(['Ideas', 'Organization', 'Voice', 'Word Choice', 'Sentence Fluency', 'Conventions', 'Presentation']);
    for (const t of LIBRARY_TRAITS) expect(DEFAULT_GOALS.filter((g) => g.trait === t).length).toBeGreaterThanOrEqual(2);
    for (const g of DEFAULT_GOALS) expect(g.strategies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(DEFAULT_GOALS.map((g) => g.id)).size).toBe(DEFAULT_GOALS.length);
    const own = { id: 'mine', trait: 'Ideas', text: 'I can narrow my topic', strategies: ['Web it'], prompts: [], order: 0 };
    expect(libraryByTrait([own]).get('Ideas')!.at(-1)).toBe(own);
    expect(splitLines(' a \n\n b ')).toEqual(['a', 'b']);
    expect(goalProblem({ trait: 'Ideas', text: 'x', strategies: [] })).toMatch(/at least one teaching strategy/);
  });

  it('adds a teacher\'s own goal, refusing one without a strategy', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/growth/goals?trait=Voice']}>
        <Routes>
          <Route path="/growth/goals" element={<GoalLibraryScreen />} />
        </Routes>
      </MemoryRouter>,
    );
    await user.type(await screen.findByRole('textbox', { name: 'Goal' }), 'I can use dialogue to show feelings');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Add at least one teaching strategy, one per line.');
    expect(await db.goalLibrary.count()).toBe(0);
    await user.type(screen.getByRole('textbox', { name: 'Teaching strategies, one per line' }), 'Act it out{Enter}Write what they said');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(await screen.findByRole('heading', { name: 'I can use dialogue to show feelings' })).toBeInTheDocument();
    expect((await db.goalLibrary.toArray())[0]).toMatchObject({ trait: 'Voice', strategies: ['Act it out', 'Write what they said'] });
  });

  it('picks a conference\'s teaching point from the library: the goal card shows the goal and its strategy', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    const id = await startConference(s.classId, s.ana);
    const conference = (await db.conferences.get(id))!;
    render(
      <>
        <GoalPicker conference={conference} initialTrait="Word Choice" />
        <StudentGoals studentId={s.ana} />
      </>,
    );
    const picker = await screen.findByRole('region', { name: 'Teaching point from the goal library' });
    await user.click(within(picker).getByRole('button', { name: 'Developing' }));
    await user.click(within(picker).getByRole('button', { name: /Set this goal, teach: Circle three verbs/ }));
    const card = await screen.findByRole('region', { name: 'Goals' });
    await waitFor(() => expect(card).toHaveTextContent('I can use strong verbs'));
    expect(card).toHaveTextContent('Word Choice · Strategy: Circle three verbs and find a stronger one for each');
    expect((await db.ratings.toArray())[0]).toMatchObject({ studentId: s.ana, trait: 'Word Choice', level: 2, conferenceId: id });
    expect((await db.goals.toArray())[0]).toMatchObject({ libraryId: 'lib-word-choice-1', conferenceId: id });
  });
});
