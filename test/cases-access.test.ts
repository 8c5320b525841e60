/**
 * The access matrix of integrity cases (issue 14; decision 0029): every case route × every role, each
 * cell on a fresh case at the stage the route needs. The roles: the handler of the committee above the
 * subject (district A1), a handler higher up (region A, who also takes the appeal), a handler elsewhere
 * (district B1), an official of district A1 and one of region A without the handler grant, the
 * subject's secretary, the subject before and after being notified, the reporter, the administrator, a
 * plain member of the subject's cell. Every GET that answers 200 writes exactly one case_reads row with
 * the reader's account and the part read, and a 404 writes none. Cases never show in anyone else's
 * lists, home page, audit log or notifications.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import type { Client } from './helpers/client.ts';
import { buildCaseWorld, caseAt, readsOf, uploadEvidence, type CaseWorld, type Stage } from './helpers/cases.ts';

const ROLES = [
  'handler',
  'handlerAbove',
  'handlerElsewhere',
  'officialNoGrant',
  'regionManager',
  'subjectsSecretary',
  'subjectBefore',
  'subjectAfter',
  'reporter',
  'admin',
  'plainMember',
] as const;
type Role = (typeof ROLES)[number];

type Req = { method: 'GET' | 'POST'; url: string; body?: unknown; evidence?: boolean };
type Row = {
  /** The stage the case is brought to before the request (the subject before notification always gets it unnotified). */
  stage: Stage;
  /** Expected status per role; anyone not named gets 404. */
  expect: Partial<Record<Role, number>>;
  request: (id: number, evidenceId: number) => Req;
  /** The part a successful read writes to case_reads. */
  part?: string;
};

