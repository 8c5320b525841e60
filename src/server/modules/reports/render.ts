/**
 * The monthly report as a one-page PDF in the reader's language (pdfkit, with a Korean-capable font;
 * no browser involved): letterhead, the standards table, meetings and attendance, decisions and their
 * actions, notes, and a footer on every page. Long months flow onto further pages (pdf-layout.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
// @ts-expect-error wawoff2 ships no type declarations
import wawoff2 from 'wawoff2';
import PDFDocument from 'pdfkit';
import { reportLabel, type ReportLanguage } from './labels.ts';
import { COLORS, Layout, PAGE } from './pdf-layout.ts';
import type { ReportDocument } from './service.ts';
import { formatDay, formatInstant, formatMeetingTime, formatMonth, localDay, standardFigures, standardTitle } from './wording.ts';

const require = createRequire(import.meta.url);
/**
 * Nanum Gothic (SIL OFL) from npm, whose Korean subset also covers Latin. It ships as WOFF2; pdfkit's
 * font engine cannot subset WOFF2 outlines correctly, so each weight is decoded to TrueType once.
 */
const fonts = new Map<number, Promise<Buffer>>();
export function font(weight: 400 | 700): Promise<Buffer> {
  let f = fonts.get(weight);
  if (!f) {
    const file = require.resolve(`@fontsource/nanum-gothic/files/nanum-gothic-korean-${weight}-normal.woff2`);
    f = fs.promises.readFile(file).then(async (woff2) => Buffer.from(await wawoff2.decompress(woff2)));
    fonts.set(weight, f);
  }
  return f;
}

type Ctx = {
  doc: ReportDocument;
  language: ReportLanguage;
  out: Layout;
  l: (key: Parameters<typeof reportLabel>[1], params?: Record<string, string | number>) => string;
};

