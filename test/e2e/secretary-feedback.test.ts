/**
 * Feedback on the secretary in the browser (issue 14): a member (on a 390 px phone) rates their
 * secretary trait by trait, by keyboard, and is told they rated this quarter; the secretary sees no
 * averages until three members rated, then sees them; the district's official sees the cell in the
 * committee view. The administrator's traits editor shows the twelve traits. The pages pass axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/server/access/actor.ts';
import { rateSecretary } from '../../src/server/modules/secretary/feedback.ts';
import { seriousFindings } from './axe.ts';
import { asRole, shot, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer();
const desktop = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
const phone = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 390, height: 844 } };

const as = <T>(login: string, options: typeof desktop, run: (page: Page) => Promise<T>) => asRole(e2e, login, options, run);

describe('feedback on the secretary', () => {
  it('a member rates, the secretary sees the averages once three have rated', async () => {
    const ctx = e2e.ctx!;
    const { cellId, memberId, secretaryId, others } = await ctx.db
      .selectFrom('accounts as a')
      .innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'a.person_id').on('m.to_date', 'is', null))
      .select(['m.cell_id', 'a.person_id'])
      .where('a.login', '=', 'member@demo')
      .executeTakeFirstOrThrow()
      .then(async (r) => {
        const roll = await ctx.db
          .selectFrom('memberships')
          .select(['person_id', 'role'])
          .where('cell_id', '=', r.cell_id)
          .where('to_date', 'is', null)
          .orderBy('person_id')
          .execute();
        const secretary = roll.find((m) => m.role === 'secretary')!;
        return {
          cellId: Number(r.cell_id),
          memberId: Number(r.person_id),
          secretaryId: Number(secretary.person_id),
          others: roll
            .filter((m) => m.role !== 'secretary' && m.role !== 'candidate' && Number(m.person_id) !== Number(r.person_id))
            .map((m) => Number(m.person_id)),
        };
      });
    expect(secretaryId).not.toBe(memberId);
    expect(others.length).toBeGreaterThanOrEqual(2);

    // One other member rated before: the secretary sees nothing yet.
    await rateSecretary(
      ctx.db,
      ctx.feedbackKey,
      { ...systemActor(), personId: others[0]! },
      cellId,
      {
        ratings: [
          { trait: 'ethics', score: 5 },
          { trait: 'creativity', score: 3 },
        ],
      },
      'en',
    );

    await as('member@demo', phone, async (page) => {
      // On a phone the navigation sits behind the menu button.
      await page.getByRole('button', { name: 'Toggle navigation' }).click();
      await page.getByRole('link', { name: 'My secretary' }).click();
      const card = page.getByTestId('rate-secretary');
      await card.waitFor();
      expect(await card.textContent()).toContain('conduct in the role only');
      expect(await card.textContent()).toContain('anonymous');
      // Keyboard: focus the first score of "Ethics", arrow to 4.
      const ethics = card.getByTestId('trait-ethics');
      await ethics.getByRole('radio', { name: '1 for Ethics' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await ethics.getByRole('radio', { name: '4 for Ethics' }).isChecked()).toBe(true);
      await card.getByTestId('trait-creativity').getByRole('radio', { name: '5 for Creativity' }).check();
      await card.getByTestId('rate-comment').fill('Meetings are well prepared.');
      await card.getByTestId('rate-send').click();
      await card.getByTestId('rated-this-quarter').waitFor();
      expect(await card.getByTestId('rate-send').textContent()).toBe('Change my rating');
      // Members do not see the averages.
      expect(await page.getByTestId('secretary-averages').count()).toBe(0);
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'secretary-member-rates-phone');
    });

    await as('secretary@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=secretary`);
      await page.getByTestId('secretary-averages').waitFor();
      await expect.poll(() => page.getByTestId('raters').textContent()).toContain('Not shown');
      expect(await page.getByTestId('rate-secretary').count()).toBe(0);
    });

    await rateSecretary(
      ctx.db,
      ctx.feedbackKey,
      { ...systemActor(), personId: others[1]! },
      cellId,
      {
        ratings: [
          { trait: 'ethics', score: 3 },
          { trait: 'creativity', score: 4 },
        ],
        comment: 'Listens to us.',
      },
      'en',
    );

    await as('secretary@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=secretary`);
      await expect.poll(() => page.getByTestId('raters').textContent()).toBe('3 members rated.');
      expect(await page.getByTestId('average-ethics').getByTestId('average-value').textContent()).toBe('4.00');
      expect(await page.getByTestId('average-creativity').getByTestId('average-value').textContent()).toBe('4.00');
      expect(await page.getByTestId('average-humaneness').getByTestId('average-value').textContent()).toBe('—');
      expect(await page.getByTestId('secretary-comments').textContent()).toContain('Listens to us.');
      await page.getByTestId('succession').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'secretary-sees-averages');
    });

    await as('district@demo', desktop, async (page) => {
      await page.goto(`${e2e.baseUrl}/units/${cellId}?tab=secretary`);
      await expect.poll(() => page.getByTestId('raters').textContent()).toBe('3 members rated.');
      const parent = await ctx.db.selectFrom('units').select('parent_id').where('id', '=', cellId).executeTakeFirstOrThrow();
      await page.goto(`${e2e.baseUrl}/units/${parent.parent_id}?tab=secretary`);
      await page.getByTestId('unit-secretary-feedback').waitFor();
      await expect.poll(() => page.getByTestId('unit-raters').textContent()).toContain('3 raters in 1 cells');
      await page.getByTestId('training-gaps').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'secretary-committee-view');
    });

    await as('admin@demo', desktop, async (page) => {
      await page.getByRole('link', { name: 'Secretary traits' }).click();
      await page.getByTestId('trait-row-uprightness').waitFor();
      expect(await page.locator('[data-testid^="trait-row-"]').count()).toBe(12);
      await page.getByTestId('trait-add').click();
      await page.getByTestId('trait-code').fill('listening');
      await page.getByTestId('trait-title-en').fill('Listening');
      await page.getByTestId('trait-title-ko').fill('경청');
      await page.getByTestId('trait-description-en').fill('Hears members out before deciding.');
      await page.getByTestId('trait-description-ko').fill('결정하기 전에 성원들의 말을 끝까지 듣는다.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('trait-row-listening').waitFor();
      expect(await seriousFindings(page)).toEqual([]);
      await shot(page, 'secretary-traits-editor');
    });
  }, 300_000);
});
