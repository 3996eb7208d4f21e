// Conferences in Chromium: a conference logged OFFLINE with starters and a goal, still there on the student's page
// after a reload; axe on the queue, the log, the TAG card and reflections.
import { expect, test } from '@playwright/test';
import { createClassWithStudents, expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';

test('a conference logged offline with starters and a goal shows on the student page after reload', async ({ page, context }) => {
  await createClassWithStudents(page, 'Room 12', ['Ana Lopez', 'Bao Nguyen', 'Cy Diaz']);
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conferences' }).click();
  await expect(page.getByRole('heading', { name: 'Conferences', level: 1 })).toBeVisible();
  await expect(page.getByText('conferred with this week')).toHaveText('0 of 3 conferred with this week');
  await expectNoSeriousAxe(page, 'queue');

  const queue = page.getByRole('list', { name: 'Confer next' });
  await queue.getByRole('link', { name: 'Confer with Ana Lopez' }).click();
  await expect(page.getByRole('heading', { name: 'Conference with Ana Lopez' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause clock' })).toBeVisible();

  // Step 1: an opener and a Tell starter, then the teacher finishes the sentence.
  await page.getByRole('button', { name: 'Tell me about your writing.' }).click();
  await page.getByRole('button', { name: 'I loved the words you chose to describe...' }).click();
  await page.keyboard.type('the storm');
  await expect(page.getByLabel('Step 1: Strengths')).toHaveValue('Tell me about your writing.\nI loved the words you chose to describe the storm');
  // Step 2: an Ask starter.
  await page.getByRole('button', { name: 'Next: Writing trait' }).click();
  await page.getByRole('button', { name: 'Then what happened next?' }).click();
  // Step 3: a Give starter.
  await page.getByRole('button', { name: 'Next: Next step' }).click();
  await page.getByRole('button', { name: 'I think you should add that detail about...' }).click();
  await page.keyboard.type('the thunder');
  await page.getByLabel('New goal').fill('Use paragraphs');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.getByLabel('Current goal')).toHaveValue('Use paragraphs');
  await page.getByRole('group', { name: 'How is the student doing with this goal?' }).getByRole('button', { name: 'starting to' }).click();
  await expect(page.getByText('Recorded "starting to".')).toBeVisible();
  await expectNoSeriousAxe(page, 'log');

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('conferred with this week')).toHaveText('1 of 3 conferred with this week');
  await expect(queue.getByRole('listitem').last()).toContainText('Ana Lopez');
  await expect(queue.getByRole('listitem').last()).toContainText('last conference today');

  // Still offline: reload, then the student's page shows the conference and the goal.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Conferences', level: 1 })).toBeVisible();
  await page.getByRole('list', { name: 'Confer next' }).getByRole('link', { name: "Ana Lopez's page" }).click();
  await expect(page.getByRole('heading', { name: 'Ana Lopez', level: 1 })).toBeVisible();
  await expect(page.getByText(/I loved the words you chose to describe the storm/)).toBeVisible();
  await expect(page.getByText(/I think you should add that detail about the thunder/)).toBeVisible();
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals.getByText('Use paragraphs', { exact: true })).toBeVisible();
  await expect(goals.getByRole('list', { name: 'Self-evaluations for Use paragraphs' })).toContainText('starting to');
  // The timeline's entry leads back to the conference's log.
  await page.getByRole('list', { name: 'Timeline' }).getByRole('link', { name: 'Open conference' }).click();
  await expect(page.getByRole('heading', { name: 'Conference with Ana Lopez', level: 1 })).toBeVisible();
  await context.setOffline(false);
});

test('the TAG card and reflections pass axe; a reflection is kept for the day', async ({ page }) => {
  await createClassWithStudents(page, 'Room 12', ['Ana Lopez']);
  await page.goto('/conferences/tag-card');
  const card = page.getByRole('dialog', { name: 'TAG your partner' });
  await expect(card.getByRole('heading', { name: 'Ask' })).toBeVisible();
  await expect(card.getByRole('list', { name: 'Give examples' })).toContainText('I think you should add that detail about');
  await expectNoSeriousAxe(page, 'TAG card');
  await card.getByRole('link', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Reflections' }).click();
  await page.getByLabel('What was hard or frustrating for students?').fill('Ending the story');
  await page.getByLabel('What went well?').fill('Partners used TAG');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByLabel('What went well?')).toHaveValue('Partners used TAG');
  await expectNoSeriousAxe(page, 'reflections');
});
