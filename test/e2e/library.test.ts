/**
 * The study library in the browser (issue 11): an administrator adds a newspaper issue and an editorial
 * through the forms; a member finds it with a Korean query (a word inside a compound), sees the match
 * highlighted, opens it, marks it read, and finds it in their reading log.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import { seriousFindings } from './axe.ts';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

describe('the study library in the browser', () => {
  it('an administrator publishes an editorial; a member finds it by a Korean query and marks it read', async () => {
    const admin = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    // bypassCSP: axe-core is injected to check the pages with content (the accessibility test sees them empty).
    const member = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const findings: Record<string, unknown> = {};
    try {
      const page = await admin.newPage();
      await signIn(page, e2e.baseUrl, 'admin@demo');
      await page.goto(`${e2e.baseUrl}/library`);
      await page.getByTestId('add-issue').click();
      await page.getByTestId('issue-title').fill('노동신문');
      await page.getByTestId('issue-date').fill('2026-11-15');
      await page.getByRole('button', { name: en.common.save }).click();
      await page.getByTestId('add-article').click();
      await page.getByTestId('content-title').fill('사설: 세포마다 학습모임을 정상화하자');
      await page
        .getByTestId('content-body')
        .fill('모든 세포는 매달 두 번 이상 학습모임을 열고 강령을 함께 읽는다.\n\n학습은 조직의 힘이다.');
      await page.getByTestId('article-editorial').check();
      await page.getByRole('button', { name: en.common.save }).click();
      await page.getByTestId('library-item').first().waitFor();
      expect(await page.getByTestId('editorial-badge').count()).toBe(1);

      const reader = await member.newPage();
      await signIn(reader, e2e.baseUrl, 'member@demo');
      await reader.getByRole('link', { name: en.nav.library }).click();
      await reader.getByTestId('library-search').fill('정상화');
      const hit = reader.getByTestId('search-hit').first();
      await hit.waitFor();
      expect(await hit.locator('mark').first().textContent()).toBe('정상화');
      await shot(reader, 'library-search-ko');
      findings.search = await seriousFindings(reader);
      await hit.getByRole('link').first().click();
      await reader.getByTestId('item-title').waitFor();
      expect(await reader.getByTestId('item-title').textContent()).toBe('사설: 세포마다 학습모임을 정상화하자');
      await reader.getByTestId('mark-read').click();
      await reader.getByTestId('unmark-read').waitFor();
      expect(await reader.getByTestId('read-state').textContent()).toMatch(/^You read this on /);
      findings.item = await seriousFindings(reader);

      await reader.goto(`${e2e.baseUrl}/library?tab=log`);
      const entry = reader.getByTestId('reading-log-entry');
      await entry.first().waitFor();
      expect(await entry.count()).toBe(1);
      expect(await entry.first().textContent()).toContain('사설: 세포마다 학습모임을 정상화하자');
      expect(await reader.locator('body').innerText()).not.toMatch(/undefined|\bnull\b|NaN/);
      await shot(reader, 'library-reading-log');
      findings.log = await seriousFindings(reader);
      expect(findings).toEqual({ search: [], item: [], log: [] });
    } finally {
      await admin.close();
      await member.close();
    }
  }, 180_000);
});
