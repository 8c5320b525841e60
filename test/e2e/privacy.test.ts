/**
 * Members' privacy in the browser (docs/decisions/0013): a member's own page is whole; a cell-mate's
 * page names them and their memberships but says, in the reader's language, that the rest is for the
 * secretary and the committees above, with no empty or "undefined" fields. Committee health, whose
 * reader's top unit now has no parent for them, still renders (and the sector split shows at the root).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import ko from '../../src/web/i18n/ko.json' with { type: 'json' };
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

describe("members' privacy in the browser", () => {
  it("shows a member their own file whole and a cell-mate's name without their personal data, in English and Korean", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'member@demo');
      const ownId: number = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).person.id);
      await page.getByTestId('cell-link').first().click();
      await page.getByTestId('member-row').first().waitFor();
      const ids = await page.getByTestId('member-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-person-id'))));
      const mate = ids.find((id) => id !== ownId);
      expect(mate).toBeDefined();

      await page.goto(`${e2e.baseUrl}/people/${ownId}`);
      await page.getByTestId('personal-details').waitFor();
      expect(await page.getByTestId('personal-hidden').count()).toBe(0);

      await page.goto(`${e2e.baseUrl}/people/${mate}`);
      await page.getByTestId('person-title').waitFor();
      const hidden = page.getByTestId('personal-hidden');
      await hidden.waitFor();
      expect(await hidden.textContent()).toBe(en.privacy.personalHidden);
      expect(await page.getByTestId('personal-details').count()).toBe(0);
      expect(await page.getByTestId('membership-row').count()).toBeGreaterThan(0);
      expect(await page.locator('body').innerText()).not.toMatch(/undefined|\bnull\b|NaN/);
      await shot(page, 'privacy-cell-mate-en');

      await page.getByTestId('language-switch').getByText('한국어').click();
      await expect.poll(() => hidden.textContent()).toBe(ko.privacy.personalHidden);
      expect(await page.locator('body').innerText()).not.toMatch(/undefined|\bnull\b|NaN/);
      await shot(page, 'privacy-cell-mate-ko');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('renders committee health for an official whose committee has no parent for them, and the sector split only at the root', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      for (const [login, sectors] of [
        ['district@demo', 0],
        ['admin@demo', 1],
      ] as const) {
        await signIn(page, e2e.baseUrl, login);
        const root = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).roots[0] as { id: number });
        const unit = await page.evaluate(
          async (id) => (await (await fetch(`/api/v1/units/${id}`)).json()) as { parentId: number | null; breadcrumb: unknown[] },
          root.id,
        );
        expect(unit.parentId).toBeNull();
        expect(unit.breadcrumb).toHaveLength(1);
        await page.goto(`${e2e.baseUrl}/units/${root.id}?tab=health`);
        // The worst cells and the sector split render together, once the unit's figures are in.
        await page.locator('#worst-title').waitFor();
        expect(await page.getByRole('navigation', { name: en.unit.breadcrumb }).count()).toBe(0);
        expect(await page.getByTestId('sector-breakdown').count()).toBe(sectors);
        expect(await page.getByRole('alert').count()).toBe(0);
        await page.getByTestId('sign-out').click();
        await page.getByTestId('login').waitFor();
      }
    } finally {
      await context.close();
    }
  }, 120_000);
});
