/**
 * The meeting page as each reader meets it. A member sees who attended as text (no greyed-out buttons)
 * and no quorum until attendance is recorded. The secretary records a roll one-handed on a small phone
 * (360 and 390 px, English and Korean): three status choices in sight and at least 44 × 44 px, the reason
 * box reachable, Korean names on one line, no sideways scrolling of the page; the Korean text is set in
 * the shipped web font (this machine has no Korean font of its own).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { settle, trackRequests } from './axe.ts';
import { signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

type Box = { x: number; y: number; width: number; height: number };

async function newPage(browser: Browser, width: number, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({
    locale,
    timezoneId: 'UTC',
    viewport: { width, height: 780 },
    hasTouch: true,
    isMobile: width < 500,
  });
  const page = await context.newPage();
  trackRequests(page);
  return page;
}

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json()).csrfToken;
}

/** A meeting of the secretary's cell, created through the API, `offsetMs` from now. */
async function createMeeting(page: Page, cellId: number, offsetMs: number, title: string): Promise<number> {
  const res = await page.request.post(`${e2e.baseUrl}/api/v1/cells/${cellId}/meetings`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { kind: 'general', startsAt: new Date(Date.now() + offsetMs).toISOString(), title },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

async function firstCell(page: Page): Promise<number> {
  return (await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json()).cells[0].id;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${e2e.baseUrl}${path}`);
  await settle(page);
}

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  expect(widths.scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(widths.view);
}

function expectInView(box: Box | null, viewWidth: number, what: string): void {
  expect(box, `${what} is not shown`).not.toBeNull();
  expect(box!.x, `${what} starts off-screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends off-screen`).toBeLessThanOrEqual(viewWidth + 0.5);
}

describe('meeting views', () => {
  it('a member sees statuses as text and no quorum before attendance is recorded', async () => {
    const secretary = await newPage(e2e.browser, 1280);
    const member = await newPage(e2e.browser, 1280);
    try {
      await signIn(secretary, e2e.baseUrl, 'secretary@demo');
      await signIn(member, e2e.baseUrl, 'member@demo');
      const cellId = await firstCell(member);
      expect(await firstCell(secretary)).toBe(cellId);
      const list = await (await member.request.get(`${e2e.baseUrl}/api/v1/cells/${cellId}/meetings?limit=50`)).json();
      const held = list.items.find((m: { status: string }) => m.status === 'held');
      const heldMeeting = await (await member.request.get(`${e2e.baseUrl}/api/v1/meetings/${held.id}`)).json();

      await open(member, `/meetings/${held.id}`);
      const rows = member.getByTestId('roll-row');
      expect(await rows.count()).toBe(heldMeeting.roll.length);
      expect(await member.locator('[data-testid="roll"] button').count()).toBe(0);
      expect(await member.locator('button:disabled, input:disabled').count()).toBe(0);
      const word: Record<string, string> = { present: 'Present', excused: 'Excused', absent: 'Absent' };
      for (const [i, r] of heldMeeting.roll.entries()) {
        expect((await rows.nth(i).getByTestId('status-text').textContent())?.trim()).toBe(r.status ? word[r.status] : 'Not recorded');
      }
      expect(await member.getByTestId('quorum').getAttribute('data-draft')).toBe('false');
      expect(await member.getByTestId('quorum').getAttribute('data-present')).toBe(
        String(heldMeeting.roll.filter((r: { status: string | null }) => r.status === 'present').length),
      );

      // Scheduled for tomorrow, and held an hour ago but not recorded: no quorum line for either.
      const future = await createMeeting(secretary, cellId, 86_400_000, 'E2E future meeting');
      const unrecorded = await createMeeting(secretary, cellId, -3_600_000, 'E2E unrecorded meeting');
      for (const id of [future, unrecorded]) {
        await open(member, `/meetings/${id}`);
        await member.getByTestId('roll-row').first().waitFor();
        expect(await member.getByTestId('quorum').count()).toBe(0);
        expect(await member.locator('[data-testid="roll"] button').count()).toBe(0);
      }
      expect(await member.getByTestId('attendance-not-recorded').count()).toBe(1);
      // The secretary recording it sees the tally as a draft, not as a quorum reached.
      await open(secretary, `/meetings/${unrecorded}`);
      expect(await secretary.getByTestId('quorum').getAttribute('data-draft')).toBe('true');
      expect(await secretary.getByTestId('quorum').textContent()).toContain('Not saved yet');
    } finally {
      await Promise.all([secretary.context().close(), member.context().close()]);
    }
  }, 180_000);

  for (const width of [360, 390]) {
    it(`the secretary records a roll on a ${width} px phone, in English and Korean`, async () => {
      const page = await newPage(e2e.browser, width);
      try {
        await signIn(page, e2e.baseUrl, 'secretary@demo');
        const cellId = await firstCell(page);
        const meetingId = await createMeeting(page, cellId, -1_800_000, `E2E phone ${width}`);
        for (const language of ['en', 'ko'] as const) {
          await page.evaluate((l) => localStorage.setItem('cellwork.language', l), language);
          await open(page, `/meetings/${meetingId}`);
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          const rows = page.getByTestId('roll-row');
          const count = await rows.count();
          expect(count).toBeGreaterThan(2);
          for (let i = 0; i < Math.min(count, 6); i++) {
            for (const s of ['present', 'excused', 'absent']) {
              const box = await rows.nth(i).getByTestId(`status-${s}`).boundingBox();
              expectInView(box, width, `row ${i} ${s} (${language})`);
              expect(Math.min(box!.width, box!.height), `row ${i} ${s} is too small to tap`).toBeGreaterThanOrEqual(44);
            }
            const name = rows.nth(i).getByTestId('roll-name');
            const lines = await name.evaluate((el) =>
              Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
            );
            expect(lines, `row ${i}'s name wraps (${language})`).toBe(1);
          }
          // Tap Absent on the last row; its reason box comes in reach and takes the text.
          const last = rows.nth(count - 1);
          await last.getByTestId('status-absent').tap();
          const reason = last.getByTestId('reason');
          await reason.scrollIntoViewIfNeeded();
          expectInView(await reason.boundingBox(), width, `reason box (${language})`);
          await reason.tap();
          await reason.fill(`sick ${language}`);
          await noSidewaysScroll(page, `meeting page (${language})`);
          const save = page.getByTestId('save-attendance');
          expectInView(await save.boundingBox(), width, `save (${language})`);
          await save.tap();
          await page.getByTestId('attendance-saved').waitFor();
          const saved = await (await page.request.get(`${e2e.baseUrl}/api/v1/meetings/${meetingId}`)).json();
          expect(saved.roll.at(-1)).toMatchObject({ status: 'absent', reason: `sick ${language}` });

          if (language === 'ko') {
            const nanum = await page.evaluate(async () => {
              await document.fonts.ready;
              return [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Nanum Gothic' && f.status === 'loaded');
            });
            expect(nanum, 'the Korean web font was not loaded').toBe(true);
          }

          // The cell's meetings with the schedule form open, and the minutes and decisions forms.
          await open(page, `/units/${cellId}?tab=meetings`);
          await page.getByTestId('schedule-meeting').tap();
          await page.getByTestId('meeting-starts-at').waitFor();
          await noSidewaysScroll(page, `schedule meeting (${language})`);
          expectInView(await page.getByTestId('create-meeting').boundingBox(), width, `create meeting (${language})`);
          await open(page, `/meetings/${meetingId}`);
          await page.getByTestId('add-decision').tap();
          await page.getByTestId('decision-form').waitFor();
          await page.getByTestId('add-action').tap();
          expectInView(await page.getByTestId('minutes').boundingBox(), width, `minutes (${language})`);
          expectInView(await page.getByTestId('save-decision').boundingBox(), width, `save decision (${language})`);
          await noSidewaysScroll(page, `minutes and decisions (${language})`);
        }
      } finally {
        await page.context().close();
      }
    }, 240_000);
  }
});
