/**
 * Emulation in the browser (issue 15, task 5): the district's official starts a campaign over two cells,
 * sees the standings ranked and drills into a unit's score; opens the year's distinctions, confers one,
 * and the cell's page shows the badge. The pages pass axe.
 */
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const getJson = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

describe('emulation campaigns and distinctions', () => {
  it('a district official runs a campaign over two cells, drills into a score, confers a distinction shown on the cell', async () => {
    if (!e2e.ctx) return; // needs the server's database to make the demo's cells eligible this year
    // The demo has a year of activity, too short for 11 months in one calendar year: the rule asks for one month here.
    await sql`update distinction_rules set conditions = '[{"kind": "overall-months", "min": 1}, {"kind": "no-overdue-target"}]'
      where code = 'model-cell'`.execute(e2e.ctx.db);
    const year = new Date().getUTCFullYear();
    const title = `Autumn emulation ${Date.now()}`;
    const conferred = await asRole(e2e, 'district@demo', desktop, async (page) => {
      const district = (await getJson(page, '/api/v1/me')).grants?.[0]?.unit?.id ?? null;
      expect(district, 'the official’s committee').not.toBeNull();
      // The committee right above some cells: the district itself or a committee under it.
      let parent = district as number;
      let cells: Array<{ id: number; name: string }> = [];
      for (let i = 0; i < 4 && cells.length < 2; i++) {
        const kids = (await getJson(page, `/api/v1/units/${parent}/children?limit=50`)).items as Array<{
          id: number;
          name: string;
          kind: string;
        }>;
        cells = kids.filter((k) => k.kind === 'cell');
        if (cells.length < 2) parent = kids.find((k) => k.kind === 'committee')!.id;
      }
      await page.goto(`${e2e.baseUrl}/units/${parent}?tab=campaigns`);
      await page.getByTestId('campaign-form').waitFor();
      await page.getByLabel('Title').fill(title);
      for (const c of cells.slice(0, 2)) await page.getByTestId(`campaign-unit-${c.id}`).check();
      await page.getByTestId('campaign-standards').click();
      await page.getByRole('option', { name: 'Every standard met (overall)' }).click();
      await page.keyboard.press('Escape');
      expect(await seriousFindings(page)).toEqual([]);
      await page.getByTestId('campaign-create').click();
      await page.getByRole('heading', { name: title }).waitFor();
      const rows = page.getByTestId('standing-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.first().locator('td').first().textContent()).toBe('1');
      await rows.first().getByRole('button', { name: 'Figures' }).click();
      await page.getByTestId('score-figures').getByText('Every standard met').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'campaign-standings');
      const csv = await page.request.get(`${e2e.baseUrl}${await page.getByTestId('standings-csv').getAttribute('href')}`);
      expect((await csv.text()).split('\n').filter(Boolean)).toHaveLength(3); // the header and two cells

      // The committee changes the participants and the standards on the campaign's page.
      const third = cells[2];
      await page.getByTestId('campaign-edit').click();
      await page.getByTestId('campaign-edit-form').waitFor();
      if (third) {
        // Further down than the committee's own children: found by search, added checked.
        await page.getByTestId('campaign-unit-search').fill(third.name);
        await page.getByRole('option', { name: third.name }).first().click();
        await expect.poll(() => page.getByTestId(`campaign-unit-${third.id}`).isChecked()).toBe(true);
      }
      await page.getByTestId('campaign-edit-form').getByTestId('campaign-standards').click();
      await page.getByRole('option', { name: 'A general membership meeting at least once a month' }).click();
      await page.keyboard.press('Escape');
      expect(await seriousFindings(page)).toEqual([]);
      await page.getByTestId('campaign-save').click();
      await page.getByTestId('campaign-edit').waitFor();
      await expect.poll(() => rows.count()).toBe(third ? 3 : 2);
      const changed = await getJson(page, page.url().replace(/.*\/campaigns\//, '/api/v1/campaigns/'));
      expect(changed.components.map((x: { code: string }) => x.code)).toContain('*');
      expect(changed.components.length).toBe(2);

      await page.goto(`${e2e.baseUrl}/units/${parent}?tab=distinctions`);
      await page.getByTestId('distinctions-panel').waitFor();
      await page.getByLabel('Year').fill(String(year));
      const eligible = page.getByTestId('distinction-eligible').first();
      await eligible.waitFor();
      const name = (await eligible.locator('td').first().textContent())!.trim();
      await eligible.getByRole('button', { name: 'Confer' }).click();
      await page.getByTestId('distinction-conferred').filter({ hasText: name }).waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      const all = (await getJson(page, `/api/v1/units/${parent}/distinctions?year=${year}&status=conferred`)).items as Array<{
        unitId: number;
        name: string;
      }>;
      return all.find((i) => i.name === name)!.unitId;
    });

    await asRole(e2e, 'district@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${conferred}`);
      await page
        .getByTestId('distinction-badge')
        .filter({ hasText: `Model cell ${year}` })
        .waitFor();
      expect(await seriousFindings(page)).toEqual([]);
    });
  });
});