export async function reportPdf(doc: ReportDocument, language: ReportLanguage, options: { compress?: boolean } = {}): Promise<Buffer> {
  const [regular, bold] = await Promise.all([font(400), font(700)]);
  const r = doc.report;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: language,
    info: { Title: `${reportLabel(language, 'title')}: ${r.cell.name}, ${formatMonth(r.period, language)}`, Producer: 'Cellwork' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const ctx: Ctx = { doc, language, out: new Layout(pdf), l: (key, params) => reportLabel(language, key, params) };
  letterhead(ctx);
  standards(ctx);
  attendance(ctx);
  decisions(ctx);
  notes(ctx);
  ctx.out.footers(
    `${r.cell.name} · ${formatMonth(r.period, language)} · ${ctx.l('generatedAt', { when: formatInstant(doc.generatedAt, language, doc.timeZone) })}`,
    (page, pages) => ctx.l('page', { page, pages }),
  );
  pdf.end();
  return done;
}

function letterhead({ doc, language, out, l }: Ctx): void {
  const r = doc.report;
  if (doc.organization) out.put(doc.organization, out.left, out.y, out.width * 0.6, { size: 9, color: COLORS.muted });
  out.put(formatMonth(r.period, language), out.left + out.width * 0.5, out.y + 10, out.width * 0.5, {
    size: 15,
    bold: true,
    color: COLORS.heading,
    align: 'right',
  });
  out.y += 13;
  out.put(l('title'), out.left, out.y, out.width * 0.6, { size: 20, bold: true, color: COLORS.heading });
  out.y += 30;
  const status =
    r.status === 'submitted' && r.submittedAt
      ? l(r.submittedBy ? 'statusSubmitted' : 'statusSubmittedAnonymous', {
          when: formatInstant(r.submittedAt, language, doc.timeZone),
          who: r.submittedBy ?? '',
        })
      : l('statusDraft');
  const fields = [
    { label: l('cell'), value: r.cell.name, width: 0.36 },
    { label: l('cellCode'), value: doc.cellCode, width: 0.16 },
    { label: l('status'), value: status, width: 0.48 },
  ];
  const h = Math.max(...fields.map((f) => out.measure(f.value, out.width * f.width - 16, { size: 10.5, bold: true }))) + 26;
  out.doc.save().rect(out.left, out.y, out.width, h).fill(COLORS.band).restore();
  let x = out.left;
  for (const f of fields) {
    out.put(f.label, x + 8, out.y + 6, out.width * f.width - 16, { size: 8, color: COLORS.muted });
    out.put(f.value, x + 8, out.y + 18, out.width * f.width - 16, {
      size: 10.5,
      bold: true,
      color: f.label === l('status') && r.status !== 'submitted' ? COLORS.notMet : COLORS.ink,
    });
    x += out.width * f.width;
  }
  out.y += h + 4;
  if (r.daysLeft !== null) {
    // Figures of a month in progress are partial: say so where the eye lands first.
    out.paragraph(l('monthInProgress', { day: formatDay(localDay(doc.generatedAt, doc.timeZone), language) }), {
      size: 8.5,
      color: COLORS.muted,
    });
  }
}

function standards({ doc, language, out, l }: Ctx): void {
  const r = doc.report;
  const again = out.heading(l('standards'), l('continued', { section: l('standards') }));
  if (r.standards.length === 0) return out.paragraph(l('standardsNone'), { color: COLORS.muted });
  const met = r.standards.filter((s) => s.meets).length;
  out.put(l('standardsSummary', { met, total: r.standards.length }), out.left, out.y - 20, out.width, {
    size: 9,
    color: COLORS.muted,
    align: 'right',
  });
  const w = out.width;
  out.table(
    [
      { label: l('colStandard'), width: w * 0.42 },
      { label: l('colFigure'), width: w * 0.24 },
      { label: l('colLimit'), width: w * 0.2 },
      { label: l('colResult'), width: w * 0.14 },
    ],
    r.standards.map((s) => {
      const f = standardFigures(s.detail, language, r.figures.openFollowUps);
      // The font has no check marks; a coloured dot and a word read as well in print and in grey.
      return [
        standardTitle(s, language),
        f.figureText,
        f.limitText,
        {
          text: s.meets ? l('met') : l('notMet'),
          color: s.meets ? COLORS.met : COLORS.notMet,
          bold: true,
          dot: s.meets ? COLORS.met : COLORS.notMet,
        },
      ];
    }),
    again,
  );
}

function attendance({ doc, language, out, l }: Ctx): void {
  const r = doc.report;
  const f = r.figures;
  const again = out.heading(l('attendance'), l('continued', { section: l('attendance') }), 60);
  const held = r.meetings.filter((m) => m.status === 'held');
  const present = held.reduce((s, m) => s + m.present, 0);
  const expected = held.reduce((s, m) => s + m.expected, 0);
  out.tiles([
    { label: l('members'), value: String(f.members) },
    { label: l('meetingsHeld'), value: String(f.meetingsHeld) },
    { label: l('meetingsNotHeld'), value: String(f.meetingsNotHeld) },
    { label: l('averageAttendance'), value: f.attendanceRate === null ? l('noFigure') : `${Math.round(f.attendanceRate * 100)} %` },
    { label: l('presentOfExpected'), value: expected === 0 ? l('noFigure') : `${present} / ${expected}` },
  ]);
  out.y += 6;
  const kindName = (code: string) => doc.kindNames.get(code)?.[language] ?? code;
  if (r.meetings.length === 0) return out.paragraph(l('meetingsNone'), { color: COLORS.muted });
  const byKind = [...new Set(held.map((m) => m.kind))].map((k) => `${kindName(k)} ${held.filter((m) => m.kind === k).length}`);
  if (byKind.length > 0) {
    out.paragraph(`${l('byKind')}: ${byKind.join(' · ')}`, { size: 9, color: COLORS.muted });
    out.y += 4;
  }
  const status = { held: l('meetingHeld'), not_held: l('meetingNotHeld'), scheduled: l('meetingScheduled') } as Record<string, string>;
  const w = out.width;
  out.table(
    [
      { label: l('colDate'), width: w * 0.3 },
      { label: l('colKind'), width: w * 0.34 },
      { label: l('colMeetingStatus'), width: w * 0.18 },
      { label: l('colAttendance'), width: w * 0.18, align: 'right' },
    ],
    r.meetings.map((m) => [
      formatMeetingTime(m.startsAt, language, doc.timeZone),
      kindName(m.kind),
      m.status === 'held'
        ? status.held!
        : { text: status[m.status] ?? m.status, color: m.status === 'not_held' ? COLORS.notMet : COLORS.muted },
      m.status === 'held' ? `${m.present} / ${m.expected}` : l('noFigure'),
    ]),
    again,
  );
}

function decisions({ doc, language, out, l }: Ctx): void {
  const r = doc.report;
  const f = r.figures;
  const again = out.heading(l('decisions'), l('continued', { section: l('decisions') }));
  out.paragraph(
    [`${l('actionsDue')}: ${f.actionsDue}`, `${l('actionsOnTime')}: ${f.actionsOnTime}`, `${l('openFollowUps')}: ${f.openFollowUps}`].join(
      '   ·   ',
    ),
    { size: 9, color: COLORS.muted },
  );
  out.y += 4;
  if (r.decisions.length === 0) return out.paragraph(l('decisionsNone'), { color: COLORS.muted });
  const meeting = new Map(r.meetings.map((m) => [m.id, m]));
  const status = { open: l('actionOpen'), done: l('actionDone'), dropped: l('actionDropped') };
  for (const d of r.decisions) {
    const m = meeting.get(d.meetingId);
    const of = m
      ? l('decisionOf', {
          date: formatMeetingTime(m.startsAt, language, doc.timeZone),
          kind: doc.kindNames.get(m.kind)?.[language] ?? m.kind,
        })
      : '';
    // A decision stays with its first action: a page never starts with an orphaned action line.
    out.ensure(out.measure(d.text, out.width - 10, { bold: true }) + 28, again);
    out.paragraph(`• ${d.text}`, { size: 10, bold: true }, 0, again);
    if (of) out.paragraph(of, { size: 8, color: COLORS.muted }, 10, again);
    for (const a of d.actions) {
      const line = a.ownerName
        ? l('actionLine', { title: a.title, owner: a.ownerName, due: formatDay(a.dueOn, language), status: status[a.status] })
        : l('actionLineNoOwner', { title: a.title, due: formatDay(a.dueOn, language), status: status[a.status] });
      out.paragraph(`– ${line}`, { size: 9.5 }, 14, again);
    }
    out.y += 5;
  }
}

function notes({ doc, out, l }: Ctx): void {
  const text = doc.report.notes?.trim();
  if (!text) return;
  const again = out.heading(l('notes'), l('continued', { section: l('notes') }));
  out.paragraph(text, { size: 10 }, 0, again);
}
