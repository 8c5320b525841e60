/**
 * axe-core run inside the page: WCAG 2.0–2.2 A and AA rules, only the serious and critical findings,
 * each with the elements it found, so a failing test names what to fix.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface Finding {
  rule: string;
  impact: string;
  targets: string[];
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's requests in flight from now on, for settle(). */
export function trackRequests(page: Page): void {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/**
 * Waits until the page has stopped loading: no request in flight and no spinner, twice in a row a short
 * while apart, so axe sees the page as its user does (client-side navigations included).
 */
export async function settle(page: Page): Promise<void> {
  const open = inFlight.get(page);
  const loaders = page.locator('.mantine-Loader-root');
  for (let quiet = 0, round = 0; quiet < 3; round++) {
    if (round > 150) throw new Error(`${page.url()} never settled`);
    await page.waitForTimeout(100);
    quiet = (open?.size ?? 0) === 0 && (await loaders.count()) === 0 ? quiet + 1 : 0;
  }
}

export async function seriousFindings(page: Page): Promise<Finding[]> {
  // Colours are read as painted: a dialog fading out after a save has near-invisible text for a moment
  // (contrast 1.02 was reported once). Finite transitions and animations end first; endless ones (a
  // loader) are waited on for at most two seconds.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      null,
      {
        timeout: 2_000,
      },
    )
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: Array<{ id: string; impact?: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact!,
        targets: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
      }));
  }, WCAG_AA);
}
