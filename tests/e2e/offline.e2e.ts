// Offline first: after one visit the app starts with no network at all, with the teacher's data intact,
// and it never asks any other origin for anything.
import { expect, test } from '@playwright/test';
import { createClassWithStudents, waitForOfflineReady } from './helpers/app';

test('after one visit the app works with the network cut, and the data is there after a reload', async ({ page, context, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  await page.goto('/');
  await waitForOfflineReady(page);
  await createClassWithStudents(page, 'Room 12', ['Ana Lopez', 'Bao Nguyen']);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('link', { name: 'Roster' }).click();
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('listitem')).toContainText(['Ana Lopez', 'Bao Nguyen']);

  // Still works offline: add a student, reload, it is there.
  await page.getByLabel('Paste student names, one per line').fill('Carmen Díaz');
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByText('Added 1 student.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('listitem')).toContainText(['Ana Lopez', 'Bao Nguyen', 'Carmen Díaz']);

  // A deep link opens offline too (the service worker serves the app shell for any route).
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(foreign).toEqual([]);
});

test('the app is installable: a manifest with icons, all precached', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'Circulate', display: 'standalone', start_url: '/' });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  await waitForOfflineReady(page);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  for (const icon of manifest.icons) expect(cached).toContain(icon.src);
  expect(cached.some((u) => u.endsWith('.js'))).toBe(true);
});
