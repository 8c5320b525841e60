/** Standards as people read them: the title in their language, what a detail means, a colour for a share. */
import type { TFunction } from 'i18next';
import { kindUi } from '../routes/rulebook/kinds/index.ts';

export function standardTitle(s: { code: string; title?: string; titleEn?: string; titleKo?: string }, language: string): string {
  if (s.code === '*') return '';
  return (language === 'ko' ? s.titleKo : (s.title ?? s.titleEn)) ?? s.title ?? s.code;
}

/**
 * One sentence saying where a cell stands on a standard, from the detail the API gives: its `kind`
 * picks the kind's own wording (routes/rulebook/kinds/). When the standard is not met, the sentence
 * says what is missing. `pastMonth` names the month judged when it is over, so its wants read
 * "needed in <month>".
 */
export function describeDetail(t: TFunction, detail: unknown, meets: boolean, pastMonth?: string | null): string {
  const d = detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : null;
  const ui = d && typeof d.kind === 'string' ? kindUi(d.kind) : undefined;
  if (d && ui) return ui.describe(t, d, meets, pastMonth);
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
