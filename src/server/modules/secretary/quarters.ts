/** Quarters as the API writes them (`2026-Q4`) and as the tables key them (the first day, `2026-10-01`). */
import { todayIso } from '../compliance/periods.ts';

export const quarterOf = (day: string = todayIso()): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

export const quarterStart = (quarter: string): string => {
  const month = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return `${quarter.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
};

export const quarterLabel = (start: string): string => quarterOf(start);
