/**
 * What the web knows of one kind of standard, in one file per kind (this folder, listed in index.ts):
 * the form's fields, the rule as a sentence and a verdict's figures in words. The server's side of the
 * same kind is src/server/modules/<module>/standards/<kind>.ts; the parameters' limits are shared.
 */
import type { TFunction } from 'i18next';

/** A whole-number field of the rule's form, stored in `params[param]` (a share when `percent`). */
export interface NumberField {
  /** The form's field, also its test id `standard-<testId>`. */
  name: string;
  param: string;
  /** i18n key of its label. */
  label: string;
  min: number;
  max: number;
  default: number;
  /** Typed as whole per cents, sent as a share (80 -> 0.8). */
  percent?: boolean;
  testId: string;
}

export type Detail = Record<string, unknown>;

export interface KindUi {
  code: string;
  /** The meeting kind a new standard of this kind most often refers to; null when the rule is about no meeting kind. */
  meetingKind: string | null;
  fields: NumberField[];
  /** One sentence saying what a rule asks; `meeting` is the meeting kind's name in the reader's language. */
  sentence(t: TFunction, params: Record<string, unknown>, meeting: string): string;
  /** Where a cell stands, from the verdict's detail; what is missing when not met. */
  describe(t: TFunction, d: Detail, meets: boolean, pastMonth?: string | null): string;
}

export const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? fallback) || fallback;
export const toPercent = (share: unknown, fallback = 0): number => Math.round(num(share, fallback) * 100);
export const pct = (part: number, whole: number) => Math.round((part / whole) * 100);
