/**
 * Browser walk through the administrator's flows against the real server: add a cell under a
 * committee, import its members from CSV (a good file, then a file with a bad line that must change
 * nothing), appoint a secretary, sign out. Then a member: no Administration, and a unit outside the
 * member's cell is a not-found page, not data.
 *
 * CELLWORK_E2E_BASE_URL points the test at an already running server instead of starting one (the
 * admin flow writes to it). CELLWORK_E2E_SCREENSHOTS=<dir> saves screenshots of the key steps.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

const MAX_DEPTH = 10;

/** What the admin saw, for the member to try: the committee, the new cell and its new secretary. */
const outsideUnitIds: number[] = [];
const outsidePersonIds: number[] = [];

function unitIdFromUrl(page: Page): number {
  const match = /\/units\/(\d+)$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not on a unit page: ${page.url()}`);
  return Number(match[1]);
}

/** Follows committee rows down from the current committee page until one lists cells among its units. */
async function drillDownToCommitteeWithCells(page: Page): Promise<void> {
  const title = page.getByTestId('unit-title');
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    await title.waitFor();
    expect(await title.getAttribute('data-kind')).toBe('committee');
    const rows = page.getByTestId('unit-row');
    await rows.first().waitFor();
    if ((await page.locator('[data-testid="unit-row"][data-kind="cell"]').count()) > 0) return;
    const link = page.locator('[data-testid="unit-row"][data-kind="committee"]').first().getByRole('link').first();
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(name);
  }
  throw new Error(`no committee with cells found within ${MAX_DEPTH} levels`);
}

/** Chooses a CSV built in memory in the import dialog, starts the import and waits for it to end. */
async function importCsv(page: Page, name: string, csv: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect.poll(() => dialog.getByTestId('import-file').textContent()).toContain(name);
  await dialog.getByTestId('import-start').click();
  await dialog.locator('[data-testid="import-done"], [data-testid="import-rejected"], [role="alert"]').first().waitFor({ timeout: 30_000 });
}

async function closeDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await dialog.waitFor({ state: 'detached' });
}

async function memberNames(page: Page): Promise<string[]> {
  const names = await page.getByTestId('member-row').locator('td:first-child').allTextContents();
  return names.map((n) => n.trim()).sort();
}

describe('administering the organization', () => {
  it('adds a cell, imports its members, rejects a bad file, appoints a secretary and signs out', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await signIn(page, e2e.baseUrl, 'admin@demo');
      await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).waitFor();
      await shot(page, '01-admin-home');

      const root = page.getByTestId('root-link').first();
      const rootName = (await root.textContent())?.trim();
      await root.click();
      await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(rootName);
      await drillDownToCommitteeWithCells(page);
      const committeeId = unitIdFromUrl(page);
      const committeeName = (await page.getByTestId('unit-title').textContent())?.trim() ?? '';
      outsideUnitIds.push(committeeId);
      const cellsBefore = Number(await page.getByTestId('stat-cell-count').getAttribute('data-value'));
      await shot(page, '02-committee');

      // A new cell through "Add unit"; names and codes may be Korean.
      const stamp = Date.now().toString(36);
      const cellName = `시험 세포 ${stamp}`;
      const cellCode = `시험-${stamp}`;
      await page.getByTestId('add-unit').click();
      const addDialog = page.getByRole('dialog');
      // Submitting empty shows the form's own messages and sends nothing.
      await addDialog.getByRole('button', { name: 'Create', exact: true }).click();
      await expect.poll(() => addDialog.getByText('Required', { exact: true }).count()).toBe(2);
      await addDialog.getByTestId('unit-kind').getByText('Cell', { exact: true }).click();
      await addDialog.getByTestId('unit-name').fill(cellName);
      await addDialog.getByTestId('unit-code').fill(cellCode);
      await shot(page, '03-add-unit');
      await addDialog.getByRole('button', { name: 'Create', exact: true }).click();
      await addDialog.waitFor({ state: 'detached' });
      // Creating opens the new cell; go back up and open it from the committee's list as well.
      await expect.poll(() => page.getByTestId('unit-title').textContent(), { timeout: 15_000 }).toBe(cellName);
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: committeeName, exact: true }).click();
      await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(committeeName);
      await expect.poll(() => page.getByTestId('stat-cell-count').getAttribute('data-value')).toBe(String(cellsBefore + 1));
      const newRow = page.getByTestId('unit-row').filter({ hasText: cellName });
      // The list pages by 50; the new cell may sit on a later page.
      for (let i = 0; i < 20 && (await newRow.count()) === 0; i++) {
        const more = page.getByTestId('load-more');
        if ((await more.count()) === 0) break;
        await more.click();
        await page.waitForTimeout(200);
      }
      await expect.poll(() => newRow.count()).toBe(1);
      expect(await newRow.getAttribute('data-kind')).toBe('cell');
      expect(await newRow.getAttribute('data-member-count')).toBe('0');
      await newRow.getByRole('link', { name: cellName }).click();
      const title = page.getByTestId('unit-title');
      await expect.poll(() => title.textContent()).toBe(cellName);
      expect(await title.getAttribute('data-kind')).toBe('cell');
      const cellId = unitIdFromUrl(page);
      outsideUnitIds.push(cellId);
      await page.getByText('No members on the roll.').waitFor();
      await page.getByText(cellCode, { exact: true }).waitFor();

      // Import five members.
      const people = [
        ['김철민', `T${stamp}-1`, `kim.${stamp}@example.org`, '1980'],
        ['리영희', `T${stamp}-2`, `ri.${stamp}@example.org`, '1985'],
        ['박성남', `T${stamp}-3`, '', '1990'],
        ['Anna Smith', `T${stamp}-4`, `anna.${stamp}@example.org`, '1975'],
        ['최은정', `T${stamp}-5`, `choe.${stamp}@example.org`, ''],
      ];
      const goodCsv = `${['full_name,member_no,email,birth_year', ...people.map((p) => p.join(','))].join('\n')}\n`;
      await page.getByTestId('import-members').click();
      await importCsv(page, 'members.csv', goodCsv);
      const done = page.getByTestId('import-done');
      await done.waitFor();
      expect(await done.textContent()).toContain('5 created, 0 updated, 0 unchanged');
      await shot(page, '04-import-done');
      await closeDialog(page);
      await expect.poll(() => page.getByTestId('member-row').count()).toBe(5);
      expect(await page.getByTestId('stat-member-count').getAttribute('data-value')).toBe('5');
      expect(await memberNames(page)).toEqual(people.map((p) => p[0]).sort());

      // A second file with one bad line (line 3 counting the header) with two problems: rejected whole, both listed.
      const badCsv = `${[
        'full_name,member_no,email,birth_year',
        `정하나,T${stamp}-6,jung.${stamp}@example.org,1992`,
        `한두리,T${stamp}-7,not-an-email,19x3`,
        `조세나,T${stamp}-8,,1994`,
      ].join('\n')}\n`;
      await page.getByTestId('import-members').click();
      await importCsv(page, 'bad.csv', badCsv);
      const rejected = page.getByTestId('import-rejected');
      await rejected.waitFor();
      expect(await rejected.textContent()).toContain('2 problems found');
      const errorRows = page.getByTestId('import-errors').locator('tbody tr');
      expect(await errorRows.count()).toBe(1);
      expect((await errorRows.first().locator('td').first().textContent())?.trim()).toBe('3');
      const problems = errorRows.first().getByTestId('import-problem');
      expect(await problems.count()).toBe(2);
      expect((await problems.first().textContent())?.toLowerCase()).toContain('email');
      expect(await problems.nth(1).textContent()).toContain('birth_year');
      await shot(page, '05-import-rejected');
      await closeDialog(page);
      // Nothing was added: the roll is unchanged, also after a reload from the server.
      await page.reload();
      await page.getByTestId('member-row').first().waitFor();
      expect(await memberNames(page)).toEqual(people.map((p) => p[0]).sort());
      expect(await page.getByTestId('stat-member-count').getAttribute('data-value')).toBe('5');

      // Appoint one of them as secretary.
      const secretaryName = people[1]![0]!;
      await page.getByText('No secretary appointed.').waitFor();
      await page.getByTestId('appoint-secretary').click();
      const appointDialog = page.getByRole('dialog');
      await appointDialog.getByTestId('appoint-person').click();
      await page.getByRole('option', { name: `${secretaryName} · Member` }).click();
      await shot(page, '06-appoint');
      await appointDialog.getByRole('button', { name: 'Appoint', exact: true }).click();
      await appointDialog.waitFor({ state: 'detached' });
      const officer = page.locator('[data-testid="officer"][data-role="secretary"]');
      await officer.waitFor();
      expect(await officer.textContent()).toContain(secretaryName);
      outsidePersonIds.push(Number(await officer.getAttribute('data-person-id')));
      await expect
        .poll(() => page.locator('[data-testid="member-row"][data-role="secretary"]').allTextContents())
        .toEqual([expect.stringContaining(secretaryName)]);
      expect(await page.getByText('No secretary appointed.').count()).toBe(0);
      await shot(page, '07-secretary');

      // The same page in Korean.
      await page.getByTestId('language-switch').getByText('한국어').click();
      await page.getByRole('heading', { name: '성원', exact: true }).waitFor();
      await page.getByRole('toolbar').getByRole('button', { name: '비서 임명' }).waitFor();
      await page.getByText('비서:', { exact: true }).waitFor();
      await page.waitForTimeout(300); // the language switch's indicator slides
      await shot(page, '08-cell-ko');
      await page.getByTestId('import-members').click();
      await page.getByRole('dialog').getByText('CSV 파일에서 성원 가져오기').waitFor();
      await importCsv(page, 'bad.csv', badCsv);
      await page.getByTestId('import-rejected').getByText('문제 2개가 발견되었습니다', { exact: false }).waitFor();
      await shot(page, '09-import-rejected-ko');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      // A phone-sized window: nothing sticks out sideways (tables scroll inside their own box).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('heading', { name: '성원', exact: true }).waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: '메뉴 열기/닫기' }).waitFor();
      await shot(page, '10-cell-ko-phone', false);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();

      await page.getByTestId('sign-out').click();
      await page.getByTestId('login').waitFor();
      // Signed out for real: the API no longer knows the browser.
      const status = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
      expect(status).toBe(401);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('hides administration from a member and shows units outside the cell as not found', async () => {
    expect(outsideUnitIds.length).toBe(2); // the admin test ran first
    expect(outsidePersonIds.length).toBe(1);
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'member@demo');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      expect(await nav.getByText('Administration').count()).toBe(0);
      await page.getByTestId('cell-link').first().waitFor();

      // The member's own cell is visible, without manage actions.
      await page.getByTestId('cell-link').first().click();
      await page.getByTestId('member-row').first().waitFor();
      expect(await page.getByRole('toolbar', { name: 'Unit actions' }).count()).toBe(0);

      // /admin sends the member home.
      await page.goto(`${e2e.baseUrl}/admin`);
      await page.getByTestId('cell-link').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      for (const id of outsideUnitIds) {
        const apiStatus = await page.evaluate(async (unitId) => (await fetch(`/api/v1/units/${unitId}`)).status, id);
        expect(apiStatus).toBe(404);
        await page.goto(`${e2e.baseUrl}/units/${id}`);
        await page.getByTestId('not-found').waitFor();
        expect(await page.getByTestId('unit-title').count()).toBe(0);
        expect(await page.getByTestId('unit-row').count()).toBe(0);
        expect(await page.getByTestId('member-row').count()).toBe(0);
        expect(await page.getByRole('alert').count()).toBe(0);
      }
      for (const id of outsidePersonIds) {
        await page.goto(`${e2e.baseUrl}/people/${id}`);
        await page.getByTestId('not-found').waitFor();
        expect(await page.getByTestId('person-title').count()).toBe(0);
        expect(await page.getByRole('alert').count()).toBe(0);
      }
      await shot(page, '11-member-not-found');
      await page.getByTestId('sign-out').click();
      await page.getByTestId('login').waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);
});
