/**
 * How the report words its facts for a reader: dates in the reader's language and the organization's
 * time zone, and a standard's verdict as a figure beside its limit. The web words the same verdicts
 * as sentences (src/web/lib/standards.ts); a printed table wants the two halves apart, so this is the
 * server's one wording of them, read from the detail's shape as the API gives it (verdictDetail).
 */
import { reportLabel, type ReportLanguage } from './labels.ts';

const LOCALES: Record<ReportLanguage, string> = { en: 'en-GB', ko: 'ko' };

/** A calendar day ('2026-11-30'), e.g. "30 November 2026" / "2026년 11월 30일". */
export function formatDay(day: string, language: ReportLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
}

/** A month by its first day, e.g. "November 2026" / "2026년 11월". */
export function formatMonth(period: string, language: ReportLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${period.slice(0, 7)}-01T00:00:00Z`),
  );
}

/** An instant on the organization's clock, with its offset so a reader elsewhere is not misled. */
export function formatInstant(at: string | Date, language: ReportLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(at));
}

/** A meeting's day and time in a table row, e.g. "Mon 30 Nov, 14:05" / "11월 30일 (월) 14:05". */
export function formatMeetingTime(at: string | Date, language: ReportLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(at));
}

/** The calendar day of an instant in the organization's time zone ('2026-11-30'). */
export function localDay(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(at));
}

/** The time of day of an instant in the organization's time zone ('14:05'). */
export function localTime(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(at));
}

export type StandardFigures = {
  /** What the cell did: a number in `unit`, null when there was nothing to measure. */
  figure: number | null;
  /** What the standard asks, in the same unit. */
  limit: number | null;
  unit: 'meetings' | 'days' | 'percent' | null;
  figureText: string;
  limitText: string;
};

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);
const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
/** A review gap longer than a year means none on record (the metric counts from far back). */
const NO_REVIEW_DAYS = 366;

/**
 * A standard's verdict as figure and limit, in numbers (for the CSV) and words (for the PDF).
 * `openFollowUps` tells "none open" from a follow-up opened today (both are 0 days old).
 */
export function standardFigures(detail: unknown, language: ReportLanguage, openFollowUps = 0): StandardFigures {
  const l = (key: Parameters<typeof reportLabel>[1], params: Record<string, string | number> = {}) => reportLabel(language, key, params);
  const d = detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : {};
  if ('held' in d && 'required' in d) {
    const held = num(d.held);
    const required = num(d.required);
    return {
      figure: held,
      limit: required,
      unit: 'meetings',
      figureText: l('meetingsHeldFigure', { count: held }),
      limitText: l('meetingsAtLeast', { count: required }),
    };
  }
  if ('maxGapDays' in d) {
    const gap = Math.round(num(d.maxGapDays));
    const limit = Math.round(num(d.limitDays));
    const none = gap > NO_REVIEW_DAYS;
    return {
      figure: none ? null : gap,
      limit,
      unit: 'days',
      figureText: none ? l('reviewNone') : l('reviewGap', { count: gap }),
      limitText: l('reviewAtMost', { count: limit }),
    };
  }
  if ('present' in d && 'expected' in d) {
    const present = num(d.present);
    const expected = num(d.expected);
    const min = Math.round(num(d.min) * 100);
    const rate = expected === 0 ? null : percent(present, expected);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText: rate === null ? l('attendanceNone') : l('rateFigure', { rate: Math.round(rate), part: present, whole: expected }),
      limitText: l('rateAtLeast', { rate: min }),
    };
  }
  if ('oldestOpenDays' in d) {
    const days = Math.round(num(d.oldestOpenDays));
    const grace = Math.round(num(d.graceDays));
    return {
      figure: days,
      limit: grace,
      unit: 'days',
      figureText: days === 0 && openFollowUps === 0 ? l('followUpNone') : l('followUpOldest', { count: days }),
      limitText: l('followUpWithin', { count: grace }),
    };
  }
  if ('due' in d && 'onTime' in d) {
    const due = num(d.due);
    const onTime = num(d.onTime);
    const min = Math.round(num(d.min) * 100);
    const rate = due === 0 ? null : percent(onTime, due);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText: rate === null ? l('actionsNone') : l('actionsFigure', { rate: Math.round(rate), part: onTime, whole: due }),
      limitText: l('rateAtLeast', { rate: min }),
    };
  }
  return { figure: null, limit: null, unit: null, figureText: l('noFigure'), limitText: l('noFigure') };
}

/** A standard's title in the reader's language (the rulebook stores both). */
export const standardTitle = (s: { title: string; titleKo: string }, language: ReportLanguage) => (language === 'ko' ? s.titleKo : s.title);
