/**
 * How the report words its facts for a reader: dates in the reader's language and the organization's
 * time zone, and a standard's verdict as a figure beside its limit. The web words the same verdicts
 * as sentences (src/web/lib/standards.ts); a printed table wants the two halves apart, so this is the
 * server's one wording of them: each kind says how (its `report`), found by the detail's `kind`.
 */
import type { ReportFigures, ReportWords } from '../compliance/plugin.ts';
import { standardKind } from '../rulebook-registry.ts';
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

export type StandardFigures = Omit<ReportFigures, 'figureText' | 'limitText'> & { figureText: string; limitText: string };

/**
 * Reports filed before a verdict's detail carried its kind name it by its figures' names; a snapshot
 * is kept as filed, so those are read by this map.
 */
function kindOf(d: Record<string, unknown>): string | undefined {
  if (typeof d.kind === 'string') return d.kind;
  if ('held' in d) return 'meetings_per_month';
  if ('maxGapDays' in d) return 'review_interval';
  if ('present' in d) return 'attendance_rate';
  if ('oldestOpenDays' in d) return 'absence_follow_up';
  if ('due' in d) return 'actions_on_time';
  return undefined;
}

/**
 * A standard's verdict as figure and limit, in numbers (for the CSV) and words (for the PDF), as its
 * kind words them (the kind's `report`, in its module).
 */
export function standardFigures(detail: unknown, language: ReportLanguage, openFollowUps = 0): StandardFigures {
  const words = (w: ReportWords) => reportLabel(language, w.key, w.params);
  const d = detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : {};
  const code = kindOf(d);
  const kind = code === undefined ? undefined : standardKind(code);
  if (!kind)
    return { figure: null, limit: null, unit: null, figureText: words({ key: 'noFigure' }), limitText: words({ key: 'noFigure' }) };
  const f = kind.report(d, { openFollowUps });
  return { ...f, figureText: words(f.figureText), limitText: words(f.limitText) };
}

/** A standard's title in the reader's language (the rulebook stores both). */
export const standardTitle = (s: { title: string; titleKo: string }, language: ReportLanguage) => (language === 'ko' ? s.titleKo : s.title);
