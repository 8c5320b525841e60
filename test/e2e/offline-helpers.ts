/** What the offline browser tests share: times, the secretary's cell, the dashboard's count, the outbox as stored. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const pad = (n: number) => String(n).padStart(2, '0');
export const localInput = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
export const periodOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;

/** Earlier today, never in the previous month. */
export function meetingTime(now: Date): Date {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const start =
    periodOf(hourAgo) === periodOf(now) && hourAgo.getUTCDate() === now.getUTCDate() ? hourAgo : new Date(now.getTime() - 60_000);
  start.setUTCSeconds(0, 0);
  return start;
}

export async function secretaryCell(page: Page): Promise<number> {
  const card = page.getByTestId('home-cell').first();
  await card.waitFor();
  return Number(await card.getAttribute('data-cell-id'));
}

/** The cell dashboard's held meetings with this title this month (what the cell's figures count). */
export async function heldWithTitle(page: Page, baseUrl: string, cellId: number, title: string, period: string) {
  const res = await page.request.get(`${baseUrl}/api/v1/cells/${cellId}/dashboard?period=${period}`);
  expect(res.status()).toBe(200);
  const dash = (await res.json()) as { recentMeetings: { id: number; title: string | null; status: string; present: number }[] };
  return dash.recentMeetings.filter((m) => m.title === title && m.status === 'held');
}

/** The outbox as IndexedDB holds it, read without the app's code. */
export function readOutbox(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('cellwork-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Controlled from the next load on (and at once with clientsClaim); a reload makes sure.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
