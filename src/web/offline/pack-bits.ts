/** Reading an offline pack: kind names in the reader's language, the quorum a roll needs, local date-times. */
import type { OfflinePack } from './db.ts';

export function kindName(pack: OfflinePack, code: string, language: string): string {
  const k = pack.meetingKinds.find((x) => x.code === code);
  if (!k) return code;
  return language === 'ko' ? k.nameKo : k.nameEn;
}

/** The share of the roll that must be present: the kind's own rule, else the pack's (that of the default kind). */
function quorumShare(pack: OfflinePack, kind: string): number | null {
  const own = pack.meetingKinds.find((k) => k.code === kind);
  if (own) return own.quorum;
  return pack.quorum?.kind === kind ? pack.quorum.share : null;
}

/** How many must be present for a quorum of this kind, or null when the kind has no quorum rule. */
export function quorumRequired(pack: OfflinePack, kind: string, rollSize: number): number | null {
  const share = quorumShare(pack, kind);
  return share === null ? null : Math.ceil(share * rollSize);
}

/** `<input type="datetime-local">` value for a moment, in the device's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment a datetime-local value names, with its offset (the API takes ISO date-times with an offset). */
export function fromLocalInput(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The kinds a new meeting may use: retired kinds stay only on the meetings that already have them. */
export function kindsInUse(pack: OfflinePack) {
  return pack.meetingKinds.filter((k) => !k.retired);
}
