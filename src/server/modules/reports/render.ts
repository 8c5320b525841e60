/** The monthly report as CSV and as PDF (pdfkit, with a Korean-capable font; no browser involved). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
// @ts-expect-error wawoff2 ships no type declarations
import wawoff2 from 'wawoff2';
import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { MonthlyReport } from '../../../shared/schemas.ts';

const require = createRequire(import.meta.url);
/**
 * Nanum Gothic (SIL OFL) from npm, whose Korean subset also covers Latin. It ships as WOFF2; pdfkit's
 * font engine cannot subset WOFF2 outlines correctly, so each weight is decoded to TrueType once.
 */
const fonts = new Map<number, Promise<Buffer>>();
function font(weight: 400 | 700): Promise<Buffer> {
  let f = fonts.get(weight);
  if (!f) {
    const file = require.resolve(`@fontsource/nanum-gothic/files/nanum-gothic-korean-${weight}-normal.woff2`);
    f = fs.promises.readFile(file).then(async (woff2) => Buffer.from(await wawoff2.decompress(woff2)));
    fonts.set(weight, f);
  }
  return f;
}

export function reportCsv(r: MonthlyReport): string {
  const rows: Array<Array<string | number | null>> = [
    ['section', 'item', 'value', 'detail'],
    ['cell', 'name', r.cell.name, null], ['cell', 'period', r.period, null], ['cell', 'status', r.status, r.submittedAt],
    ...Object.entries(r.figures).map(([k, v]) => ['figures', k, v, null]),
    ...r.standards.map((s) => ['standards', s.code, s.meets ? 'met' : 'not met', JSON.stringify(s.detail)]),
    ...r.meetings.map((m) => ['meetings', `${m.kind} ${m.startsAt}`, m.status, `${m.present}/${m.expected} present`]),
    ['notes', 'notes', r.notes, null],
  ];
  return stringify(rows);
}

export async function reportPdf(r: MonthlyReport): Promise<Buffer> {
  const [regular, bold] = await Promise.all([font(400), font(700)]);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${r.cell.name} — ${r.period}`, Producer: 'Cellwork' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const text = mixedText(doc);
  text('Monthly report · 월간 보고서', { size: 18, bold: true });
  text(`${r.cell.name} — ${r.period}`, { size: 12 });
  doc.moveDown(0.3);
  text(r.status === 'submitted' ? `Submitted ${r.submittedAt} by ${r.submittedBy ?? ''}` : 'Draft (not submitted) · 초안', { size: 9, color: '#555555' });
  doc.moveDown();
  text('Figures · 수치', { size: 13, bold: true });
  const f = r.figures;
  const lines: Array<[string, string]> = [
    ['Members on the roll · 성원 수', String(f.members)], ['Meetings held · 진행된 회의', String(f.meetingsHeld)],
    ['Meetings not held · 열리지 않은 회의', String(f.meetingsNotHeld)],
    ['Attendance · 참석률', f.attendanceRate === null ? '-' : `${Math.round(f.attendanceRate * 100)} %`],
    ['Actions due / on time · 기한 과업 / 기한 내 완료', `${f.actionsDue} / ${f.actionsOnTime}`], ['Open follow-ups · 미결 대책', String(f.openFollowUps)],
  ];
  for (const [k, v] of lines) text(`${k}: ${v}`, { size: 11 });
  doc.moveDown();
  text('Standards · 기준', { size: 13, bold: true });
  // The font has no check marks; words read as well in print.
  for (const s of r.standards) text(`${s.meets ? 'Met · 충족' : 'Not met · 미충족'} — ${s.title} · ${s.titleKo}`, { size: 11, color: s.meets ? '#1b7f3b' : '#b3261e' });
  doc.moveDown();
  text('Meetings · 회의', { size: 13, bold: true });
  if (r.meetings.length === 0) text('-', { size: 11 });
  for (const m of r.meetings) text(`${m.startsAt.slice(0, 16).replace('T', ' ')}  ${m.kind}  ${m.status}  ${m.present}/${m.expected}`, { size: 11 });
  if (r.notes) {
    doc.moveDown();
    text('Notes · 비고', { size: 13, bold: true });
    text(r.notes, { size: 11 });
  }
  doc.end();
  return done;
}

function mixedText(doc: PDFKit.PDFDocument) {
  return (line: string, opts: { size: number; bold?: boolean; color?: string }) => {
    doc.font(opts.bold ? 'bold' : 'regular').fontSize(opts.size).fillColor(opts.color ?? 'black').text(line);
  };
}
