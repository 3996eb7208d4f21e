// Guided-writing groups in Chromium, offline after the first load: X marks on the checklist become suggested groups,
// a student is dragged to another group with a finger (real touch events), a group is run and its session recorded,
// and the builder, table and projection screens pass axe.
import { expect, test, type Page } from '@playwright/test';
import { centre, expectNoSeriousAxe, touchDrag, waitForOfflineReady } from './helpers/app';
import { cell, classWithPiece, expectCell, LEAD, ORDER } from './helpers/clipboard';

const NAMES = ['Ana Lopez', 'Bao Nguyen', 'Cara Diaz', 'Dev Shah', 'Eva Moss', 'Finn Cole', 'Gia Park'];

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const members = (page: Page, group: string) => column(page, group).getByRole('list', { name: `Members of ${group}` });

test('marks on the grid become groups; a finger drag moves a student; a session is run and recorded, all offline', async ({ page, context }) => {
  await classWithPiece(page, NAMES.join('\n'));
  await waitForOfflineReady(page);
  await context.setOffline(true);

  // Three students need support with the lead, three with order; Gia has no need.
  for (const s of ['Ana Lopez', 'Bao Nguyen', 'Cara Diaz']) await cell(page, s, LEAD).click();
  for (const s of ['Dev Shah', 'Eva Moss', 'Finn Cole']) await cell(page, s, ORDER).click();
  await expectCell(page, 'Finn Cole', ORDER, 'needs support');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Suggest groups' }).click();
  await expect(page.locator('.groups-status')).toHaveText('Groups suggested: 2 groups, 6 students placed.');
  await expect(members(page, 'Maple').getByRole('button', { name: /^(Ana Lopez|Bao Nguyen|Cara Diaz)$/ })).toHaveCount(3);
  await expect(column(page, 'Maple')).toContainText(LEAD);
  await expect(members(page, 'Cedar').getByRole('button', { name: /^(Dev Shah|Eva Moss|Finn Cole)$/ })).toHaveCount(3);
  await expect(column(page, 'Independent writing').getByRole('button', { name: 'Gia Park', exact: true })).toBeVisible();

  // Finn is dragged by finger from Cedar to Maple.
  await touchDrag(page, members(page, 'Cedar').getByRole('button', { name: 'Finn Cole', exact: true }), column(page, 'Maple'));
  await expect(members(page, 'Maple').getByRole('button', { name: 'Finn Cole', exact: true })).toBeVisible();
  await expect(members(page, 'Cedar').getByRole('button', { name: 'Finn Cole', exact: true })).toHaveCount(0);
  await expect(page.locator('.groups-status')).toHaveText('Finn Cole moved to Maple.');

  // And Gia by tap-to-move, no dragging.
  await column(page, 'Independent writing').getByRole('button', { name: 'Gia Park', exact: true }).click();
  await column(page, 'Cedar').getByRole('button', { name: 'Move Gia Park here' }).click();
  await expect(members(page, 'Cedar').getByRole('button', { name: 'Gia Park', exact: true })).toBeVisible();
  await expectNoSeriousAxe(page);

  // The class sees names and members only.
  await page.getByRole('link', { name: 'Show to class' }).click();
  await expect(page.getByRole('heading', { name: 'Our groups today' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Maple' }).getByRole('listitem')).toHaveText(['Ana', 'Bao', 'Cara', 'Finn']);
  await expect(page.getByRole('list', { name: 'Cedar' }).getByRole('listitem')).toHaveText(['Dev', 'Eva', 'Gia']);
  await expect(page.locator('main')).not.toContainText(LEAD);
  await expect(page.locator('main')).not.toContainText(ORDER);
  await expect(page.locator('main')).not.toContainText('Needs group');
  await expectNoSeriousAxe(page);

  // Run Maple at the table.
  await page.getByRole('link', { name: 'Back to builder' }).click();
  await page.getByRole('link', { name: 'Run Maple' }).click();
  await expect(page.getByRole('heading', { name: 'Maple', level: 1 })).toBeVisible();
  await expect(page.getByText(`Focus: ${LEAD}`)).toBeVisible();
  await page.getByLabel('Teaching point for this group').fill('Start with a sound or a line of dialogue.');
  await page.getByRole('button', { name: 'Start 8 min' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Add note for Ana Lopez' }).click();
  await page.getByLabel('Note for Ana Lopez', { exact: true }).fill('Tried a dialogue lead; keep it');
  await page.getByRole('checkbox', { name: 'Came: Cara Diaz' }).click();
  await expect(page.getByRole('checkbox', { name: 'Came: Cara Diaz' })).not.toBeChecked();
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'Done: record the session' }).click();

  await expect(page.locator('.groups-status')).toHaveText('Maple: session recorded for 3 students; back to independent writing.');
  await expect(column(page, 'Maple')).toHaveCount(0);
  await expect(column(page, 'Independent writing').getByRole('button', { name: 'Ana Lopez', exact: true })).toBeVisible();

  // History: who was pulled and for what.
  await page.getByRole('link', { name: 'History' }).click();
  const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Ana Lopez').getByRole('cell').first()).toHaveText('1');
  await expect(row('Ana Lopez')).toContainText(`${LEAD} (1)`);
  await expect(row('Cara Diaz').getByRole('cell').first()).toHaveText('0');
  await expect(page.getByRole('listitem').filter({ hasText: 'Maple' })).toContainText('Ana Lopez, Bao Nguyen, Finn Cole');

  // The note and the session are on Ana's page, after a reload, still offline.
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await page.getByRole('link', { name: 'Ana Lopez' }).click();
  await expect(page.getByRole('heading', { name: 'Ana Lopez', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Tried a dialogue lead; keep it');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(`Group: Maple (1 min) on ${LEAD}`);
});

test('in landscape a mouse drag moves a student, and the history screen passes axe', async ({ page, context }) => {
  await classWithPiece(page, NAMES.slice(0, 4).join('\n'));
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.setViewportSize({ width: 1180, height: 820 });
  for (const s of ['Ana Lopez', 'Bao Nguyen']) await cell(page, s, ORDER).click();
  await expectCell(page, 'Bao Nguyen', ORDER, 'needs support');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'Suggest groups' }).click();
  await expect(members(page, 'Maple').getByRole('button', { name: /^(Ana Lopez|Bao Nguyen)$/ })).toHaveCount(2);

  const a = await centre(column(page, 'Independent writing').getByRole('button', { name: 'Cara Diaz', exact: true }));
  const b = await centre(column(page, 'Maple'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 15 });
  await page.mouse.up();
  await expect(members(page, 'Maple').getByRole('button', { name: 'Cara Diaz', exact: true })).toBeVisible();
  await expect(page.locator('.groups-status')).toHaveText('Cara Diaz moved to Maple.');

  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'Group history' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Dev Shah/ }).getByRole('cell').first()).toHaveText('0');
  await expectNoSeriousAxe(page);
});
