// The conference log: three steps, one-tap starters saved at once, typing saved as typed, goals and self-evaluations.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../../src/db/db';
import { repo, setAuthor, update } from '../../../src/db/write';
import { startConference } from '../../../src/features/conferences/conferenceActions';
import { makeClass, renderAt } from './helpers';

async function openLog() {
  const { classId, ids } = await makeClass(['Ana Lopez', 'Bao Nguyen']);
  const id = await startConference(classId, ids[0]!);
  renderAt(`/conferences/${id}`);
  // The first render also loads the area's modules: slow on a busy machine.
  await screen.findByRole('heading', { name: 'Conference with Ana Lopez' }, { timeout: 15_000 });
  return { classId, ids, id };
}

const row = (id: string) => db.conferences.get(id);

describe('conference log', { timeout: 30_000 }, () => {
  it('walks the three steps, each with its own starters', async () => {
    const user = userEvent.setup();
    await openLog();
    expect(screen.getByLabelText('Step 1: Strengths')).toBeVisible();
    expect(await screen.findByRole('group', { name: 'Openers starters' })).toBeVisible();
    expect(screen.getByRole('group', { name: 'Tell starters' })).toBeVisible();
    // The other groups wait, closed, behind "More starters".
    expect(screen.getByRole('group', { name: 'Give starters' })).not.toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Next: Writing trait' }));
    expect(screen.getByLabelText('Step 2: Writing trait')).toBeVisible();
    expect(screen.getByLabelText('Step 1: Strengths')).not.toBeVisible();
    expect(screen.getByRole('group', { name: 'Ask starters' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Next: Next step' }));
    expect(screen.getByLabelText('Step 3: Next step')).toBeVisible();
    expect(screen.getByRole('group', { name: 'Give starters' })).toBeVisible();
    expect(screen.getByRole('group', { name: 'Openers starters' })).not.toBeVisible();
    expect(screen.queryByRole('button', { name: /^Next:/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: '1. Strengths' }));
    expect(screen.getByLabelText('Step 1: Strengths')).toBeVisible();
  });

  it('a tapped starter goes into the current step and is saved at once; typing after it is saved too', async () => {
    const user = userEvent.setup();
    const { id } = await openLog();
    await user.click(await screen.findByRole('button', { name: 'Tell me about your writing.' }));
    const strengths = screen.getByLabelText('Step 1: Strengths');
    expect(strengths).toHaveValue('Tell me about your writing.');
    await waitFor(async () => expect((await row(id))?.strengths).toBe('Tell me about your writing.'));

    await user.click(screen.getByRole('button', { name: 'I loved the words you chose to describe...' }));
    expect(strengths).toHaveValue('Tell me about your writing.\nI loved the words you chose to describe ');
    expect(strengths).toHaveFocus();
    await user.keyboard('the storm');
    await waitFor(async () => expect((await row(id))?.strengths).toBe('Tell me about your writing.\nI loved the words you chose to describe the storm'));

    await user.click(screen.getByRole('button', { name: 'Next: Writing trait' }));
    await user.click(screen.getByRole('button', { name: 'Then what happened next?' }));
    await waitFor(async () => expect((await row(id))?.trait).toBe('Then what happened next?'));
    expect((await row(id))?.strengths).toContain('the storm');
    expect((await row(id))?.nextStep).toBe('');
  });

  it('saves typed text without any save button, and keeps a draft until it lands', async () => {
    const user = userEvent.setup();
    const { id } = await openLog();
    await user.click(screen.getByRole('button', { name: 'Next: Writing trait' }));
    await user.type(screen.getByLabelText('Step 2: Writing trait'), 'Uses dialogue to show feelings');
    expect(Object.keys(localStorage).some((k) => k.startsWith('circulate.draft.conferences.'))).toBe(true);
    await waitFor(async () => expect((await row(id))?.trait).toBe('Uses dialogue to show feelings'));
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
  });

  it('shows an edit made on another device when the field is not being edited', async () => {
    const { id } = await openLog();
    await update('conferences', id, { nextStep: 'Add a closing line' });
    await userEvent.setup().click(screen.getByRole('button', { name: '3. Next step' }));
    expect(await screen.findByDisplayValue('Add a closing line')).toBeVisible();
  });

  it('names another teacher who wrote a step', async () => {
    const { classId, ids } = await makeClass(['Ana Lopez']);
    await setAuthor('Ms. Ortiz');
    const id = await startConference(classId, ids[0]!);
    await update('conferences', id, { strengths: 'Strong lead' });
    await setAuthor('Mr. Lee');
    renderAt(`/conferences/${id}`);
    expect(await screen.findByText('Written by Ms. Ortiz')).toBeVisible();
    expect(screen.getByText(/started by Ms\. Ortiz/)).toBeVisible();
    expect(repo.session.author).toBe('Mr. Lee');
  });

  it('records a peer TAG conference with its partner', async () => {
    const user = userEvent.setup();
    const { id, ids } = await openLog();
    await user.click(screen.getByRole('radio', { name: 'Peer TAG conference (overheard)' }));
    await user.selectOptions(await screen.findByLabelText('Partner'), 'Bao Nguyen');
    await waitFor(async () => expect(await row(id)).toMatchObject({ kind: 'peer', partnerId: ids[1] }));
    await user.click(screen.getByRole('radio', { name: 'Teacher and student' }));
    await waitFor(async () => expect(await row(id)).toMatchObject({ kind: 'teacher', partnerId: null }));
  });

  it('sets a goal that replaces the current one, and records self-evaluations', async () => {
    const user = userEvent.setup();
    const { id, ids } = await openLog();
    await user.click(await screen.findByRole('button', { name: 'Set goal' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type the goal, then set it.');
    expect(await db.goals.count()).toBe(0);

    await user.type(screen.getByLabelText('New goal'), 'Use paragraphs');
    await user.click(screen.getByRole('button', { name: 'Set goal' }));
    expect(await screen.findByLabelText('Current goal')).toHaveValue('Use paragraphs');
    await user.type(screen.getByLabelText('New goal (replaces the current one)'), 'Add dialogue');
    await user.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(screen.getByLabelText('Current goal')).toHaveValue('Add dialogue'));

    const goals = (await db.goals.where('studentId').equals(ids[0]!).toArray()).sort((a, b) => a.text.localeCompare(b.text));
    expect(goals.map((g) => [g.text, g.closedAt === null])).toEqual([
      ['Add dialogue', true],
      ['Use paragraphs', false],
    ]);
    expect((await row(id))?.goalId).toBe(goals[0]!.id);

    const group = screen.getByRole('group', { name: 'How is the student doing with this goal?' });
    await user.click(within(group).getByRole('button', { name: 'starting to' }));
    expect(await screen.findByText('Recorded "starting to".')).toBeVisible();
    const checks = await db.goalChecks.toArray();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ goalId: goals[0]!.id, studentId: ids[0], value: 'starting' });
  });

  it('lists open needs and makes one the focus', async () => {
    const user = userEvent.setup();
    const { classId, ids } = await makeClass(['Ana Lopez']);
    const pieceId = await import('../../../src/db/write').then((w) =>
      w.create('pieces', { classId, title: 'Small moment', genre: 'narrative', startDate: '2025-11-01', lensObjectiveId: null, archived: false }),
    );
    const { create } = await import('../../../src/db/write');
    const o1 = await create('objectives', { classId, pieceId, text: 'Uses paragraphs', trait: 'Organization', order: 0 });
    const o2 = await create('objectives', { classId, pieceId, text: 'Capital letters', trait: 'Conventions', order: 1 });
    const mark = (objectiveId: string, value: 'x' | 'check', at: number) => create('marks', { classId, pieceId, studentId: ids[0]!, objectiveId, value, at });
    await mark(o1, 'x', 1);
    await mark(o2, 'x', 2);
    await mark(o2, 'check', 3);
    const id = await startConference(classId, ids[0]!);
    expect((await row(id))?.pieceId).toBe(pieceId);
    renderAt(`/conferences/${id}`);
    const needs = await screen.findByRole('list', { name: 'Open needs' });
    expect(within(needs).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Uses paragraphsFocus on this']);
    await user.click(within(needs).getByRole('button', { name: 'Focus on Uses paragraphs' }));
    await waitFor(async () => expect((await row(id))?.objectiveId).toBe(o1));
    expect(await within(needs).findByText('In focus')).toBeVisible();
    expect(screen.getByLabelText('Objective')).toHaveValue(o1);
  });
});
