/**
 * Requests for help through the API (issue 13, task 4; decision 0026): the member asks, edits,
 * withdraws, confirms or reopens; the secretary answers every request of the cell, cell-mates only the
 * shared ones; officials above get counts only (never a text, by any route); the audit trail holds no
 * text; bad input is refused whole; the member's export carries their requests and erasure removes the texts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, systemActor } from '../src/server/access/actor.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { answerRequest, askForHelp } from '../src/server/modules/help-requests/service.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const SECRET = 'My shift leader keeps me late';
const SECRET_TEXT = 'Every week I stay two hours after the shift and miss my evening class.';

describe('requests for help', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let park: Client;
  let outsider: Client;
  let reader: Client;
  let region: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await buildAccount(t.ctx.db, { login: 'park@test', personId: org.P.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    secretary = await as('secretary@test');
    member = await as('member@test');
    park = await as('park@test');
    outsider = await as('outsider@test');
    reader = await as('reader@test');
    region = await as('region@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const ask = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/me/help-requests', body);
  const count = async () =>
    Number((await t.ctx.db.selectFrom('help_requests').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const summary = async (c: Client, unitId: number) => {
    await foldAllRollups(t.ctx.db);
    return c.get(`/api/v1/units/${unitId}/help-requests/summary`);
  };

  it('a private request: the member and the secretary see it, cell-mates do not', async () => {
    const res = await ask(member, { subject: SECRET, text: SECRET_TEXT, visibility: 'secretary' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ subject: SECRET, status: 'open', visibility: 'secretary', cellId: org.cellA1a.id, mine: true });
    const id = res.body.id;
    const mine = await member.get('/api/v1/me/help-requests');
    expect(mine.body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    const cell = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/help-requests`);
    expect(cell.status).toBe(200);
    expect(cell.body.asSecretary).toBe(true);
    expect(cell.body.items).toHaveLength(1);
    expect(cell.body.items[0]).toMatchObject({ id, text: SECRET_TEXT, askedBy: { id: org.M.id } });
    const parkView = await park.get(`/api/v1/cells/${org.cellA1a.id}/help-requests`);
    expect(parkView.status).toBe(200);
    expect(parkView.body.items).toEqual([]);
    // A cell-mate cannot answer (or even find) a secretary-only request.
    const reply = await park.post(`/api/v1/help-requests/${id}/answer`, { text: 'I can help', status: 'answered' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.messageKey).toBe('helpRequest.notFound');
    expect((await outsider.get(`/api/v1/cells/${org.cellA1a.id}/help-requests`)).status).toBe(404);
  });

  it('the secretary answers, the member sees the answer and confirms it resolved, then may reopen', async () => {
    const id = (await ask(member, { subject: 'Housing', text: 'The roof leaks', visibility: 'secretary' })).body.id;
    const ans = await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'We will come on Saturday', status: 'answered' });
    expect(ans.status, JSON.stringify(ans.body)).toBe(200);
    expect(ans.body).toMatchObject({ status: 'answered', answer: 'We will come on Saturday', firstAnsweredOn: todayIso() });
    const mine = (await member.get('/api/v1/me/help-requests')).body.items.find((i: { id: number }) => i.id === id);
    expect(mine).toMatchObject({ status: 'answered', answer: 'We will come on Saturday' });
    expect(mine.answers[0]).toMatchObject({ bySecretary: true, byName: 'Secretary Kim' });
    // The secretary may not confirm for the member; the member confirms.
    expect((await secretary.post(`/api/v1/help-requests/${id}/confirm`)).status).toBe(403);
    const done = await member.post(`/api/v1/help-requests/${id}/confirm`);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('resolved');
    expect((await member.post(`/api/v1/help-requests/${id}/confirm`)).status).toBe(409);
    // Resolved: no more answers until the member reopens it.
    expect((await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'More', status: 'answered' })).status).toBe(409);
    const again = await member.post(`/api/v1/help-requests/${id}/reopen`);
    expect(again.body.status).toBe('open');
    const closed = await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'Fixed on Saturday', status: 'resolved' });
    expect(closed.body).toMatchObject({ status: 'resolved', answer: 'Fixed on Saturday' });
    expect(closed.body.answers).toHaveLength(2);
    // Reopening an open request is refused with the status named.
    expect((await member.post(`/api/v1/help-requests/${id}/reopen`)).status).toBe(200);
    const twice = await member.post(`/api/v1/help-requests/${id}/reopen`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ messageKey: 'helpRequest.wrongStatus' });
  });

  it('a shared request: cell-mates see it and reply, only the secretary resolves, nobody answers their own', async () => {
    const id = (await ask(member, { subject: 'Study partner', text: 'Who can study maths with me?', visibility: 'cell' })).body.id;
    const seen = await park.get(`/api/v1/cells/${org.cellA1a.id}/help-requests`);
    expect(seen.body.asSecretary).toBe(false);
    expect(seen.body.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await park.post(`/api/v1/help-requests/${id}/answer`, { text: 'Me', status: 'resolved' })).body.error.messageKey).toBe(
      'helpRequest.onlySecretaryResolves',
    );
    const reply = await park.post(`/api/v1/help-requests/${id}/answer`, { text: 'Me, on Tuesdays' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'answered', answer: 'Me, on Tuesdays' });
    expect(reply.body.answers[0]).toMatchObject({ bySecretary: false, byName: 'Member Park' });
    const own = await member.post(`/api/v1/help-requests/${id}/answer`, { text: 'Self', status: 'answered' });
    expect(own.status).toBe(403);
    expect(own.body.error.messageKey).toBe('helpRequest.ownRequest');
    // Someone else's request: seen by a cell-mate but not theirs to change (403); unseen (404).
    const edit = await park.patch(`/api/v1/help-requests/${id}`, { subject: 'Hijacked' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.messageKey).toBe('helpRequest.notYours');
    expect((await outsider.patch(`/api/v1/help-requests/${id}`, { subject: 'Hijacked' })).status).toBe(404);
    expect((await park.post(`/api/v1/help-requests/${id}/withdraw`)).status).toBe(403);
    // Made private again, it leaves the cell-mates' list.
    expect((await member.patch(`/api/v1/help-requests/${id}`, { visibility: 'secretary' })).body.visibility).toBe('secretary');
    const after = await park.get(`/api/v1/cells/${org.cellA1a.id}/help-requests`);
    expect(after.body.items.map((i: { id: number }) => i.id)).not.toContain(id);
  });

  it('the member edits and withdraws; a withdrawn request takes no answer nor edit', async () => {
    const id = (await ask(member, { subject: 'Typo', text: 'First words', visibility: 'secretary' })).body.id;
    const edited = await member.patch(`/api/v1/help-requests/${id}`, { subject: 'Fixed subject', text: 'Better words' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ subject: 'Fixed subject', text: 'Better words' });
    expect((await member.patch(`/api/v1/help-requests/${id}`, {})).body.error.messageKey).toBe('helpRequest.nothingToChange');
    const gone = await member.post(`/api/v1/help-requests/${id}/withdraw`);
    expect(gone.body.status).toBe('withdrawn');
    const ans = await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'Too late', status: 'answered' });
    expect(ans.status).toBe(409);
    expect(ans.body.error.messageKey).toBe('helpRequest.withdrawn');
    expect((await member.patch(`/api/v1/help-requests/${id}`, { text: 'x' })).status).toBe(409);
    expect((await t.ctx.db.selectFrom('help_answers').select('id').where('request_id', '=', id).execute()).length).toBe(0);
  });

  it('refuses bad input whole: empty or over-long fields, unknown fields, a person with no cell', async () => {
    const before = await count();
    for (const body of [
      { subject: '', text: 'x', visibility: 'cell' },
      { subject: '   ', text: 'x', visibility: 'cell' },
      { subject: 'x', text: '', visibility: 'cell' },
      { subject: 'x', text: 'y'.repeat(4001), visibility: 'cell' },
      { subject: 'x'.repeat(201), text: 'y', visibility: 'cell' },
      { subject: 'x', text: 'y', visibility: 'everyone' },
      { subject: 'x', text: 'y', visibility: 'cell', phone: '010' },
      { subject: 'x', text: 'y' },
    ]) {
      const res = await ask(member, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await ask(region, { subject: 'x', text: 'y', visibility: 'cell' })).body.error.messageKey).toBe('helpRequest.noPerson');
    expect(await count()).toBe(before);
    const id = (await ask(member, { subject: 'Valid', text: 'Valid', visibility: 'secretary' })).body.id;
    expect((await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: '', status: 'answered' })).status).toBe(400);
    expect((await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'y'.repeat(4001) })).status).toBe(400);
    expect((await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'ok', status: 'closed' })).status).toBe(400);
    expect((await member.patch(`/api/v1/help-requests/${id}`, { text: '' })).status).toBe(400);
    const row = await t.ctx.db.selectFrom('help_requests').select(['status', 'text']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', text: 'Valid' });
    expect((await secretary.post('/api/v1/help-requests/999999/answer', { text: 'ok' })).status).toBe(404);
  });

  it('officials above and the administrator get counts, never a text or an asker, by any route', async () => {
    const id = (await ask(member, { subject: SECRET, text: SECRET_TEXT, visibility: 'cell' })).body.id;
    for (const c of [reader, region, admin]) {
      const list = await c.get(`/api/v1/cells/${org.cellA1a.id}/help-requests`);
      expect(list.status).toBe(403);
      expect(list.body.error.messageKey).toBe('helpRequest.countsOnly');
      expect((await c.post(`/api/v1/help-requests/${id}/answer`, { text: 'From above', status: 'answered' })).status).toBe(404);
      expect((await c.patch(`/api/v1/help-requests/${id}`, { text: 'x' })).status).toBe(404);
      for (const move of ['withdraw', 'confirm', 'reopen']) expect((await c.post(`/api/v1/help-requests/${id}/${move}`)).status).toBe(404);
      expect((await c.get('/api/v1/me/help-requests')).body.items).toEqual([]);
      for (const unit of [org.cellA1a.id, org.districtA1.id]) {
        const s = await summary(c, unit);
        expect(s.status).toBe(200);
        expect(JSON.stringify(s.body)).not.toContain(SECRET);
        expect(JSON.stringify(s.body)).not.toContain('Member Lee');
      }
      const audit = await c.get(`/api/v1/audit?unitId=${org.cellA1a.id}`);
      expect(audit.status).toBe(200);
      expect(JSON.stringify(audit.body)).not.toContain(SECRET);
    }
    // The audit trail records ids and statuses, never the texts, and stays out of the subtree's view.
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'unit_id'])
      .where('entity', '=', 'help_request')
      .execute();
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'help_request.ask',
        'help_request.answer',
        'help_request.confirm',
        'help_request.reopen',
        'help_request.edit',
        'help_request.withdraw',
      ]),
    );
    const all = JSON.stringify(rows);
    for (const words of [SECRET, SECRET_TEXT, 'The roof leaks', 'We will come on Saturday', 'Me, on Tuesdays', 'Better words'])
      expect(all).not.toContain(words);
    expect(rows.every((r) => r.unit_id === null)).toBe(true);
  });

  it('the summary counts open and answered requests with the median days, up the tree and per child', async () => {
    const today = todayIso();
    const d = t.ctx.db;
    const lee = await loadActor(
      d,
      { id: org.accounts.member.id, login: 'member@test', personId: org.M.id },
      { csrfToken: null, sessionId: null },
    );
    const kim = await loadActor(
      d,
      { id: org.accounts.secretary.id, login: 'secretary@test', personId: org.S.id },
      { csrfToken: null, sessionId: null },
    );
    const base = (await summary(region, org.regionA.id)).body;
    // Three answered today after 1, 3 and 40 days; one open.
    for (const days of [1, 3, 40]) {
      const r = await askForHelp(d, lee, { subject: `Old ${days}`, text: 'x', visibility: 'secretary' }, addDays(today, -days));
      await answerRequest(d, kim, r.id, { text: 'Answered', status: 'answered' }, today);
    }
    await askForHelp(d, lee, { subject: 'Fresh', text: 'x', visibility: 'secretary' }, today);
    const s = (await summary(region, org.regionA.id)).body;
    expect(s.open).toBe(base.open + 1);
    expect(s.answered).toBe(base.answered + 3);
    const district = s.children.find((c: { unitId: number }) => c.unitId === org.districtA1.id);
    expect(district).toMatchObject({ open: s.open, answered: s.answered, kind: 'committee' });
    const cellSummary = (await summary(region, org.districtA1.id)).body;
    expect(cellSummary.children.find((c: { unitId: number }) => c.unitId === org.cellA1a.id)).toMatchObject({
      open: s.open,
      answered: s.answered,
    });
    expect(cellSummary.children.find((c: { unitId: number }) => c.unitId === org.cellA1b.id)).toMatchObject({ open: 0, answered: 0 });
    // Recount the month's answers from the rows: the median is the lower middle of the days.
    const answeredRows = await d
      .selectFrom('help_requests')
      .select(sql<number>`first_answered_on - asked_on`.as('days'))
      .where('first_answered_on', '>=', sql<string>`date_trunc('month', ${today}::date)::date`)
      .execute();
    const days = answeredRows.map((r) => Math.min(Number(r.days), 30)).sort((a, b) => a - b);
    expect(s.answered).toBe(days.length);
    expect(s.medianDaysToAnswer).toBe(days[Math.ceil(days.length / 2) - 1]);
    // Members see their cell's counts; a committee above their cell is out of their scope.
    expect((await summary(member, org.cellA1a.id)).body.open).toBe(s.open);
    expect((await summary(member, org.districtA1.id)).status).toBe(404);
    expect((await summary(outsider, org.regionA.id)).status).toBe(404);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/help-requests/summary?period=2099-01`)).status).toBe(400);
  });

  it("the member's export carries their requests and answers; erasure removes the texts and keeps the counts", async () => {
    const temp = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Temp Yoon' });
    await buildAccount(t.ctx.db, { login: 'yoon@test', personId: temp.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    const yoon = await signIn(t.app, 'yoon@test', 'secret-pass');
    const id = (await ask(yoon, { subject: 'Childcare', text: 'Nobody to mind my son on Sundays', visibility: 'cell' })).body.id;
    await secretary.post(`/api/v1/help-requests/${id}/answer`, { text: 'The crèche opens on Sundays', status: 'answered' });
    const exported = await yoon.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.helpRequests.requests).toHaveLength(1);
    expect(exported.body.helpRequests.requests[0]).toMatchObject({
      subject: 'Childcare',
      text: 'Nobody to mind my son on Sundays',
      status: 'answered',
    });
    expect(exported.body.helpRequests.requests[0].answers[0].text).toBe('The crèche opens on Sundays');
    const parkExport = await park.get('/api/v1/me/export');
    expect(parkExport.body.helpRequests.answersWritten.map((a: { text: string }) => a.text)).toContain('Me, on Tuesdays');
    const before = (await summary(region, org.regionA.id)).body;
    await erasePerson(t.ctx.db, systemActor(), temp.id, t.ctx.feedbackKey);
    const row = await t.ctx.db
      .selectFrom('help_requests')
      .select(['subject', 'text', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ subject: null, text: null, status: 'answered' });
    const answers = await t.ctx.db.selectFrom('help_answers').select('text').where('request_id', '=', id).execute();
    expect(answers).toEqual([{ text: null }]);
    const after = (await summary(region, org.regionA.id)).body;
    expect({ open: after.open, answered: after.answered }).toEqual({ open: before.open, answered: before.answered });
  });
  it("the secretary's own request goes to the cell: 'the secretary only' would reach nobody but them", async () => {
    const before = await count();
    const refused = await ask(secretary, { subject: 'Night shifts', text: 'I cannot keep up', visibility: 'secretary' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.messageKey).toBe('helpRequest.ownSecretary');
    expect(await count()).toBe(before);
    const shared = await ask(secretary, { subject: 'Night shifts', text: 'I cannot keep up', visibility: 'cell' });
    expect(shared.status, JSON.stringify(shared.body)).toBe(201);
    const narrowed = await secretary.patch(`/api/v1/help-requests/${shared.body.id}`, { visibility: 'secretary' });
    expect(narrowed.body.error.messageKey).toBe('helpRequest.ownSecretary');
    // A cell-mate sees it and may reply.
    expect((await member.post(`/api/v1/help-requests/${shared.body.id}/answer`, { text: 'I can take Tuesday' })).status).toBeLessThan(300);
  });
});
