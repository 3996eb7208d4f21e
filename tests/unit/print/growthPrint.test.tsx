// The growth prints with real data through the write path: a writer's one-page growth report (charts per trait,
// latest level, goal and strategy, conference points, nothing of another writer) and goal cards four to a page.
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { create } from '../../../src/db/write';
import { clip, GROWTH_PAGE_LIMITS } from '../../../src/domain/growthPrint';
import { setGoal, startConference } from '../../../src/features/conferences/conferenceActions';
import { rateTrait } from '../../../src/features/growth/growthActions';
import PrintArea from '../../../src/features/print/PrintArea';
import { useSession } from '../../../src/session/sessionStore';
import { seedClass } from '../clipboard/fixtures';

const DAY = 86_400_000;

async function seed() {
  const s = await seedClass();
  useSession.getState().setCurrentClass(s.classId);
  const now = Date.now();
  await create('marks', { classId: s.classId, pieceId: s.pieceId, studentId: s.ana, objectiveId: s.details, value: 'x', at: now - 60 * DAY });
  await rateTrait({ classId: s.classId, studentId: s.ana, trait: 'Ideas', level: 3 }, now - DAY);
  await rateTrait({ classId: s.classId, studentId: s.bao, trait: 'Voice', level: 1 }, now - DAY);
  const conf = await startConference(s.classId, s.ana, now - DAY);
  await setGoal({ id: conf, classId: s.classId, studentId: s.ana }, 'I can use strong verbs', now - DAY, { trait: 'Word Choice', libraryId: 'lib-word-choice-1', strategy: 'Circle three verbs' });
  return s;
}

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/print/*" element={<PrintArea />} />
      </Routes>
    </MemoryRouter>,
  );

describe('growth prints', { timeout: 30_000 }, () => {
  it("prints one writer's growth page with every trait's level and the goal, naming no one else", async () => {
    const s = await seed();
    renderAt(`/print/growth/${s.ana}`);
    const page = await screen.findByRole('article', { name: 'Growth report for Ana Lopez' });
    expect(within(page).getByRole('heading', { name: 'Ideas: Secure' })).toBeInTheDocument();
    expect(within(page).getByText('up in the last four weeks')).toBeInTheDocument();
    expect(within(page).getByRole('img', { name: /Ideas: 2 pieces of evidence, latest Secure/ })).toBeInTheDocument();
    expect(page).toHaveTextContent('I can use strong verbs (Word Choice) Strategy: Circle three verbs.');
    expect(page).not.toHaveTextContent('Bao');
    expect(screen.getByRole('status')).toHaveTextContent('One page for Ana Lopez.');
    expect(screen.getByRole('combobox', { name: 'Student' })).toHaveValue(s.ana);
  });

  it('prints goal cards for the students with a goal, with the strategy and a prompt from the library', async () => {
    await seed();
    renderAt('/print/goals');
    const card = await screen.findByRole('article', { name: 'Goal card for Ana Lopez' });
    expect(card).toHaveTextContent('My writing goal · Word Choice');
    expect(card).toHaveTextContent('Try this');
    expect(within(card).getByText('Circle three verbs')).toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'Ask yourself' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Goal card for Bao Nguyen' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('1 card on 1 page, four to a page.');
  });

  it('clips long words at a word boundary so the page cannot spill', () => {
    const long = 'word '.repeat(100);
    const out = clip(long, GROWTH_PAGE_LIMITS.text);
    expect(out.length).toBeLessThanOrEqual(GROWTH_PAGE_LIMITS.text);
    expect(out.endsWith('word…')).toBe(true);
    expect(clip('  short  text ', 40)).toBe('short text');
  });
});
