/**
 * A review session in the browser (issue 12), at a phone's width: a member writes a self-assessment
 * beside their own attendance and gives a cell-mate feedback (the notice about work and participation
 * is there); the secretary sees the self-assessment and the feedback about that member, gives the
 * member feedback, evaluates the member's done work from the session and closes it; the member reads
 * the feedback. Korean and English both render.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import ko from '../../src/web/i18n/ko.json' with { type: 'json' };
import { systemActor } from '../../src/server/access/actor.ts';
import { giveAssignments } from '../../src/server/modules/assignments/service.ts';
import { addDays, todayIso } from '../../src/server/modules/compliance/periods.ts';
import { buildMeeting } from '../helpers/factories.ts';
import { seriousFindings } from './axe.ts';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();

/** A review meeting held yesterday in the demo member's cell, and a cell-mate to give feedback to. */
async function reviewOfDemoCell() {
  const db = e2e.ctx!.db;
  const { rows } = await sql<{ cell_id: number; member_id: number; member_name: string }>`
    select ms.cell_id, a.person_id as member_id, p.full_name as member_name from accounts a join people p on p.id = a.person_id
    join memberships ms on ms.person_id = a.person_id and ms.to_date is null where a.login = 'member@demo'`.execute(db);
  const { cell_id: cellId, member_id: memberId, member_name: memberName } = rows[0]!;
  const { rows: mates } = await sql<{ full_name: string }>`
    select p.full_name from memberships ms join people p on p.id = ms.person_id
    where ms.cell_id = ${cellId} and ms.to_date is null and ms.role = 'member' and ms.person_id <> ${memberId}
    order by p.full_name limit 1`.execute(db);
  const meeting = await buildMeeting(db, cellId, { kind: 'review', title: 'Review of the autumn quarter' });
  // The member's finished work, waiting for the secretary's evaluation at the session.
  const work = `Map the night shift ${meeting.id}`;
  const given = await giveAssignments(db, systemActor(), cellId, { title: work, personIds: [memberId], dueOn: addDays(todayIso(), 3) });
  await sql`update assignments set status = 'done', percent = 100, closed_on = ${todayIso()}::date where id = ${given.items[0]!.id}`.execute(
    db,
  );
  return { meetingId: meeting.id, mate: mates[0]!.full_name, memberName, work };
}

describe('a review session in the browser', () => {
  it('a member writes a self-assessment and gives feedback; the secretary sees both and closes the session', async () => {
    if (!e2e.ctx) return; // against an external server there is no database to set the session up in
    const { meetingId, mate, memberName, work } = await reviewOfDemoCell();
    const phone = { locale: 'en-US', viewport: { width: 390, height: 844 }, bypassCSP: true };
    const memberContext = await e2e.browser.newContext(phone);
    const secretaryContext = await e2e.browser.newContext(phone);
    const findings: Record<string, unknown> = {};
    try {
      const page = await memberContext.newPage();
      await signIn(page, e2e.baseUrl, 'member@demo');
      await page.goto(`${e2e.baseUrl}/meetings/${meetingId}`);
      await page.getByTestId('review-section').waitFor();
      await page.getByTestId('self-assessment-context').waitFor();
      expect(await page.getByTestId('feedback-notice').textContent()).toBe(en.review.feedbackNotice);
      await page.getByTestId('self-assessment-text').fill('I organised two work visits and missed one meeting.');
      await page.getByTestId('save-self-assessment').click();
      await page.getByRole('status').filter({ hasText: en.review.saved }).waitFor();

      await page.getByTestId('feedback-about').click();
      await page.getByRole('option', { name: mate }).click();
      await page.getByTestId('feedback-text').fill('Prepared the shift plan carefully and on time.');
      await page.getByTestId('give-feedback').click();
      await page.getByTestId('feedback-given').waitFor();
      expect(await page.getByTestId('feedback-given').textContent()).toContain(mate);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, 'review-member');
      findings.member = await seriousFindings(page);

      const sec = await secretaryContext.newPage();
      await signIn(sec, e2e.baseUrl, 'secretary@demo');
      await sec.goto(`${e2e.baseUrl}/meetings/${meetingId}`);
      const item = sec.getByTestId('self-assessment-item').filter({ hasText: 'I organised two work visits' });
      await item.waitFor();
      await sec.getByTestId('feedback-member').click();
      await sec.getByRole('option', { name: mate }).click();
      const feedback = sec.getByTestId('feedback-item').filter({ hasText: 'Prepared the shift plan carefully' });
      await feedback.waitFor();
      // Named feedback shows its author to the secretary.
      expect(await feedback.textContent()).toContain(memberName);
      // The member's done work is evaluated from the session.
      const toEvaluate = sec.getByTestId('to-evaluate-item').filter({ hasText: work });
      await toEvaluate.getByTestId('evaluate').click();
      await sec.getByTestId('evaluate-comment').fill('Clear map, shared with the other shift');
      await sec.getByRole('dialog').getByRole('button', { name: en.assignments.evaluate }).click();
      await toEvaluate.waitFor({ state: 'detached' });
      // The secretary is on the roll too, and gives the member feedback before closing.
      await sec.getByTestId('feedback-about').click();
      await sec.getByRole('option', { name: memberName }).click();
      await sec.getByTestId('feedback-text').fill('Took part in every inspection this quarter.');
      await sec.getByTestId('give-feedback').click();
      await sec.getByTestId('feedback-given').waitFor();
      await sec.getByTestId('close-review').click();
      await sec.getByTestId('review-state').filter({ hasText: en.review.closed }).waitFor();
      expect(await sec.locator('body').textContent()).not.toMatch(/undefined|\bnull\b|NaN/);
      await shot(sec, 'review-secretary');
      findings.secretary = await seriousFindings(sec);

      // The member reads the feedback about them on the session's page.
      await page.reload();
      const aboutMe = page
        .getByTestId('feedback-about-me')
        .getByTestId('feedback-item')
        .filter({ hasText: 'Took part in every inspection' });
      await aboutMe.waitFor();
      expect(await page.getByTestId('feedback-given').count()).toBe(0); // closed: no form any more
      expect(findings).toEqual({ member: [], secretary: [] });
    } finally {
      await memberContext.close();
      await secretaryContext.close();
    }
  }, 180_000);

  it('the member sees the session in Korean, with the notice about work and participation', async () => {
    if (!e2e.ctx) return;
    const { meetingId } = await reviewOfDemoCell();
    const context = await e2e.browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await signIn(page, e2e.baseUrl, 'member@demo');
      await page.goto(`${e2e.baseUrl}/meetings/${meetingId}`);
      await page.getByTestId('feedback-notice').waitFor();
      expect(await page.getByTestId('feedback-notice').textContent()).toBe(ko.review.feedbackNotice);
      expect(await page.locator('#review-title').textContent()).toBe(ko.review.title);
    } finally {
      await context.close();
    }
  }, 120_000);
});
