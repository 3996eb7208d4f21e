// Shared set-up for the clipboard's end-to-end tests: a class, its students and a piece, all made through the UI.
import { expect, type Locator, type Page } from '@playwright/test';

/** Two objectives of the narrative checklist that classWithPiece starts from. */
export const LEAD = 'Writes a lead that hooks the reader';
export const ORDER = 'Tells events in order';

/** A checklist cell, found by its student and objective (its name ends with the cell's state). */
export const cell = (page: Page, student: string, objective: string): Locator => page.getByRole('button', { name: new RegExp(`^${student}, ${objective}: `) });

export type CellState = 'needs support' | 'secure' | 'not marked';

/** The cell shows `state`, as a screen reader would announce it. */
export async function expectCell(page: Page, student: string, objective: string, state: CellState): Promise<void> {
  await expect(cell(page, student, objective)).toHaveAccessibleName(`${student}, ${objective}: ${state}`);
}

/** One tap on a cell, then the state it should show. */
export async function tapCell(page: Page, student: string, objective: string, then: CellState): Promise<void> {
  await cell(page, student, objective).click();
  await expectCell(page, student, objective, then);
}

export async function classWithPiece(page: Page, names = 'Ana Lopez\nNguyen, Bao\nCara Diaz', keepObjectives?: number): Promise<void> {
  await page.goto('/');
  await page.getByLabel('New class name').fill('Room 12');
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Paste student names, one per line').fill(names);
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await page.getByRole('link', { name: 'New piece' }).click();
  await page.getByLabel('Title').fill('Small moment story');
  await page.getByRole('button', { name: 'Create piece' }).click();
  await expect(page.getByRole('heading', { name: 'Piece: Small moment story' })).toBeVisible();
  if (keepObjectives !== undefined) {
    const removes = page.getByRole('list', { name: 'Objectives' }).getByRole('button', { name: /^Remove / });
    while ((await removes.count()) > keepObjectives) {
      const n = await removes.count();
      await removes.last().click();
      await expect(removes).toHaveCount(n - 1);
    }
  }
  await page.getByRole('link', { name: 'Back to checklist' }).click();
  await expect(page.getByRole('region', { name: 'Checklist' })).toBeVisible();
}
