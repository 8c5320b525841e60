/**
 * The paper attendance sheet of a meeting (issue 16): for a cell with no signal, printed beforehand and
 * filled by hand. The roll on the meeting's day in name order (the order the fast entry screen and the
 * CSV upload take it back in), a box each for present / excused / absent and a line for the reason; the
 * meeting's code and a QR code of its id, so the filled sheet finds its meeting again.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { ReportLanguage } from '../reports/labels.ts';
import { COLORS, Layout, PAGE } from '../reports/pdf-layout.ts';
import { font } from '../reports/render.ts';
import { formatDay, formatMeetingTime } from '../reports/wording.ts';
import { selectMeetingInScope, selectRoll } from '../meetings/queries.ts';

const LABELS = {
  en: {
    title: 'Attendance sheet',
    code: 'Meeting code',
    no: 'No.',
    name: 'Name',
    present: 'Present',
    excused: 'Excused',
    absent: 'Absent',
    reason: 'Reason (excused or absent)',
    howTo: 'Tick one box per member. Enter the sheet in Cellwork in this order, or upload it as CSV (personId, status, reason).',
    signed: 'Recorded by (name and signature)',
  },
  ko: {
    title: '출석부',
    code: '회의 번호',
    no: '번호',
    name: '이름',
    present: '출석',
    excused: '사유 결석',
    absent: '결석',
    reason: '사유(사유 결석 또는 결석)',
    howTo: '성원마다 한 칸에 표시하십시오. 이 순서대로 Cellwork에 입력하거나 CSV(personId, status, reason)로 올리십시오.',
    signed: '기록자(이름과 서명)',
  },
} as const;

/** The code printed on the sheet: the cell's code, the meeting's day and its id, readable aloud over a phone. */
export const meetingCode = (cellCode: string, meetsOn: string, id: number) => `${cellCode}-${meetsOn.replaceAll('-', '')}-${id}`;
/** What the QR code holds: the meeting's id, marked as Cellwork's. */
export const qrText = (id: number) => `cellwork:meeting:${id}`;

export async function attendanceSheet(db: Db, actor: Actor, meetingId: number, language: ReportLanguage, timeZone: string) {
  // Whoever may record the meeting's attendance prints its sheet; anyone else gets the online 404.
  const m = await selectMeetingInScope(db, actor, meetingId, 'manage');
  if (!m) throw notFound('meeting.notFound');
  const [cell, roll] = await Promise.all([
    db.selectFrom('units').select(['name', 'code']).where('id', '=', m.cell_id).executeTakeFirstOrThrow(),
    selectRoll(db, m.cell_id, m.meets_on),
  ]);
  const code = meetingCode(cell.code, m.meets_on, m.id);
  const pdf = await render({
    language,
    cellName: cell.name,
    title: m.title,
    when: `${formatDay(m.meets_on, language)} · ${formatMeetingTime(m.starts_at, language, timeZone)}`,
    code,
    qr: await QRCode.toBuffer(qrText(m.id), { type: 'png', margin: 1, scale: 4 }),
    names: roll.map((r) => r.fullName),
  });
  return { pdf, code };
}

type Sheet = { language: ReportLanguage; cellName: string; title: string | null; when: string; code: string; qr: Buffer; names: string[] };

async function render(s: Sheet): Promise<Buffer> {
  const [regular, bold] = await Promise.all([font(400), font(700)]);
  const l = LABELS[s.language];
  const pdf = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    lang: s.language,
    info: { Title: `${l.title}: ${s.code}`, Producer: 'Cellwork' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const out = new Layout(pdf);
  const head = () => {
    pdf.image(s.qr, out.right - 84, out.y, { width: 84 });
    out.put(l.title, out.left, out.y, out.width - 100, { size: 20, bold: true, color: COLORS.heading });
    out.put(s.cellName + (s.title ? ` · ${s.title}` : ''), out.left, out.y + 28, out.width - 100, { size: 12, bold: true });
    out.put(s.when, out.left, out.y + 46, out.width - 100, { size: 10, color: COLORS.muted });
    out.put(`${l.code}: ${s.code}`, out.left, out.y + 62, out.width - 100, { size: 11, bold: true });
    out.y += 92;
  };
  head();
  out.paragraph(l.howTo, { size: 8.5, color: COLORS.muted });
  out.y += 6;
  rows(out, s.names, l, head);
  out.y += 24;
  out.ensure(30);
  out.put(`${l.signed}: ____________________________`, out.left, out.y, out.width, { size: 10 });
  pdf.end();
  return done;
}

const COLUMNS = { no: 28, name: 170, box: 52 } as const;

function rows(out: Layout, names: string[], l: (typeof LABELS)[ReportLanguage], head: () => void): void {
  const rowH = 24;
  const reasonW = out.width - COLUMNS.no - COLUMNS.name - 3 * COLUMNS.box;
  const header = () => {
    let x = out.left;
    for (const [label, w] of [
      [l.no, COLUMNS.no],
      [l.name, COLUMNS.name],
      [l.present, COLUMNS.box],
      [l.excused, COLUMNS.box],
      [l.absent, COLUMNS.box],
      [l.reason, reasonW],
    ] as const) {
      out.put(label, x + 3, out.y, w - 6, { size: 8.5, bold: true, color: COLORS.muted, align: w === COLUMNS.box ? 'center' : 'left' });
      x += w;
    }
    out.y += 16;
    out.rule(COLORS.heading, 1);
  };
  header();
  names.forEach((name, i) => {
    out.ensure(rowH, () => {
      head();
      header();
    });
    let x = out.left;
    out.put(String(i + 1), x + 3, out.y + 7, COLUMNS.no - 6, { size: 9.5, color: COLORS.muted });
    x += COLUMNS.no;
    out.put(name, x + 3, out.y + 7, COLUMNS.name - 6, { size: 10.5 });
    x += COLUMNS.name;
    for (let b = 0; b < 3; b++) {
      out.doc
        .save()
        .rect(x + COLUMNS.box / 2 - 6, out.y + 6, 12, 12)
        .lineWidth(0.9)
        .strokeColor(COLORS.ink)
        .stroke()
        .restore();
      x += COLUMNS.box;
    }
    out.doc
      .save()
      .moveTo(x + 4, out.y + 19)
      .lineTo(out.right, out.y + 19)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
    out.y += rowH;
  });
}
