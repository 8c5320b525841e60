import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeMembership } from '../src/server/modules/units/memberships.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { pageText, readPdf } from './helpers/pdf-text.ts';

describe('the paper roll: attendance sheet and CSV upload', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let manager: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    manager = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  async function cellWith(names: string[]) {
    const cell = await buildCell(t.ctx.db, org.districtA1.id, { code: `PAPER${Math.floor(Math.random() * 1e6)}` });
    const people = [];
    for (const fullName of names) people.push(await buildPerson(t.ctx.db, cell.id, { fullName }));
    return { cell, people };
  }
  const upload = (meetingId: number, version: number, csv: string) =>
    manager.request('POST', `/api/v1/meetings/${meetingId}/attendance.csv?version=${version}`, csv, { 'content-type': 'text/csv' });

  it('prints the roll of the meeting day in name order, in Korean too, with its code; 404 outside the scope', async () => {
    const { cell, people } = await cellWith(['Yoon Chul', '김영희', 'Ahn Bora']);
    const leaver = await buildPerson(t.ctx.db, cell.id, { fullName: 'Gone Before' });
    await changeMembership(t.ctx.db, leaver.id, null, '2025-01-01');
    const m = await buildMeeting(t.ctx.db, cell.id, { startsAt: '2026-03-04T09:00:00Z' });
    const res = await manager.get(`/api/v1/meetings/${m.id}/attendance-sheet.pdf?lang=ko`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const raw = await fetchRaw(`/api/v1/meetings/${m.id}/attendance-sheet.pdf`);
    expect(raw.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pageText(readPdf(raw).runs);
    const order = ['Ahn Bora', 'Yoon Chul', '김영희'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Gone Before');
    expect(text).toContain(`${cell.code}-20260304-${m.id}`);
    expect(pageText(readPdf(Buffer.from(await fetchRaw(`/api/v1/meetings/${m.id}/attendance-sheet.pdf?lang=ko`))).runs)).toContain(
      '출석부',
    );
    // The QR code is an image on the page.
    expect(raw.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(people).toHaveLength(3);
    const outside = await buildMeeting(t.ctx.db, org.cellB1a.id);
    expect((await manager.get(`/api/v1/meetings/${outside.id}/attendance-sheet.pdf`)).status).toBe(404);
  });

  /** The PDF's bytes as sent (the test client reads bodies as text). */
  async function fetchRaw(url: string): Promise<Buffer> {
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login: 'region@test', password: 'secret-pass' },
    });
    const cookie = [session.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('cw_session='))!
      .split(';')[0]!;
    return (await t.app.inject({ method: 'GET', url, headers: { cookie } })).rawPayload;
  }

  it('takes a CSV roll by personId or name, all or nothing, with the attendance API checks and the lines at fault', async () => {
    const { cell, people } = await cellWith(['Kim A', 'Lee B', 'Park C']);
    const [a, b, c] = [people[0]!, people[1]!, people[2]!];
    const m = await buildMeeting(t.ctx.db, cell.id);
    const header = 'personId,name,status,reason';
    const bad = await upload(m.id, m.version, `${header}\n${a.id},,present,\n,Nobody,present,\n${c.id},,maybe,\nx1,,absent,`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.messageKey).toBe('attendance.csvLines');
    expect(bad.body.error.details.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'nameNotOnRoll'],
      [4, 'badStatus'],
      [5, 'badPersonId'],
    ]);
    const stranger = await upload(
      m.id,
      m.version,
      `${header}\n${a.id},,present,\n${b.id},,present,\n${c.id},,present,\n${org.Q.id},,present,`,
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toMatchObject({
      messageKey: 'attendance.rollMismatch',
      details: { notOnRoll: [org.Q.id], lines: { notOnRoll: [5] } },
    });
    const missing = await upload(m.id, m.version, `${header}\n${a.id},,present,`);
    expect(missing.body.error.details.missing.sort()).toEqual([b.id, c.id].sort());
    expect((await upload(m.id, m.version, 'status\npresent')).body.error.messageKey).toBe('attendance.csvHeader');
    expect((await upload(m.id, m.version, 'personId,status')).body.error.messageKey).toBe('attendance.csvEmpty');
    const rows = await t.ctx.db.selectFrom('attendance').selectAll().where('meeting_id', '=', m.id).execute();
    expect(rows).toHaveLength(0);
    const ok = await upload(
      m.id,
      m.version,
      `\uFEFFname,status,reason\nKim A,present,\nLee B,결석,"night shift, again"\n${'Park C'},excused,sick`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'held', present: 1, expected: 3, version: m.version + 1 });
    expect(ok.body.roll.find((r: { personId: number }) => r.personId === b.id)).toMatchObject({
      status: 'absent',
      reason: 'night shift, again',
    });
    const stale = await upload(m.id, m.version, `name,status\nKim A,absent\nLee B,absent\nPark C,absent`);
    expect(stale.status).toBe(409);
    expect(stale.body.error.messageKey).toBe('meeting.savedMeanwhile');
    const notCsv = await manager.post(`/api/v1/meetings/${m.id}/attendance.csv?version=2`, { records: [] });
    expect(notCsv.status).toBe(415);
    const huge = await upload(m.id, 2, `name,status\n${'Kim A,present\n'.repeat(80_000)}`);
    expect(huge.status).toBe(413);
  });
});
