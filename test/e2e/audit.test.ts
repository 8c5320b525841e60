/**
 * Browser check of the audit log page against a seeded server: a district official renames a unit
 * under their committee, finds the change in the log with its name before and after, narrows the log
 * to their own changes from the keyboard, and reads it in Korean. A member has no audit log.
 *
 * CELLWORK_E2E_BASE_URL points the test at an already running server instead of starting one (the
 * test renames a unit there).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

/** Renames the first unit under the signed-in official's committee through the API, as the page's session. */
async function renameFirstChild(page: Page): Promise<{ before: string; after: string }> {
  return page.evaluate(async () => {
    const me = await (await fetch('/api/v1/me')).json();
    const children = await (await fetch(`/api/v1/units/${me.roots[0].id}/children?limit=1`)).json();
    const unit = children.items[0];
    const after = `${unit.name} (renamed)`;
    const res = await fetch(`/api/v1/units/${unit.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: after }),
    });
    if (!res.ok) throw new Error(`rename answered ${res.status}`);
    return { before: unit.name as string, after };
  });
}

describe('the audit log page', () => {
  it('shows an official the changes under their committee, before and after, in both languages', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'district@demo');
      const renamed = await renameFirstChild(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      const row = page.locator('[data-testid="audit-row"][data-action="unit.update"]').first();
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain('Unit edited');
      const nameLine = row.locator('[data-testid="audit-diff"] tr[data-field="name"]');
      expect(await nameLine.locator('td').allTextContents()).toEqual([renamed.before, renamed.after]);
      await shot(page, 'audit-log');

      // The person who made the change is a button: Enter narrows the log to their changes.
      await row.getByRole('button', { name: /Show only changes by/ }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('actorId')).toMatch(/^\d+$/);
      const whos = () => page.locator('[data-testid="audit-row"] > td:nth-child(2)').allTextContents();
      // The previous page stays on screen until the filtered one arrives.
      await expect.poll(async () => [...new Set(await whos())]).toEqual([expect.stringContaining('district@demo')]);

      await page.getByTestId('language-switch').getByText('한국어').click();
      await page.getByRole('heading', { name: '감사 기록' }).waitFor();
      await expect
        .poll(() => page.locator('[data-testid="audit-row"][data-action="unit.update"]').first().textContent())
        .toContain('단위 수정');
    } finally {
      await context.close();
    }
  });

  it('has no audit log for a member', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'member@demo');
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      await page.goto(`${e2e.baseUrl}/audit`);
      await page.getByTestId('sign-out').waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      expect(await page.getByTestId('audit-table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
