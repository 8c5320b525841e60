/** Standards as people read them: the title in their language, what a detail means, a colour for a share. */
import type { TFunction } from 'i18next';

export function standardTitle(s: { code: string; title?: string; titleEn?: string; titleKo?: string }, language: string): string {
  if (s.code === '*') return '';
  return (language === 'ko' ? s.titleKo : s.title ?? s.titleEn) ?? s.title ?? s.code;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);
const pct = (part: number, whole: number) => Math.round((part / whole) * 100);

/**
 * One sentence saying where a cell stands on a standard, from the detail the API gives (its shape
 * depends on the standard's kind). When the standard is not met, the sentence says what is missing.
 * `pastMonth` names the month judged when it is over, so its wants read "needed in <month>".
 */
export function describeDetail(t: TFunction, detail: unknown, meets: boolean, pastMonth?: string | null): string {
  if (!detail || typeof detail !== 'object') return meets ? t('detail.met') : t('detail.notMet');
  const d = detail as Record<string, unknown>;
  if ('held' in d && 'required' in d) {
    const held = num(d.held);
    const required = num(d.required);
    return meets ? t('detail.meetingsMet', { held, required })
      : t(pastMonth ? 'monthView.meetingsMissingIn' : 'detail.meetingsMissing', { held, required, count: Math.max(1, required - held), month: pastMonth });
  }
  if ('maxGapDays' in d) {
    const gap = Math.round(num(d.maxGapDays));
    const limit = Math.round(num(d.limitDays));
    if (meets) return t('detail.reviewMet', { count: gap, limit });
    // A gap longer than a year means no review session on record at all, or none for a very long time.
    return gap > 366 ? t('detail.reviewLong', { count: limit }) : t('detail.reviewMissing', { count: gap, limit });
  }
  if ('present' in d && 'expected' in d) {
    const present = num(d.present);
    const expected = num(d.expected);
    const min = Math.round(num(d.min) * 100);
    if (expected === 0) return t('detail.attendanceNone', { min });
    const rate = pct(present, expected);
    return meets ? t('detail.attendanceMet', { rate, present, expected, min })
      : t('detail.attendanceMissing', { rate, present, expected, min });
  }
  if ('oldestOpenDays' in d) {
    const days = Math.round(num(d.oldestOpenDays));
    const grace = Math.round(num(d.graceDays));
    return meets ? t('detail.followUpMet', { count: grace }) : t('detail.followUpMissing', { count: days, grace });
  }
  if ('due' in d && 'onTime' in d) {
    const due = num(d.due);
    const onTime = num(d.onTime);
    const min = Math.round(num(d.min) * 100);
    if (due === 0) return t('detail.actionsNone');
    const rate = pct(onTime, due);
    return meets ? t('detail.actionsMet', { onTime, due, rate, min }) : t('detail.actionsMissing', { onTime, due, rate, min });
  }
  return meets ? t('detail.met') : t('detail.notMet');
}

/** Red (0 %) through yellow (50 %) to green (100 %), as an HSL colour; grey when there is nothing to judge. */
export function heatColor(share: number | null, lightness = 78): string {
  if (share === null) return 'var(--mantine-color-gray-2)';
  const hue = Math.round(Math.max(0, Math.min(1, share)) * 120);
  return `hsl(${hue} 70% ${lightness}%)`;
}

/** Line colours for the standards in charts, in the order the API lists them. */
export const SERIES_COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6', 'indigo.6', 'yellow.7'];
