/**
 * Browser checks of the password forms: the strength meter loads only when a form opens, grades what
 * is typed in the reader's language, and the server's refusal of a common password is shown; the
 * accounts page names its accounts.
 */
import { describe, expect, it } from 'vitest';
import { signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

describe('password forms', () => {
  it('grade a new password as it is typed, and show why the server refuses a common one', async () => {
    const page = await e2e.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await signIn(page, e2e.baseUrl, 'member@demo');
    const loadedBefore = scripts.length;
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const meter = page.getByTestId('password-strength');
    await expect.poll(() => meter.textContent()).toContain('At least 8 characters');
    // The estimator arrives with the form, as scripts of its own.
    await expect.poll(() => scripts.length).toBeGreaterThan(loadedBefore);

    const field = page.getByTestId('new-password');
    await field.fill('abc');
    await expect.poll(() => meter.textContent()).toContain('Too short: 3 of at least 8 characters');
    await field.fill('password');
    await expect.poll(() => meter.textContent()).toBe('Password strength: very weak');
    await field.fill('copper lantern drifts sideways');
    await expect.poll(async () => Number(await meter.getAttribute('data-score'))).toBeGreaterThanOrEqual(3);

    await field.fill('baseball1');
    await page.getByLabel('Current password').fill('demo');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByRole('alert').textContent())
      .toContain('That password is one of the most common ones');

    await page.evaluate(() => localStorage.setItem('cellwork.language', 'ko'));
    await page.reload();
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: '비밀번호 변경' }).click();
    await page.getByTestId('new-password').fill('password');
    await expect.poll(() => page.getByTestId('password-strength').textContent()).toBe('비밀번호의 세기: 매우 약함');
    await page.close();
  });

  it('the accounts page names each account instead of a number', async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.baseUrl, 'admin@demo');
    await page.goto(`${e2e.baseUrl}/admin`);
    const names = page.getByTestId('account-name');
    await names.first().waitFor();
    const texts = await names.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(5);
    expect(texts.every((n) => n.trim() !== '' && !/^#\d+$/.test(n.trim()))).toBe(true);
    expect(texts).toContain('admin@demo');
    await page.close();
  });
});
