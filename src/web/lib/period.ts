/** Months ('YYYY-MM'), local dates and times as the UI shows and sends them. */

const pad = (n: number) => String(n).padStart(2, '0');

export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

/** The month a dashboard opens on: the last complete one, so early in a month nothing reads as a collapse. */
export function lastCompletePeriod(now = new Date()): string {
  return shiftPeriod(currentPeriod(now), -1);
}

/** For the month in progress, how far into it we are (day N of M); null for a month that is over. */
export function monthProgress(period: string, now = new Date()): { day: number; days: number } | null {
  if (period !== currentPeriod(now)) return null;
  return { day: now.getDate(), days: new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate() };
}

export function isPeriod(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(y, m - 1 + months, 1);
  return currentPeriod(d);
}

/** The last `count` months ending with the current one, newest first. */
export function recentPeriods(count: number, now = new Date()): string[] {
  const last = currentPeriod(now);
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, -i));
}

export function formatPeriod(period: string, language: string, short = false): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { year: short ? '2-digit' : 'numeric', month: short ? 'short' : 'long' }).format(
    new Date(y, m - 1, 1),
  );
}

/** The month's name when it is over (wording such as "needed in March"), null for the month in progress. */
export function pastMonthName(period: string, language: string, now = new Date()): string | null {
  return period < currentPeriod(now) ? formatPeriod(period, language) : null;
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** A value for <input type="datetime-local">, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value -> ISO 8601 with the browser's offset (the API wants an explicit offset). */
export function localInputToIso(value: string): string | null {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function todayLocal(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}
