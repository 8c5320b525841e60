/**
 * Work plans and deeds in the browser (issue 15): the cell's secretary drafts the quarter's plan on the
 * cell's Work plan tab and adopts it at a held general meeting; the district's official sees it adopted
 * on the district's Work plans tab, records a deed of the cell and publishes it with the keyboard; a
 * member of the cell finds it on the deeds board of their home page. The pages pass axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };

const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

describe('work plans and deeds', () => {
  it('a secretary drafts and adopts a plan; an official sees it and publishes a deed; a member sees it at home', async () => {
    const goal = `Introduce the new welding jig ${Date.now()}`;
    const deed = `Saved the seed store from the flood ${Date.now()}`;

    const cell = await as('secretary@demo', desktop, async (page) => {
      const card = page.getByTestId('home-cell').first();
      await card.waitFor();
      const id = Number(await card.getAttribute('data-cell-id'));
      const name = (await card.getByRole('heading').first().textContent())?.trim() ?? '';
      // A planned assignment names one given in the cell (given here through the API, as the board would).
      const { csrfToken } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const members = await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${id}/members?limit=5`)).json();
      const shift = `Night shift at the seed store ${Date.now()}`;
      const given = (
        await page.request.post(`${e2e.baseUrl}/api/v1/cells/${id}/assignments`, {
          headers: { 'x-csrf-token': csrfToken },
          data: { title: shift, personIds: [members.items[0].personId], dueOn: new Date().toISOString().slice(0, 10) },
        })
      ).status();
      expect(given).toBe(201);
      await page.goto(`${e2e.baseUrl}/units/${id}?tab=workPlan`);
      await page.getByTestId('goal-editor').waitFor();
      expect(await page.getByTestId('plan-status').textContent()).toBe('No plan');
      await page.getByTestId('goal-title').first().fill('Study the new charter, chapter by chapter');
      await page.getByTestId('goal-add').click();
      await page.getByTestId('goal-kind').nth(1).click();
      await page.getByRole('option', { name: 'Technical innovation' }).click();
      await page.getByTestId('goal-title').nth(1).fill(goal);
      await page.getByTestId('goal-add').click();
      await page.getByTestId('goal-kind').nth(2).click();
      await page.getByRole('option', { name: 'Planned assignment' }).click();
      await page.getByTestId('goal-title').nth(2).fill('Everyone takes a night shift');
      await page.getByTestId('goal-assignment').click();
      await page.getByRole('option', { name: new RegExp(shift) }).click();
      await page.getByTestId('plan-save').click();
      await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Draft');
      // Adopt at a held general meeting, picked from the list.
      await page.getByTestId('adopt-meeting').click();
      await page.getByRole('option').first().click();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'work-plan-draft');
      await page.getByTestId('plan-adopt').click();
      await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Adopted');
      await page.getByTestId('plan-adopted-at').waitFor();
      expect(await page.getByTestId('plan-goals').textContent()).toContain(goal);
      expect(await page.getByTestId('goal-assignment-ref').textContent()).toContain(shift);
      await shot(page, 'work-plan-adopted');
      return { id, name };
    });

    await as('district@demo', desktop, async (page) => {
      const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
      const district = me.roots.find((u: { kind: string }) => u.kind === 'committee');
      await page.goto(`${e2e.baseUrl}/units/${district.id}?tab=workPlans`);
      await page.getByTestId('plans-counts').waitFor();
      await page.getByTestId('plans-filter').getByText('Adopted').click();
      const row = page.getByTestId('plans-row').filter({ hasText: cell.name });
      await row.waitFor();
      expect(await row.getByTestId('plan-status').textContent()).toBe('Adopted');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'work-plans-committee');
      // The cell's plan opens from the row, read-only for the official's view of its goals.
      await row.getByRole('link', { name: cell.name }).click();
      await page.getByTestId('plan-goals').waitFor();
      expect(await page.getByTestId('plan-goals').textContent()).toContain(goal);
      // A deed of the cell, recorded and published to the district with the keyboard.
      await page.goto(`${e2e.baseUrl}/units/${cell.id}?tab=deeds`);
      await page.getByTestId('deed-title').fill(deed);
      await page.getByTestId('deed-description').fill('Moved the seed grain to the upper floor through the night.');
      await page.getByTestId('deed-witnesses').fill('The farm manager');
      await page.getByTestId('deed-record').click();
      const card = page.getByTestId('deed-card').filter({ hasText: deed });
      await card.waitFor();
      await card.getByTestId('deed-publish').focus();
      await page.keyboard.press('Enter');
      await card.getByTestId('deed-published').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'deeds-cell');
    });

    await as('member@demo', phone, async (page) => {
      const board = page.getByTestId('deeds-board');
      await board.waitFor();
      await board.getByTestId('deed-card').filter({ hasText: deed }).waitFor();
      expect(await board.getByTestId('deed-publish').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'deeds-board-phone');
    });
  }, 240_000);
});
