// Every area, in portrait and landscape: axe finds no serious or critical violation, and every control is a
// touch target of at least 44 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createClassWithStudents } from './helpers/app';

const VIEWPORTS = [
  { name: 'portrait', width: 768, height: 1024 },
  { name: 'landscape', width: 1180, height: 820 },
];

async function areaLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('button, select, [role="button"], nav a, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"])');
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('[hidden], .visually-hidden')) continue;
      if (r.height < 43.5 || r.width < 43.5) out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  });
}

for (const vp of VIEWPORTS) {
  test(`every area is accessible and touch-sized (${vp.name})`, async ({ page }) => {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await createClassWithStudents(page, 'Room 12', ['Ana Lopez', 'Bao Nguyen', 'Carmen Díaz']);
    const links = await areaLinks(page);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const label of links) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
      await expect(page.locator('main h1').first()).toBeVisible();
      expect.soft(await seriousViolations(page), `axe on ${label}`).toEqual([]);
      expect.soft(await smallTargets(page), `touch targets on ${label}`).toEqual([]);
    }
  });
}
