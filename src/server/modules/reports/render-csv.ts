/**
 * The monthly report as one spreadsheet: a row per fact, a `section` column to filter by (summary,
 * standard, meeting, decision, action), and the same plain columns for every section, so it sorts,
 * filters and pivots without parsing anything. Column names and codes are stable English: a committee
 * gathering many cells' files (from readers in either language) can stack them and script against them.
 * Names, titles and labels are in the reader's language; dates are ISO days on the organization's
 * clock, which spreadsheets read as dates in any locale.
 */
import { stringify } from 'csv-stringify/sync';
import { reportLabel, type ReportLanguage } from './labels.ts';
import type { ReportDocument } from './service.ts';
import { localDay, localTime, standardFigures, standardTitle } from './wording.ts';

export const REPORT_CSV_COLUMNS = [
  'section',
  'code',
  'name',
  'date',
  'time',
  'status',
  'value',
  'limit',
  'unit',
  'present',
  'expected',
  'owner',
  'due_on',
] as const;
type Column = (typeof REPORT_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** A text a spreadsheet would run as a formula is kept as text. */
const safe = (v: string | number | null | undefined) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));

export function reportCsv(doc: ReportDocument, language: ReportLanguage): string {
  const rows = [...summaryRows(doc, language), ...standardRows(doc, language), ...meetingRows(doc, language), ...decisionRows(doc)];
  return stringify([[...REPORT_CSV_COLUMNS], ...rows.map((r) => REPORT_CSV_COLUMNS.map((c) => safe(r[c])))]);
}

function summaryRows({ report: r, organization, cellCode, timeZone }: ReportDocument, language: ReportLanguage): Row[] {
  const l = (key: Parameters<typeof reportLabel>[1]) => reportLabel(language, key);
  const f = r.figures;
  const row = (code: string, name: string, value: string | number | null, extra: Row = {}): Row => ({
    section: 'summary',
    code,
    name,
    value,
    ...extra,
  });
  return [
    row('organization', l('organization'), organization),
    row('cell', l('cell'), r.cell.name),
    row('cell_code', l('cellCode'), cellCode),
    row('month', l('month'), r.period),
    // A submitted report's row carries when it was submitted, and a row follows saying by whom.
    row(
      'status',
      l('status'),
      r.status,
      r.submittedAt ? { date: localDay(r.submittedAt, timeZone), time: localTime(r.submittedAt, timeZone) } : {},
    ),
    ...(r.submittedBy ? [row('submitted_by', l('submittedBy'), r.submittedBy)] : []),
    row('members', l('members'), f.members),
    row('meetings_held', l('meetingsHeld'), f.meetingsHeld),
    row('meetings_not_held', l('meetingsNotHeld'), f.meetingsNotHeld),
    row('attendance_rate', l('averageAttendance'), f.attendanceRate === null ? null : Math.round(f.attendanceRate * 1000) / 10, {
      unit: 'percent',
    }),
    row('actions_due', l('actionsDue'), f.actionsDue),
    row('actions_on_time', l('actionsOnTime'), f.actionsOnTime),
    row('open_follow_ups', l('openFollowUps'), f.openFollowUps),
    row('notes', l('notes'), r.notes),
  ];
}

function standardRows({ report: r }: ReportDocument, language: ReportLanguage): Row[] {
  return r.standards.map((s) => {
    const fig = standardFigures(s.detail, language, r.figures.openFollowUps);
    return {
      section: 'standard',
      code: s.code,
      name: standardTitle(s, language),
      status: s.meets ? 'met' : 'not_met',
      value: fig.figure,
      limit: fig.limit,
      unit: fig.unit,
    };
  });
}

function meetingRows({ report: r, kindNames, timeZone }: ReportDocument, language: ReportLanguage): Row[] {
  return r.meetings.map((m) => ({
    section: 'meeting',
    code: m.kind,
    name: kindNames.get(m.kind)?.[language] ?? m.kind,
    date: localDay(m.startsAt, timeZone),
    time: localTime(m.startsAt, timeZone),
    status: m.status,
    ...(m.status === 'held' ? { present: m.present, expected: m.expected } : {}),
  }));
}

function decisionRows({ report: r, timeZone }: ReportDocument): Row[] {
  const dayOf = new Map(r.meetings.map((m) => [m.id, localDay(m.startsAt, timeZone)]));
  return r.decisions.flatMap((d) => [
    { section: 'decision', code: String(d.id), name: d.text, date: dayOf.get(d.meetingId) ?? null },
    ...d.actions.map((a) => ({
      section: 'action',
      code: String(a.id),
      name: a.title,
      date: dayOf.get(d.meetingId) ?? null,
      status: a.status,
      owner: a.ownerName,
      due_on: a.dueOn,
    })),
  ]);
}
