import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { addDecision } from '../src/server/modules/meetings/decisions.ts';
import { REPORT_LABELS } from '../src/server/modules/reports/labels.ts';
import { REPORT_CSV_COLUMNS } from '../src/server/modules/reports/render-csv.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildMeeting, buildPerson, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { pageText, readPdf } from './helpers/pdf-text.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const now = new Date();
const thisMonth = iso(now).slice(0, 7);
const lastMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const lastMonth = iso(lastMonthStart).slice(0, 7);
const lastMonthName = {
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(lastMonthStart),
  ko: `${lastMonthStart.getUTCFullYear()}년 ${lastMonthStart.getUTCMonth() + 1}월`,
};
const inLastMonth = (day: number, hour = 18) =>
  new Date(Date.UTC(lastMonthStart.getUTCFullYear(), lastMonthStart.getUTCMonth(), day, hour)).toISOString();

describe('the monthly report as a committee files it', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  let secretary: Client;
  let longCell: number;
  const pdf = async (url: string, headers: Record<string, string> = {}) => {
    const cookie = (region as unknown as { cookie: string }).cookie;
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toBe('application/pdf');
    return readPdf(res.rawPayload);
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    region = await signIn(t.app, 'region@test', 'secret-pass');
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: inLastMonth(12) });
    await holdMeeting(t.ctx.db, m.id, { [org.P.id]: 'absent' });
    await addDecision(t.ctx.db, systemActor(), m.id, {
      text: 'Clean the yard',
      actions: [{ title: 'Bring tools', ownerPersonId: org.M.id, dueOn: iso(new Date(inLastMonth(20))) }],
    });
    // A busy cell: more meetings and decisions than one page holds.
    const cell = await buildCell(t.ctx.db, org.districtA1.id, { name: '바쁜 세포' });
    longCell = cell.id;
    await buildPerson(t.ctx.db, cell.id, { fullName: '김철수' });
    for (let i = 0; i < 36; i++) {
      const mm = await buildMeeting(t.ctx.db, cell.id, { startsAt: inLastMonth(1 + (i % 27), 8 + Math.floor(i / 27) * 4) });
      await holdMeeting(t.ctx.db, mm.id);
      await addDecision(t.ctx.db, systemActor(), mm.id, {
        text: `Decision ${i + 1}: inspect the furnace lining before each shift`,
        actions: [{ title: `Check ${i + 1}`, dueOn: iso(new Date(inLastMonth(27))) }],
      });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses to submit a month not yet over unless the request confirms it, and says when it ends', async () => {
    const url = `/api/v1/cells/${org.cellA1a.id}/reports/${thisMonth}`;
    const draft = await secretary.get(url);
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
    const daysLeft = Math.round((end.getTime() - Date.parse(`${iso(now)}T00:00:00Z`)) / 86_400_000);
    expect(draft.body).toMatchObject({ monthEndsOn: iso(end), daysLeft });
    const refused = await secretary.post(`${url}/submit`, { notes: 'early' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      messageKey: 'report.monthNotOver',
      params: { monthEndsOn: iso(end) },
      details: { daysLeft },
    });
    expect((await secretary.get(url)).body.status).toBe('draft');
    expect((await secretary.post(`${url}/submit`, { confirmEarly: false })).status).toBe(409);
    const confirmed = await secretary.post(`${url}/submit`, { notes: 'early', confirmEarly: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('submitted');
  });

  it('submits a past month without asking', async () => {
    const past = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/reports/${lastMonth}/submit`, { notes: '지난달 보고' });
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ status: 'submitted', daysLeft: null });
    expect(past.body.decisions).toEqual([
      expect.objectContaining({
        text: 'Clean the yard',
        actions: [expect.objectContaining({ title: 'Bring tools', ownerName: 'Member Lee', status: 'open' })],
      }),
    ]);
  });

  it('prints a normal month on one page in English: headings, the standards table, attendance, decisions, dates and kinds named', async () => {
    const { pages, runs } = await pdf(`/api/v1/cells/${org.cellA1a.id}/reports/${lastMonth}.pdf?lang=en`);
    expect(pages).toBe(1);
    const text = pageText(runs);
    for (const label of [
      'Monthly report',
      'Standards',
      'Meetings and attendance',
      'Decisions and follow-up actions',
      "Secretary's notes",
      'Page 1 of 1',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(lastMonthName.en);
    expect(text).toContain('Cell A1a');
    expect(text).toContain(org.cellA1a.code);
    // Table cells wrap: read across their lines.
    expect(text.replace(/ ?\n/g, ' ')).toContain('A general membership meeting at least once a month');
    expect(text).toMatch(/\bMet\b/);
    expect(text).toContain('Not met'); // attendance 2 of 3 is under the 80 % of the default rulebook
    expect(text).toContain('67 % (2 of 3)');
    expect(text).toContain('General membership meeting');
    expect(text).toContain('Clean the yard');
    expect(text).toContain('Bring tools (Member Lee, due');
    expect(text).toContain('Submitted on');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/); // no raw timestamps
    expect(runs.map((r) => r.text.trim())).not.toContain('general'); // no kind codes
    expect(text).not.toContain('월간 보고서'); // no second language beside the first
    expect(text).not.toContain('세포총회');
  });

  it('prints it in Korean for lang=ko or a Korean Accept-Language, and lang wins over the header', async () => {
    const url = `/api/v1/cells/${org.cellA1a.id}/reports/${lastMonth}.pdf`;
    for (const [query, headers] of [
      ['?lang=ko', {}],
      ['', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' }],
    ] as const) {
      const text = pageText((await pdf(`${url}${query}`, headers)).runs);
      for (const label of ['월간 보고서', '기준', '회의와 참석', '결정과 후속 과업', '세포총회', '1쪽 중 1쪽'])
        expect(text).toContain(label);
      expect(text).toContain(lastMonthName.ko);
      expect(text).toContain('매월 세포총회 1회 이상');
      expect(text).not.toContain('Monthly report');
    }
    const english = pageText((await pdf(`${url}?lang=en`, { 'accept-language': 'ko' })).runs);
    expect(english).toContain('Monthly report');
    expect(pageText((await pdf(url, { 'accept-language': 'fr-FR, de' })).runs)).toContain('Monthly report');
    expect((await region.get(`${url}?lang=fr`)).status).toBe(400);
  });

  it('flows a long month onto more pages without writing over the footer', async () => {
    for (const lang of ['en', 'ko']) {
      const { pages, runs, pageHeight } = await pdf(`/api/v1/cells/${longCell}/reports/${lastMonth}.pdf?lang=${lang}`);
      expect(pages).toBeGreaterThan(1);
      // Footer text sits below the footer's rule (48 - 6 pt above the page's bottom edge), body text above it.
      const footerLine = 48 - 6;
      for (let p = 1; p <= pages; p++) {
        const below = runs.filter((r) => r.page === p && r.y < footerLine + 4);
        expect(below.map((r) => r.text).join(' | ')).toContain(lang === 'en' ? `Page ${p} of ${pages}` : `${pages}쪽 중 ${p}쪽`);
        expect(below).toHaveLength(2);
        expect(runs.filter((r) => r.page === p && r.y > pageHeight)).toEqual([]);
      }
      const text = pageText(runs);
      for (let i = 1; i <= 36; i++) expect(text).toContain(`Decision ${i}: inspect`);
      expect(text).toContain(lang === 'en' ? '(continued)' : '(계속)');
    }
  });

  it("gives the CSV plain columns, no JSON in any cell, names in the reader's language and a BOM", async () => {
    for (const lang of ['en', 'ko'] as const) {
      const res = await region.get(`/api/v1/cells/${org.cellA1a.id}/reports/${lastMonth}.csv?lang=${lang}`);
      expect(res.status).toBe(200);
      const body = String(res.body);
      expect(body.startsWith('\uFEFF')).toBe(true);
      const rows = parse(body.slice(1), { columns: true }) as Array<Record<string, string>>;
      expect(Object.keys(rows[0]!)).toEqual([...REPORT_CSV_COLUMNS]);
      for (const row of rows) {
        for (const cell of Object.values(row)) expect(cell, JSON.stringify(row)).not.toMatch(/^\s*[[{]/);
      }
      const standard = rows.find((r) => r.section === 'standard' && r.code === 'general-attendance-rate')!;
      expect(standard).toMatchObject({ status: 'not_met', value: '66.7', limit: '80', unit: 'percent' });
      expect(rows.find((r) => r.section === 'standard' && r.code === 'general-meeting-monthly')).toMatchObject({
        status: 'met',
        value: '1',
        limit: '1',
        unit: 'meetings',
        name: lang === 'ko' ? '매월 세포총회 1회 이상' : 'A general membership meeting at least once a month',
      });
      expect(rows.find((r) => r.section === 'meeting')).toMatchObject({
        code: 'general',
        name: lang === 'ko' ? '세포총회' : 'General membership meeting',
        status: 'held',
        present: '2',
        expected: '3',
        date: iso(new Date(inLastMonth(12))),
      });
      expect(rows.find((r) => r.section === 'action')).toMatchObject({ name: 'Bring tools', owner: 'Member Lee', status: 'open' });
      expect(rows.find((r) => r.section === 'summary' && r.code === 'members')).toMatchObject({
        name: lang === 'ko' ? '명단의 성원' : 'Members on the roll',
        value: '3',
      });
    }
  });
});

describe("the report's catalog of words", () => {
  const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  it('has every label in both languages, none empty, with the same params', () => {
    expect(Object.keys(REPORT_LABELS.ko).sort()).toEqual(Object.keys(REPORT_LABELS.en).sort());
    for (const key of Object.keys(REPORT_LABELS.en) as Array<keyof typeof REPORT_LABELS.en>) {
      expect(REPORT_LABELS.ko[key].trim(), key).not.toBe('');
      expect(REPORT_LABELS.en[key].trim(), key).not.toBe('');
      expect(params(REPORT_LABELS.ko[key]), key).toEqual(params(REPORT_LABELS.en[key]));
    }
  });
});
