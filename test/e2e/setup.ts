/**
 * One browser and one seeded server per browser test file. CELLWORK_E2E_BASE_URL points the tests at a
 * running server instead; CHROMIUM_PATH at another Chromium than Debian's.
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export type E2E = { baseUrl: string; browser: Browser };

/** Registers the file's beforeAll/afterAll; the returned object is filled in before the tests run. */
export function useBrowserAndServer(): E2E {
  const e2e = {} as E2E;
  let closeServer: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const external = process.env.CELLWORK_E2E_BASE_URL;
    if (external) {
      e2e.baseUrl = external.replace(/\/$/, '');
    } else {
      const { startTestServer } = await import('../helpers/server.ts');
      const server = await startTestServer();
      e2e.baseUrl = server.baseUrl.replace(/\/$/, '');
      closeServer = () => server.close();
    }
    e2e.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 240_000);
  afterAll(async () => {
    await e2e.browser?.close();
    await closeServer?.();
  }, 60_000);
  return e2e;
}
