/** Trait wording in the reader's language, and the quarters a picker offers. */
import type { SecretaryTrait } from '../../../shared/schemas/secretary.ts';

export const traitTitle = (t: SecretaryTrait, language: string) => (language.startsWith('ko') ? t.titleKo : t.titleEn);
export const traitDescription = (t: SecretaryTrait, language: string) => (language.startsWith('ko') ? t.descriptionKo : t.descriptionEn);

export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** This quarter and the seven before it, newest first. */
export function recentQuarters(now = new Date()): string[] {
  const out: string[] = [];
  let y = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  for (let i = 0; i < 8; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

export const isQuarter = (v: string | null): v is string => v !== null && /^[0-9]{4}-Q[1-4]$/.test(v);
