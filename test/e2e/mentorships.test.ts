/**
 * Mentorships in the browser (issue 13): the secretary pairs a mentor with a candidate from the cell's
 * Mentorships tab; the mentor (on a 390 px phone) opens the mentorship from their home and logs a
 * meeting; the tab and the mentorship page pass axe.
 */
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildPerson } from '../helpers/factories.ts';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };
const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

const pick = async (page: Page, testId: string, name: string) => {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(name);
  await page.getByRole('option', { name }).click();
};

describe('mentorships', () => {
  it('a secretary pairs a mentor with a candidate and the mentor logs a meeting', async () => {
    if (!e2e.ctx) return; // against an external server there is no database to add the candidate in
    const db = e2e.ctx.db;
    const { rows } = await sql<{ cell_id: number; member_name: string }>`
      select ms.cell_id, p.full_name as member_name from accounts a join people p on p.id = a.person_id
      join memberships ms on ms.person_id = a.person_id and ms.to_date is null where a.login = 'member@demo'`.execute(db);
    const { cell_id: cellId, member_name: memberName } = rows[0]!;
    const candidateName = `Candidate Yoon ${Date.now()}`;
    await buildPerson(db, Number(cellId), { fullName: candidateName, role: 'candidate' });

    await as('secretary@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=mentorships`);
      await page.getByTestId('pair-open').click();
      await pick(page, 'pair-mentor', memberName);
      await pick(page, 'pair-mentee', candidateName);
      await page.getByTestId('pair-goals').fill('Read the charter and take part in two campaigns');
      await page.getByRole('button', { name: 'Pair', exact: true }).click();
      await page.getByTestId('mentorship-row').filter({ hasText: candidateName }).waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'mentorships-cell');
    });

    await as('member@demo', phone, async (page) => {
      const mine = page.getByTestId('my-mentorship').filter({ hasText: candidateName });
      await mine.waitFor();
      await mine.click();
      await page.getByTestId('log-note').fill('Read the first chapter of the charter together');
      await page.getByTestId('log-save').click();
      await page.getByTestId('log-entry').filter({ hasText: 'Read the first chapter of the charter together' }).waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'mentorship-mentor-phone');
    });

    // The district official reads the counts with the cells to drill down; the cell's own figure counts the new pair.
    const month = new Date().toISOString().slice(0, 7);
    const { rows: parents } = await sql<{
      parent_id: number;
      name: string;
    }>`select parent_id, name from units where id = ${cellId}`.execute(db);
    await as('district@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${parents[0]!.parent_id}?tab=mentorships&period=${month}`);
      const table = page.getByTestId('mentorship-children');
      await table.waitFor();
      await table.getByRole('link', { name: parents[0]!.name, exact: true }).click();
      await page.getByTestId('mentorship-figures').waitFor();
      await expect.poll(async () => Number(await page.getByTestId('figure-active').textContent())).toBeGreaterThan(0);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'mentorships-drill-down');
    });
  }, 180_000);
});
