// First visit: create a class and paste a roster in the built app.
import { expect, test } from '@playwright/test';

test('a teacher creates a class and pastes a roster', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Roster' })).toBeVisible();
  await page.getByLabel('New class name').fill('Room 12');
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Paste student names, one per line').fill('Ana Lopez\nNguyen, Bao\nZoë Ødegård');
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status')).toHaveText('Added 3 students.');
  const list = page.getByRole('list', { name: 'Students' });
  await expect(list.getByRole('listitem')).toContainText(['Ana Lopez', 'Bao Nguyen', 'Zoë Ødegård']);
});
