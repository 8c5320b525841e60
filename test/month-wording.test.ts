/** A past month's wants are worded "needed in <month>", the month in progress's "needed this month". */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import ko from '../src/web/i18n/ko.json' with { type: 'json' };
import { pastMonthName } from '../src/web/lib/period.ts';
import { describeDetail } from '../src/web/lib/standards.ts';

describe('wording of a month', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, ko: { translation: ko } } });
  });

  it('names a past month and not the month in progress', () => {
    const now = new Date(2026, 11, 2);
    expect(pastMonthName('2026-11', 'en', now)).toBe('November 2026');
    expect(pastMonthName('2026-12', 'en', now)).toBeNull();
  });

  it('says "needed in <month>" for a month that is over', () => {
    const past = describeDetail(i18n.t, { kind: 'meetings_per_month', held: 0, required: 1 }, false, 'November 2026');
    expect(past).toBe('0 of 1 held: 1 more meeting was needed in November 2026.');
    expect(past).not.toContain('this month');
    expect(describeDetail(i18n.t, { kind: 'meetings_per_month', held: 0, required: 2 }, false, null)).toContain('needed this month');
  });
});
