/**
 * Unit targets in the browser (issue 15, task 5): the district's official sets a target split over two
 * of its cells (the split's sum shown against the figure as it is typed), the cell's secretary reports
 * progress on the cell's page, and the district's targets tab shows the achieved figure; the target's
 * page shows the chart and the per-unit breakdown. The pages pass axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };

const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);
const getJson = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

describe('unit targets', () => {
  it('a district sets a target split over two cells, a secretary reports progress, the district sees it achieved and charted', async () => {
    const indicator = `Grain yield ${Date.now()}`;

    const cell = await as('secretary@demo', desktop, async (page) => {
      const card = page.getByTestId('home-cell').first();
      await card.waitFor();
      const id = Number(await card.getAttribute('data-cell-id'));
      const name = (await card.getByRole('heading').first().textContent())?.trim() ?? '';
      return { id, name, districtId: 0, third: null as { id: number; name: string } | null };
    });

    await as('district@demo', desktop, async (page) => {
      // The committee right above the cell (the district, or a committee under it), as the official sees it.
      cell.districtId = (await getJson(page, `/api/v1/units/${cell.id}`)).parentId;
      const children = await getJson(page, `/api/v1/units/${cell.districtId}/children?limit=50`);
      expect(children.items, JSON.stringify({ cell, children })).toBeDefined();
      const other = (children.items as Array<{ id: number; name: string; kind: string }>).find(
        (c) => c.kind === 'cell' && c.id !== cell.id,
      )!;
      cell.third =
        (children.items as Array<{ id: number; name: string; kind: string }>).find(
          (c) => c.kind === 'cell' && c.id !== cell.id && c.id !== other.id,
        ) ?? null;
      await page.goto(`${e2e.baseUrl}/units/${cell.districtId}?tab=targets`);
      await page.getByTestId('target-form').waitFor();
      await page.getByTestId('target-indicator').fill(indicator);
      await page.getByTestId('target-measure').fill('tonnes');
      await page.getByTestId('target-figure').fill('1000');
      for (const [i, unit] of [cell, other].entries()) {
        await page.getByTestId('split-add').click();
        await page.getByTestId('split-unit').nth(i).click();
        await page.getByRole('option', { name: unit.name, exact: true }).click();
        await page
          .getByTestId('split-figure')
          .nth(i)
          .fill(i === 0 ? '600' : '300');
      }
      await expect.poll(() => page.getByTestId('split-sum').textContent()).toContain('100 not assigned');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'targets-set-form');
      // Keyboard: the save button is reached and pressed with Enter.
      await page.getByTestId('target-save').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('target-row').filter({ hasText: indicator }).waitFor();
    });

    await as('secretary@demo', phone, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cell.id}?tab=targets`);
      await page.getByTestId('progress-form').waitFor();
      await page.getByTestId('progress-target').click();
      await page.getByRole('option', { name: new RegExp(`^${indicator}`) }).click();
      await page.getByTestId('progress-value').fill('250');
      await page.getByTestId('progress-evidence-url').fill('https://example.org/field-tally');
      await page.getByTestId('progress-save').click();
      await page.getByRole('status').filter({ hasText: 'Progress reported' }).waitFor();
      const row = page.getByTestId('target-row').filter({ hasText: indicator });
      await expect.poll(() => row.getByTestId('target-achieved').textContent()).toBe('250');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'targets-secretary-report-phone');
    });

    await as('district@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cell.districtId}?tab=targets`);
      const row = page.getByTestId('target-row').filter({ hasText: indicator });
      await row.waitFor();
      expect(await row.getByTestId('target-achieved').textContent()).toBe('250');
      const csv = await page.request.get(`${e2e.baseUrl}${await page.getByTestId('targets-csv').getAttribute('href')}`);
      expect(await csv.text()).toContain(`,${indicator},tonnes,1000,250,`);
      await row.getByRole('link', { name: indicator }).click();
      await page.getByTestId('target-page').waitFor();
      expect(await page.getByTestId('target-achieved-value').textContent()).toBe('250');
      const chart = page.getByTestId('target-chart');
      expect(await chart.getAttribute('data-points')).toBe('1');
      await chart.locator('svg').first().waitFor();
      const parts = page.getByTestId('part-row');
      await parts.filter({ hasText: cell.name }).waitFor();
      expect(await parts.count()).toBe(2);
      // The report's evidence link is on the reports list; the setter may change or withdraw the target.
      expect(await page.getByTestId('evidence-link').first().getAttribute('href')).toBe('https://example.org/field-tally');
      await page.getByTestId('target-edit').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'targets-district-page');
      // A cell without a part is given one (the 100 not assigned) on the target's page.
      if (cell.third) {
        await page.getByTestId('give-part').click();
        await page.getByRole('option', { name: cell.third.name, exact: true }).click();
        await page.getByLabel(`Figure for ${cell.third.name}`).fill('100');
        await page.getByTestId('edit-save').click();
        await page.getByRole('status').filter({ hasText: 'Target changed.' }).waitFor();
        await expect.poll(() => parts.count()).toBe(3);
        await parts.filter({ hasText: cell.third.name }).waitFor();
      }
    });
  }, 240_000);
});
