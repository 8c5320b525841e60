/**
 * Browser walk through the built web UI against a seeded server: sign in as a district official,
 * drill down from the district committee to a cell, see its roll, then switch the UI to Korean.
 *
 * CELLWORK_E2E_BASE_URL points the test at an already running server instead of starting one.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

const MAX_DEPTH = 10;

/** Follows unit rows down from the current committee page until a cell's page is shown. */
async function drillDownToCell(page: Page): Promise<void> {
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const title = page.getByTestId('unit-title');
    await title.waitFor();
    if ((await title.getAttribute('data-kind')) === 'cell') return;
    const rows = page.getByTestId('unit-row');
    await rows.first().waitFor();
    // Prefer a unit that has members below it, so the walk ends on a cell with a roll.
    const populated = page.locator('[data-testid="unit-row"]:not([data-member-count="0"])');
    const row = (await populated.count()) > 0 ? populated.first() : rows.first();
    const link = row.getByRole('link').first();
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(name);
  }
  throw new Error(`no cell found within ${MAX_DEPTH} levels`);
}

describe('browsing the organization', () => {
  it('signs in, drills down to a cell, sees its members and switches to Korean', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(`${e2e.baseUrl}/`);
      await page.getByTestId('login').fill('district@demo');
      await page.getByTestId('password').fill('demo');
      await page.getByTestId('sign-in').click();

      await page.getByTestId('sign-out').waitFor();
      // The served UI is React's production build (the development build renders several times slower).
      const scripts = await page.evaluate(() => [...document.scripts].map((x) => x.src).filter(Boolean));
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts)
        expect((await (await page.request.get(src)).text()).includes('jsxDEV'), `${src} is a development build`).toBe(false);
      const root = page.getByTestId('root-link').first();
      const rootName = (await root.textContent())?.trim();
      expect(rootName).toBeTruthy();
      await root.click();
      await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(rootName);
      expect(await page.getByTestId('unit-title').getAttribute('data-kind')).toBe('committee');

      await drillDownToCell(page);
      await page.getByTestId('member-row').first().waitFor();
      expect(await page.getByTestId('member-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('unit-row').count()).toBe(0);

      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByTestId('language-switch').getByText('한국어').click();
      await page.getByRole('navigation').getByText('조직', { exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
      await page.getByRole('heading', { name: '성원', exact: true }).waitFor();

      // The choice survives a reload.
      await page.reload();
      await page.getByTestId('member-row').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    } finally {
      await context.close();
    }
  }, 120_000);
});
