/**
 * Integrity cases in the browser (issue 14, task 10): a member reports their secretary's conduct in the
 * role, a handler of the district opens the case and notifies the secretary, the secretary reads the
 * allegation (never the reporter) and responds, the handler decides with reasons and a measure and
 * reads who read the case; the secretary then sees the decision and the appeal deadline. The district's
 * official, without the handler grant, finds nothing. The pages pass axe; steps are taken by keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };
const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

describe('integrity cases', () => {
  it('a member reports, a handler opens and notifies, the subject responds, the handler decides', async () => {
    // handler@demo (the demo seed) handles the district of the demo cell, the committee above its secretary.
    const summary = `Refused to put a member’s objection in the minutes ${Date.now()}`;

    await as('member@demo', phone, async (page) => {
      await page.goto(`${e2e.baseUrl}/cases`);
      await page.getByTestId('case-report').click();
      await page.getByTestId('case-scope-note').waitFor();
      expect(await page.getByTestId('case-scope-note').textContent()).toContain('Private life and beliefs are out of scope');
      await page.getByTestId('case-subject').click();
      await page
        .getByRole('option', { name: /secretary of/ })
        .first()
        .click();
      await page.getByTestId('case-category').click();
      await page.getByRole('option', { name: 'Abuse of power' }).click();
      await page.getByTestId('case-summary').fill(summary);
      expect(await page.getByTestId('case-anonymous').isChecked()).toBe(true);
      expect(await seriousFindings(page)).toEqual([]);
      await page.getByRole('button', { name: 'Send the report' }).click();
      const row = page.getByTestId('my-reports').getByRole('row').filter({ hasText: 'Abuse of power' });
      await row.first().waitFor();
      expect(await row.first().textContent()).toContain('Received');
      await shot(page, 'cases-member-reports-phone');
    });

    const caseId = await as('handler@demo', desktop, async (page) => {
      // The handler sees cases and nothing of the organization.
      expect(await page.getByRole('link', { name: 'Organization' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Integrity cases' }).click();
      await page.getByTestId('case-list').getByRole('link').first().click();
      await page.getByTestId('case-summary-text').filter({ hasText: summary }).waitFor();
      const id = Number(page.url().split('/').pop());
      expect(await page.getByTestId('case-reporter').textContent()).toContain('not shown to the subject');
      // By keyboard: open the case, then notify the subject.
      await page.getByTestId('case-open').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('case-notify').waitFor();
      await page.getByTestId('case-notify').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('case-timeline-list').getByText('Subject notified').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'cases-handler-notifies');
      return id;
    });

    // The district's official, without the handler grant, finds no case.
    await as('district@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/cases/${caseId}`);
      await page.getByRole('heading', { name: /not found/i }).waitFor();
      await page.goto(`${e2e.baseUrl}/cases`);
      await page.getByTestId('my-reports').or(page.getByText('You have made no report')).first().waitFor();
      expect(await page.content()).not.toContain(summary);
    });

    await as('secretary@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/cases/${caseId}`);
      await page.getByTestId('case-summary-text').filter({ hasText: summary }).waitFor();
      expect(await page.getByTestId('case-reporter').count()).toBe(0);
      await page.getByTestId('case-respond').click();
      await page.getByTestId('case-response').fill('The objection was recorded in the next meeting’s minutes.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('case-timeline-list').getByText('The objection was recorded').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'cases-subject-responds');
    });

    await as('handler@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/cases/${caseId}`);
      await page.getByTestId('case-decide').click();
      await page.getByTestId('case-outcome-upheld').check();
      await page.getByTestId('case-reasons').fill('The objection was recorded a week late.');
      await page.getByTestId('case-measure').fill('A reminder of the rules for minutes');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('case-outcome').filter({ hasText: 'Upheld' }).waitFor();
      await page.getByTestId('case-show-reads').click();
      const reads = page.getByTestId('case-reads-table');
      await reads.waitFor();
      expect(await reads.textContent()).toContain('secretary@demo');
      expect(await reads.textContent()).toContain('handler@demo');
      await shot(page, 'cases-handler-decides');
    });

    await as('secretary@demo', phone, async (page) => {
      await page.goto(`${e2e.baseUrl}/cases/${caseId}`);
      await page.getByTestId('case-appeal').waitFor();
      expect(
        await page
          .getByText(/You may appeal until/)
          .first()
          .textContent(),
      ).toBeTruthy();
      await shot(page, 'cases-subject-may-appeal-phone');
    });
  }, 240_000);
});
