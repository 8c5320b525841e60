/**
 * One browser and one seeded server per browser test file. CELLWORK_E2E_BASE_URL points the tests at a
 * running server instead; CHROMIUM_PATH at another Chromium than Debian's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { AppContext } from '../../src/server/context.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type E2E = {
  baseUrl: string;
  browser: Browser;
  /** The server's context when the test started it (not with CELLWORK_E2E_BASE_URL): for data a test sets up. */
  ctx?: AppContext;
};

/** Registers the file's beforeAll/afterAll; the returned object is filled in before the tests run. */
export function useBrowserAndServer(opts: { jobs?: boolean } = {}): E2E {
  const e2e = {} as E2E;
  let closeServer: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const external = process.env.CELLWORK_E2E_BASE_URL;
    if (external) {
      e2e.baseUrl = external.replace(/\/$/, '');
    } else {
      const { startTestServer } = await import('../helpers/server.ts');
      const server = await startTestServer(opts);
      e2e.baseUrl = server.baseUrl.replace(/\/$/, '');
      e2e.ctx = server.ctx;
      closeServer = () => server.close();
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // Service workers only where a test asks for them (the offline app's tests pass 'allow'): elsewhere
    // every new context would install the app's worker, which precaches every script (about 4 MB) beside
    // the test's own requests and takes over its pages mid-test (a lazy chunk after a reload hung).
    const newContext = browser.newContext.bind(browser);
    browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
    e2e.browser = browser;
  }, 240_000);
  afterAll(async () => {
    await e2e.browser?.close();
    await closeServer?.();
  }, 60_000);
  return e2e;
}

/** With CELLWORK_E2E_SCREENSHOTS set to a directory, saves a screenshot of the page there. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env.CELLWORK_E2E_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/** Signs in through the form as a demo account (password "demo") and waits for the signed-in layout. */
export async function signIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login').fill(login);
  await page.getByTestId('password').fill('demo');
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-out').waitFor();
}

/** Runs `run` in a fresh browser context signed in as `login`, failing on any uncaught page error. */
export async function asRole<T>(e2e: E2E, login: string, options: BrowserContextOptions, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await e2e.browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await signIn(page, e2e.baseUrl, login);
    const result = await run(page);
    expect(errors).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}
