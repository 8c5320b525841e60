/**
 * Each role's home page answers "what do I do now", and the dashboards open on the last complete month
 * with the month in progress one click away, marked as partial.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asRole as asRoleIn, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const options = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const pad = (n: number) => String(n).padStart(2, '0');
const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
};
const lastMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
};

const asRole = <T>(login: string, run: (page: Page) => Promise<T>) => asRoleIn(e2e, login, options, run);

describe('home pages per role', () => {
  it('shows the secretary their month still to complete, and schedules a meeting the member then sees', async () => {
    const meeting = await asRole('secretary@demo', async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      expect(await cell.count()).toBe(1);
      const cellId = Number(await cell.getAttribute('data-cell-id'));
      await cell.getByTestId('record-shortcut').waitFor();
      await cell.getByTestId('secretary-month').waitFor();
      // What the cell still misses this month is the dashboard's list of standards not met so far.
      const dash = await (await page.request.get(`${e2e.baseUrl}/api/v1/cells/${cellId}/dashboard?period=${thisMonth()}`)).json();
      const failing = dash.standards.filter((s: { meets: boolean }) => !s.meets).map((s: { code: string }) => s.code);
      await expect.poll(() => cell.getByTestId('still-missing').count()).toBe(failing.length);
      if (failing.length === 0) await cell.getByTestId('nothing-missing').waitFor();
      expect(Number(await cell.getByTestId('follow-ups-due').getAttribute('data-count'))).toBe(dash.followUps.length);
      await cell.getByTestId('home-report').waitFor();
      await page.getByTestId('home-acknowledge').waitFor();
      await shot(page, 'home-secretary');

      const { csrfToken } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const res = await page.request.post(`${e2e.baseUrl}/api/v1/cells/${cellId}/meetings`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { kind: 'general', startsAt, title: 'Home page test meeting' },
      });
      expect(res.status()).toBe(201);
      return { cellId, id: (await res.json()).id as number };
    });

    await asRole('member@demo', async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      // One card for the member's cell, not a second one listing the same cell to browse.
      expect(await cell.count()).toBe(1);
      expect(Number(await cell.getAttribute('data-cell-id'))).toBe(meeting.cellId);
      expect(await page.getByTestId('root-link').count()).toBe(0);
      await cell.locator(`[data-testid="home-next-meeting"][data-meeting-id="${meeting.id}"]`).waitFor();
      expect(await cell.getByTestId('secretary-month').count()).toBe(0);
      await page.getByTestId('my-actions').waitFor();
      await page.getByTestId('home-acknowledge').waitFor();
      await shot(page, 'home-member');
    });
  }, 120_000);

  it('shows an official the cells needing attention under their committee, each a link', async () => {
    await asRole('district@demo', async (page) => {
      const card = page.getByTestId('home-attention');
      await card.first().waitFor();
      const unitId = Number(await card.first().getAttribute('data-unit-id'));
      const worst = await (
        await page.request.get(`${e2e.baseUrl}/api/v1/units/${unitId}/compliance/worst?period=${lastMonth()}&limit=10`)
      ).json();
      const expected = worst.items
        .filter((w: { failing: unknown[] }) => w.failing.length > 0)
        .map((w: { cell: { id: number } }) => w.cell.id);
      await expect
        .poll(async () =>
          Promise.all(
            (await card.first().getByTestId('attention-cell').all()).map(async (l) => Number(await l.getAttribute('data-cell-id'))),
          ),
        )
        .toEqual(expected);
      expect(await page.getByTestId('home-national').count()).toBe(0);
      await shot(page, 'home-official');
      if (expected.length > 0) {
        await card.first().getByTestId('attention-cell').first().getByRole('link').click();
        await page.waitForURL(new RegExp(`/units/${expected[0]}\\?period=${lastMonth()}$`));
        await page.getByTestId('unit-title').waitFor();
      }
    });
  }, 120_000);

  it('shows the administrator the national picture of the last complete month', async () => {
    await asRole('admin@demo', async (page) => {
      const national = page.getByTestId('national-healthy');
      await national.waitFor();
      const { roots } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const c = await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${roots[0].id}/compliance?period=${lastMonth()}`)).json();
      expect([Number(await national.getAttribute('data-meeting')), Number(await national.getAttribute('data-total'))]).toEqual([
        c.cellsMeetingAll,
        c.cells,
      ]);
      expect(c.cells).toBeGreaterThan(0);
      await page.getByTestId('home-attention').first().waitFor();
      await shot(page, 'home-admin');

      // The national dashboard's sectors: each share comes with the counts behind it, bars included.
      await page.getByTestId('home-national').getByRole('link').click();
      const sectors = page.getByTestId('sector-breakdown');
      const figure = sectors.locator('[data-testid="sector-figure"]:not([data-total="0"])').first();
      await figure.waitFor();
      const [meeting, total] = [await figure.getAttribute('data-meeting'), await figure.getAttribute('data-total')];
      expect(await figure.textContent()).toMatch(new RegExp(`^\\d+ % \\(${meeting} of ${total}\\)$`));
      await expect.poll(async () => /\(\d+ of \d+\)/.test((await sectors.locator('svg').first().textContent()) ?? '')).toBe(true);
    });
  }, 120_000);
});

describe('the month in progress', () => {
  it('opens a committee on the last complete month; the month in progress is one click away, so far, its trend dotted, its reports not due', async () => {
    await asRole('district@demo', async (page) => {
      await page.getByTestId('attention-dashboard').first().click();
      await page.getByTestId('health-headline').waitFor();
      expect(new URL(page.url()).searchParams.get('period')).toBe(lastMonth());
      expect(await page.getByTestId('month-so-far').count()).toBe(0);
      // A month that is over never says what is needed "this month".
      await page.getByTestId('heat-grid').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('this month');
      await expect.poll(() => page.getByTestId('trend').getAttribute('data-partial')).toBe('false');

      await page.getByTestId('month-in-progress').click();
      const soFar = page.getByTestId('month-so-far');
      await soFar.waitFor();
      expect(Number(await soFar.getAttribute('data-day'))).toBe(new Date().getDate());
      await expect.poll(() => page.getByTestId('trend').getAttribute('data-partial')).toBe('true');
      await page.getByTestId('trend-partial-legend').waitFor();
      await shot(page, 'month-in-progress');

      await page.getByTestId('tab-reports').click();
      await page.getByTestId('report-row').first().waitFor();
      expect(await page.locator('[data-testid="report-row"][data-status="missing"]').count()).toBe(0);
      const unitId = Number(/\/units\/(\d+)/.exec(page.url())![1]);
      const list = await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${unitId}/reports?period=${thisMonth()}&limit=100`)).json();
      const missing = list.items.filter((i: { status: string }) => i.status === 'missing').length;
      expect(await page.locator('[data-testid="report-row"][data-status="notDue"]').count()).toBe(missing);
      await page.getByTestId('reports-not-due').waitFor();
    });
  }, 120_000);
});
