/**
 * Editing and withdrawing a target through the API (issue 15; decision 0030, "Edit and withdrawal"): its
 * setter changes the figure, the measure and the split while the period runs, and withdraws it (out of
 * lists and sums, audited, kept with its reports); every refusal is a clear 4xx and saves nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount } from './helpers/factories.ts';
import { multipartFile } from './helpers/directives.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('editing and withdrawing targets', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let official: Client;
  let reader: Client;
  let secretary: Client;
  let outsider: Client;
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await buildAccount(t.ctx.db, { login: 'official@test', grants: [{ role: 'official', access: 'manage', unitId: org.districtA1.id }] });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    official = await as('official@test');
    reader = await as('reader@test');
    secretary = await as('secretary@test');
    outsider = await as('outsider@test');
  });
  afterAll(async () => t?.close());

  const setTarget = async (over: Record<string, unknown> = {}) => {
    const res = await official.post(`/api/v1/units/${org.districtA1.id}/targets`, {
      year,
      sector: 'agriculture',
      indicator: 'Grain yield',
      measure: 'tonnes',
      figure: 100,
      ...over,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; partIds: number[] };
  };
  const list = async (c: Client, unitId: number) => {
    const res = await c.get(`/api/v1/units/${unitId}/targets?year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  };
  const snapshot = async () =>
    (
      await sql<{
        s: string;
      }>`select string_agg(concat_ws('|', id, figure, measure, withdrawn_at, parent_id), ',' order by id) as s from targets`.execute(
        t.ctx.db,
      )
    ).rows[0]!.s;

  it('the setter changes the figure, the measure (of the family) and the split; the change is audited', async () => {
    const made = await setTarget({ split: [{ unitId: org.cellA1a.id, figure: 70 }] });
    const res = await official.patch(`/api/v1/targets/${made.id}`, {
      figure: 120,
      measure: 'kilotonnes',
      split: [{ unitId: org.cellA1b.id, figure: 50 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id: made.id, splitSum: 50, splitDifference: -70 });
    const mine = (await list(official, org.districtA1.id)).find((i) => i.id === made.id)!;
    expect(mine).toMatchObject({ figure: 120, measure: 'kilotonnes', splitSum: 50 });
    // The part left out is withdrawn: gone from the cell's list; the new one is the other cell's.
    expect((await list(secretary, org.cellA1a.id)).filter((i) => i.parentId === made.id)).toEqual([]);
    const other = (await list(official, org.cellA1b.id)).find((i) => i.parentId === made.id)!;
    expect(other).toMatchObject({ figure: 50, measure: 'kilotonnes' });
    const page = await official.get(`/api/v1/targets/${made.id}`);
    expect(page.body).toMatchObject({ canEdit: true, withdrawnAt: null, splitSum: 50 });
    const withdrawnPart = await official.get(`/api/v1/targets/${made.partIds[0]}`);
    expect(withdrawnPart.body.withdrawnAt).not.toBeNull();
    const audit = await sql<{ before: any; after: any }>`
      select before, after from audit_log where action = 'target.update' and entity_id = ${String(made.id)}`.execute(t.ctx.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.before).toMatchObject({ figure: 100, measure: 'tonnes', split: [{ unitId: org.cellA1a.id, figure: 70 }] });
  });

  it('withdrawing takes the target and its parts out of lists and sums; reports stay; no more reports or edits', async () => {
    const made = await setTarget({ indicator: 'Cloth woven', split: [{ unitId: org.cellA1a.id, figure: 30 }] });
    const [part] = made.partIds;
    expect((await secretary.post(`/api/v1/targets/${part}/progress`, { unitId: org.cellA1a.id, asOf: today, value: 9 })).status).toBe(201);
    const res = await official.post(`/api/v1/targets/${made.id}/withdrawal`, { reason: 'The plan changed' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await list(official, org.districtA1.id)).some((i) => i.id === made.id)).toBe(false);
    expect((await list(secretary, org.cellA1a.id)).some((i) => i.id === part)).toBe(false);
    const reportable = await secretary.get(`/api/v1/units/${org.cellA1a.id}/reportable-targets?year=${year}`);
    expect(reportable.body.items.some((i: any) => i.id === part || i.id === made.id)).toBe(false);
    // Kept in history: its page answers, withdrawn, with its reports.
    const page = await official.get(`/api/v1/targets/${made.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ canEdit: false, canReport: false, achieved: 9 });
    expect(page.body.withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await official.get(`/api/v1/targets/${made.id}/reports`)).body.items).toHaveLength(1);
    const before = await snapshot();
    const progressBefore = (await sql<{ n: number }>`select count(*)::int as n from target_progress`.execute(t.ctx.db)).rows[0]!.n;
    const again = await secretary.post(`/api/v1/targets/${part}/progress`, { unitId: org.cellA1a.id, asOf: today, value: 12 });
    expect([again.status, again.body.error?.messageKey]).toEqual([409, 'target.withdrawn']);
    const edit = await official.patch(`/api/v1/targets/${made.id}`, { figure: 5 });
    expect([edit.status, edit.body.error?.messageKey]).toEqual([409, 'target.withdrawn']);
    const twice = await official.post(`/api/v1/targets/${made.id}/withdrawal`, {});
    expect([twice.status, twice.body.error?.messageKey]).toEqual([409, 'target.withdrawn']);
    expect(await snapshot()).toBe(before);
    expect((await sql<{ n: number }>`select count(*)::int as n from target_progress`.execute(t.ctx.db)).rows[0]!.n).toBe(progressBefore);
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'target.withdraw' and entity_id = ${String(made.id)}`.execute(t.ctx.db);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('refusals: bad values 400, not the setter 403, out of view 404, a past period 409; nothing is saved', async () => {
    const made = await setTarget({ indicator: 'Fish caught', split: [{ unitId: org.cellA1a.id, figure: 30 }] });
    const past = await setTarget({ indicator: 'Fish caught', year: year - 1 });
    const before = await snapshot();
    const cases: Array<[Client, string, unknown, number, string]> = [
      [official, `/api/v1/targets/${made.id}`, { figure: 0 }, 400, 'target.figureNotPositive'],
      [official, `/api/v1/targets/${made.id}`, { figure: 1.23456 }, 400, 'target.figureTooPrecise'],
      [official, `/api/v1/targets/${made.id}`, { figure: 1e16 }, 400, 'target.figureTooLarge'],
      [official, `/api/v1/targets/${made.id}`, { split: [{ unitId: org.cellA2a.id, figure: 5 }] }, 400, 'target.splitOutside'],
      [official, `/api/v1/targets/${made.id}`, { split: [{ unitId: org.cellA1b.id, figure: -1 }] }, 400, 'target.figureNotPositive'],
      [
        official,
        `/api/v1/targets/${made.id}`,
        {
          split: [
            { unitId: org.cellA1b.id, figure: 1 },
            { unitId: org.cellA1b.id, figure: 2 },
          ],
        },
        400,
        'target.splitDuplicate',
      ],
      [official, `/api/v1/targets/${made.id}`, {}, 400, 'request.invalidInputAt'],
      [official, `/api/v1/targets/${made.id}`, { measure: '' }, 400, 'request.invalidInputAt'],
      [official, `/api/v1/targets/${made.id}`, { year: 2000 }, 400, 'request.invalidInputAt'],
      [reader, `/api/v1/targets/${made.id}`, { figure: 5 }, 403, 'target.officialsOnly'],
      [secretary, `/api/v1/targets/${made.id}`, { figure: 5 }, 403, 'target.officialsOnly'],
      [outsider, `/api/v1/targets/${made.id}`, { figure: 5 }, 404, 'target.notFound'],
      [official, '/api/v1/targets/999999999', { figure: 5 }, 404, 'target.notFound'],
      [official, `/api/v1/targets/${past.id}`, { figure: 5 }, 409, 'target.periodEnded'],
    ];
    for (const [c, url, b, status, key] of cases) {
      const res = await c.patch(url, b);
      expect([res.status, res.body.error?.messageKey], `${url} ${JSON.stringify(b)}`).toEqual([status, key]);
    }
    const withdrawals: Array<[Client, number, unknown, number, string]> = [
      [secretary, made.id, {}, 403, 'target.officialsOnly'],
      [outsider, made.id, {}, 404, 'target.notFound'],
      [official, past.id, {}, 409, 'target.periodEnded'],
      [official, made.id, { reason: 'x'.repeat(2001) }, 400, 'request.invalidInputAt'],
      [official, made.id, { why: 'no' }, 400, 'request.invalidInputAt'],
    ];
    for (const [c, id, b, status, key] of withdrawals) {
      const res = await c.post(`/api/v1/targets/${id}/withdrawal`, b);
      expect([res.status, res.body.error?.messageKey], `${id} ${JSON.stringify(b)}`).toEqual([status, key]);
    }
    expect(await snapshot()).toBe(before);
  });

  it('a report carries evidence: an https link and an uploaded file, shown on the reports list; refusals save nothing', async () => {
    const made = await setTarget({ indicator: 'Pupils taught' });
    const filed = await secretary.post(`/api/v1/targets/${made.id}/progress`, {
      unitId: org.cellA1a.id,
      asOf: today,
      value: 4,
      evidenceUrl: 'https://example.org/tally.pdf',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const upload = (c: Client, reportId: number, content: Buffer, name = 'tally.txt') => {
      const { payload, headers } = multipartFile(name, content, 'text/plain');
      return c.request('POST', `/api/v1/target-reports/${reportId}/evidence`, payload, headers);
    };
    const up = await upload(secretary, filed.body.id, Buffer.from('Field 3: 4 tonnes\n'));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toEqual({ fileName: 'tally.txt', contentType: 'text/plain; charset=utf-8', sizeBytes: 18 });
    const listed = await official.get(`/api/v1/targets/${made.id}/reports`);
    expect(listed.body.items[0]).toMatchObject({
      evidenceUrl: 'https://example.org/tally.pdf',
      evidenceFile: { fileName: 'tally.txt', sizeBytes: 18 },
    });
    const down = await official.get(`/api/v1/target-reports/${filed.body.id}/evidence`);
    expect(down.status).toBe(200);
    expect(down.headers['content-disposition']).toContain('attachment');
    expect(down.body).toBe('Field 3: 4 tonnes\n');
    expect((await outsider.get(`/api/v1/target-reports/${filed.body.id}/evidence`)).status).toBe(404);

    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from target_progress`.execute(t.ctx.db)).rows[0]!.n;
    const before = await count();
    for (const evidenceUrl of ['http://example.org/x', 'javascript:alert(1)', 'ftp://example.org', 'https://', 'x'.repeat(2001)]) {
      const res = await secretary.post(`/api/v1/targets/${made.id}/progress`, {
        unitId: org.cellA1a.id,
        asOf: today,
        value: 5,
        evidenceUrl,
      });
      expect(res.status, evidenceUrl).toBe(400);
    }
    expect(await count()).toBe(before);
    const fileBefore = (
      await sql<{ f: string }>`select evidence_file_name as f from target_progress where id = ${filed.body.id}`.execute(t.ctx.db)
    ).rows[0]!.f;
    const refusals: Array<[Client, number, Buffer, number, string]> = [
      [reader, filed.body.id, Buffer.from('x'), 403, 'target.notYourUnit'],
      [outsider, filed.body.id, Buffer.from('x'), 404, 'target.reportNotFound'],
      [secretary, 999999999, Buffer.from('x'), 404, 'target.reportNotFound'],
      [secretary, filed.body.id, Buffer.from([0, 1, 2, 3, 0xff]), 415, 'attachment.typeNotAllowed'],
      [secretary, filed.body.id, Buffer.from('<html><script>x</script>'), 415, 'attachment.typeNotAllowed'],
      [secretary, filed.body.id, Buffer.alloc(0), 400, 'attachment.empty'],
    ];
    for (const [c, id, content, status, key] of refusals) {
      const res = await upload(c, id, content);
      expect([res.status, res.body.error?.messageKey], key).toEqual([status, key]);
    }
    expect(
      (await sql<{ f: string }>`select evidence_file_name as f from target_progress where id = ${filed.body.id}`.execute(t.ctx.db)).rows[0]!
        .f,
    ).toBe(fileBefore);
  });
});
