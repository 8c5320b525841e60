/**
 * Education in the browser (issue 12): an administrator creates a programme and writes a theme's
 * session plan; the secretary sets a
 * member's learning plan from the member's page and records a study meeting on one of its themes with
 * the member present; the member's home then shows that theme completed. Pages checked with axe, and
 * the member's home at 390 px.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import { seriousFindings } from './axe.ts';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

const pad = (n: number) => String(n).padStart(2, '0');
/** The browser runs in UTC like the test server. */
const localInput = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
/** Earlier today (a minute ago just after midnight). */
function earlierToday(now = new Date()): Date {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const start = hourAgo.getUTCDate() === now.getUTCDate() ? hourAgo : new Date(now.getTime() - 60_000);
  start.setUTCSeconds(0, 0);
  return start;
}

const THEME = 'Safety at work, step by step';

describe('education in the browser', () => {
  it('a programme, a learning plan, a study meeting on its theme: the member sees the theme completed', async () => {
    const wide = { locale: 'en-US', viewport: { width: 1280, height: 900 }, bypassCSP: true };
    const admin = await e2e.browser.newContext(wide);
    const secretary = await e2e.browser.newContext(wide);
    const member = await e2e.browser.newContext({ ...wide, viewport: { width: 390, height: 844 } });
    const findings: Record<string, unknown> = {};
    try {
      const a = await admin.newPage();
      await signIn(a, e2e.baseUrl, 'admin@demo');
      await a.getByRole('link', { name: en.nav.education }).click();
      await a.getByTestId('add-programme').click();
      await a.getByTestId('programme-title').fill('Programme for new members');
      await a.getByTestId('programme-themes').fill(`${THEME}\nOur cell's history`);
      await a.getByRole('button', { name: en.common.save }).click();
      await a.getByTestId('theme').filter({ hasText: THEME }).waitFor();
      // The theme's session plan, written in the browser and shown to everyone under the theme.
      await a.getByTestId('theme').filter({ hasText: THEME }).getByTestId('edit-theme').click();
      await a.getByTestId('theme-minutes').fill('20');
      await a.getByTestId('theme-plan-text').fill('Walk the floor together; name one hazard each');
      findings.themeForm = await seriousFindings(a);
      await a.getByRole('dialog').getByRole('button', { name: en.common.save }).click();
      await a.getByTestId('theme').filter({ hasText: 'Walk the floor together; name one hazard each' }).waitFor();
      await a.getByTestId('theme').filter({ hasText: THEME }).getByText('20 minutes').waitFor();
      findings.programmes = await seriousFindings(a);
      await shot(a, 'education-programmes');

      const m = await member.newPage();
      await signIn(m, e2e.baseUrl, 'member@demo');
      const me = await (await m.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const personId: number = me.person.id;

      const s = await secretary.newPage();
      await signIn(s, e2e.baseUrl, 'secretary@demo');
      await s.goto(`${e2e.baseUrl}/people/${personId}`);
      await s.getByTestId('edit-plan').click();
      const picker = s.getByTestId('plan-themes');
      await picker.click();
      await picker.fill('Safety');
      await s.getByRole('option', { name: THEME }).click();
      await s.keyboard.press('Escape');
      await s.getByRole('dialog').getByRole('button', { name: en.common.save }).click();
      await s.getByTestId('person-learning-plan').getByTestId('plan-theme').filter({ hasText: THEME }).waitFor();
      expect(
        await s.getByTestId('person-learning-plan').getByTestId('plan-theme').filter({ hasText: THEME }).getAttribute('data-completed'),
      ).toBe('false');
      findings.person = await seriousFindings(s);

      const person = await (await s.request.get(`${e2e.baseUrl}/api/v1/people/${personId}`)).json();
      const cellId = person.memberships.find((x: { toDate: string | null }) => x.toDate === null).cell.id;
      await s.goto(`${e2e.baseUrl}/units/${cellId}?tab=meetings`);
      await s.getByTestId('schedule-meeting').click();
      await s.getByTestId('meeting-kind').click();
      await s.getByRole('option', { name: 'Study and reading session' }).click();
      await s.getByTestId('meeting-starts-at').fill(localInput(earlierToday()));
      const themes = s.getByTestId('meeting-themes');
      await themes.click();
      await themes.fill('Safety');
      await s.getByRole('option', { name: THEME }).click();
      await s.keyboard.press('Escape');
      await s.getByTestId('create-meeting').click();
      await s.waitForURL(/\/meetings\/\d+$/);
      await s.getByTestId('meeting-theme').filter({ hasText: THEME }).waitFor();
      const row = s.locator(`[data-testid="roll-row"]`).filter({ hasText: me.person.fullName });
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('present');
      await row.focus();
      await s.keyboard.press('Control+Enter');
      await s.getByTestId('attendance-saved').waitFor();
      findings.meeting = await seriousFindings(s);

      await m.goto(`${e2e.baseUrl}/`);
      const done = m.getByTestId('home-learning-plan').getByTestId('plan-theme').filter({ hasText: THEME });
      await done.waitFor();
      await expect.poll(() => done.getAttribute('data-completed')).toBe('true');
      expect(await m.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(m, 'education-home-390');
      findings.home = await seriousFindings(m);
      expect(findings).toEqual({ themeForm: [], programmes: [], person: [], meeting: [], home: [] });
    } finally {
      await admin.close();
      await secretary.close();
      await member.close();
    }
  }, 240_000);
});
