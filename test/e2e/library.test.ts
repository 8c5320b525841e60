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
      await page.getByTestId('content-body').click();
      await page.keyboard.type('모든 세포는 매달 두 번 이상 학습모임을 열고 강령을 함께 읽는다.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('학습은 조직의 힘이다.');
      await page.getByTestId('article-editorial').check();
      await page.getByRole('button', { name: en.common.save }).click();
      await page.getByTestId('library-item').first().waitFor();
      expect(await page.getByTestId('editorial-badge').count()).toBe(1);
      // Withdrawn to a draft and published again from its page.
      await page.getByTestId('library-item').first().getByRole('link').click();
      await page.getByTestId('withdraw-item').click();
      await page.getByTestId('publish-item').click();
      await page.getByTestId('withdraw-item').waitFor();

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
      // The demo cell's study sessions read the seeded editorial and charter; the article read alone is here too, read alone.
      const entry = reader.getByTestId('reading-log-entry').filter({ hasText: '사설: 세포마다 학습모임을 정상화하자' });
      await entry.waitFor();
      expect(await entry.locator('td').nth(1).textContent()).not.toBe('—');
      expect(await entry.locator('td').nth(2).textContent()).toBe('—');
      expect(await reader.locator('body').textContent()).not.toMatch(/undefined|\bnull\b|NaN/);
      await shot(reader, 'library-reading-log');
      findings.log = await seriousFindings(reader);
      expect(findings).toEqual({ search: [], item: [], log: [] });
    } finally {
      await admin.close();
      await member.close();
    }
  }, 180_000);

  it("an official sets a reading list for their district; the member's cell sees it; the secretary links the article to a study meeting", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const title = 'Study notes on the cooperative harvest';
    try {
      const page = await context.newPage();
      // Content first, through the API as the administrator (the forms are the first test's).
      await signIn(page, e2e.baseUrl, 'admin@demo');
      await page.evaluate(async (t) => {
        const me = await (await fetch('/api/v1/me')).json();
        const res = await fetch('/api/v1/library/documents', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ title: t, body: 'What the cooperative learned this season.' }),
        });
        if (res.status !== 201) throw new Error(`document: ${res.status}`);
      }, title);
      await page.getByTestId('sign-out').click();
      // Signing out first sends what the offline outbox holds; the next sign-in waits for it to finish.
      await page.getByTestId('login').waitFor();

      await signIn(page, e2e.baseUrl, 'district@demo');
      await page.goto(`${e2e.baseUrl}/library?tab=lists`);
      await page.getByTestId('add-reading-list').click();
      await page.getByTestId('list-title').fill('This month in the district');
      // The picker searches the library as one types.
      await page.getByTestId('list-items').click();
      await page.keyboard.type('cooperative harvest');
      await page.getByRole('option', { name: title }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: en.common.save }).click();
      await page.getByTestId('reading-list').filter({ hasText: 'This month in the district' }).waitFor();
      await page.getByTestId('sign-out').click();
      // Signing out first sends what the offline outbox holds; the next sign-in waits for it to finish.
      await page.getByTestId('login').waitFor();

      await signIn(page, e2e.baseUrl, 'member@demo');
      await page.goto(`${e2e.baseUrl}/library?tab=lists`);
      const list = page.getByTestId('reading-list').filter({ hasText: 'This month in the district' });
      await list.waitFor();
      expect(await list.textContent()).toContain(title);
      await page.getByTestId('sign-out').click();
      // Signing out first sends what the offline outbox holds; the next sign-in waits for it to finish.
      await page.getByTestId('login').waitFor();

      await signIn(page, e2e.baseUrl, 'secretary@demo');
      const meetingId = await page.evaluate(async () => {
        const me = await (await fetch('/api/v1/me')).json();
        const res = await fetch(`/api/v1/cells/${me.cells[0].id}/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ kind: 'study', startsAt: new Date(Date.now() - 3_600_000).toISOString() }),
        });
        return (await res.json()).id as number;
      });
      await page.goto(`${e2e.baseUrl}/meetings/${meetingId}`);
      await page.getByTestId('edit-readings').click();
      await page.getByTestId('readings-select').click();
      await page.getByRole('option', { name: title }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('save-readings').click();
      await page.getByTestId('study-readings').getByTestId('library-item').waitFor();
      expect(await page.getByTestId('study-readings').textContent()).toContain(title);
      await shot(page, 'library-study-meeting');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('an administrator adds the standard "reading sessions a month" through the rulebook form', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, e2e.baseUrl, 'admin@demo');
      await page.goto(`${e2e.baseUrl}/rulebook`);
      await page.getByTestId('add-standard').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('standard-code').fill('reading-sessions');
      await dialog.getByTestId('standard-kind').click();
      await page.getByRole('option', { name: en.rulebook.form.kinds.reading_sessions_per_month, exact: true }).click();
      expect(await dialog.getByTestId('standard-meeting-kind').count()).toBe(0);
      const count = dialog.getByTestId('standard-reading-count');
      await count.fill('2');
      expect(await dialog.getByTestId('standard-title-en').inputValue()).toBe('At least 2 reading sessions (study meetings) a month');
      await count.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      const rule = page.getByTestId('standard-rule').filter({ hasText: 'reading sessions' });
      await rule.first().waitFor();
      expect(await rule.first().textContent()).toBe('At least 2 reading sessions (study meetings) a month');
      const saved = (await (await page.request.get(`${e2e.baseUrl}/api/v1/standards`)).json()).items.find(
        (s: { code: string }) => s.code === 'reading-sessions',
      );
      expect(saved).toMatchObject({ kind: 'reading_sessions_per_month', params: { min: 2 } });
    } finally {
      await context.close();
    }
  }, 120_000);
});
