/**
 * Planned visits in the browser (issue 14): the district's official plans a visit to a cell of the
 * district, files the report with a problem; the cell's secretary (on a 390 px phone) sees the problem
 * on the cell's Visits tab and marks it solved with the keyboard; the official sees it solved and the
 * district's coverage counts the cell. The pages pass axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };

const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

describe('planned visits', () => {
  it('an official plans a visit and files a report with a problem; the secretary marks it solved', async () => {
    const problem = `No room to meet ${Date.now()}`;

    const cell = await as('secretary@demo', desktop, async (page) => {
      const card = page.getByTestId('home-cell').first();
      await card.waitFor();
      const id = Number(await card.getAttribute('data-cell-id'));
      const name = (await card.getByRole('heading').first().textContent())?.trim() ?? '';
      return { id, name };
    });

    const visitUrl = await as('district@demo', desktop, async (page) => {
      await page.getByRole('link', { name: 'Visits' }).click();
      await page.getByTestId('visit-cell').click();
      await page.getByTestId('visit-cell').fill(cell.name);
      await page.getByRole('option', { name: new RegExp(`^${cell.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).click();
      await page.getByTestId('visit-purpose').fill('Talk with the members about their work and problems');
      await page.getByTestId('visit-plan').click();
      await page.getByTestId('visit-page').waitFor();
      expect(await page.getByTestId('visit-status').first().textContent()).toBe('Planned');
      await page.getByTestId('report-members-met').fill('2');
      await page.getByTestId('report-findings').fill('Meetings are regular; the hall is too small for the general meeting.');
      await page.getByTestId('report-add-problem').click();
      await page.getByTestId('report-problem-title').fill(problem);
      await page.getByTestId('report-problem-detail').fill('The factory hall is taken on Fridays.');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'visits-report-form');
      await page.getByTestId('report-file').click();
      const card = page.getByTestId('visit-problem').filter({ hasText: problem });
      await card.waitFor();
      expect(await card.getByTestId('problem-status').textContent()).toBe('Open');
      expect(await page.getByTestId('visit-status').first().textContent()).toBe('Held');
      await shot(page, 'visits-reported');
      return page.url();
    });

    await as('secretary@demo', phone, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cell.id}?tab=visits`);
      const card = page.getByTestId('visit-problem').filter({ hasText: problem });
      await card.waitFor();
      await card.getByTestId('problem-resolution-input').fill('We meet in the school hall on Fridays from now on.');
      // Keyboard: "Mark solved" is reachable and pressed with Enter.
      await card.getByTestId('problem-solve').focus();
      await page.keyboard.press('Enter');
      // Solved, it leaves the open list; the "all" filter shows it with its resolution.
      await card.waitFor({ state: 'detached' });
      await page.getByTestId('problem-filter').getByText('All').click();
      const solved = page.getByTestId('visit-problem').filter({ hasText: problem });
      await solved.getByTestId('problem-resolution').waitFor();
      expect(await solved.getByTestId('problem-status').textContent()).toBe('Solved');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'visits-secretary-solved-phone');
    });

    await as('district@demo', phone, async (page) => {
      await page.goto(visitUrl);
      const card = page.getByTestId('visit-problem').filter({ hasText: problem });
      await card.waitFor();
      await expect.poll(() => card.getAttribute('data-status')).toBe('solved');
      await page.getByRole('link', { name: cell.name }).first().click();
      await page.getByTestId('cell-visits').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'visits-official-phone');
    });
  }, 240_000);
});
