/**
 * A code already in use, refused by the server (409), shows under the code field of the add-unit and
 * rename forms, in the user's language, and not as a generic "Something went wrong" alert.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import ko from '../../src/web/i18n/ko.json' with { type: 'json' };
import { signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

const TAKEN = { en: en.serverErrors.db.codeTaken, ko: ko.serverErrors.db.codeTaken };
const RENAME = { en: en.unit.edit, ko: ko.unit.edit };

async function expectCodeError(page: Page, language: 'en' | 'ko'): Promise<void> {
  const dialog = page.getByRole('dialog');
  const code = dialog.getByTestId('unit-code');
  await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(
    describedBy
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(messages.map((m) => m?.trim())).toContain(TAKEN[language]);
  expect(await dialog.getByRole('alert').filter({ hasNotText: TAKEN[language] }).count()).toBe(0);
  expect(await dialog.locator('.mantine-Alert-root').count()).toBe(0);
}

describe('unit forms', () => {
  it('shows a code already in use under the code field, in English and Korean', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'admin@demo');
      const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const rootId: number = me.roots[0].id;
      const taken = `TAKEN-${Date.now().toString(36)}`;
      const made = await page.request.post(`${e2e.baseUrl}/api/v1/units`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { parentId: rootId, kind: 'committee', name: `E2E ${taken}`, code: taken },
      });
      expect(made.status()).toBe(201);
      const other = await page.request.post(`${e2e.baseUrl}/api/v1/units`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { parentId: rootId, kind: 'committee', name: `E2E other ${taken}`, code: `${taken}-2` },
      });
      const otherId: number = (await other.json()).id;

      for (const language of ['en', 'ko'] as const) {
        await page.evaluate((l) => localStorage.setItem('cellwork.language', l), language);
        await page.goto(`${e2e.baseUrl}/units/${rootId}`);
        await page.getByTestId('add-unit').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('unit-name').fill(`E2E again ${language}`);
        await dialog.getByTestId('unit-code').fill(taken);
        await dialog.locator('button[type="submit"]').click();
        await expectCodeError(page, language);
        // Changing the code takes the refusal away: it was about the old value.
        await dialog.getByTestId('unit-code').fill(`${taken}-new`);
        await expect.poll(() => dialog.getByTestId('unit-code').getAttribute('aria-invalid')).not.toBe('true');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        await page.goto(`${e2e.baseUrl}/units/${otherId}`);
        await page.getByRole('button', { name: RENAME[language], exact: true }).click();
        await dialog.getByTestId('unit-code').fill(taken);
        await dialog.locator('button[type="submit"]').click();
        await expectCodeError(page, language);
        await page.keyboard.press('Escape');
      }
    } finally {
      await context.close();
    }
  }, 120_000);
});
