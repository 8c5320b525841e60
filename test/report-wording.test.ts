/** The monthly report words each verdict as its kind says (the kind's `report`), found by the detail's `kind`. */
import { describe, expect, it } from 'vitest';
import { standardFigures } from '../src/server/modules/reports/wording.ts';

describe("the report's wording of a verdict", () => {
  it('words a quarter standard as a quarter, in both languages', () => {
    const detail = { kind: 'meetings_per_quarter', held: 2, required: 3 };
    expect(standardFigures(detail, 'en')).toMatchObject({
      figure: 2,
      limit: 3,
      unit: 'meetings',
      figureText: '2 held in the last three months',
      limitText: 'at least 3 meetings in three months',
    });
    expect(standardFigures(detail, 'ko')).toMatchObject({ figureText: '최근 3개월 2회 진행', limitText: '3개월에 최소 3회' });
  });

  it('reads reports filed before the detail named its kind by their figures, as the month kind', () => {
    const old = standardFigures({ held: 1, required: 1 }, 'en');
    expect(old).toEqual(standardFigures({ kind: 'meetings_per_month', held: 1, required: 1 }, 'en'));
    expect(old.figureText).toBe('1 held');
  });

  it('says there is no figure for a kind nobody declares', () => {
    expect(standardFigures({ kind: 'no_such_kind', held: 1 }, 'en')).toMatchObject({ figure: null, unit: null });
  });

  it('keeps the rate and follow-up wording of the meetings kinds', () => {
    expect(standardFigures({ kind: 'attendance_rate', present: 9, expected: 12, min: 0.7 }, 'en')).toMatchObject({
      figure: 75,
      limit: 70,
      unit: 'percent',
    });
    expect(standardFigures({ kind: 'absence_follow_up', oldestOpenDays: 0, graceDays: 14 }, 'en', 0).figureText).not.toBe(
      standardFigures({ kind: 'absence_follow_up', oldestOpenDays: 0, graceDays: 14 }, 'en', 1).figureText,
    );
  });
});
