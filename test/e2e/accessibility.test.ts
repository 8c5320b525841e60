/**
 * WCAG 2.2 AA in a real Chromium: axe-core finds no serious or critical violation on the sign-in page
 * and on every page each demo role works on (home, unit, dashboard, meeting and attendance, rulebook,
 * administration, audit log, a member's page), in English and in Korean. One browser, one context per
 * role; the language is switched through the stored choice and a reload. Every page is also titled,
 * "<page> · Cellwork", not just "Cellwork".
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousFindings, settle, trackRequests, type Finding } from './axe.ts';
import { signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

type MeBody = {
  roots: Array<{ id: number }>;
  cells: Array<{ id: number }>;
  grants: Array<{ role: string; access: string }>;
  person: { id: number } | null;
};

/** The pages a role works on, as paths, found through the API the way its navigation finds them. */
async function pagesOf(page: Page): Promise<string[]> {
  const me = (await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json()) as MeBody;
  const paths = ['/', '/notifications'];
  const root = me.roots[0];
  if (root) paths.push(`/units/${root.id}`, `/units/${root.id}?tab=reports`, `/units/${root.id}/compliance/general-meeting-monthly`);
  const cell = me.cells[0];
  if (cell) {
    paths.push(`/units/${cell.id}`, `/units/${cell.id}?tab=meetings`, `/units/${cell.id}?tab=report`);
    const list = (await (await page.request.get(`${e2e.baseUrl}/api/v1/cells/${cell.id}/meetings?limit=50`)).json()) as {
      items: Array<{ id: number; status: string }>;
    };
    const held = list.items.find((m) => m.status === 'held');
    if (held) paths.push(`/meetings/${held.id}`);
    const members = (await (await page.request.get(`${e2e.baseUrl}/api/v1/units/${cell.id}/members?limit=5`)).json()) as {
      items?: Array<{ personId: number }>;
    };
    const person = members.items?.[0];
    if (person) paths.push(`/people/${person.personId}`);
  }
  // The study library (issue 11): everyone's; the reading log for those who are members.
  paths.push('/library', '/library?tab=newspaper', '/library?tab=lists', `/library?q=${encodeURIComponent('학습')}`);
  if (cell) paths.push('/library?tab=log');
  if (me.person) paths.push('/inbox');
  // Education (issue 12): the programmes are everyone's.
  paths.push('/education');
  if (me.grants.some((g) => g.role !== 'member')) paths.push('/directives');
  const charter = (
    (await (await page.request.get(`${e2e.baseUrl}/api/v1/library/items?kind=charter`)).json()) as { items: Array<{ id: number }> }
  ).items[0];
  if (charter) paths.push(`/library/items/${charter.id}`);
  const issue = ((await (await page.request.get(`${e2e.baseUrl}/api/v1/library/issues`)).json()) as { items: Array<{ id: number }> })
    .items[0];
  if (issue) paths.push(`/library/issues/${issue.id}`);
  if (me.grants.some((g) => g.access === 'manage' || g.role === 'admin')) paths.push('/admin');
  if (me.grants.some((g) => g.role === 'admin' || g.role === 'official')) paths.push('/audit');
  if (me.grants.some((g) => g.role === 'admin')) paths.push('/rulebook', '/meeting-kinds', '/sending');
  return paths;
}

async function setLanguage(page: Page, language: 'en' | 'ko'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cellwork.language', l), language);
}

/** Every path in both languages; returns the findings by "<language> <path>". */
async function scan(page: Page, paths: string[]): Promise<Record<string, Finding[]>> {
  const found: Record<string, Finding[]> = {};
  for (const language of ['en', 'ko'] as const) {
    await setLanguage(page, language);
    await page.goto(`${e2e.baseUrl}/`);
    for (const p of paths) {
      // Client-side navigation, as a click on a link would: the app and axe stay loaded.
      await page.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, p);
      await settle(page);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      const findings = await seriousFindings(page);
      // Every page says what it is in the browser's tab, not only the app's name.
      const title = await page.title();
      if (!/^\S.* · Cellwork$/.test(title)) findings.push({ rule: 'page-title', impact: 'serious', targets: [`title: ${title}`] });
      if (findings.length) found[`${language} ${p}`] = findings;
    }
  }
  return found;
}

async function withContext(run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await e2e.browser.newContext({
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  try {
    const page = await context.newPage();
    trackRequests(page);
    await run(page, context);
  } finally {
    await context.close();
  }
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('the sign-in page has no serious or critical violation, in English and Korean', async () => {
    await withContext(async (page) => {
      await page.goto(`${e2e.baseUrl}/`);
      const found: Record<string, Finding[]> = {};
      for (const language of ['en', 'ko'] as const) {
        await setLanguage(page, language);
        await page.reload();
        await page.getByTestId('login').waitFor();
        const findings = await seriousFindings(page);
        expect(await page.title()).toBe(`${language === 'en' ? 'Sign in' : '로그인'} · Cellwork`);
        if (findings.length) found[language] = findings;
        // A failed sign-in shows an alert, which must be readable too.
        await page.getByTestId('login').fill('nobody@demo');
        await page.getByTestId('password').fill('wrong-password');
        await page.getByTestId('sign-in').click();
        await page.getByRole('alert').waitFor();
        const afterError = await seriousFindings(page);
        if (afterError.length) found[`${language} after a failed sign-in`] = afterError;
      }
      expect(found).toEqual({});
    });
  }, 120_000);

  for (const login of ['admin@demo', 'region@demo', 'district@demo', 'secretary@demo', 'member@demo']) {
    it(`${login}: every page it works on has no serious or critical violation, in English and Korean`, async () => {
      await withContext(async (page) => {
        await signIn(page, e2e.baseUrl, login);
        const paths = await pagesOf(page);
        expect(paths.length).toBeGreaterThan(1);
        expect(await scan(page, paths)).toEqual({});
      });
    }, 240_000);
  }
});
