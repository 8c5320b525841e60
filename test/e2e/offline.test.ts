/**
 * The offline app in a real Chromium (issue 16): the secretary keeps the cell for offline use, the
 * connection goes, a reload opens the app from the service worker, a meeting and its whole roll are
 * recorded by keyboard into the outbox; back online the outbox syncs on its own and the cell's dashboard
 * counts the meeting once. The same operation sent again after a reload (an answer lost on the way)
 * still counts once. Then the paper sheet's fast entry screen, keyboard only. The offline screen passes axe.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousFindings } from './axe.ts';
import {
  heldWithTitle as held,
  localInput,
  meetingTime,
  periodOf,
  readOutbox,
  secretaryCell,
  waitForServiceWorker,
} from './offline-helpers.ts';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const options = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const heldWithTitle = (page: Page, cellId: number, title: string, period: string) => held(page, e2e.baseUrl, cellId, title, period);

/** Puts an operation back into the outbox, as if the device never heard the server's answer to it. */
function putBack(page: Page, op: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cellwork-offline');
        open.onsuccess = () => {
          const { seq: _seq, ...rest } = row;
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').add({ ...rest, state: 'waiting' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    op,
  );
}

describe('the offline app', () => {
  it('records a meeting offline and syncs it once, even when it is sent again', async () => {
    const context: BrowserContext = await e2e.browser.newContext({ ...options, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await signIn(page, e2e.baseUrl, 'secretary@demo');
      const cellId = await secretaryCell(page);
      await waitForServiceWorker(page);

      // Kept for offline use, with what is kept said on screen.
      await page.goto(`${e2e.baseUrl}/units/${cellId}`);
      await page.getByTestId('keep-offline').click();
      const kept = page.getByTestId('offline-kept');
      await kept.waitFor();
      expect(await kept.textContent()).toContain('No contact details are kept');
      await page.getByTestId('offline-status').waitFor();

      const now = new Date();
      const period = periodOf(now);
      const title = `Offline general meeting ${Date.now()}`;
      expect(await heldWithTitle(page, cellId, title, period)).toHaveLength(0);

      // No signal: the reload is answered by the service worker; the offline screens open.
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('offline-cell-link').first().waitFor();
      expect(await page.getByTestId('offline-status').getAttribute('data-online')).toBe('false');
      await page.goto(`${e2e.baseUrl}/offline/${cellId}`);
      await page.getByTestId('offline-record').click();
      await page.getByTestId('offline-starts-at').fill(localInput(meetingTime(now)));
      await page.getByLabel('Title', { exact: true }).fill(title);

      // The whole roll by keyboard: the first member excused with a reason, everyone else present.
      const rows = page.getByTestId('roll-row');
      const size = await rows.count();
      expect(size).toBeGreaterThan(1);
      await rows.first().focus();
      await page.keyboard.press('e');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Night shift');
      await page.keyboard.press('Enter');
      for (let i = 1; i < size; i++) await page.keyboard.press('p');
      expect(await rows.first().getAttribute('data-status')).toBe('excused');
      expect(await rows.last().getAttribute('data-status')).toBe('present');
      expect(await page.getByTestId('roll-counts').textContent()).toBe(`${size - 1} present · 1 excused · 0 absent`);
      await page.getByTestId('offline-save').click();

      const op = page.getByTestId('outbox-op');
      await op.waitFor();
      expect(await op.getAttribute('data-state')).toBe('waiting');
      expect(await op.getAttribute('data-type')).toBe('meeting.record');
      await expect.poll(() => page.getByTestId('offline-status').getAttribute('data-waiting')).toBe('1');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'offline-outbox');
      const sent = await readOutbox(page);
      expect(sent).toHaveLength(1);

      // Back online: the app returns and the outbox syncs on its own.
      await context.setOffline(false);
      await page.getByTestId('sign-out').waitFor();
      await expect.poll(() => page.getByTestId('offline-status').getAttribute('data-waiting'), { timeout: 20_000 }).toBe('0');
      const once = await heldWithTitle(page, cellId, title, period);
      expect(once).toHaveLength(1);
      expect(once[0]!.present).toBe(size - 1);

      // The same operation again after a reload (the first answer lost): the server says duplicate.
      await putBack(page, sent[0]!);
      await page.reload();
      await page.goto(`${e2e.baseUrl}/offline`);
      await page.getByTestId('sync-now').click();
      await expect.poll(async () => (await readOutbox(page)).length, { timeout: 20_000 }).toBe(0);
      expect(await heldWithTitle(page, cellId, title, period)).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('takes a filled paper sheet back by keyboard only', async () => {
    const context = await e2e.browser.newContext(options);
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'secretary@demo');
      const cellId = await secretaryCell(page);
      const { csrfToken } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const created = await page.request.post(`${e2e.baseUrl}/api/v1/cells/${cellId}/meetings`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { kind: 'general', startsAt: meetingTime(new Date()).toISOString(), title: `Paper ${Date.now()}` },
      });
      expect(created.status()).toBe(201);
      const meetingId = (await created.json()).id as number;

      await page.goto(`${e2e.baseUrl}/meetings/${meetingId}`);
      const sheet = await page.getByTestId('print-sheet').getAttribute('href');
      expect(sheet).toBe(`/api/v1/meetings/${meetingId}/attendance-sheet.pdf?lang=en`);
      const pdf = await page.request.get(`${e2e.baseUrl}${sheet}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await page.getByTestId('paper-entry-link').click();
      const rows = page.getByTestId('roll-row');
      await rows.first().waitFor();
      const size = await rows.count();
      const ids = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-person-id'))));
      // Second member absent, the rest present; ArrowUp goes back to check the first; past the last, focus reaches Save.
      await rows.first().focus();
      await page.keyboard.press('p');
      await page.keyboard.press('a');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-person-id'))).toBe(String(ids[0]));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      for (let i = 2; i < size; i++) await page.keyboard.press('p');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('paper-save');
      await page.keyboard.press('Enter');
      await page.getByTestId('paper-saved').waitFor();
      expect(await seriousFindings(page)).toEqual([]);

      const meeting = await (await page.request.get(`${e2e.baseUrl}/api/v1/meetings/${meetingId}`)).json();
      const status = Object.fromEntries(meeting.roll.map((r: { personId: number; status: string }) => [r.personId, r.status]));
      expect(ids.map((id) => status[id])).toEqual(ids.map((_, i) => (i === 1 ? 'absent' : 'present')));

      // A paper roll as CSV: a line naming someone not on the roll is refused with its line number, and the member
      // the file left out is named; a good file is saved.
      const csv = (lines: string[]) => ({
        name: 'roll.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`personId,status,reason\n${lines.join('\n')}\n`),
      });
      const good = ids.map((id, i) => `${id},${i === 0 ? 'excused,Harvest' : 'present,'}`);
      const fileInput = page.locator('input[type=file]');
      await fileInput.setInputFiles(csv([...good.slice(1), '999999999,present,']));
      await page.getByTestId('paper-csv-send').click();
      const lineErrors = page.getByTestId('paper-csv-errors');
      await lineErrors.waitFor();
      expect(await lineErrors.textContent()).toContain(`Not on the roll that day: line ${size + 1}`);
      expect(await lineErrors.textContent()).toContain('Missing from the file: ');
      await fileInput.setInputFiles(csv(good));
      await page.getByTestId('paper-csv-send').click();
      await page.getByTestId('paper-csv-done').waitFor();
      const after = await (await page.request.get(`${e2e.baseUrl}/api/v1/meetings/${meetingId}`)).json();
      expect(after.roll.find((r: { personId: number }) => r.personId === ids[0]).status).toBe('excused');
    } finally {
      await context.close();
    }
  }, 120_000);
});
