/**
 * Integrity cases through the API (issue 14, task 10; decision 0029): the handler grant, reporting,
 * due process step by step with every bad input the issue names, evidence, the rules, the anonymous
 * counts, retention, and the data export. Who sees what, route by route, is in cases-access.test.ts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeClosedCases } from '../src/server/modules/cases/retention.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCaseWorld, caseAt, readsOf, uploadEvidence, type CaseWorld } from './helpers/cases.ts';

describe('integrity cases', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let w: CaseWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCaseWorld(t.app, t.ctx.db);
  });
  afterAll(async () => t?.close());

  const caseRow = async (id: number) =>
    (await sql<Record<string, unknown>>`select * from cases where id = ${id}`.execute(t.ctx.db)).rows[0]!;
  const steps = async (id: number) =>
    (await sql<{ kind: string }>`select kind from case_steps where case_id = ${id} order by id`.execute(t.ctx.db)).rows.map((r) => r.kind);

  describe('the handler grant', () => {
    it('is given by a central administrator on a committee only', async () => {
      const { c, org } = w;
      const acct = await c.admin.post('/api/v1/accounts', { login: 'newhandler@test', password: 'secret-pass' });
      expect(acct.status).toBe(201);
      const onCell = await c.admin.post(`/api/v1/accounts/${acct.body.id}/grants`, { role: 'handler', unitId: org.cellA1a.id });
      expect(onCell.status).toBe(400);
      expect(onCell.body.error.messageKey).toBe('grant.handlerNeedsCommittee');
      expect((await c.admin.post(`/api/v1/accounts/${acct.body.id}/grants`, { role: 'handler' })).status).toBe(400);
      const ok = await c.admin.post(`/api/v1/accounts/${acct.body.id}/grants`, { role: 'handler', unitId: org.districtA2.id });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ role: 'handler', access: 'read', unit: { id: org.districtA2.id } });
      // An official who manages the subtree cannot name handlers (404: the action does not exist for them), nor revoke one.
      const byOfficial = await c.regionManager.post(`/api/v1/accounts/${acct.body.id}/grants`, {
        role: 'handler',
        unitId: org.districtA2.id,
      });
      expect(byOfficial.status).toBe(404);
      expect((await c.regionManager.delete(`/api/v1/grants/${ok.body.id}`)).status).toBe(404);
      // Nor learn who the handlers are from the accounts they administer.
      const listed = await c.regionManager.get('/api/v1/accounts?limit=500');
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain('"handler"');
      // The official reading the audit log of the subtree does not see the grant either.
      const audit = await c.regionManager.get('/api/v1/audit?limit=500');
      expect(JSON.stringify(audit.body)).not.toContain('"role":"handler"');
    });

    it('opens nothing but cases: a handler-only account sees no unit, person, dashboard, account or audit row', async () => {
      const { c, org } = w;
      const me = await c.appealHandler.get('/api/v1/me');
      expect(me.body.roots).toEqual([]);
      expect(me.body.grants).toEqual([]);
      expect(me.body.handles).toEqual([{ id: org.regionA.id, name: 'Region A', kind: 'committee' }]);
      for (const url of [
        `/api/v1/units/${org.regionA.id}`,
        `/api/v1/units/${org.districtA1.id}`,
        `/api/v1/units/${org.cellA1a.id}`,
        `/api/v1/people/${w.D.id}`,
        `/api/v1/people/${org.M.id}`,
        `/api/v1/units/${org.regionA.id}/case-stats?period=2026`,
        `/api/v1/units/${org.regionA.id}/compliance?period=2026-11`,
        `/api/v1/units/${org.districtA1.id}/compliance/cells?period=2026-11`,
        `/api/v1/units/${org.regionA.id}/help-requests/summary?period=2026-12`,
        `/api/v1/cells/${org.cellA1a.id}/assignments`,
        `/api/v1/audit`,
        `/api/v1/accounts`,
      ]) {
        expect((await c.appealHandler.get(url)).status, url).toBe(404);
      }
      // Lists that a grant would fill are empty.
      const directives = await c.appealHandler.get('/api/v1/directives');
      if (directives.status === 200) expect(directives.body.items).toEqual([]);
      else expect(directives.status).toBe(404);
      const home = await c.appealHandler.get('/api/v1/me/home');
      expect(JSON.stringify(home.body)).not.toMatch(/Region A|District A1|Cell A1a/);
      const search = await c.appealHandler.get('/api/v1/units/search?q=Cell');
      expect([200, 404]).toContain(search.status);
      if (search.status === 200) expect(search.body.items).toEqual([]);
      // The handler with a person sees their own record, and nothing of the subtree they handle.
      expect((await c.handler.get(`/api/v1/people/${w.D.id}`)).status).toBe(404);
      expect((await c.handler.get(`/api/v1/units/${org.districtA1.id}`)).status).toBe(404);
      expect((await c.handler.get(`/api/v1/people/${w.H.id}`)).status).toBe(200);
    });
  });

  describe('reporting', () => {
    it('offers the officers of the reporter’s cell and the officials above it, never the reporter or people without a role', async () => {
      const res = await w.c.reporter.get('/api/v1/cases/subjects');
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: { id: number }) => i.id);
      expect(ids).toEqual(expect.arrayContaining([w.org.S.id, w.D.id, w.O.id]));
      expect(ids).not.toContain(w.org.M.id);
      expect(ids).not.toContain(w.org.P.id);
      expect(ids).not.toContain(w.org.Q.id);
      expect(res.body.items.find((i: { id: number }) => i.id === w.O.id)).toMatchObject({
        role: 'official',
        unit: { id: w.org.districtA1.id },
      });
    });

    it('refuses a person who holds no role, one the reporter cannot name and one who does not exist alike: 400, nothing saved', async () => {
      const before = Number((await sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.ctx.db)).rows[0]!.n);
      for (const subjectPersonId of [w.org.P.id, w.org.Q.id, 987654321]) {
        const res = await w.c.reporter.post('/api/v1/cases', { subjectPersonId, category: 'corruption', summary: 'x' });
        expect(res.status, String(subjectPersonId)).toBe(400);
        expect(res.body.error.messageKey).toBe('case.subjectNotEligible');
      }
      const self = await w.c.reporter.post('/api/v1/cases', { subjectPersonId: w.org.M.id, category: 'corruption', summary: 'x' });
      expect(self.body.error.messageKey).toBe('case.selfReport');
      const bad = [
        { subjectPersonId: w.D.id, category: 'private_life', summary: 'x' },
        { subjectPersonId: w.D.id, category: 'corruption', summary: '   ' },
        { subjectPersonId: w.D.id, category: 'corruption' },
        { subjectPersonId: 'abc', category: 'corruption', summary: 'x' },
        { subjectPersonId: w.D.id, category: 'corruption', summary: 'x', anonymousToSubject: 'yes' },
        { subjectPersonId: w.D.id, category: 'corruption', summary: 'x'.repeat(8001) },
      ];
      for (const body of bad) expect((await w.c.reporter.post('/api/v1/cases', body)).status, JSON.stringify(body)).toBe(400);
      // An account with no person cannot report.
      const admin = await w.c.admin.post('/api/v1/cases', { subjectPersonId: w.D.id, category: 'corruption', summary: 'x' });
      expect(admin.body.error.messageKey).toBe('case.noPerson');
      const after = Number((await sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.ctx.db)).rows[0]!.n);
      expect(after).toBe(before);
    });

    it('routes a case to the committee above the subject’s unit: a deputy’s to the district, an official’s to the region', async () => {
      const deputyCase = await caseAt(w, 'received');
      expect(await caseRow(deputyCase)).toMatchObject({ handling_unit_id: w.org.districtA1.id, subject_role: 'deputy_secretary' });
      const res = await w.c.reporter.post('/api/v1/cases', {
        subjectPersonId: w.O.id,
        category: 'bureaucratism',
        summary: 'Sits on requests',
      });
      expect(res.status).toBe(201);
      expect(await caseRow(res.body.id)).toMatchObject({ handling_unit_id: w.org.regionA.id, subject_role: 'official' });
      // The districtA1 handler does not handle a case about an official of districtA1; the region's does.
      expect((await w.c.handler.get(`/api/v1/cases/${res.body.id}`)).status).toBe(404);
      const byRegion = await w.c.appealHandler.get(`/api/v1/cases/${res.body.id}`);
      expect(byRegion.status, JSON.stringify(byRegion.body)).toBe(200);
      // The official themself is never told before being notified.
      expect((await w.c.officialNoGrant.get(`/api/v1/cases/${res.body.id}`)).status).toBe(404);
    });

    it('never lets a handler handle a case they reported or one about them', async () => {
      // H (the districtA1 handler) reports their own deputy? H is not in cellA1a: report the official O instead.
      const res = await w.c.handler.post('/api/v1/cases', { subjectPersonId: w.O.id, category: 'corruption', summary: 'A gift' });
      // H is a handler of districtA1 but has no read scope and no cell under districtA1: O is not nameable for them.
      expect(res.status).toBe(400);
    });
  });

  describe('due process', () => {
    it('runs from report to appeal decision, each step on the timeline; the subject never sees an anonymous reporter', async () => {
      const { c } = w;
      const id = await caseAt(w, 'received', { anonymous: true });
      // What the handlers' list says the case waits on, and by when.
      const waiting = async () => {
        const item = (await c.handler.get('/api/v1/cases')).body.items.find((x: { id: number }) => x.id === id);
        return { waitingOn: item.waitingOn, due: item.dueAt === null ? null : item.dueAt.slice(0, 10) };
      };
      expect(await waiting()).toEqual({ waitingOn: 'triage', due: null });
      // Before triage nothing else moves.
      expect((await c.handler.post(`/api/v1/cases/${id}/notify-subject`, {})).body.error.messageKey).toBe('case.wrongStatus');
      expect((await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'x' })).status).toBe(409);
      expect((await c.handler.post(`/api/v1/cases/${id}/triage`, { action: 'out_of_scope' })).status).toBe(400);
      expect((await c.handler.post(`/api/v1/cases/${id}/triage`, { action: 'open' })).status).toBe(204);
      expect((await c.handler.post(`/api/v1/cases/${id}/triage`, { action: 'open' })).status).toBe(409);
      expect(await waiting()).toEqual({ waitingOn: 'notify', due: null });
      // A decision before the subject was even notified: 409, nothing saved.
      const early = await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'x' });
      expect(early.status).toBe(409);
      expect(early.body.error.messageKey).toBe('case.notNotified');
      expect((await c.subject.get(`/api/v1/cases/${id}`)).status).toBe(404);
      expect((await c.handler.post(`/api/v1/cases/${id}/notify-subject`, {})).status).toBe(204);
      expect((await c.handler.post(`/api/v1/cases/${id}/notify-subject`, {})).body.error.messageKey).toBe('case.alreadyNotified');
      const respondBy = (await caseRow(id)).respond_by as Date;
      expect(await waiting()).toEqual({ waitingOn: 'response', due: respondBy.toISOString().slice(0, 10) });
      // The subject is told through the notifications module, with no detail of the case.
      const inbox = await c.subject.get('/api/v1/me/notifications');
      expect(JSON.stringify(inbox.body)).toContain(`/cases/${id}`);
      expect(JSON.stringify(inbox.body)).not.toContain('minutes');
      const seen = await c.subject.get(`/api/v1/cases/${id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ reporter: null, viewerRole: 'subject', summary: expect.stringContaining('minutes') });
      expect(JSON.stringify(seen.body)).not.toContain('Member Lee');
      const handlerView = await c.handler.get(`/api/v1/cases/${id}`);
      expect(handlerView.body.reporter).toEqual({ id: w.org.M.id, fullName: 'Member Lee' });
      // A decision before the subject was heard: 409 case.notHeard, nothing saved.
      const unheard = await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'x' });
      expect(unheard.status).toBe(409);
      expect(unheard.body.error.messageKey).toBe('case.notHeard');
      expect(await caseRow(id)).toMatchObject({ status: 'open', decided_at: null });
      expect((await c.handler.post(`/api/v1/cases/${id}/responses`, { text: 'x' })).status).toBe(403);
      expect((await c.reporter.post(`/api/v1/cases/${id}/responses`, { text: 'x' })).status).toBe(404);
      expect((await c.subject.post(`/api/v1/cases/${id}/responses`, { text: '' })).status).toBe(400);
      expect((await c.subject.post(`/api/v1/cases/${id}/responses`, { text: 'The objection is in the next minutes.' })).status).toBe(201);
      expect(await waiting()).toEqual({ waitingOn: 'decision', due: null });
      // Upheld needs a measure; dismissed takes none.
      expect(
        (await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'upheld', reasons: 'Late by a week' })).body.error.messageKey,
      ).toBe('case.measureRequired');
      expect(
        (await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'x', measure: 'y' })).body.error.messageKey,
      ).toBe('case.measureWithDismissal');
      expect((await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'maybe', reasons: 'x' })).status).toBe(400);
      expect((await c.subject.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'x' })).status).toBe(403);
      const decided = await c.handler.post(`/api/v1/cases/${id}/decision`, {
        outcome: 'upheld',
        reasons: 'The objection was recorded a week late.',
        measure: 'A reminder of the rules of minutes',
      });
      expect(decided.status).toBe(204);
      expect((await waiting()).waitingOn).toBe('appealPeriod');
      // An appeal by anyone but the subject: 403 for a handler, 404 for the reporter and everyone else.
      expect((await c.handler.post(`/api/v1/cases/${id}/appeal`, { text: 'x' })).status).toBe(403);
      expect((await c.reporter.post(`/api/v1/cases/${id}/appeal`, { text: 'x' })).status).toBe(404);
      expect((await c.subjectsSecretary.post(`/api/v1/cases/${id}/appeal`, { text: 'x' })).status).toBe(404);
      // After the deadline: 409 case.appealTooLate, nothing saved.
      await sql`update cases set appeal_by = now() - interval '1 day' where id = ${id}`.execute(t.ctx.db);
      const late = await c.subject.post(`/api/v1/cases/${id}/appeal`, { text: 'Too late?' });
      expect(late.status).toBe(409);
      expect(late.body.error.messageKey).toBe('case.appealTooLate');
      expect(await caseRow(id)).toMatchObject({ status: 'decided', appealed_at: null, appeal_unit_id: null });
      expect((await c.subject.get(`/api/v1/cases/${id}`)).body.can.appeal).toBe(false);
      await sql`update cases set appeal_by = now() + interval '29 days' where id = ${id}`.execute(t.ctx.db);
      const page = await c.subject.get(`/api/v1/cases/${id}`);
      expect(page.body.can.appeal).toBe(true);
      expect(page.body.appealBy).not.toBeNull();
      expect((await c.subject.post(`/api/v1/cases/${id}/appeal`, { text: 'The week was a holiday.' })).status).toBe(204);
      expect(await waiting()).toEqual({ waitingOn: 'appealDecision', due: null });
      expect(await caseRow(id)).toMatchObject({ status: 'appealed', appeal_unit_id: w.org.regionA.id });
      // The first instance can no longer decide; it still reads the case. The region's handlers decide.
      const firstInstance = await c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'x' });
      expect(firstInstance.status).toBe(403);
      expect(firstInstance.body.error.messageKey).toBe('case.onlyHandlers');
      expect((await c.handler.get(`/api/v1/cases/${id}`)).body.can.decide).toBe(false);
      expect((await c.appealHandler.get(`/api/v1/cases/${id}`)).body).toMatchObject({
        viewerRole: 'appeal_handler',
        can: { decide: true },
      });
      expect(
        (await c.appealHandler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'A holiday week is no abuse.' }))
          .status,
      ).toBe(204);
      expect(await caseRow(id)).toMatchObject({ status: 'appeal_decided', appeal_outcome: 'dismissed' });
      expect(await waiting()).toEqual({ waitingOn: null, due: null });
      expect((await c.appealHandler.post(`/api/v1/cases/${id}/decision`, { outcome: 'upheld', reasons: 'x', measure: 'y' })).status).toBe(
        409,
      );
      expect(await steps(id)).toEqual(['received', 'opened', 'subject_notified', 'response', 'decided', 'appealed', 'appeal_decided']);
      const timeline = await c.subject.get(`/api/v1/cases/${id}/timeline`);
      expect(timeline.body.items.map((s: { actorRole: string }) => s.actorRole)).toEqual([
        'reporter',
        'handler',
        'handler',
        'subject',
        'handler',
        'subject',
        'appeal_handler',
      ]);
      expect(JSON.stringify(timeline.body)).not.toMatch(/accountId|Member Lee|member@test/);
    });

    it('tells the subject in the app only: no webhook endpoint, even one taking every kind, hears of a case', async () => {
      await sql`insert into webhook_endpoints (url, secret, event_kinds) values ('https://gateway.example/hook', 's', '{}')`.execute(
        t.ctx.db,
      );
      const id = await caseAt(w, 'notified');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from webhook_deliveries`.execute(t.ctx.db);
      expect(rows[0]!.n).toBe(0);
      const inbox = await w.c.subject.get('/api/v1/me/notifications');
      expect(JSON.stringify(inbox.body)).toContain(`/cases/${id}`);
      await sql`delete from webhook_endpoints`.execute(t.ctx.db);
    });

    it('counts the subject as heard once the response period ran out', async () => {
      const id = await caseAt(w, 'notified');
      await sql`update cases set respond_by = now() - interval '1 minute' where id = ${id}`.execute(t.ctx.db);
      expect(
        (await w.c.handler.post(`/api/v1/cases/${id}/decision`, { outcome: 'dismissed', reasons: 'No answer; no case.' })).status,
      ).toBe(204);
      // Responding after the decision is too late.
      expect((await w.c.subject.post(`/api/v1/cases/${id}/responses`, { text: 'x' })).status).toBe(409);
    });

    it('dismisses a report out of scope at triage, with reasons, and closes it; the subject is never told', async () => {
      const id = await caseAt(w, 'received');
      expect((await w.c.handler.post(`/api/v1/cases/${id}/triage`, { action: 'out_of_scope', reasons: 'About private life' })).status).toBe(
        204,
      );
      const row = await caseRow(id);
      expect(row.status).toBe('out_of_scope');
      expect(row.closed_at).not.toBeNull();
      expect((await w.c.subject.get(`/api/v1/cases/${id}`)).status).toBe(404);
      expect((await w.c.handler.post(`/api/v1/cases/${id}/notify-subject`, {})).status).toBe(409);
    });

    it('shows the reporter where their reports stand, not the handlers’ notes', async () => {
      const id = await caseAt(w, 'decided');
      const mine = await w.c.reporter.get('/api/v1/me/case-reports');
      const item = mine.body.items.find((i: { id: number }) => i.id === id);
      expect(item).toMatchObject({ status: 'decided', subjectName: 'Deputy Yoon', category: 'abuse_of_power' });
      expect(JSON.stringify(mine.body)).not.toContain('recorded a week later');
      expect((await w.c.plainMember.get('/api/v1/me/case-reports')).body.items).toEqual([]);
      // The reporter cannot open the case itself (404), nor its reads.
      expect((await w.c.reporter.get(`/api/v1/cases/${id}`)).status).toBe(404);
    });
  });

  describe('evidence', () => {
    it('takes the reporter’s and the notified subject’s files with the directives’ limits; each download is a read', async () => {
      const id = await caseAt(w, 'received');
      const up = await uploadEvidence(w.c.reporter, id);
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body).toMatchObject({ addedBy: 'reporter', contentType: 'application/pdf' });
      expect((await uploadEvidence(w.c.subject, id)).status).toBe(404);
      expect((await uploadEvidence(w.c.plainMember, id)).status).toBe(404);
      const html = await uploadEvidence(w.c.reporter, id, 'x.html', Buffer.from('<html><script>1</script></html>'));
      expect(html.status).toBe(415);
      expect((await uploadEvidence(w.c.reporter, id, 'e.txt', Buffer.alloc(0))).status).toBe(400);
      for (let i = 0; i < 4; i++) expect((await uploadEvidence(w.c.reporter, id, `n${i}.txt`, Buffer.from(`note ${i}`))).status).toBe(201);
      const sixth = await uploadEvidence(w.c.reporter, id, 'six.txt', Buffer.from('six'));
      expect(sixth.status).toBe(409);
      expect(sixth.body.error.messageKey).toBe('case.evidenceTooMany');
      await w.c.handler.post(`/api/v1/cases/${id}/triage`, { action: 'open' });
      await w.c.handler.post(`/api/v1/cases/${id}/notify-subject`, {});
      const mine = await uploadEvidence(w.c.subject, id, 'answer.txt', Buffer.from('My side'));
      expect(mine.status).toBe(201);
      expect(mine.body.addedBy).toBe('subject');
      expect((await uploadEvidence(w.c.handler, id)).status).toBe(403);
      const before = (await readsOf(t.ctx.db, id)).length;
      const file = await w.c.subject.get(`/api/v1/cases/${id}/evidence/${up.body.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['cache-control']).toBe('private, no-store');
      const reads = await readsOf(t.ctx.db, id);
      expect(reads.length).toBe(before + 1);
      expect(reads.at(-1)).toMatchObject({ part: 'evidence', evidence_id: up.body.id });
      expect((await w.c.plainMember.get(`/api/v1/cases/${id}/evidence/${up.body.id}`)).status).toBe(404);
      expect((await w.c.handler.get(`/api/v1/cases/${id}/evidence/999999`)).status).toBe(404);
    });
  });

  describe('the rules', () => {
    it('are the centre’s data: read by anyone signed in, set by a central administrator only', async () => {
      expect((await w.c.reporter.get('/api/v1/case-rules')).body).toEqual({ responseDays: 14, appealDays: 30, retentionYears: 5 });
      const rules = { responseDays: 10, appealDays: 20, retentionYears: 7 };
      expect((await w.c.regionManager.request('PUT', '/api/v1/case-rules', rules)).status).toBe(404);
      expect((await w.c.handler.request('PUT', '/api/v1/case-rules', rules)).status).toBe(404);
      expect((await w.c.admin.request('PUT', '/api/v1/case-rules', { ...rules, appealDays: 0 })).status).toBe(400);
      expect((await w.c.admin.request('PUT', '/api/v1/case-rules', rules)).status).toBe(200);
      expect((await w.c.subject.get('/api/v1/case-rules')).body).toEqual(rules);
      // The new appeal period applies to decisions from now on.
      const id = await caseAt(w, 'decided');
      const row = await caseRow(id);
      const days = ((row.appeal_by as Date).getTime() - (row.decided_at as Date).getTime()) / 86_400_000;
      expect(Math.round(days)).toBe(20);
      await w.c.admin.request('PUT', '/api/v1/case-rules', { responseDays: 14, appealDays: 30, retentionYears: 5 });
    });
  });

  describe('anonymous counts', () => {
    it('shows officials of a committee above counts for its subtree only from 3 cases, never to anyone else', async () => {
      const { c, org } = w;
      const period = new Date().toISOString().slice(0, 4);
      const region = await c.regionManager.get(`/api/v1/units/${org.regionA.id}/case-stats?period=${period}`);
      expect(region.status).toBe(200);
      expect(region.body.fewerThanMinimum).toBe(false);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from cases c join units u on u.id = c.handling_unit_id
        where u.path <@ (select path from units where id = ${org.regionA.id})`.execute(t.ctx.db);
      expect(region.body.received).toBe(rows[0]!.n);
      expect(region.body.decided).toBeGreaterThan(0);
      expect(typeof region.body.medianDaysToDecision).toBe('number');
      // District B1 has no case: null, not 0.
      const b = await c.admin.get(`/api/v1/units/${org.districtB1.id}/case-stats?period=${period}`);
      expect(b.body).toMatchObject({ fewerThanMinimum: true, received: null, open: null, decided: null, medianDaysToDecision: null });
      // Another year: nothing.
      expect((await c.regionManager.get(`/api/v1/units/${org.regionA.id}/case-stats?period=2001-05`)).body.received).toBeNull();
      expect((await c.regionManager.get(`/api/v1/units/${org.cellA1a.id}/case-stats?period=${period}`)).status).toBe(400);
      expect((await c.regionManager.get(`/api/v1/units/${org.regionB.id}/case-stats?period=${period}`)).status).toBe(404);
      expect((await c.regionManager.get(`/api/v1/units/${org.regionA.id}/case-stats?period=26`)).status).toBe(400);
      for (const who of [c.reporter, c.subjectsSecretary, c.handler, c.appealHandler])
        expect((await who.get(`/api/v1/units/${org.regionA.id}/case-stats?period=${period}`)).status).toBe(404);
    });
  });

  describe('export', () => {
    it('gives the reporter their reports, the subject the cases about them once notified, and nobody else any', async () => {
      const hidden = await caseAt(w, 'open');
      const shown = await caseAt(w, 'notified');
      const reporter = (await w.c.reporter.get('/api/v1/me/export')).body;
      expect(reporter.integrityCases.reportsMade.length).toBeGreaterThanOrEqual(2);
      expect(reporter.integrityCases.casesAboutMe).toEqual([]);
      const subject = (await w.c.subject.get('/api/v1/me/export')).body;
      const about = subject.integrityCases.casesAboutMe;
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from cases
        where subject_person_id = ${w.D.id} and notified_at is not null and purged_at is null`.execute(t.ctx.db);
      expect(about).toHaveLength(rows[0]!.n);
      expect(JSON.stringify(subject)).not.toContain('Member Lee');
      expect(subject.integrityCases.reportsMade).toEqual([]);
      for (const who of [w.c.plainMember, w.c.subjectsSecretary, w.c.officialNoGrant]) {
        const body = (await who.get('/api/v1/me/export')).body;
        expect(body.integrityCases).toEqual({ reportsMade: [], casesAboutMe: [] });
      }
      expect(hidden).toBeLessThan(shown);
    });
  });

  describe('the general audit log', () => {
    it('holds no row about any case, for administrators and officials alike', async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log
        where entity like 'case%' and entity not in ('case_rules', 'case_retention')`.execute(t.ctx.db);
      expect(rows[0]!.n).toBe(0);
      for (const who of [w.c.admin, w.c.regionManager, w.c.officialNoGrant]) {
        const log = await who.get('/api/v1/audit?limit=500');
        expect(log.status).toBe(200);
        expect(JSON.stringify(log.body)).not.toMatch(/minutes|Deputy Yoon.*case|"case\b/);
      }
    });
  });

  describe('retention', () => {
    it('purges cases closed longer than the rule’s years to anonymous tombstones, with one audit row naming no case', async () => {
      const old = await caseAt(w, 'decided');
      const recent = await caseAt(w, 'decided');
      await uploadEvidence(w.c.subject, old, 'mine.txt', Buffer.from('mine'));
      // The old one's appeal period ended six years ago.
      await sql`update cases set decided_at = now() - interval '6 years 2 months', appeal_by = now() - interval '6 years 1 month',
        received_at = now() - interval '6 years 3 months' where id = ${old}`.execute(t.ctx.db);
      const result = await purgeClosedCases(t.ctx.db);
      expect(result.purged).toBeGreaterThanOrEqual(1);
      const row = await caseRow(old);
      expect(row).toMatchObject({ summary: null, subject_person_id: null, reporter_person_id: null, status: 'decided' });
      expect(row.purged_at).not.toBeNull();
      expect(await steps(old)).toEqual([]);
      expect(await readsOf(t.ctx.db, old)).toEqual([]);
      expect(
        (await sql<{ n: number }>`select count(*)::int as n from case_evidence where case_id = ${old}`.execute(t.ctx.db)).rows[0]!.n,
      ).toBe(0);
      expect((await w.c.handler.get(`/api/v1/cases/${old}`)).status).toBe(404);
      expect((await w.c.subject.get(`/api/v1/cases/${old}`)).status).toBe(404);
      expect((await w.c.handler.get('/api/v1/cases')).body.items.map((i: { id: number }) => i.id)).not.toContain(old);
      // The recent one is untouched (closed now, kept for the years of the rule).
      expect((await caseRow(recent)).summary).not.toBeNull();
      const audit = await sql<{ after: unknown; entity_id: string | null; unit_id: number | null }>`
        select after, entity_id, unit_id from audit_log where action = 'cases.purged'`.execute(t.ctx.db);
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]).toMatchObject({ entity_id: null, unit_id: null, after: { purged: result.purged, retentionYears: 5 } });
      // A second run purges nothing more and writes no row.
      expect((await purgeClosedCases(t.ctx.db)).purged).toBe(0);
      expect((await sql`select 1 from audit_log where action = 'cases.purged'`.execute(t.ctx.db)).rows).toHaveLength(1);
    });
  });

  describe('erasure', () => {
    it('removes an erased reporter from their reports and purges the cases about an erased subject to tombstones', async () => {
      const { org } = w;
      // A reporter of their own: Park (P) reports the deputy, then is erased; the case goes on without them.
      const parkCase = await w.c.plainMember.post('/api/v1/cases', { subjectPersonId: w.D.id, category: 'corruption', summary: 'A gift' });
      expect(parkCase.status).toBe(201);
      expect((await w.c.admin.post(`/api/v1/people/${org.P.id}/erase`, {})).status).toBeLessThan(300);
      const kept = await caseRow(parkCase.body.id);
      expect(kept).toMatchObject({ reporter_person_id: null, reporter_account_id: null, purged_at: null });
      const view = await w.c.handler.get(`/api/v1/cases/${parkCase.body.id}`);
      expect(view.status).toBe(200);
      expect(view.body.reporter).toBeNull();
      // The subject erased: every case about them is a tombstone, out of every route.
      const about = await caseAt(w, 'notified');
      expect((await w.c.admin.post(`/api/v1/people/${w.D.id}/erase`, {})).status).toBeLessThan(300);
      expect(await caseRow(about)).toMatchObject({ summary: null, subject_person_id: null });
      expect((await w.c.handler.get(`/api/v1/cases/${about}`)).status).toBe(404);
      expect((await w.c.handler.get(`/api/v1/cases/${parkCase.body.id}`)).status).toBe(404);
      const left = await sql<{ n: number }>`select count(*)::int as n from cases where subject_person_id = ${w.D.id}`.execute(t.ctx.db);
      expect(left.rows[0]!.n).toBe(0);
    });
  });
});
