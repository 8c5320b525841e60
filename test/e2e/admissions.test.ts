/**
 * Admissions in the browser (issue 13, task 7): the secretary nominates a new person with two sponsors
 * from the roll and records the cell's vote at a held general meeting; the district official finds the
 * nomination on their home page and approves it with a reason; the candidate appears on the cell's roll.
 * Then: a former member nominated again (found by name), their sponsor writes the recommendation from
 * their home page, and the secretary withdraws the nomination.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/server/access/actor.ts';
import { voteRoll } from '../../src/server/modules/admissions/queries.ts';
import { todayIso } from '../../src/server/modules/compliance/periods.ts';
import { saveAttendance } from '../../src/server/modules/meetings/attendance.ts';
import { createMeeting, getMeeting } from '../../src/server/modules/meetings/service.ts';
import { createPerson } from '../../src/server/modules/people/service.ts';
import { changeMembership } from '../../src/server/modules/units/memberships.ts';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };
const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

/** A general meeting of the cell held today with everyone present; how many full members were there. */
async function holdGeneralMeetingToday(cellId: number): Promise<number> {
  const db = e2e.ctx!.db;
  const m = await createMeeting(db, systemActor(), cellId, { kind: 'general', startsAt: `${todayIso()}T00:00:01Z` }, 'UTC');
  const full = await getMeeting(db, systemActor(), m.id);
  await saveAttendance(db, systemActor(), m.id, {
    records: full.roll.map((r) => ({ personId: r.personId, status: 'present' })),
    version: full.version,
  });
  return (await voteRoll(db, cellId, m.id, todayIso())).present;
}

