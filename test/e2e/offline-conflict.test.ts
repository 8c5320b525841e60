/**
 * A conflict resolved, in a real Chromium (issue 16): the secretary records a meeting's roll offline;
 * meanwhile (through the API) a member leaves the cell. Back online the sync answers a conflict and the
 * screen names the member; signing out then asks first, "Stay signed in" focused, and keeps the outbox.
 * The secretary takes the roll again without the member, it syncs once and the dashboard counts it once.
 * Then an in-person briefing recorded from the offline screen on a directive the pack carries.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildPublishedDirective } from '../helpers/directives.ts';
import { heldWithTitle, localInput, meetingTime, periodOf, readOutbox, secretaryCell, waitForServiceWorker } from './offline-helpers.ts';
import { signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const options = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };

/** The member leaves the cell as of yesterday, moved by the region's manager through the API. */
async function transferAway(personId: number, fromCellId: number): Promise<void> {
  const other = await e2e
    .ctx!.db.selectFrom('units as u')
    .innerJoin('units as c', 'c.parent_id', 'u.parent_id')
    .select('u.id')
    .where('c.id', '=', fromCellId)
    .where('u.kind', '=', 'cell')
    .where('u.id', '!=', fromCellId)
    .where('u.closed_on', 'is', null)
    .executeTakeFirstOrThrow();
  const context = await e2e.browser.newContext();
  try {
    const api = context.request;
    expect((await api.post(`${e2e.baseUrl}/api/v1/session`, { data: { login: 'region@demo', password: 'demo' } })).status()).toBe(200);
    const { csrfToken } = await (await api.get(`${e2e.baseUrl}/api/v1/me`)).json();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const res = await api.post(`${e2e.baseUrl}/api/v1/people/${personId}/transfer`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { toCellId: Number(other.id), date: yesterday },
    });
    expect(res.status()).toBe(200);
  } finally {
    await context.close();
  }
}

async function recordWholeRollPresent(page: Page, title: string, startsAt: Date): Promise<number> {
  await page.getByTestId('offline-starts-at').fill(localInput(startsAt));
  await page.getByLabel('Title', { exact: true }).fill(title);
  const rows = page.getByTestId('roll-row');
  const size = await rows.count();
  await rows.first().focus();
  for (let i = 0; i < size; i++) await page.keyboard.press('p');
  await page.getByTestId('offline-save').click();
  await page.getByTestId('outbox-op').waitFor();
  return size;
}

