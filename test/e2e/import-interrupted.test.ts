/**
 * The import dialog when the server process running the import dies: the upload never gets its
 * answer, the status then says interrupted, and the dialog stops waiting, says nothing was imported
 * and offers to try again, which then works. The dying process is played by holding the upload in the
 * browser while its import row is left running with nobody holding it, as a killed process leaves it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { AppContext } from '../../src/server/context.ts';
import { startTestServer } from '../helpers/server.ts';
import { signIn } from './setup.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let ctx: AppContext;
beforeAll(async () => {
  server = await startTestServer();
  ctx = server.ctx;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

describe('an import cut off by the server process dying', () => {
  it('stops waiting, says nothing was imported, and imports on "Try again", in English and Korean', async () => {
    const account = await ctx.db
      .selectFrom('accounts')
      .innerJoin('grants', 'grants.account_id', 'accounts.id')
      .select(['accounts.id as accountId', 'grants.unit_id as unitId'])
      .where('accounts.login', '=', 'secretary@demo')
      .executeTakeFirstOrThrow();
    const cellId = Number(account.unitId);
    const before = (
      await ctx.db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('cell_id', '=', cellId)
        .executeTakeFirstOrThrow()
    ).n;
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.baseUrl, 'secretary@demo');
      let interruptNext = true;
      await page.route('**/api/v1/units/*/imports?*', async (route) => {
        if (!interruptNext) return route.continue();
        interruptNext = false;
        // This upload's process "dies" mid-way, so no answer ever comes.
        const importId = new URL(route.request().url()).searchParams.get('importId')!;
        await ctx.db
          .insertInto('imports')
          .values({ id: importId, unit_id: cellId, account_id: Number(account.accountId), status: 'running', lines_read: 1 })
          .execute();
      });
      const dialog = page.getByRole('dialog');
      const stamp = randomUUID().slice(0, 8);
      const sendFile = async () => {
        await page.goto(`${server.baseUrl}/units/${cellId}`);
        await page.getByTestId('import-members').click();
        await dialog.locator('input[type="file"]').setInputFiles({
          name: 'members.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`full_name,member_no\n중단 ${stamp},INT-${stamp}\n`, 'utf8'),
        });
        await dialog.getByTestId('import-start').click();
      };
      await sendFile();
      const interrupted = dialog.getByTestId('import-interrupted');
      await interrupted.waitFor();
      expect(await interrupted.textContent()).toContain('Nothing was imported');
      expect(await dialog.getByTestId('import-start').isEnabled()).toBe(true); // no longer waiting

      await dialog.getByTestId('import-retry').click();
      const done = dialog.getByTestId('import-done');
      await done.waitFor();
      expect(await done.textContent()).toContain('1 created');
      const after = (
        await ctx.db
          .selectFrom('memberships')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cell_id', '=', cellId)
          .executeTakeFirstOrThrow()
      ).n;
      expect(Number(after)).toBe(Number(before) + 1);

      // The same, in Korean.
      await page.evaluate(() => localStorage.setItem('cellwork.language', 'ko'));
      interruptNext = true;
      await sendFile();
      await interrupted.waitFor();
      expect(await interrupted.textContent()).toContain('가져오기가 중단되었습니다');
      expect(await interrupted.textContent()).toContain('아무것도 가져오지 않았습니다');
    } finally {
      await context.close();
    }
  });
});
