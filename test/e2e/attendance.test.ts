/**
 * The cell-health loop in a browser: the secretary schedules a general meeting earlier today, records
 * the roll with the keyboard and saves it; the district official's health dashboard for this month then
 * counts one more cell meeting the monthly general-meeting standard, its rows list that cell, and the
 * rows download as CSV.
 * CELLWORK_E2E_BASE_URL: use a running server (written to). CELLWORK_E2E_SCREENSHOTS=<dir>: screenshots.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

const STANDARD = 'general-meeting-monthly';

const pad = (n: number) => String(n).padStart(2, '0');
/** The browser runs in UTC like the test server, so local inputs, the server's days and months agree. */
const localInput = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const periodOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;

/** Earlier today, but never in the previous month (just after midnight on the 1st, a minute ago). */
function meetingTime(now: Date): Date {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const start =
    periodOf(hourAgo) === periodOf(now) && hourAgo.getUTCDate() === now.getUTCDate() ? hourAgo : new Date(now.getTime() - 60_000);
  start.setUTCSeconds(0, 0);
  return start;
}

/** The cell's own figure for the standard this month: 1 when it meets it, else 0. */
async function cellFigure(page: Page, cellId: number, period: string): Promise<number> {
  const c = await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${cellId}/compliance?period=${period}`)).json();
  return c.standards.find((x: { code: string }) => x.code === STANDARD).cellsMeeting;
}

/**
 * When the demo's history already gives the cell a general meeting this month, those meetings are
 * recorded as not held (as the secretary, through the API), so the test starts from a cell that does
 * not meet the standard and the dashboard must visibly change.
 */
async function makeCellFail(page: Page, cellId: number, period: string): Promise<void> {
  if ((await cellFigure(page, cellId, period)) === 0) return;
  const { csrfToken } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
  const list = await (await page.request.get(`${e2e.baseUrl}/api/v1/cells/${cellId}/meetings?from=${period}-01&limit=500`)).json();
  for (const m of list.items.filter((x: { kind: string; status: string }) => x.kind === 'general' && x.status === 'held')) {
    const res = await page.request.post(`${e2e.baseUrl}/api/v1/meetings/${m.id}/not-held`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { reason: 'reset by the browser test' },
    });
    expect(res.status()).toBe(200);
  }
  expect(await cellFigure(page, cellId, period)).toBe(0);
}

describe('recording attendance moves the committee dashboard', () => {
  it('secretary records a general meeting with the keyboard; the district sees the cell meeting the standard', async () => {
    const options = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
    const secretaryContext = await e2e.browser.newContext(options);
    const districtContext = await e2e.browser.newContext(options);
    const page = await secretaryContext.newPage();
    const official = await districtContext.newPage();
    try {
      const now = new Date();
      const period = periodOf(now);

      // The secretary's cell, made not to meet the standard yet this month.
      await signIn(page, e2e.baseUrl, 'secretary@demo');
      const cellLink = page.getByTestId('cell-link').first();
      const cellName = (await cellLink.textContent())?.trim() ?? '';
      await cellLink.click();
      await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(cellName);
      const cellId = Number(/\/units\/(\d+)/.exec(page.url())![1]);
      await makeCellFail(page, cellId, period);

      // The district official's figure before.
      await signIn(official, e2e.baseUrl, 'district@demo');
      const districtLink = official.getByTestId('root-link').first();
      const districtName = (await districtLink.textContent())?.trim() ?? '';
      await districtLink.click();
      await expect.poll(() => official.getByTestId('unit-title').textContent()).toBe(districtName);
      // The dashboard opens on the last complete month; the month in progress is one click away. While
      // it loads (held back here), the last month's figures stay on screen dimmed and marked busy.
      await official.getByTestId('health-headline').waitFor();
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const thisMonth = `**/api/v1/units/*/compliance?period=${period}*`;
      await official.route(thisMonth, async (route) => {
        await held;
        await route.continue();
      });
      await official.getByTestId('month-in-progress').click();
      await official.locator('[data-stale][aria-busy="true"] [data-testid="health-headline"]').waitFor();
      expect(await official.getByTestId('health-headline').getAttribute('data-period')).not.toMatch(new RegExp(`^${period}`));
      release(); // the route stays: later requests pass straight through
      await official.getByTestId('month-so-far').waitFor();
      await official.locator('[data-stale]').waitFor({ state: 'detached' });
      // The month's own figures, not the last complete month's kept on screen while this one loads.
      const figure = official.locator(
        `[data-testid="health-headline"][data-period^="${period}"] [data-testid="standard-figure"][data-standard="${STANDARD}"]`,
      );
      await figure.waitFor();
      const before = Number(await figure.getAttribute('data-meeting'));
      const total = Number(await figure.getAttribute('data-total'));
      expect(before).toBeLessThan(total);

      // The secretary schedules a general meeting earlier today.
      await page.reload();
      await page.getByTestId('tab-meetings').click();
      await page.getByTestId('schedule-meeting').click();
      expect(await page.getByTestId('meeting-kind').inputValue()).toBe('General membership meeting');
      await page.getByTestId('meeting-starts-at').fill(localInput(meetingTime(now)));
      await page.getByTestId('meeting-title-input').fill('E2E monthly meeting');
      await page.getByTestId('create-meeting').click();
      await page.waitForURL(/\/meetings\/\d+$/);
      const meetingId = Number(/\/meetings\/(\d+)$/.exec(page.url())![1]);

      // The whole roll, present by default; the keyboard alone changes statuses and moves between rows.
      const rows = page.getByTestId('roll-row');
      await rows.first().waitFor();
      const rollSize = await rows.count();
      expect(rollSize).toBeGreaterThan(2);
      expect(await page.locator('[data-testid="roll-row"][data-status="present"]').count()).toBe(rollSize);
      const quorum = page.getByTestId('quorum');
      expect(await quorum.getAttribute('data-present')).toBe(String(rollSize));
      await page.getByTestId('keyboard-help').waitFor();

      await rows.nth(0).focus();
      await page.keyboard.press('a'); // absent
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('e'); // excused, with a reason typed in the field that appears
      await page.keyboard.press('Tab');
      await page.keyboard.type('on night shift');
      await page.keyboard.press('Tab'); // on to the next row
      await page.keyboard.press('ArrowRight'); // present -> excused, and back
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => rows.nth(0).getAttribute('data-status')).toBe('absent');
      expect([await rows.nth(1).getAttribute('data-status'), await rows.nth(2).getAttribute('data-status')]).toEqual([
        'excused',
        'present',
      ]);
      expect(await rows.nth(0).getByTestId('status-absent').getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => quorum.getAttribute('data-present')).toBe(String(rollSize - 2));
      await shot(page, 'attendance-entry');

      await page.keyboard.press('Control+Enter'); // save from the keyboard
      await page.getByTestId('attendance-saved').waitFor();
      await shot(page, 'attendance-saved');

      const saved = await (await page.request.get(`${e2e.baseUrl}/api/v1/meetings/${meetingId}`)).json();
      expect(saved.status).toBe('held');
      const byStatus = (s: string) => saved.roll.filter((r: { status: string }) => r.status === s).length;
      expect([byStatus('present'), byStatus('excused'), byStatus('absent')]).toEqual([rollSize - 2, 1, 1]);
      expect(saved.roll[1].reason).toBe('on night shift');

      // Back on the cell's meeting list, the meeting is there and held.
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=meetings`);
      await page.locator(`[data-testid="meeting-row"][data-meeting-id="${meetingId}"][data-status="held"]`).waitFor();

      // The district official's dashboard for this month counts the cell now.
      await official.reload();
      await official.getByTestId('heat-grid').waitFor();
      await expect.poll(() => figure.getAttribute('data-meeting')).toBe(String(before + 1));
      expect((await figure.textContent())?.replace(/,/g, '')).toBe(`${before + 1} / ${total}`);
      await shot(official, 'district-health');

      await figure.click();
      await official.waitForURL(/\/compliance\/general-meeting-monthly\?/);
      const query = new URL(official.url()).searchParams;
      expect([query.get('meets'), query.get('period')]).toEqual(['true', period]);
      await official.getByTestId('compliance-row').first().waitFor();
      const listed = official.locator(`[data-testid="compliance-row"][data-cell-id="${cellId}"]`);
      const more = official.getByRole('button', { name: 'Load more' });
      while ((await listed.count()) === 0 && (await more.count()) > 0) {
        const shown = await official.getByTestId('compliance-row').count();
        await more.click();
        await expect.poll(() => official.getByTestId('compliance-row').count()).toBeGreaterThan(shown);
      }
      expect(await listed.getAttribute('data-meets')).toBe('true');
      expect((await listed.getByRole('link').textContent())?.trim()).toBe(cellName);
      expect(await official.locator('[data-testid="compliance-row"][data-meets="false"]').count()).toBe(0);
      await shot(official, 'district-rows');

      // The same rows as a file: every cell meeting the standard, this one included.
      const [download] = await Promise.all([official.waitForEvent('download'), official.getByTestId('download-csv').click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-general-meeting-monthly-${period}\\.csv$`));
      const csv = fs.readFileSync(await download.path(), 'utf8');
      expect(csv).toContain(cellName);
      expect(csv.split('\n')[0]).toContain('cellId,cellName,cellCode,standard,meets,held,required');
      expect(csv).not.toMatch(/,no,/);
    } finally {
      await Promise.all([secretaryContext.close(), districtContext.close()]);
    }
  }, 180_000);
});