describe('an offline conflict', () => {
  it('names the member who left, keeps the outbox at sign-out, and syncs the re-taken roll once', async () => {
    const context = await e2e.browser.newContext({ ...options, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await signIn(page, e2e.baseUrl, 'secretary@demo');
      const cellId = await secretaryCell(page);
      const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      await waitForServiceWorker(page);
      await page.goto(`${e2e.baseUrl}/units/${cellId}`);
      await page.getByTestId('keep-offline').click();
      await page.getByTestId('offline-kept').waitFor();

      const now = new Date();
      const title = `Conflict meeting ${Date.now()}`;
      await context.setOffline(true);
      await page.goto(`${e2e.baseUrl}/offline/${cellId}`);
      await page.getByTestId('offline-record').click();
      const leaverRow = page.locator(`[data-testid="roll-row"]:not([data-person-id="${me.person.id}"])`).first();
      await leaverRow.waitFor();
      const leaverId = Number(await leaverRow.getAttribute('data-person-id'));
      const leaverName = (await leaverRow.getAttribute('aria-label'))!;
      expect(leaverName.length).toBeGreaterThan(0);
      const size = await recordWholeRollPresent(page, title, meetingTime(now));

      await transferAway(leaverId, cellId);
      await context.setOffline(false);
      await page.getByTestId('sign-out').waitFor();
      await page.goto(`${e2e.baseUrl}/offline`);
      const op = page.getByTestId('outbox-op');
      await expect.poll(() => op.getAttribute('data-state'), { timeout: 20_000 }).toBe('conflict');
      const named = await page.getByTestId('conflict-not-on-roll').textContent();
      expect(named).toContain(leaverName);

      // Signing out now would lose the operation: a dialog says so, and Enter keeps the secretary signed in.
      await page.getByTestId('sign-out').click();
      const dialog = page.getByTestId('sign-out-unsynced-count');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('1 recorded operation has not reached the server');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-out-stay');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(await readOutbox(page)).toHaveLength(1);

      // Re-taken without the member (the kept roll is fetched afresh), synced once, counted once.
      await page.getByTestId('outbox-redo').click();
      const rows = page.getByTestId('roll-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(size - 1);
      expect(await page.locator(`[data-testid="roll-row"][data-person-id="${leaverId}"]`).count()).toBe(0);
      await page.getByTestId('offline-save').click();
      await page.getByTestId('sync-now').click();
      await expect.poll(async () => (await readOutbox(page)).length, { timeout: 20_000 }).toBe(0);
      const held = await heldWithTitle(page, e2e.baseUrl, cellId, title, periodOf(now));
      expect(held).toHaveLength(1);
      expect(held[0]!.present).toBe(size - 1);

      // Nothing left to lose: signing out goes straight through.
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('records an in-person briefing on a directive the offline pack carries, also at a meeting recorded offline', async () => {
    const context = await e2e.browser.newContext(options);
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'secretary@demo');
      const cellId = await secretaryCell(page);
      const cell = await e2e.ctx!.db.selectFrom('units').select('parent_id').where('id', '=', cellId).executeTakeFirstOrThrow();
      const title = `Brief them ${Date.now()}`;
      const d = await buildPublishedDirective(e2e.ctx!.db, Number(cell.parent_id), { unitIds: [cellId] }, title);
      await page.goto(`${e2e.baseUrl}/units/${cellId}`);
      await page.getByTestId('keep-offline').click();
      await page.getByTestId('offline-kept').waitFor();
      await page.goto(`${e2e.baseUrl}/offline/${cellId}`);
      const directive = page.getByTestId('offline-directive').filter({ hasText: title });
      await directive.getByRole('button', { name: 'Record a briefing' }).click();
      const people = page.getByTestId('offline-briefing-person');
      await people.nth(0).check();
      await people.nth(1).check();
      await page.getByTestId('offline-briefing-save').click();
      const op = page.getByTestId('outbox-op');
      await op.waitFor();
      expect(await op.getAttribute('data-type')).toBe('directive.briefing');
      expect(await op.textContent()).toContain(`in-person briefing of 2 members on “${title}”`);
      await page.getByTestId('sync-now').click();
      await expect.poll(async () => (await readOutbox(page)).length, { timeout: 20_000 }).toBe(0);
      const briefed = await e2e
        .ctx!.db.selectFrom('directive_deliveries')
        .select('person_id')
        .where('directive_id', '=', d.id)
        .where('briefed_on', 'is not', null)
        .execute();
      expect(briefed).toHaveLength(2);

      // A meeting recorded on the device, then a briefing given at it: tied to it by the meeting's
      // operation, with the day and those present taken over from it.
      const second = await buildPublishedDirective(e2e.ctx!.db, Number(cell.parent_id), { unitIds: [cellId] }, `${title} again`);
      await page.goto(`${e2e.baseUrl}/units/${cellId}`);
      const refreshed = page.waitForResponse((r) => r.url().includes('/offline-pack') && r.status() === 200);
      await page.getByTestId('refresh-offline').click();
      await refreshed;
      await expect.poll(() => page.getByTestId('refresh-offline').getAttribute('data-loading')).toBeNull();
      await page.goto(`${e2e.baseUrl}/offline/${cellId}`);
      await page
        .getByTestId('offline-directive')
        .filter({ hasText: `${title} again` })
        .waitFor();
      await page.getByTestId('offline-record').click();
      await page.getByTestId('offline-starts-at').fill(localInput(meetingTime(new Date())));
      await page.getByLabel('Title', { exact: true }).fill(`${title}: general meeting`);
      const rows = page.getByTestId('roll-row');
      const size = await rows.count();
      await rows.first().focus();
      for (let i = 1; i < size; i++) await page.keyboard.press('p');
      await page.keyboard.press('a');
      expect(await rows.last().getAttribute('data-status')).toBe('absent');
      await page.getByTestId('offline-save').click();
      await page
        .getByTestId('offline-directive')
        .filter({ hasText: `${title} again` })
        .getByRole('button', { name: 'Record a briefing' })
        .click();
      await page.getByTestId('offline-briefing-meeting').click();
      await page.getByRole('option').first().click();
      await expect.poll(() => page.locator('[data-testid="offline-briefing-person"]:checked').count()).toBe(size - 1);
      await page.getByTestId('offline-briefing-save').click();
      await expect.poll(async () => (await readOutbox(page)).length).toBe(2);
      await page.getByTestId('sync-now').click();
      await expect.poll(async () => (await readOutbox(page)).length, { timeout: 20_000 }).toBe(0);
      const atMeeting = await e2e
        .ctx!.db.selectFrom('directive_deliveries')
        .select(['person_id', 'briefing_meeting_id'])
        .where('directive_id', '=', second.id)
        .where('briefed_on', 'is not', null)
        .execute();
      expect(atMeeting).toHaveLength(size - 1);
      expect(new Set(atMeeting.map((r) => r.briefing_meeting_id)).size).toBe(1);
      expect(atMeeting[0]!.briefing_meeting_id).not.toBeNull();
    } finally {
      await context.close();
    }
  }, 120_000);
});
