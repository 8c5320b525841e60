/**
 * Notifications in the browser: the bell counts a new notification, its menu lists it in the reader's
 * language and marks it read; the member turns e-mail off; an administrator sees the sending state and
 * adds a webhook endpoint (a bad address is refused with a message, the secret is shown once).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import ko from '../../src/web/i18n/ko.json' with { type: 'json' };
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

describe('notifications in the browser', () => {
  it('a member sees the bell count, reads the notification, and turns e-mail off', async () => {
    const ctx = e2e.ctx;
    if (!ctx) return; // against an external server (CELLWORK_E2E_BASE_URL) there is no notifier to call
    const member = await ctx.db.selectFrom('accounts').select('person_id').where('login', '=', 'member@demo').executeTakeFirstOrThrow();
    await ctx.db.transaction().execute((trx) =>
      ctx.notifier.notifyPeople(trx, {
        kind: 'demo',
        payload: { key: 'notifications.kinds.demo', params: { title: 'Study session moved' } },
        link: '/notifications',
        personIds: [member.person_id!],
      }),
    );
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'member@demo');
      const bell = page.getByTestId('notification-bell');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe(en.notifications.bell_one.replace('{{count}}', '1'));
      await bell.click();
      const item = page.getByTestId('notification-item').first();
      await expect.poll(() => item.innerText()).toContain('Test notification: Study session moved');
      expect(await item.getAttribute('data-unread')).toBe('true');
      await shot(page, 'notifications-bell');
      await item.click();
      await page.waitForURL(/\/notifications$/);
      await expect.poll(() => bell.getAttribute('aria-label')).toBe(en.notifications.bell_other.replace('{{count}}', '0'));

      const optIn = page.getByTestId('email-opt-in');
      await optIn.waitFor();
      expect(await optIn.isChecked()).toBe(true);
      await optIn.click({ force: true }); // controlled: it turns when the server has saved it;
      await expect
        .poll(async () => page.evaluate(async () => (await (await fetch('/api/v1/me/notification-settings')).json()).emailOptOut))
        .toBe(true);
      await expect.poll(() => optIn.isChecked()).toBe(false);
      await page.getByTestId('language-switch').getByText('한국어').click();
      await expect.poll(() => page.getByRole('heading', { level: 2 }).first().innerText()).toBe(ko.notifications.title);
      expect(await page.locator('body').innerText()).not.toMatch(/undefined|\bnull\b|NaN|notifications\./);
      await shot(page, 'notifications-page-ko');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('an administrator sees the sending state and adds a webhook endpoint', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, e2e.baseUrl, 'admin@demo');
      await page.getByRole('link', { name: en.nav.sending }).click();
      await page.getByTestId('sending-mail').waitFor();
      expect(await page.getByTestId('sending-mail').innerText()).toContain(en.notifications.sending.mailOff);
      await page.getByLabel(en.notifications.webhooks.url).fill('ftp://gateway.example.org');
      await page.getByRole('button', { name: en.notifications.webhooks.add }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').innerText()).toMatch(/http/);
      await page.getByLabel(en.notifications.webhooks.url).fill('https://gateway.example.org/cellwork');
      await page.getByRole('button', { name: en.notifications.webhooks.add }).click();
      await expect.poll(() => page.getByTestId('webhook-secret').innerText()).toMatch(/whsec_/);
      await expect.poll(() => page.getByTestId('webhook-row').count()).toBe(1);
      expect(await page.locator('body').innerText()).not.toMatch(/undefined|\bnull\b|NaN|notifications\./);
      await shot(page, 'notifications-sending');
    } finally {
      await context.close();
    }
  }, 120_000);
});
