// Shared e2e steps: wait for the service worker to control the page, make a class with students through the UI,
// drag with a finger, and check a screen with axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Resolves once the page is controlled by the service worker, so cutting the network afterwards is a real test. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

/** `origin` is for tests that run their own server; others use the configured base URL. */
export async function createClassWithStudents(page: Page, className: string, names: string[], origin = ''): Promise<void> {
  await page.goto(`${origin}/roster`);
  await page.getByLabel('New class name').fill(className);
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Paste student names, one per line').fill(names.join('\n'));
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Added \d+ student/ })).toBeVisible();
}

/** The middle of an element, scrolled to the middle of the screen, in page coordinates. */
export async function centre(l: Locator): Promise<{ x: number; y: number }> {
  // To the middle of the screen, clear of anything pinned to its edges (a toast, the keyboard).
  await l.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const box = await l.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A finger drag: press, hold (past a touch sensor's delay), move in small steps, lift. Real touch events via CDP. */
export async function touchDrag(page: Page, from: Locator, to: Locator, holdMs = 400): Promise<void> {
  // Both points are read after the last scroll, so the finger lands where the element is now.
  await centre(to);
  const a = await centre(from);
  const box = await to.boundingBox();
  if (!box) throw new Error('not visible');
  const b = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: a.x, y: a.y }] });
  await page.waitForTimeout(holdMs);
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: a.x + ((b.x - a.x) * i) / steps, y: a.y + ((b.y - a.y) * i) / steps }] });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** No serious or critical axe violation on the screen as it is; `what` names the screen in the failure. */
export async function expectNoSeriousAxe(page: Page, what = ''): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what ? `${what}: ` : ''}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
