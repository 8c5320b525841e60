/**
 * A paper roll typed up as CSV (issue 16): a header naming `personId` (or `name`), `status` and,
 * optionally, `reason`, then a line per member. Lines are read against the roll on the meeting's day;
 * then the whole roll goes through the attendance API's own save, with its checks and messages. All
 * lines land or none, and every refusal says which lines.
 */
import { parse } from 'csv-parse/sync';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { AppError, badRequest, notFound } from '../../errors.ts';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Meeting } from '../../../shared/schemas/meetings.ts';
import { saveAttendance } from '../meetings/attendance.ts';
import { selectMeetingInScope, selectRoll } from '../meetings/queries.ts';

export const ROLL_CSV_MAX_BYTES = 1024 * 1024;
const MAX_LINES = 2000;
const MAX_REASON = 500;

/** The words a paper roll may use for a status, English and Korean as printed on the sheet. */
const STATUS_WORDS: Record<string, AttendanceStatus> = {
  present: 'present',
  excused: 'excused',
  absent: 'absent',
  출석: 'present',
  '사유 결석': 'excused',
  사유결석: 'excused',
  결석: 'absent',
};

/** Every code a line error may carry (the web words each: paper.lineCodes in en.json and ko.json). */
export const LINE_ERROR_CODES = [
  'badPersonId',
  'badStatus',
  'nameAmbiguous',
  'nameNotOnRoll',
  'noPerson',
  'reasonTooLong',
  'tooManyLines',
] as const;
export type LineErrorCode = (typeof LINE_ERROR_CODES)[number];
export type LineError = { line: number; code: LineErrorCode; field: string; value: string; message: string };
type Line = { line: number; personId: number; status: AttendanceStatus; reason: string | null };

export async function uploadRollCsv(db: Db, actor: Actor, meetingId: number, text: string, version: number): Promise<Meeting> {
  const m = await selectMeetingInScope(db, actor, meetingId, 'manage');
  if (!m) throw notFound('meeting.notFound');
  const table = readTable(text);
  const roll = await selectRoll(db, m.cell_id, m.meets_on);
  const { lines, errors } = readLines(table, roll);
  if (errors.length) throw badRequest('attendance.csvLines', { details: { errors } });
  const records = lines.map((l) => ({ personId: l.personId, status: l.status, reason: l.reason }));
  try {
    return await saveAttendance(db, actor, meetingId, { records, version });
  } catch (err) {
    throw withLines(err, lines);
  }
}

function readTable(text: string): string[][] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    throw badRequest('attendance.csvEmpty');
  }
  if (rows.length < 2) throw badRequest('attendance.csvEmpty');
  if (rows.length > MAX_LINES + 1) throw badRequest('attendance.csvLines', { details: { errors: [tooMany()] } });
  return rows;
}

const tooMany = (): LineError => ({
  line: MAX_LINES + 2,
  code: 'tooManyLines',
  field: '',
  value: '',
  message: `at most ${MAX_LINES} lines`,
});

function readLines(rows: string[][], roll: Array<{ personId: number; fullName: string }>): { lines: Line[]; errors: LineError[] } {
  const header = rows[0]!.map((h) => h.toLowerCase().replace(/[\s_]/g, ''));
  const col = {
    id: header.indexOf('personid'),
    name: header.indexOf('name'),
    status: header.indexOf('status'),
    reason: header.indexOf('reason'),
  };
  if ((col.id < 0 && col.name < 0) || col.status < 0)
    throw badRequest('attendance.csvHeader', { details: { header: rows[0]!.slice(0, 10) } });
  const byName = new Map<string, number[]>();
  for (const r of roll) byName.set(r.fullName, [...(byName.get(r.fullName) ?? []), Number(r.personId)]);
  const lines: Line[] = [];
  const errors: LineError[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const fail = (code: LineErrorCode, field: string, value: string, message: string) =>
      errors.push({ line, code, field, value: value.slice(0, 100), message });
    const personId = personOf(row, col, byName, fail);
    const word = (row[col.status] ?? '').trim();
    const status = STATUS_WORDS[word.toLowerCase()] ?? STATUS_WORDS[word];
    if (!status) fail('badStatus', 'status', word, `status must be one of ${ATTENDANCE_STATUSES.join(', ')}`);
    const reason = col.reason >= 0 ? (row[col.reason] ?? '').trim() : '';
    if (reason.length > MAX_REASON) fail('reasonTooLong', 'reason', reason, `a reason is at most ${MAX_REASON} characters`);
    if (personId !== undefined && status) lines.push({ line, personId, status, reason: status === 'present' || !reason ? null : reason });
  });
  return { lines, errors };
}

function personOf(
  row: string[],
  col: { id: number; name: number },
  byName: Map<string, number[]>,
  fail: (code: LineErrorCode, field: string, value: string, message: string) => void,
): number | undefined {
  const idText = col.id >= 0 ? (row[col.id] ?? '').trim() : '';
  if (idText) {
    if (!/^[1-9]\d{0,15}$/.test(idText)) return void fail('badPersonId', 'personId', idText, 'personId must be a whole number');
    return Number(idText);
  }
  const name = col.name >= 0 ? (row[col.name] ?? '').trim() : '';
  if (!name) return void fail('noPerson', col.id >= 0 ? 'personId' : 'name', '', 'give the personId or the name');
  const ids = byName.get(name) ?? [];
  if (ids.length === 0) return void fail('nameNotOnRoll', 'name', name, 'nobody of that name is on the roll that day');
  if (ids.length > 1) return void fail('nameAmbiguous', 'name', name, 'several members have that name: give the personId');
  return ids[0];
}

/** The attendance API's refusal of the roll, with the lines of the people it names. */
function withLines(err: unknown, lines: Line[]): unknown {
  if (!(err instanceof AppError) || err.messageKey !== 'attendance.rollMismatch') return err;
  const d = err.details as { duplicates: number[]; notOnRoll: number[]; missing: number[] };
  const linesOf = (ids: number[]) => lines.filter((l) => ids.includes(l.personId)).map((l) => l.line);
  return badRequest('attendance.rollMismatch', {
    details: { ...d, lines: { duplicates: linesOf(d.duplicates), notOnRoll: linesOf(d.notOnRoll) } },
  });
}
