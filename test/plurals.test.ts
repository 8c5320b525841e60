/**
 * Counts with a noun go through i18next's plurals: "1 day", "2 days" in English, one form in Korean,
 * with the app's own catalogues and the sentences the dashboards show.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import ko from '../src/web/i18n/ko.json' with { type: 'json' };
import { describeDetail } from '../src/web/lib/standards.ts';
import { describeRule } from '../src/web/routes/rulebook/standard-rules.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('plurals', () => {
  it('says "1 day" and "2 days" in the standards sentences', () => {
    const t = i18n.getFixedT('en');
    expect(describeDetail(t, { kind: 'review_interval', maxGapDays: 1, limitDays: 30 }, true)).toMatch(/ 1 day \(/);
    expect(describeDetail(t, { kind: 'review_interval', maxGapDays: 2, limitDays: 30 }, true)).toMatch(/ 2 days \(/);
    expect(describeDetail(t, { kind: 'review_interval', maxGapDays: 40, limitDays: 30 }, false)).toMatch(/^40 days without/);
    expect(describeDetail(t, { kind: 'review_interval', maxGapDays: 1, limitDays: 1 }, false)).toMatch(/^1 day without/);
    expect(describeDetail(t, { kind: 'absence_follow_up', oldestOpenDays: 1, graceDays: 14 }, false)).toMatch(/waited 1 day \(/);
    expect(describeDetail(t, { kind: 'absence_follow_up', oldestOpenDays: 0, graceDays: 1 }, true)).toMatch(/more than 1 day\.$/);
  });

  it('says "once" and "1 day" in the rule of following up absences', () => {
    const t = i18n.getFixedT('en');
    const kindName = () => 'General meeting';
    expect(describeRule(t, 'absence_follow_up', { kind: 'general', consecutive: 1, graceDays: 1 }, kindName)).toBe(
      'A member absent once (General meeting) is followed up within 1 day',
    );
    expect(describeRule(t, 'absence_follow_up', { kind: 'general', consecutive: 3, graceDays: 14 }, kindName)).toBe(
      'A member absent 3 times in a row (General meeting) is followed up within 14 days',
    );
    expect(describeRule(i18n.getFixedT('ko'), 'absence_follow_up', { kind: 'general', consecutive: 3, graceDays: 1 }, kindName)).toBe(
      'General meeting에 3회 연속 불참한 성원은 1일 안에 대책',
    );
  });

  it('keeps one form in Korean', () => {
    const t = i18n.getFixedT('ko');
    expect(describeDetail(t, { kind: 'review_interval', maxGapDays: 1, limitDays: 30 }, true)).toContain('1일');
    expect(describeDetail(t, { kind: 'review_interval', maxGapDays: 5, limitDays: 30 }, true)).toContain('5일');
  });

  it('no English text counts with a noun without a plural form', () => {
    const flat = (o: object, p = ''): Array<[string, string]> =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v ? flat(v, `${p}${k}.`) : [[`${p}${k}`, String(v)] as [string, string]],
      );
    const bad = flat(en).filter(([k, v]) => !k.startsWith('serverErrors.') && !/_(one|other)$/.test(k) && /\{\{count\}\}/.test(v));
    expect(bad).toEqual([]);
  });
});