describe('admissions', () => {
  it('a secretary nominates and records the vote, the district official approves, the candidate is on the roll', async () => {
    if (!e2e.ctx) return; // needs the server's database to hold a meeting today
    // The demo roll's dates are generated: sponsors' membership length is waived here, tested in test/admissions.test.ts.
    await e2e.ctx.db.updateTable('admission_rules').set({ sponsor_min_months: 0 }).execute();
    const nominee = `Nominee ${Date.now()}`;

    const cellId = await as('secretary@demo', desktop, async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      const id = Number(await cell.first().getAttribute('data-cell-id'));
      const present = await holdGeneralMeetingToday(id);
      await page.goto(`${e2e.baseUrl}/units/${id}?tab=admissions`);
      await page.getByTestId('nominate').click();
      await page.getByTestId('nominee-name').fill(nominee);
      await page.getByTestId('nominee-sponsors').click();
      await page.getByRole('option').nth(0).click();
      await page.getByRole('option').nth(1).click();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').getByRole('button', { name: 'Nominate' }).click();
      const view = page.getByTestId('nomination');
      await view.getByText(nominee).waitFor();
      await page.getByTestId('vote-meeting').click();
      await page.getByRole('option').first().click();
      await page.getByTestId('vote-for').fill(String(present));
      await page.getByTestId('vote-save').click();
      await page.getByTestId('vote-result').filter({ hasText: 'passed' }).waitFor();
      expect(await page.getByTestId('nomination-status').first().textContent()).toBe('Awaiting decision');
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'admissions-cell');
      return id;
    });

    await as('district@demo', phone, async (page) => {
      const link = page.getByTestId('awaiting-link').filter({ hasText: nominee });
      await link.click();
      await page.getByTestId('decision-reason').fill('Criteria met; the training plan was done');
      await page.getByTestId('approve').click();
      await expect.poll(() => page.getByTestId('nomination-status').textContent()).toBe('Approved');
      await page.getByTestId('timeline').getByText('Approved').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'admissions-decision-phone');
      // The district's pipeline: this month's approval counted, with the cell among the children to drill into.
      const unit = await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${cellId}`)).json();
      await page.goto(`${e2e.baseUrl}/units/${unit.parentId}?tab=admissions`);
      const children = page.getByTestId('pipeline-children');
      await children.waitFor();
      expect(Number(await page.getByTestId('pipeline-approved').textContent())).toBeGreaterThanOrEqual(1);
      // The district's own criterion, for its subtree, beside the centre's.
      const editor = page.getByTestId('criteria-editor');
      await editor.getByTestId('criterion-title').fill('Took part in a district work campaign');
      await editor.getByTestId('criterion-add').click();
      await editor.getByTestId('criteria-list').getByText('Took part in a district work campaign').waitFor();
      expect(await editor.getByText('centre').count()).toBeGreaterThan(0);
      await children.getByRole('link', { name: unit.name }).click();
      await page.getByTestId('cell-admissions').getByText(nominee).waitFor();
      expect(await seriousFindings(page)).toEqual([]);
    });

    await as('secretary@demo', desktop, async (page) => {
      const members = await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${cellId}/members?limit=200`)).json();
      const found = members.items.find((m: { fullName: string }) => m.fullName === nominee);
      expect(found).toMatchObject({ role: 'candidate', fromDate: todayIso() });
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=admissions`);
      await page.getByTestId('admissions-pipeline').getByTestId('pipeline-approved').waitFor();
    });
  }, 240_000);
  it('a former member is nominated again by name; their sponsor writes the recommendation at home; the secretary withdraws it', async () => {
    if (!e2e.ctx) return; // needs the server's database to add a former member
    const db = e2e.ctx.db;
    await db.updateTable('admission_rules').set({ sponsor_min_months: 0 }).execute();
    const returning = `Returning ${Date.now()}`;
    const sponsorName = await as('member@demo', desktop, async (page) => {
      const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      return me.person.fullName as string;
    });
    await as('secretary@demo', desktop, async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      const cellId = Number(await cell.first().getAttribute('data-cell-id'));
      const person = await createPerson(db, systemActor(), { fullName: returning, cellId, role: 'member', fromDate: '2020-01-01' });
      await changeMembership(db, person.id, null, '2024-06-30');
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=admissions`);
      await page.getByTestId('nominate').click();
      await page.getByTestId('nominee-who').getByText('Someone known').click();
      await page.getByTestId('nominee-known').fill(returning.slice(0, 12));
      await page.getByRole('option', { name: new RegExp(returning) }).click();
      await page.getByTestId('nominee-sponsors').click();
      await page.getByRole('option', { name: sponsorName, exact: true }).click();
      await page.getByRole('option').filter({ hasNotText: sponsorName }).first().click();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').getByRole('button', { name: 'Nominate' }).click();
      await page.getByTestId('nomination').getByText(returning).waitFor();
      expect(await seriousFindings(page)).toEqual([]);
    });
    await as('member@demo', phone, async (page) => {
      const card = page.getByTestId('my-sponsorships');
      await card.getByText(returning).waitFor();
      await card.getByTestId('sponsorship-write').first().click();
      await page.getByTestId('sponsorship-text').fill('Came back to the brigade and keeps the night shift running');
      await page.getByRole('dialog').getByRole('button', { name: 'Save recommendation' }).click();
      await card.getByText('keeps the night shift running').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'admissions-sponsor-phone');
    });
    await as('secretary@demo', desktop, async (page) => {
      const cell = page.getByTestId('home-cell');
      await cell.first().waitFor();
      const cellId = Number(await cell.first().getAttribute('data-cell-id'));
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=admissions`);
      await page.getByTestId('nomination-link').filter({ hasText: returning }).click();
      const view = page.getByTestId('nomination');
      await view.getByText('keeps the night shift running').waitFor();
      await view.getByTestId('withdraw-open').click();
      await view.getByTestId('withdraw-reason').fill('Moved to another city');
      await view.getByTestId('withdraw-confirm').click();
      await expect.poll(() => view.getByTestId('nomination-status').textContent()).toBe('Withdrawn');
      await view.getByTestId('withdrawn-on').getByText('Moved to another city').waitFor();
      await view.getByTestId('timeline').getByText('Withdrawn').waitFor();
    });
  }, 240_000);
});