const matrix: Record<string, Row> = {
  'GET /api/v1/cases/:id': {
    stage: 'notified',
    expect: { handler: 200, handlerAbove: 200, subjectAfter: 200 },
    request: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}` }),
    part: 'summary',
  },
  'GET /api/v1/cases/:id/timeline': {
    stage: 'notified',
    expect: { handler: 200, handlerAbove: 200, subjectAfter: 200 },
    request: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/timeline` }),
    part: 'timeline',
  },
  'GET /api/v1/cases/:id/reads': {
    stage: 'notified',
    expect: { handler: 200, handlerAbove: 200 },
    request: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/reads` }),
    part: 'reads',
  },
  'GET /api/v1/cases/:id/evidence/:evidenceId': {
    stage: 'notified',
    expect: { handler: 200, handlerAbove: 200, subjectAfter: 200 },
    request: (id, evidenceId) => ({ method: 'GET', url: `/api/v1/cases/${id}/evidence/${evidenceId}` }),
    part: 'evidence',
  },
  'POST /api/v1/cases/:id/triage': {
    stage: 'received',
    expect: { handler: 204, handlerAbove: 204 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/triage`, body: { action: 'open' } }),
  },
  'POST /api/v1/cases/:id/notify-subject': {
    stage: 'open',
    expect: { handler: 204, handlerAbove: 204 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/notify-subject`, body: {} }),
  },
  'POST /api/v1/cases/:id/responses': {
    stage: 'notified',
    expect: { subjectAfter: 201, handler: 403, handlerAbove: 403 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/responses`, body: { text: 'My side of it' } }),
  },
  'POST /api/v1/cases/:id/evidence': {
    stage: 'notified',
    expect: { subjectAfter: 201, reporter: 201, handler: 403, handlerAbove: 403 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/evidence`, evidence: true }),
  },
  'POST /api/v1/cases/:id/decision': {
    stage: 'heard',
    expect: { handler: 204, handlerAbove: 204, subjectAfter: 403 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/decision`, body: { outcome: 'dismissed', reasons: 'Not shown' } }),
  },
  'POST /api/v1/cases/:id/decision (on appeal)': {
    stage: 'appealed',
    expect: { handlerAbove: 204, handler: 403, subjectAfter: 403 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/decision`, body: { outcome: 'dismissed', reasons: 'Confirmed' } }),
  },
  'POST /api/v1/cases/:id/appeal': {
    stage: 'decided',
    expect: { subjectAfter: 204, handler: 403, handlerAbove: 403 },
    request: (id) => ({ method: 'POST', url: `/api/v1/cases/${id}/appeal`, body: { text: 'Please look again' } }),
  },
};

describe('integrity cases: the access matrix', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let w: CaseWorld;
  let clients: Record<Role, Client>;
  const accountIds = {} as Record<Role, number>;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCaseWorld(t.app, t.ctx.db);
    const c = w.c;
    clients = {
      handler: c.handler,
      handlerAbove: c.appealHandler,
      handlerElsewhere: c.handlerElsewhere,
      officialNoGrant: c.officialNoGrant,
      regionManager: c.regionManager,
      subjectsSecretary: c.subjectsSecretary,
      subjectBefore: c.subject,
      subjectAfter: c.subject,
      reporter: c.reporter,
      admin: c.admin,
      plainMember: c.plainMember,
    };
    for (const role of ROLES) accountIds[role] = (await clients[role].get('/api/v1/me')).body.account.id;
  });
  afterAll(async () => t?.close());

  const send = (client: Client, r: Req) =>
    r.evidence ? uploadEvidence(client, Number(r.url.split('/')[4])) : client.request(r.method, r.url, r.body);

  for (const [route, row] of Object.entries(matrix)) {
    it(`${route}: every role, and every read written down`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        // The subject before notification meets the case before the handlers told them.
        const stage: Stage = role === 'subjectBefore' ? (row.stage === 'received' ? 'received' : 'open') : row.stage;
        const id = await caseAt(w, stage);
        const evidence = await uploadEvidence(w.c.reporter, id);
        const before = await readsOf(t.ctx.db, id);
        const req = row.request(id, evidence.body.id);
        want[role] = row.expect[role] ?? 404;
        got[role] = (await send(clients[role], req)).status;
        const after = await readsOf(t.ctx.db, id);
        const added = after.slice(before.length);
        if (req.method === 'GET' && got[role] === 200) {
          expect(added, `${role}: one read row`).toHaveLength(1);
          expect(added[0], role).toMatchObject({
            account_id: accountIds[role],
            part: row.part,
            evidence_id: row.part === 'evidence' ? evidence.body.id : null,
          });
        } else {
          expect(added, `${role}: no read row for a refused or writing request`).toEqual([]);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('lists a case to its handlers and its notified subject only, and each listing is a read', async () => {
    const open = await caseAt(w, 'open');
    const notified = await caseAt(w, 'notified');
    const seen: Record<string, boolean[]> = {};
    for (const role of ROLES) {
      if (role === 'subjectBefore') continue;
      const before = [(await readsOf(t.ctx.db, open)).length, (await readsOf(t.ctx.db, notified)).length];
      const res = await clients[role].get('/api/v1/cases');
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: { id: number }) => i.id);
      seen[role] = [ids.includes(open), ids.includes(notified)];
      const after = [(await readsOf(t.ctx.db, open)).length, (await readsOf(t.ctx.db, notified)).length];
      expect(after[0]! - before[0]!, role).toBe(seen[role]![0] ? 1 : 0);
      expect(after[1]! - before[1]!, role).toBe(seen[role]![1] ? 1 : 0);
    }
    expect(seen).toEqual({
      handler: [true, true],
      handlerAbove: [true, true],
      handlerElsewhere: [false, false],
      officialNoGrant: [false, false],
      regionManager: [false, false],
      subjectsSecretary: [false, false],
      subjectAfter: [false, true],
      reporter: [false, false],
      admin: [false, false],
      plainMember: [false, false],
    });
    const reads = (await readsOf(t.ctx.db, notified)).filter((r) => r.part === 'list');
    expect(reads.map((r) => r.account_id).sort()).toEqual([accountIds.handler, accountIds.handlerAbove, accountIds.subjectAfter].sort());
  });

  it('shows a case to its reporter only as their own report, never to the others in lists, pages, notifications, audit or counts', async () => {
    const id = await caseAt(w, 'notified');
    for (const role of ROLES) {
      const client = clients[role];
      const reports = await client.get('/api/v1/me/case-reports');
      const mine = reports.body.items.some((i: { id: number }) => i.id === id);
      expect(mine, role).toBe(role === 'reporter');
      if (role === 'subjectAfter' || role === 'subjectBefore') continue;
      const notes = await client.get('/api/v1/me/notifications');
      expect(JSON.stringify(notes.body), role).not.toContain(`/cases/${id}`);
      const home = await client.get('/api/v1/me/home');
      expect(JSON.stringify(home.body), role).not.toMatch(/case/i);
    }
    // The subject's record and their cell, as their secretary and the officials see them, say nothing of it.
    for (const role of ['subjectsSecretary', 'officialNoGrant', 'regionManager', 'admin'] as const) {
      const person = await clients[role].get(`/api/v1/people/${w.D.id}`);
      expect(person.status).toBe(200);
      expect(JSON.stringify(person.body), role).not.toMatch(/case|minutes/i);
      const audit = await clients[role].get('/api/v1/audit?limit=500');
      if (audit.status === 200) expect(JSON.stringify(audit.body), role).not.toMatch(/"case|minutes/);
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity like 'case%'`.execute(t.ctx.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('never makes the subject or the reporter a handler of their own case', async () => {
    // Handler grants on district A1 for the subject's own account and the reporter's: neither may handle this case.
    await t.ctx.db
      .insertInto('grants')
      .values({ account_id: accountIds.subjectAfter, role: 'handler', access: 'read', unit_id: w.org.districtA1.id })
      .execute();
    await t.ctx.db
      .insertInto('grants')
      .values({ account_id: accountIds.reporter, role: 'handler', access: 'read', unit_id: w.org.districtA1.id })
      .execute();
    const id = await caseAt(w, 'open');
    expect((await w.c.subject.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await w.c.reporter.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await w.c.subject.post(`/api/v1/cases/${id}/notify-subject`, {})).status).toBe(404);
    expect((await w.c.reporter.post(`/api/v1/cases/${id}/notify-subject`, {})).status).toBe(404);
    expect((await w.c.handler.get(`/api/v1/cases/${id}`)).status).toBe(200);
    await sql`update grants set revoked_at = now() where role = 'handler' and account_id in (${accountIds.subjectAfter}, ${accountIds.reporter})`.execute(
      t.ctx.db,
    );
  });

  it('stops a revoked handler grant on the next request', async () => {
    const id = await caseAt(w, 'open');
    expect((await w.c.handler.get(`/api/v1/cases/${id}`)).status).toBe(200);
    await sql`update grants set revoked_at = now() where account_id = ${accountIds.handler} and role = 'handler'`.execute(t.ctx.db);
    expect((await w.c.handler.get(`/api/v1/cases/${id}`)).status).toBe(404);
    await sql`update grants set revoked_at = null where account_id = ${accountIds.handler} and role = 'handler'`.execute(t.ctx.db);
  });
});
