// The queue, starting a conference, the starter library, reflections, the TAG card and the student's goals panel.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../../src/db/db';
import { create, remove } from '../../../src/db/write';
import { SEED_STARTERS } from '../../../src/domain/starters';
import { addSelfEvaluation, ensureStarters, setGoal, setKind, startConference } from '../../../src/features/conferences/conferenceActions';
import { StudentGoals } from '../../../src/features/conferences/StudentGoals';
import { localDate } from '../../../src/domain/conferences';
import { makeClass, renderAt } from './helpers';

const DAY = 86_400_000;

describe('conference screens', { timeout: 30_000 }, () => {
  it('orders the queue by days since the last conference and shows the week coverage and who is left', async () => {
    const { classId, ids } = await makeClass(['Ana Lopez', 'Bao Nguyen', 'Cy Diaz', 'Dee Ray']);
    const [ana, bao, , dee] = ids as [string, string, string, string];
    const now = Date.now();
    await startConference(classId, ana, now);
    await startConference(classId, bao, now - 20 * DAY);
    const peer = await startConference(classId, dee, now);
    await setKind(peer, 'peer');
    renderAt('/conferences');
    const queue = await screen.findByRole('list', { name: 'Confer next' });
    const names = () => within(queue).getAllByRole('listitem').map((li) => li.querySelector('.conf-name')?.textContent);
    await waitFor(() => expect(names()).toEqual(['Cy Diaz', 'Dee Ray', 'Bao Nguyen', 'Ana Lopez']));
    expect(within(queue).getAllByRole('listitem')[2]).toHaveTextContent('last conference 20 days ago');
    expect(screen.getByText(/conferred with this week/).textContent).toBe('1 of 4 conferred with this week');
    const left = screen.getByRole('list', { name: 'Not yet seen this week' });
    expect(within(left).getAllByRole('link').map((a) => a.textContent)).toEqual(['Bao Nguyen', 'Cy Diaz', 'Dee Ray']);
    expect(within(queue).getByRole('link', { name: 'Confer with Cy Diaz' })).toHaveAttribute('href', `/conferences/new/${ids[2]}`);
  });

  it('shows open needs in the queue', async () => {
    const { classId, ids } = await makeClass(['Ana Lopez']);
    const pieceId = await create('pieces', { classId, title: 'Memoir', genre: 'narrative', startDate: '2025-11-01', lensObjectiveId: null, archived: false });
    const o = await create('objectives', { classId, pieceId, text: 'Uses dialogue', trait: 'Voice', order: 0 });
    await create('marks', { classId, pieceId, studentId: ids[0]!, objectiveId: o, value: 'x', at: 5 });
    renderAt('/conferences');
    const queue = await screen.findByRole('list', { name: 'Confer next' });
    expect(await within(queue).findByText('Needs: Uses dialogue')).toBeVisible();
  });

  it('starting a conference from the queue makes one conference and opens its log with the clock running', async () => {
    const user = userEvent.setup();
    const { ids } = await makeClass(['Ana Lopez']);
    renderAt('/conferences');
    const queue = await screen.findByRole('list', { name: 'Confer next' });
    await user.click(within(queue).getByRole('link', { name: 'Confer with Ana Lopez' }));
    expect(await screen.findByRole('heading', { name: 'Conference with Ana Lopez' })).toBeVisible();
    const rows = await db.conferences.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ studentId: ids[0], kind: 'teacher', strengths: '' });
    expect(await screen.findByRole('button', { name: 'Pause clock' })).toBeVisible();
    // Opening the same student again at once (a double tap) returns the same empty conference.
    expect(await startConference(rows[0]!.classId, ids[0]!)).toBe(rows[0]!.id);
  });

  it('seeds the starter library once, with fixed ids, and never brings back a removed seed', async () => {
    expect(await ensureStarters()).toBe(SEED_STARTERS.length);
    expect(await ensureStarters()).toBe(0);
    await remove('starters', 'starter-tell-1');
    expect(await ensureStarters()).toBe(0);
    expect((await db.starters.get('starter-tell-1'))?.deleted).toBe(true);
    expect(await db.starters.count()).toBe(SEED_STARTERS.length);
  });

  it('edits the starter library: add, reorder, remove with undo', async () => {
    const user = userEvent.setup();
    renderAt('/conferences/starters');
    const give = await screen.findByRole('region', { name: 'Give' });
    await waitFor(() => expect(within(give).getAllByRole('listitem')).toHaveLength(2));
    await user.click(within(give).getByRole('button', { name: 'Add' }));
    expect(within(give).getByRole('alert')).toHaveTextContent('Type the starter, then add it.');
    await user.type(within(give).getByLabelText('New Give starter'), 'Could you add a sound?');
    await user.click(within(give).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(within(give).getAllByRole('listitem')).toHaveLength(3));
    const texts = () => within(give).getAllByRole('textbox').slice(0, -1).map((t) => (t as HTMLTextAreaElement).value);
    expect(texts()).toEqual(['I think you should add that detail about...', 'You could try...', 'Could you add a sound?']);
    await user.click(within(give).getByRole('button', { name: 'Move up: Could you add a sound?' }));
    await waitFor(() => expect(texts()).toEqual(['I think you should add that detail about...', 'Could you add a sound?', 'You could try...']));
    await user.click(within(give).getByRole('button', { name: 'Remove: You could try...' }));
    await waitFor(() => expect(texts()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(texts()).toHaveLength(3));
    const edited = within(give).getByLabelText('Give starter 1');
    await user.clear(edited);
    await user.type(edited, 'Add the detail about');
    await waitFor(async () => expect((await db.starters.get('starter-give-1'))?.text).toBe('Add the detail about'));
  });

  it('keeps one reflection per day, saved as typed, and shows earlier days', async () => {
    const user = userEvent.setup();
    const { classId } = await makeClass(['Ana Lopez']);
    await create('reflections', { classId, date: '2025-10-02', hard: 'Paragraphs', wentWell: 'Sharing' }, `reflection-${classId}-2025-10-02`);
    renderAt('/conferences/reflections');
    const hard = await screen.findByLabelText('What was hard or frustrating for students?');
    await user.type(hard, 'Endings');
    await user.type(screen.getByLabelText('What went well?'), 'Partner TAG');
    const id = `reflection-${classId}-${localDate(Date.now())}`;
    await waitFor(async () => expect(await db.reflections.get(id)).toMatchObject({ hard: 'Endings', wentWell: 'Partner TAG' }));
    expect(await db.reflections.count()).toBe(2);
    const earlier = screen.getByRole('region', { name: 'Earlier days' });
    expect(within(earlier).getByText('Paragraphs')).toBeVisible();
    expect(within(earlier).getByText('Sharing')).toBeVisible();
  });

  it('the TAG card teaches Tell, Ask and Give with examples from the library', async () => {
    renderAt('/conferences/tag-card');
    const card = await screen.findByRole('dialog', { name: 'TAG your partner' });
    for (const word of ['Tell', 'Ask', 'Give']) expect(within(card).getByRole('heading', { name: word })).toBeVisible();
    const ask = within(card).getByRole('list', { name: 'Ask examples' });
    await waitFor(() => expect(within(ask).getAllByRole('listitem').map((l) => l.textContent)).toContain('\u201cThen what happened next?\u201d'));
    expect(within(card).getByRole('link', { name: 'Close' })).toHaveAttribute('href', '/conferences');
  });

  it('the goals panel shows each goal with its self-evaluations over time', async () => {
    const { classId, ids } = await makeClass(['Ana Lopez']);
    const conf = await startConference(classId, ids[0]!);
    const c = { id: conf, classId, studentId: ids[0]! };
    const first = await setGoal(c, 'Use paragraphs', 1_000);
    await addSelfEvaluation({ id: first, classId, studentId: ids[0]! }, 'not-yet', 2_000);
    await addSelfEvaluation({ id: first, classId, studentId: ids[0]! }, 'yes', 3_000);
    await setGoal(c, 'Add dialogue', 4_000);
    render(<StudentGoals studentId={ids[0]!} />);
    await screen.findByText('Add dialogue');
    expect(screen.getAllByText(/^(Use paragraphs|Add dialogue)$/).map((e) => e.textContent)).toEqual(['Add dialogue', 'Use paragraphs']);
    const checks = screen.getByRole('list', { name: 'Self-evaluations for Use paragraphs' });
    const [early, late] = within(checks).getAllByRole('listitem');
    expect(early).toHaveTextContent(/not yet$/);
    expect(late).toHaveTextContent(/yes!$/);
    expect(within(checks).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/^current, since/)).toBeVisible();
    expect(screen.getAllByRole('group', { name: 'How is the student doing with this goal?' })).toHaveLength(1);
  });
});
