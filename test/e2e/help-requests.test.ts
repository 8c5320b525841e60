/**
 * Requests for help in the browser (issue 13): a member (on a 390 px phone) asks the cell for help from
 * their home, the secretary answers it on the cell's Help tab, and the member confirms it resolved.
 * The district's official sees the cell's counts and never the request. The pages pass axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };

const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

describe('requests for help', () => {
  it('a member asks for help, the secretary answers, the member confirms it resolved', async () => {
    const subject = `Night shift and evening class ${Date.now()}`;

    await as('member@demo', phone, async (page) => {
      await page.getByTestId('my-help-requests').waitFor();
      await page.getByTestId('ask-for-help').click();
      await page.getByTestId('help-subject').fill(subject);
      await page.getByTestId('help-text').fill('My shifts clash with the evening class twice a week.');
      await page.getByLabel("Only the cell's secretary").check();
      await page.getByRole('button', { name: 'Send request' }).click();
      const mine = page.getByTestId('help-request').filter({ hasText: subject });
      await mine.waitFor();
      expect(await mine.getByTestId('help-status').textContent()).toBe('Waiting for an answer');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'help-member-asks-phone');
    });

    const cellId = await as('secretary@demo', desktop, async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      const id = Number(await cell.first().getAttribute('data-cell-id'));
      await page.goto(`${e2e.baseUrl}/units/${id}?tab=help`);
      const request = page.getByTestId('help-request').filter({ hasText: subject });
      await request.waitFor();
      await request.getByTestId('help-answer-text').fill('We will move you to the day shift from Monday.');
      await request.getByTestId('help-answer-send').click();
      await request.getByTestId('help-answer').filter({ hasText: 'day shift from Monday' }).waitFor();
      expect(await request.getByTestId('help-status').textContent()).toBe('Answered');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'help-secretary-answers');
      return id;
    });

    await as('member@demo', phone, async (page) => {
      const mine = page.getByTestId('help-request').filter({ hasText: subject });
      await mine.getByTestId('help-answer').filter({ hasText: 'day shift from Monday' }).waitFor();
      // Keyboard: the confirm button is reachable and pressed with Enter.
      await mine.getByTestId('help-confirm').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => mine.getByTestId('help-status').textContent()).toBe('Resolved');
      await shot(page, 'help-member-confirms-phone');
    });

    // The district's official sees the cell's counts, never the request.
    await as('district@demo', phone, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=help`);
      await page.getByTestId('help-counts-only').waitFor();
      await page.getByTestId('help-answered').waitFor();
      expect(Number(await page.getByTestId('help-answered').textContent())).toBeGreaterThanOrEqual(1);
      expect(await page.content()).not.toContain(subject);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'help-official-counts-phone');
    });
  }, 240_000);
});
