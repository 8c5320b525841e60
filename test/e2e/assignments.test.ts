/**
 * Assignments in the browser (issue 12): the secretary gives work to a member from the cell's board,
 * the member (on a 390 px phone) marks it done from their home, the secretary evaluates it, and the
 * member sees the evaluation. The board and the home pass axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };

const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

describe('assignments', () => {
  it('a member marks an assignment done; the secretary evaluates it; the member sees the evaluation', async () => {
    const title = `Distribute the bulletin ${Date.now()}`;
    const memberName = await as('member@demo', desktop, async (page) => {
      const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      return me.person.fullName as string;
    });

    const cellId = await as('secretary@demo', desktop, async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      const id = Number(await cell.first().getAttribute('data-cell-id'));
      await page.goto(`${e2e.baseUrl}/units/${id}?tab=assignments`);
      await page.getByTestId('give-assignment').click();
      await page.getByTestId('give-title').fill(title);
      await page.getByTestId('give-people').click();
      await page.getByTestId('give-people').fill(memberName);
      await page.getByRole('option', { name: memberName }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Give an assignment' }).last().click();
      await page.getByTestId('board-row').filter({ hasText: title }).waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      return id;
    });

    await as('member@demo', phone, async (page) => {
      const mine = page.getByTestId('my-assignment').filter({ hasText: title });
      await mine.waitFor();
      await mine.getByTestId('report-progress').click();
      await page.getByRole('dialog').getByText('Done', { exact: true }).click();
      await page.getByTestId('report-note').fill('All forty copies handed out');
      await page.getByRole('button', { name: 'Send report' }).click();
      await expect.poll(() => page.getByTestId('my-assignment').filter({ hasText: title }).count()).toBe(0);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'assignments-member-phone');
    });

    await as('secretary@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=assignments`);
      const row = page.getByTestId('board-row').filter({ hasText: title });
      await row.getByTestId('evaluate').click();
      await page.getByRole('dialog').getByText('4', { exact: true }).click();
      await page.getByTestId('evaluate-comment').fill('Thorough and on time');
      await page.getByRole('button', { name: 'Evaluate' }).last().click();
      await row.filter({ hasText: 'Thorough and on time' }).waitFor();
      await shot(page, 'assignments-board');
    });

    await as('member@demo', phone, async (page) => {
      await page.getByTestId('my-assignments').waitFor();
      await page.getByTestId('show-finished').click();
      const done = page.getByTestId('my-assignment').filter({ hasText: title });
      await done.getByTestId('evaluation').waitFor();
      expect(await done.getByTestId('evaluation').textContent()).toBe('Evaluated 4: Thorough and on time');
    });
  }, 180_000);
});
