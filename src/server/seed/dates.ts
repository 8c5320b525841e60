/**
 * Calendar days as integers (days since 1970-01-01), with a precomputed 'YYYY-MM-DD' table so writing a
 * date into a COPY line is an array lookup rather than a Date allocation.
 */
const MS_PER_DAY = 86_400_000;
const FIRST_YEAR = 1940;
const LAST_YEAR = 2040;

export const dayOf = (year: number, month = 1, day = 1): number => Date.UTC(year, month - 1, day) / MS_PER_DAY;

/** The range of days dateText knows: [FIRST_DAY, FIRST_DAY + DAY_COUNT). */
export const FIRST_DAY = dayOf(FIRST_YEAR);
const TABLE: string[] = [];
for (let d = FIRST_DAY; d < dayOf(LAST_YEAR + 1); d++) TABLE.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
export const DAY_COUNT = TABLE.length;

/** 'YYYY-MM-DD' for a day number between 1940 and 2040. */
export function dateText(day: number): string {
  const s = TABLE[day - FIRST_DAY];
  if (s === undefined) throw new Error(`seed date out of range: day ${day}`);
  return s;
}

/**
 * The generated organization's "today": every generated date lies on or before it. Fixed rather than
 * taken from the clock so a seed always yields the same rows.
 */
export const SEED_TODAY = dayOf(2026, 6, 30);
