/**
 * The central administrator's rulebook in a browser against the real server: raise the general
 * meeting minimum to two from next month (this month keeps the old rule), add a standard whose fields
 * follow its kind, see the form's own checks and the server's refusal, add a meeting kind and change a
 * quorum, move a kind along the list, retire it (after seeing the server refuse others) and restore it.
 * Then the same screens in Korean, and a member who may not see them.
 * CELLWORK_E2E_BASE_URL: use a running server (written to). CELLWORK_E2E_SCREENSHOTS=<dir>: screenshots.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

const GENERAL = 'general-meeting-monthly';
const stamp = Date.now().toString(36);
const NEW_STANDARD = `technical-attendance-${stamp}`;
const NEW_KIND = `youth-${stamp}`;

const pad = (n: number) => String(n).padStart(2, '0');
/** The browser runs in UTC like the test server, so both agree on this month and the next. */
const now = new Date();
const thisMonth = `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`;
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const nextMonth = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}`;
const monthName = (period: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));

type Kind = { code: string; nameEn: string; nameKo: string; quorum: number | null; retired?: true };
type Version = { code: string; kind: string; params: Record<string, unknown>; validFrom: string; validTo: string | null };
async function versionsOf(page: Page, code: string): Promise<Version[]> {
  const body = await (await page.request.get(`${e2e.baseUrl}/api/v1/standards`)).json();
  return body.items.filter((s: Version) => s.code === code);
}

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

function liveRow(code: string, status?: string) {
  return page
    .getByTestId('standards-live')
    .locator(`[data-testid="standard-row"][data-code="${code}"]${status ? `[data-status="${status}"]` : ''}`);
}

describe('the rulebook and the meeting kinds', () => {
  it('raises the general meeting minimum to two from next month; this month keeps the old rule', async () => {
    context = await e2e.browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, e2e.baseUrl, 'admin@demo');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rulebook' }).click();
    await page.getByRole('heading', { name: 'Rulebook', exact: true }).waitFor();
    const current = liveRow(GENERAL, 'current');
    await current.waitFor();
    expect(await current.getByTestId('standard-rule').textContent()).toBe('General membership meeting at least once a month');
    expect(await current.getByTestId('standard-until').textContent()).toBe('No end date');
    expect(await liveRow('absence-follow-up').getByTestId('standard-rule').textContent()).toBe(
      'A member absent 3 times in a row (General membership meeting) is followed up within 14 days',
    );
    await shot(page, 'rulebook-01');

    await current.getByRole('button', { name: 'Change A general membership meeting at least once a month' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('standard-code').isDisabled()).toBe(true);
    expect(await dialog.getByTestId('applies-from').inputValue()).toBe(monthName(nextMonth));
    const note = dialog.getByTestId('validity-note');
    expect(await note.textContent()).toContain(
      `From ${monthName(nextMonth)} on, cells are judged by this version. ${monthName(thisMonth)} and earlier months keep being judged by the rules in force then.`,
    );

    // An empty count is caught by the form itself, with the keyboard.
    const count = dialog.getByTestId('standard-count');
    await count.fill('');
    await count.press('Enter');
    await dialog.getByText('Required', { exact: true }).waitFor();
    await count.fill('2');
    expect(await dialog.getByText('Required', { exact: true }).count()).toBe(0);
    await dialog.getByText('The titles still describe the previous rule.').waitFor();
    expect(await dialog.getByTestId('rule-preview').textContent()).toBe('The rule: General membership meeting at least 2 times a month');
    await dialog.getByTestId('use-wording').click();
    expect(await dialog.getByTestId('standard-title-en').inputValue()).toBe('General membership meeting at least 2 times a month');
    expect(await dialog.getByTestId('standard-title-ko').inputValue()).toBe('매월 세포총회 2회 이상');
    await shot(page, 'rulebook-02-change');
    await count.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const planned = liveRow(GENERAL, 'planned');
    await planned.waitFor();
    expect(await planned.getByTestId('standard-rule').textContent()).toBe('General membership meeting at least 2 times a month');
    expect(await planned.getByTestId('standard-from').textContent()).toBe(monthName(nextMonth));
    await expect.poll(() => current.getByTestId('standard-until').textContent()).toBe(monthName(thisMonth));
    await shot(page, 'rulebook-03-planned');

    const versions = await versionsOf(page, GENERAL);
    expect(versions.map((v) => [v.validFrom, v.validTo, v.params.min])).toEqual([
      ['2000-01-01', `${nextMonth}-01`, 1],
      [`${nextMonth}-01`, null, 2],
    ]);
    // This month's figures are still judged by the rule in force now.
    const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
    const compliance = await (
      await page.request.get(`${e2e.baseUrl}/api/v1/units/${me.roots[0].id}/compliance?period=${thisMonth}`)
    ).json();
    expect(compliance.standards.find((s: { code: string }) => s.code === GENERAL).title).toBe(
      'A general membership meeting at least once a month',
    );
  }, 120_000);

  it("adds a standard whose fields follow its kind, and shows the server's refusal in the form", async () => {
    await page.getByTestId('add-standard').click();
    const dialog = page.getByRole('dialog');
    const code = dialog.getByTestId('standard-code');
    await code.press('Enter');
    await dialog.getByText('Required', { exact: true }).waitFor();
    await code.fill(GENERAL);
    await code.press('Enter');
    await dialog.getByText('A standard with this code is in force or planned: change that one instead.').waitFor();

    await code.fill(NEW_STANDARD);
    await dialog.getByTestId('standard-kind').click();
    await page.getByRole('option', { name: 'Attendance rate', exact: true }).click();
    await dialog.getByTestId('standard-meeting-kind').click();
    await page.getByRole('option', { name: 'Technical session (technical)' }).click();
    expect(await dialog.getByTestId('standard-count').count()).toBe(0);
    const percent = dialog.getByTestId('standard-percent');
    await percent.fill('70');
    await dialog.getByTestId('standard-scope-sector').click();
    await page.getByRole('option', { name: 'Fisheries', exact: true }).click();
    const { roots } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
    const root = (await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${roots[0].id}`)).json()) as {
      id: number;
      name: string;
      code: string;
    };
    await dialog.getByTestId('standard-scope-unit').fill(root.name);
    await page
      .getByRole('option', { name: `${root.name} (${root.code})` })
      .first()
      .click();
    await dialog.getByTestId('applies-from').click();
    await page.getByRole('option', { name: `${monthName(thisMonth)} (this month)` }).click();
    await dialog.getByText("This month's figures are recomputed at once.").waitFor();
    expect(await dialog.getByTestId('standard-title-en').inputValue()).toBe('Technical session: attendance at least 70 %');
    await shot(page, 'rulebook-04-add');
    await percent.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const row = liveRow(NEW_STANDARD, 'current');
    await row.waitFor();
    expect(await row.getByTestId('standard-rule').textContent()).toBe('Technical session: attendance at least 70 %');
    await expect.poll(() => row.textContent()).toContain(`Cells of the Fisheries sector under ${root.name}`);
    const [saved] = await versionsOf(page, NEW_STANDARD);
    expect(saved).toMatchObject({
      kind: 'attendance_rate',
      params: { kind: 'technical', min: 0.7 },
      scopeSector: 'fisheries',
      scopeUnitId: root.id,
      validFrom: `${thisMonth}-01`,
      validTo: null,
    });
    // A new version starts from the one shown, its unit included.
    await row.getByTestId('change-standard').click();
    await expect.poll(() => dialog.getByTestId('standard-scope-unit').inputValue()).toBe(`${root.name} (${root.code})`);
    expect(await dialog.getByTestId('standard-percent').inputValue()).toBe('70 %');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Another administrator removes it meanwhile; retiring it here is refused, and the form says why.
    await row.getByTestId('retire-standard').click();
    const retire = page.getByRole('dialog');
    await retire.getByTestId('validity-note').waitFor();
    const { csrfToken } = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
    const gone = await page.request.post(`${e2e.baseUrl}/api/v1/standards`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { ...saved, id: undefined, validTo: undefined, titleEn: 'x', titleKo: 'x', retire: true },
    });
    expect(gone.status()).toBe(200);
    await retire.getByRole('button', { name: 'Retire standard' }).click();
    await retire.getByRole('alert').getByText('No such standard').waitFor();
    await shot(page, 'rulebook-05-refused');
    await page.keyboard.press('Escape');
    await retire.waitFor({ state: 'detached' });
    await expect.poll(() => liveRow(NEW_STANDARD).count()).toBe(0);
  }, 120_000);

  it('adds a meeting kind and changes a quorum; standards can then refer to the new kind', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting kinds' }).click();
    await page.getByRole('heading', { name: 'Meeting kinds', exact: true }).waitFor();
    const general = page.locator('[data-testid="meeting-kind-row"][data-code="general"]');
    expect(await general.textContent()).toContain('More than 50 % of the roll');

    await page.getByTestId('add-meeting-kind').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('kind-code').fill(NEW_KIND);
    await dialog.getByTestId('kind-name-en').fill('Youth study circle');
    await dialog.getByTestId('kind-name-ko').fill('청년 학습조');
    const quorum = dialog.getByTestId('kind-quorum');
    await quorum.fill('60');
    await shot(page, 'kinds-01-add');
    await quorum.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const added = page.locator(`[data-testid="meeting-kind-row"][data-code="${NEW_KIND}"]`);
    await added.waitFor();
    expect(await added.textContent()).toContain('More than 60 % of the roll');

    const consultative = page.locator('[data-testid="meeting-kind-row"][data-code="consultative"]');
    expect(await consultative.textContent()).toContain('No quorum rule');
    await consultative.getByRole('button', { name: 'Change Consultative meeting' }).click();
    expect(await dialog.getByTestId('kind-code').isDisabled()).toBe(true);
    await dialog.getByTestId('kind-quorum').fill('66.7');
    await dialog.getByTestId('kind-quorum').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => consultative.getAttribute('data-quorum')).toBe('0.667');
    expect(await consultative.textContent()).toContain('More than 66.7 % of the roll');
    await shot(page, 'kinds-02-list');

    const kinds = (await (await page.request.get(`${e2e.baseUrl}/api/v1/meeting-kinds`)).json()).items;
    expect(kinds).toContainEqual({ code: NEW_KIND, nameEn: 'Youth study circle', nameKo: '청년 학습조', quorum: 0.6 });
    expect(kinds.find((k: { code: string }) => k.code === 'consultative').quorum).toBe(0.667);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rulebook' }).click();
    await page.getByTestId('add-standard').click();
    await dialog.getByTestId('standard-meeting-kind').click();
    await page.getByRole('option', { name: `Youth study circle (${NEW_KIND})` }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);

  it('orders the kinds with the keyboard, retires one (refusals shown in the dialog) and restores it; the new-meeting form follows', async () => {
    const getJson = async (path: string) => (await page.request.get(`${e2e.baseUrl}${path}`)).json();
    const apiKinds = async (): Promise<Kind[]> => (await getJson('/api/v1/meeting-kinds')).items;
    const kindRow = (code: string) => page.locator(`[data-testid="meeting-kind-row"][data-code="${code}"]`);
    const shownOrder = () => page.getByTestId('meeting-kind-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting kinds' }).click();
    await page.getByRole('heading', { name: 'Meeting kinds', exact: true }).waitFor();
    const before = (await apiKinds()).map((k) => k.code);
    await expect.poll(shownOrder).toEqual(before);
    expect(before.at(-1)).toBe(NEW_KIND);
    expect(await kindRow(before[0]!).getByTestId('move-kind-up').isDisabled()).toBe(true);
    expect(await kindRow(NEW_KIND).getByTestId('move-kind-down').isDisabled()).toBe(true);

    // Up twice and down twice, from the keyboard alone: the focus stays on the row as it moves.
    await kindRow(NEW_KIND).getByRole('button', { name: 'Move Youth study circle up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(shownOrder).toEqual([...before.slice(0, -2), NEW_KIND, before.at(-2)]);
    expect(await focused()).toBe('Move Youth study circle up');
    await page.keyboard.press('Space');
    await expect.poll(shownOrder).toEqual([...before.slice(0, -3), NEW_KIND, ...before.slice(-3, -1)]);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Move Youth study circle down');
    await page.keyboard.press('Enter');
    await expect.poll(shownOrder).toEqual([...before.slice(0, -2), NEW_KIND, before.at(-2)]);
    await expect.poll(focused).toBe('Move Youth study circle down');
    await shot(page, 'kinds-03-moved');
    // Back at the bottom, "down" is disabled: the focus goes to "up".
    await page.keyboard.press('Enter');
    await expect.poll(shownOrder).toEqual(before);
    await expect.poll(focused).toBe('Move Youth study circle up');
    expect(await kindRow(NEW_KIND).getByTestId('move-kind-down').isDisabled()).toBe(true);
    expect((await apiKinds()).map((k) => k.code)).toEqual(before);

    // A meeting of the new kind, scheduled while it is in use, in the first open cell down the tree.
    const { roots, csrfToken } = await getJson('/api/v1/me');
    let cell: { id: number; kind: string } = roots[0];
    while (cell.kind !== 'cell') cell = (await getJson(`/api/v1/units/${cell.id}/children?limit=1`)).items[0];
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await page.request.post(`${e2e.baseUrl}/api/v1/cells/${cell.id}/meetings`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { kind: NEW_KIND, startsAt: tomorrow, title: 'E2E youth circle' },
    });
    expect(scheduled.status()).toBe(201);

    // The server's refusals show in the dialog: a kind the rulebook refers to, and the default kind.
    const dialog = page.getByRole('dialog');
    await kindRow('review').getByRole('button', { name: 'Retire Review session' }).click();
    await dialog.getByRole('button', { name: 'Retire meeting kind' }).click();
    await dialog
      .getByRole('alert')
      .getByText(
        'Standards in force or planned refer to this meeting kind: A review session at least every 6 weeks (review-session-interval).',
        { exact: false },
      )
      .waitFor();
    await shot(page, 'kinds-04-retire-refused');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await kindRow('general').getByRole('button', { name: 'Retire General membership meeting' }).click();
    await dialog.getByRole('button', { name: 'Retire meeting kind' }).click();
    await dialog.getByRole('alert').getByText('The general membership meeting cannot be retired', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await kindRow(NEW_KIND).getByRole('button', { name: 'Retire Youth study circle' }).click();
    await dialog.getByRole('heading', { name: 'Retire “Youth study circle”?' }).waitFor();
    expect(await dialog.getByTestId('retire-kind-explain').textContent()).toContain('Existing meetings keep this kind');
    expect(await dialog.getByTestId('retire-kind-explain').textContent()).toContain('New meetings can no longer use it.');
    await dialog.getByRole('button', { name: 'Retire meeting kind' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => kindRow(NEW_KIND).getAttribute('data-retired')).toBe('true');
    expect(await kindRow(NEW_KIND).getByTestId('retired-badge').textContent()).toBe('Retired');
    expect(await kindRow('review').getAttribute('data-retired')).toBe('false');
    expect((await apiKinds()).find((k) => k.code === NEW_KIND)).toEqual({
      code: NEW_KIND,
      nameEn: 'Youth study circle',
      nameKo: '청년 학습조',
      quorum: 0.6,
      retired: true,
    });
    await shot(page, 'kinds-05-retired');

    // The cell's meeting keeps its kind; the new-meeting form offers the kinds in use, in the list's order.
    await page.goto(`${e2e.baseUrl}/units/${cell.id}`);
    await page.getByTestId('tab-meetings').click();
    const held = page.locator(`[data-testid="meeting-row"][data-kind="${NEW_KIND}"]`);
    await held.waitFor();
    expect(await held.textContent()).toContain('Youth study circle · E2E youth circle');
    await page.getByTestId('schedule-meeting').click();
    await page.getByTestId('meeting-kind').click();
    const offered = page.getByRole('listbox').getByRole('option');
    await offered.first().waitFor();
    const inUse = (await apiKinds()).filter((k) => !k.retired).map((k) => k.nameEn);
    expect(await offered.allTextContents()).toEqual(inUse);
    expect(inUse).not.toContain('Youth study circle');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting kinds' }).click();
    await kindRow(NEW_KIND).getByRole('button', { name: 'Restore Youth study circle' }).click();
    await expect.poll(() => kindRow(NEW_KIND).getAttribute('data-retired')).toBe('false');
    expect(await kindRow(NEW_KIND).getByTestId('retired-badge').count()).toBe(0);
    expect((await apiKinds()).find((k) => k.code === NEW_KIND)?.retired).toBeUndefined();
    expect(await shownOrder()).toEqual(before);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rulebook' }).click();
  }, 120_000);

  it('reads in Korean; a member sees neither screen', async () => {
    try {
      await page.getByTestId('language-switch').getByText('한국어').click();
      await page.getByRole('heading', { name: '규정집', exact: true }).waitFor();
      expect(await liveRow(GENERAL, 'current').getByTestId('standard-rule').textContent()).toBe('매월 세포총회 1회 이상');
      expect(await liveRow(GENERAL, 'planned').getByTestId('standard-rule').textContent()).toBe('매월 세포총회 2회 이상');
      await shot(page, 'rulebook-06-ko');
      // The server's refusals read in Korean too (translated from the error's messageKey and params).
      await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '회의 종류' }).click();
      await page
        .locator('[data-testid="meeting-kind-row"][data-code="general"]')
        .getByRole('button', { name: '세포총회 사용 중지' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '사용 중지', exact: true }).click();
      await dialog.getByRole('alert').getByText('세포총회의 사용은 중지할 수 없습니다', { exact: false }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByTestId('sign-out').click();
      await page.getByTestId('login').waitFor();

      await signIn(page, e2e.baseUrl, 'member@demo');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      expect(await nav.getByText('Rulebook').count()).toBe(0);
      await page.goto(`${e2e.baseUrl}/rulebook`);
      await page.getByTestId('cell-link').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
  it("sets the centre's admission rules and adds a criterion; both are there after a reload", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await signIn(page, e2e.baseUrl, 'admin@demo');
      await page.goto(`${e2e.baseUrl}/rulebook`);
      const settings = page.getByTestId('admission-settings');
      await settings.getByTestId('rules-candidacy-months').fill('18');
      await settings.getByTestId('rules-save').click();
      await settings.getByRole('status').waitFor();
      await settings.getByTestId('criterion-title').fill('Knows the cell’s work plan');
      await settings.getByTestId('criterion-add').click();
      await settings.getByTestId('criteria-list').getByText('Knows the cell’s work plan').waitFor();
      await page.reload();
      await expect.poll(() => page.getByTestId('rules-candidacy-months').inputValue()).toBe('18');
      await page.getByTestId('criteria-list').getByText('Knows the cell’s work plan').waitFor();
      const rules = await (await page.request.get(`${e2e.baseUrl}/api/v1/admission-rules`)).json();
      expect(rules.candidacyMonths).toBe(18);
    } finally {
      await context.close();
    }
  }, 120_000);
});
