/**
 * Every route in the route table, for every role, on objects inside and outside the actor's subtree.
 * A route added without a row here fails the first test.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, systemActor } from '../src/server/access/actor.ts';
import { createApiToken } from '../src/server/modules/auth/service.ts';
import { appointSecretary } from '../src/server/modules/units/officers.ts';
import { transferPerson, updatePerson } from '../src/server/modules/people/service.ts';
import { saveAttendance } from '../src/server/modules/meetings/attendance.ts';
import { importMembers } from '../src/server/modules/imports/service.ts';
import { createReadingList } from '../src/server/modules/library/reading-lists.ts';
import { createDocument, createIssue } from '../src/server/modules/library/service.ts';
import { createEnrolment } from '../src/server/modules/education/enrolments.ts';
import { createProgramme } from '../src/server/modules/education/service.ts';
import { changeMembership } from '../src/server/modules/units/memberships.ts';
import { giveAssignments } from '../src/server/modules/assignments/service.ts';
import { pairMentor } from '../src/server/modules/mentorships/service.ts';
import { addYoungPerson, createYouthGroup } from '../src/server/modules/mentorships/youth-groups.ts';
import { addTask, nominate } from '../src/server/modules/admissions/service.ts';
import { recordVote } from '../src/server/modules/admissions/decide.ts';
import { voteRoll } from '../src/server/modules/admissions/queries.ts';
import { savePlan } from '../src/server/modules/work-plans/service.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { addReportEvidence } from '../src/server/modules/targets/evidence.ts';
import { createTarget, reportProgress } from '../src/server/modules/targets/service.ts';
import { addIndicator } from '../src/server/modules/targets/catalogue.ts';
import type { CreateTarget } from '../src/shared/schemas/targets.ts';
import { Readable } from 'node:stream';
import { createTestApp } from './helpers/app.ts';
import { anonymous, signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildCell, buildMeeting, buildPerson, holdMeeting } from './helpers/factories.ts';
import { buildOrg, ROLES, type Org, type Role } from './helpers/org.ts';
import { buildDirective, buildPublishedDirective, multipartFile, publishNow } from './helpers/directives.ts';

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; headers?: Record<string, string> };
type Personal = { meetingWithAbsences: number; movedPerson: number };
type Ctx = { org: Org & { personal?: Personal }; t: Awaited<ReturnType<typeof createTestApp>>; role: Role };
type Row = {
  /** Expected status on an object inside the actor's subtree (anonymous: 401 unless public). */
  expect: Partial<Record<Role, number>>;
  inside: (c: Ctx) => Promise<Req>;
  /** The same request on an object in region B: 404 for everyone but the administrator. */
  outside?: (c: Ctx) => Promise<Req>;
};

const csv = 'full_name,member_no\nNew Member,';
const db = (c: Ctx) => c.t.ctx.db;
const all = (status: number): Partial<Record<Role, number>> => ({
  member: status,
  secretary: status,
  districtReader: status,
  regionManager: status,
  admin: status,
});
const managers = (ok: number, bySecretary = 404): Partial<Record<Role, number>> => ({
  member: 404,
  secretary: bySecretary,
  districtReader: 404,
  regionManager: ok,
  admin: ok,
});

const buildWebhook = async (c: Ctx) =>
  (
    await db(c)
      .insertInto('webhook_endpoints')
      .values({ url: 'https://hooks.example.org/x', secret: 'a-secret-of-enough-length' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
/** Directives issued by region A to cell A1a (or by region B to cell B1a), published with their deliveries. */
const draftIn = (c: Ctx, issuer: number, target: number) => buildDirective(db(c), issuer, { unitIds: [target] });
const publishedA = (c: Ctx) => buildPublishedDirective(db(c), c.org.regionA.id, { unitIds: [c.org.cellA1a.id] });
const publishedB = (c: Ctx) => buildPublishedDirective(db(c), c.org.regionB.id, { unitIds: [c.org.cellB1a.id] });

/** The live traits' ids in their order, and one of them (the secretary's traits, issue 14). */
const liveTraitIds = async (c: Ctx) =>
  (await db(c).selectFrom('secretary_traits').select('id').where('retired_at', 'is', null).orderBy('position').execute()).map((r) =>
    Number(r.id),
  );
const liveTraitId = async (c: Ctx) => (await liveTraitIds(c))[0]!;
const anyProgramme = async (c: Ctx) =>
  Number(
    (
      await db(c)
        .insertInto('programmes')
        .values({ title: `Secretary school ${randomUUID()}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );

/** A review meeting of the cell held yesterday; `written`: with self-assessments by everyone on its roll. */
async function reviewIn(c: Ctx, cellId: number, written = false): Promise<number> {
  const m = await buildMeeting(db(c), cellId, { kind: 'review' });
  if (written) {
    const roll = await db(c)
      .selectFrom('memberships')
      .select('person_id')
      .where('cell_id', '=', cellId)
      .where('to_date', 'is', null)
      .execute();
    if (roll.length) {
      await db(c)
        .insertInto('self_assessments')
        .values(roll.map((r) => ({ cell_id: cellId, meeting_id: m.id, person_id: r.person_id, text: 'My work' })))
        .execute();
    }
  }
  return m.id;
}

const pdfUpload = () => {
  const { payload, headers } = multipartFile('plan.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  return { body: payload, headers };
};
/** A directive with one attachment (written straight to the table), published or left a draft; its download URL. */
async function attachmentUrl(c: Ctx, issuer: number, target: number, published: boolean): Promise<string> {
  const d = await draftIn(c, issuer, target);
  const content = Buffer.from('%PDF-1.4\n%%EOF\n');
  const row = await db(c)
    .insertInto('directive_attachments')
    .values({
      directive_id: d.id,
      file_name: 'plan.pdf',
      content_type: 'application/pdf',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (published) await publishNow(db(c), d.id);
  return `/api/v1/directives/${d.id}/attachments/${row.id}`;
}

/** An assignment of cell A1a given to member M (or of cell B1a to Q), optionally already marked done. */
async function assignment(c: Ctx, inside: boolean, done = false): Promise<number> {
  const [cell, person] = inside ? [c.org.cellA1a.id, c.org.M.id] : [c.org.cellB1a.id, c.org.Q.id];
  const given = await giveAssignments(db(c), systemActor(), cell, {
    title: 'Distribute leaflets',
    personIds: [person],
    dueOn: addDays(todayIso(), 7),
  });
  const id = given.items[0]!.id;
  if (done)
    await db(c).updateTable('assignments').set({ status: 'done', closed_on: todayIso(), percent: 100 }).where('id', '=', id).execute();
  return id;
}
const giveBody = (c: Ctx, person: number) => ({ title: 'Visit the new neighbours', personIds: [person], dueOn: addDays(todayIso(), 7) });

/** A shared request for help by member M of cell A1a (or by Q of cell B1a), in the given status. */
async function helpRequest(c: Ctx, inside: boolean, status: 'open' | 'answered' = 'open'): Promise<number> {
  const [cell, person] = inside ? [c.org.cellA1a.id, c.org.M.id] : [c.org.cellB1a.id, c.org.Q.id];
  const today = todayIso();
  const row = await db(c)
    .insertInto('help_requests')
    .values({
      cell_id: cell,
      person_id: person,
      subject: 'Help',
      text: 'A problem',
      visibility: 'cell',
      status,
      asked_on: today,
      first_answered_on: status === 'answered' ? today : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
const helpUrl = async (c: Ctx, inside: boolean, tail: string, status: 'open' | 'answered' = 'open') =>
  `/api/v1/help-requests/${await helpRequest(c, inside, status)}${tail}`;
/** A mentorship of cell A1a with member M as mentor (or of cell B1a with Q), a fresh mentee each time. */
async function mentorship(c: Ctx, inside: boolean): Promise<number> {
  const [cell, mentor] = inside ? [c.org.cellA1a.id, c.org.M.id] : [c.org.cellB1a.id, c.org.Q.id];
  const mentee = await buildPerson(db(c), cell);
  return (await pairMentor(db(c), systemActor(), cell, { mentorId: mentor, menteeId: mentee.id, kind: 'one-takes-one' })).id;
}
/** A youth group of cell A1a (or B1a), with one young person. */
async function youthGroup(c: Ctx, inside: boolean): Promise<{ id: number; personId: number }> {
  const group = await createYouthGroup(db(c), systemActor(), inside ? c.org.cellA1a.id : c.org.cellB1a.id, { name: 'Pioneers' });
  const young = await addYoungPerson(db(c), systemActor(), group.id, { fullName: 'Young Seo' });
  return { id: group.id, personId: young.id };
}
const reviewSession = async (c: Ctx, inside: boolean) =>
  (await buildMeeting(db(c), inside ? c.org.cellA1a.id : c.org.cellB1a.id, { kind: 'review' })).id;
const pairBody = async (c: Ctx, inside: boolean) => ({
  mentorId: inside ? c.org.M.id : c.org.Q.id,
  menteeId: (await buildPerson(db(c), inside ? c.org.cellA1a.id : c.org.cellB1a.id)).id,
  kind: 'one-takes-one',
});
/** A cell of its own under district A1 (inside) or B1 (outside) with two long-standing members to sponsor. */
async function sponsoringCell(c: Ctx, inside: boolean) {
  const cell = await buildCell(db(c), inside ? c.org.districtA1.id : c.org.districtB1.id);
  const a = await buildPerson(db(c), cell.id, { fromDate: '2021-01-01' });
  const b = await buildPerson(db(c), cell.id, { fromDate: '2021-01-01' });
  return { cellId: cell.id, sponsorIds: [a.id, b.id] };
}
let nominees = 0;
const nomineeBody = (sponsorIds: number[]) => ({ person: { fullName: `Nominee ${++nominees}` }, sponsorIds });
/** A nomination (in cell A1a sponsored by M and P, or in a cell of region B); with `voted`, passed at a held general meeting. */
async function nominationIn(c: Ctx, inside: boolean, voted = false): Promise<number> {
  const { cellId, sponsorIds } = inside
    ? { cellId: c.org.cellA1a.id, sponsorIds: [c.org.M.id, c.org.P.id] }
    : await sponsoringCell(c, false);
  const { id } = await nominate(db(c), systemActor(), cellId, { kind: 'candidate', ...nomineeBody(sponsorIds) });
  if (voted) {
    const m = await buildMeeting(db(c), cellId, { startsAt: `${todayIso()}T00:00:01Z` });
    await holdMeeting(db(c), m.id);
    const { present } = await voteRoll(db(c), cellId, m.id, todayIso());
    await recordVote(db(c), systemActor(), id, { meetingId: m.id, for: present, against: 0, abstain: 0 });
  }
  return id;
}
const centreCriterion = async (c: Ctx) =>
  Number(
    (await db(c).selectFrom('admission_criteria').select('id').where('unit_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id,
  );
async function voteRequest(c: Ctx, inside: boolean): Promise<Req> {
  const id = await nominationIn(c, inside);
  const cellId = (await db(c).selectFrom('nominations').select('cell_id').where('id', '=', id).executeTakeFirstOrThrow()).cell_id;
  const m = await buildMeeting(db(c), Number(cellId), { startsAt: `${todayIso()}T00:00:01Z` });
  await holdMeeting(db(c), m.id);
  return { method: 'POST', url: `/api/v1/nominations/${id}/vote`, body: { meetingId: m.id, for: 0, against: 0, abstain: 0 } };
}

/**
 * An integrity case about secretary S, reported by P (who has no account here), with one evidence file:
 * there is no handler in this organization, so every case route is 404 for every role (decision 0029;
 * the roles that do see cases are in cases-access.test.ts).
 */
async function integrityCase(c: Ctx): Promise<{ id: number; evidenceId: number }> {
  const { rows } = await sql<{ id: number }>`insert into cases (subject_person_id, reporter_person_id, subject_unit_id, subject_role,
      handling_unit_id, category, summary)
    values (${c.org.S.id}, ${c.org.P.id}, ${c.org.cellA1a.id}, 'secretary', ${c.org.districtA1.id}, 'abuse_of_power', 'A report')
    returning id`.execute(db(c));
  const id = rows[0]!.id;
  const ev = await sql<{
    id: number;
  }>`insert into case_evidence (case_id, added_by_role, file_name, content_type, size_bytes, sha256, content)
    values (${id}, 'reporter', 'a.txt', 'text/plain; charset=utf-8', 1, '', ${Buffer.from('a')}) returning id`.execute(db(c));
  return { id, evidenceId: ev.rows[0]!.id };
}
const caseUrl = async (c: Ctx, tail: string) => `/api/v1/cases/${(await integrityCase(c)).id}${tail}`;
const nobody = (status = 404): Partial<Record<Role, number>> => all(status);
/** A visit to cell A1a planned from district A1 (or to B1a from district B1); `held`, with one problem raised at it. */
async function visit(c: Ctx, inside: boolean, held = false): Promise<{ id: number; problemId: number | null }> {
  const [cell, from] = inside ? [c.org.cellA1a.id, c.org.districtA1.id] : [c.org.cellB1a.id, c.org.districtB1.id];
  const today = todayIso();
  const v = await db(c)
    .insertInto('visits')
    .values({
      cell_id: cell,
      planned_on: today,
      official_unit_id: from,
      ...(held ? { status: 'held' as const, held_on: today, members_met: 1 } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!held) return { id: Number(v.id), problemId: null };
  const p = await db(c)
    .insertInto('visit_problems')
    .values({ cell_id: cell, visit_id: Number(v.id), title: 'A problem', due_on: today, raised_on: today })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(v.id), problemId: Number(p.id) };
}
/** A campaign of region A over cells A1a and A1b (inside), or of region B over cell B1a (outside), stored directly. */
async function campaign(c: Ctx, inside: boolean): Promise<number> {
  const [unit, cells] = inside ? [c.org.regionA.id, [c.org.cellA1a.id, c.org.cellA1b.id]] : [c.org.regionB.id, [c.org.cellB1a.id]];
  const row = await db(c)
    .insertInto('campaigns')
    .values({
      unit_id: unit,
      title: 'Emulation',
      from_period: '2026-01-01',
      to_period: '2026-03-01',
      components: JSON.stringify([{ kind: 'standard', code: 'general-meeting-monthly', weight: 1 }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db(c)
    .insertInto('campaign_units')
    .values(cells.map((u) => ({ campaign_id: Number(row.id), unit_id: u })))
    .execute();
  return Number(row.id);
}
/** A live conferral of the model cell on A1a (or B1a) for 2025, for a revocation to find. */
async function conferral(c: Ctx, inside: boolean): Promise<number> {
  const cell = inside ? c.org.cellA1a.id : c.org.cellB1a.id;
  await sql`insert into distinction_conferrals (cell_id, year, distinction, months_met) values (${cell}, 2025, 'model-cell', 12)
    on conflict (cell_id, year, distinction) do update set revoked_at = null`.execute(db(c));
  return cell;
}
const campaignReaders = all(200);
const visitUrl = async (c: Ctx, inside: boolean, tail = '') => `/api/v1/visits/${(await visit(c, inside)).id}${tail}`;
const problemUrl = async (c: Ctx, inside: boolean) => `/api/v1/visit-problems/${(await visit(c, inside, true)).problemId}`;
/** Visits are changed by their official or one above (403 for the cell's secretary and a read-only official who see them). */
const visitActors = (ok: number) => ({ member: 404, secretary: 403, districtReader: 403, regionManager: ok, admin: ok });
const visitReaders = { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 };
const committeeReaders = { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 };

/** An idea of cell A1a (or B1a), at a step: `introduced` long enough ago for its benefit to be confirmed. */
async function ideaAt(c: Ctx, inside: boolean, status: 'submitted' | 'accepted' | 'introduced'): Promise<number> {
  const today = todayIso();
  const long = addDays(today, -400);
  const row = await db(c)
    .insertInto('ideas')
    .values({
      cell_id: inside ? c.org.cellA1a.id : c.org.cellB1a.id,
      title: 'An idea',
      description: 'What it is',
      status,
      submitted_on: status === 'introduced' ? long : today,
      ...(status === 'submitted' ? {} : { evaluated_on: status === 'introduced' ? long : today, reasons: 'Good' }),
      ...(status === 'introduced' ? { introduced_on: long, benefit_amount: 1, benefit_unit: 't' } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
const ideaUrl = async (c: Ctx, inside: boolean, status: 'submitted' | 'accepted' | 'introduced', tail = '') =>
  `/api/v1/ideas/${await ideaAt(c, inside, status)}${tail}`;
/** A submitted idea of Member Lee (cell A1a) or of Q (cell B1a): only its author edits or withdraws it. */
async function authoredIdeaUrl(c: Ctx, inside: boolean, tail = '') {
  const id = await ideaAt(c, inside, 'submitted');
  const cellId = inside ? c.org.cellA1a.id : c.org.cellB1a.id;
  await db(c)
    .insertInto('idea_authors')
    .values({ cell_id: cellId, idea_id: id, person_id: inside ? c.org.M.id : c.org.Q.id })
    .execute();
  return `/api/v1/ideas/${id}${tail}`;
}
const ideaAuthors = { member: 200, secretary: 403, districtReader: 403, regionManager: 403, admin: 403 };
/** An idea is carried forward by whoever manages its cell (the rules in force: the cell evaluates). */
const ideaActors = (ok: number) => ({ member: 403, secretary: ok, districtReader: 403, regionManager: ok, admin: ok });

const matrix: Record<string, Row> = {
  'GET /api/health': { expect: { anonymous: 200, ...all(200) }, inside: async () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/v1/session': {
    expect: { anonymous: 401, ...all(401) },
    inside: async () => ({ method: 'POST', url: '/api/v1/session', body: { login: 'nobody@test', password: 'wrong' } }),
  },
  'DELETE /api/v1/session': { expect: all(204), inside: async () => ({ method: 'DELETE', url: '/api/v1/session' }) },
  'GET /api/v1/me': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me' }) },
  'POST /api/v1/me/password': {
    expect: all(401),
    inside: async () => ({ method: 'POST', url: '/api/v1/me/password', body: { currentPassword: 'not-it', newPassword: 'whatever-new' } }),
  },
  'GET /api/v1/me/tokens': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/tokens' }) },
  'POST /api/v1/me/tokens': { expect: all(201), inside: async () => ({ method: 'POST', url: '/api/v1/me/tokens', body: { name: 'ci' } }) },
  'DELETE /api/v1/me/tokens/:id': {
    expect: all(404), // someone else's token: never visible
    inside: async (c) => {
      const token = await createApiToken(db(c), { ...systemActor(), accountId: c.org.accounts.outsider.id }, 'other');
      return { method: 'DELETE', url: `/api/v1/me/tokens/${token.id}` };
    },
  },
  'GET /api/v1/units/search': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/units/search?q=cell' }) },
  'GET /api/v1/units/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}` }),
  },
  'GET /api/v1/units/:id/children': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/children` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/children` }),
  },
  'GET /api/v1/units/:id/members': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/members` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/members` }),
  },
  'POST /api/v1/units': {
    expect: managers(201),
    inside: async (c) => ({
      method: 'POST',
      url: '/api/v1/units',
      body: { parentId: c.org.districtA1.id, kind: 'cell', name: 'New cell', code: `N${randomUUID().slice(0, 8)}` },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: '/api/v1/units',
      body: { parentId: c.org.districtB1.id, kind: 'cell', name: 'New cell', code: `N${randomUUID().slice(0, 8)}` },
    }),
  },
  'PATCH /api/v1/units/:id': {
    expect: managers(200),
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/units/${c.org.cellA1b.id}`, body: { name: 'Cell A1b renamed' } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/units/${c.org.cellB1a.id}`, body: { name: 'Cell B1a renamed' } }),
  },
  'POST /api/v1/units/:id/move': {
    expect: managers(200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${(await buildCell(db(c), c.org.districtA1.id)).id}/move`,
      body: { newParentId: c.org.districtA2.id },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${(await buildCell(db(c), c.org.districtB1.id)).id}/move`,
      body: { newParentId: c.org.districtA2.id },
    }),
  },
  'POST /api/v1/units/:id/close': {
    expect: managers(200),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/units/${(await buildCell(db(c), c.org.districtA1.id)).id}/close`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/units/${(await buildCell(db(c), c.org.districtB1.id)).id}/close`, body: {} }),
  },
  'POST /api/v1/units/:id/secretary': {
    expect: managers(200),
    inside: async (c) => {
      const cell = await buildCell(db(c), c.org.districtA1.id);
      const p = await buildPerson(db(c), cell.id);
      return { method: 'POST', url: `/api/v1/units/${cell.id}/secretary`, body: { personId: p.id } };
    },
    outside: async (c) => {
      const cell = await buildCell(db(c), c.org.districtB1.id);
      const p = await buildPerson(db(c), cell.id);
      return { method: 'POST', url: `/api/v1/units/${cell.id}/secretary`, body: { personId: p.id } };
    },
  },
  'POST /api/v1/units/:id/secretary/relieve': {
    expect: managers(200),
    inside: async (c) => relieveRequest(c, c.org.districtA1.id),
    outside: async (c) => relieveRequest(c, c.org.districtB1.id),
  },
  'GET /api/v1/people/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.P.id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.Q.id}` }),
  },
  'POST /api/v1/people': {
    expect: managers(201, 201),
    inside: async (c) => ({ method: 'POST', url: '/api/v1/people', body: { fullName: '새 성원', cellId: c.org.cellA1a.id } }),
    outside: async (c) => ({ method: 'POST', url: '/api/v1/people', body: { fullName: '새 성원', cellId: c.org.cellB1a.id } }),
  },
  'PATCH /api/v1/people/:id': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/people/${c.org.P.id}`, body: { workplace: 'Steel works' } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/people/${c.org.Q.id}`, body: { workplace: 'Steel works' } }),
  },
  'POST /api/v1/people/:id/transfer': {
    expect: managers(200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/people/${(await buildPerson(db(c), c.org.cellA1a.id)).id}/transfer`,
      body: { toCellId: c.org.cellA1b.id },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/people/${(await buildPerson(db(c), c.org.cellB1a.id)).id}/transfer`,
      body: { toCellId: c.org.cellA1b.id },
    }),
  },
  'POST /api/v1/people/:id/erase': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 204 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/people/${(await buildPerson(db(c), c.org.cellA1a.id)).id}/erase`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/people/${(await buildPerson(db(c), c.org.cellB1a.id)).id}/erase`, body: {} }),
  },
  'GET /api/v1/me/export': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/export' }) },
  'GET /api/v1/audit': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/audit?unitId=${c.org.cellA1a.id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/audit?unitId=${c.org.cellB1a.id}` }),
  },
  'GET /api/v1/accounts': {
    expect: { member: 404, secretary: 200, districtReader: 404, regionManager: 200, admin: 200 },
    inside: async () => ({ method: 'GET', url: '/api/v1/accounts' }),
  },
  'POST /api/v1/accounts': {
    expect: managers(201, 201),
    inside: async () => ({
      method: 'POST',
      url: '/api/v1/accounts',
      body: { login: `new-${randomUUID().slice(0, 8)}@test`, password: 'long-enough' },
    }),
  },
  'POST /api/v1/accounts/:id/grants': {
    expect: managers(201, 201),
    inside: async (c) => grantRequest(c, c.org.cellA1a.id),
    outside: async (c) => grantRequest(c, c.org.cellB1a.id),
  },
  'DELETE /api/v1/grants/:id': {
    expect: managers(204, 204),
    inside: async (c) => revokeRequest(c, c.org.cellA1a.id),
    outside: async (c) => revokeRequest(c, c.org.cellB1a.id),
  },
  'POST /api/v1/units/:id/imports': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${c.org.cellA1a.id}/imports?importId=${randomUUID()}`,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${c.org.cellB1a.id}/imports?importId=${randomUUID()}`,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/v1/imports/:importId': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 }, // only its author sees an import
    inside: async (c) => {
      const importId = randomUUID();
      const admin = { ...systemActor(), accountId: c.org.accounts.admin.id };
      await importMembers(db(c), c.t.ctx.pool, admin, {
        importId,
        unitId: c.org.cellA1b.id,
        source: Readable.from([csv]),
        totalBytes: null,
      });
      return { method: 'GET', url: `/api/v1/imports/${importId}` };
    },
  },

  'GET /api/v1/me/notifications': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/notifications' }) },
  'POST /api/v1/me/notifications/:id/read': {
    expect: all(404), // someone else's notification: never visible
    inside: async (c) => {
      const r = await db(c)
        .transaction()
        .execute((trx) =>
          c.t.ctx.notifier.notifyPeople(trx, { kind: 'demo', payload: { key: 'notifications.kinds.demo' }, personIds: [c.org.Q.id] }),
        );
      return { method: 'POST', url: `/api/v1/me/notifications/${r.eventId}/read` };
    },
  },
  'POST /api/v1/me/notifications/read-all': {
    expect: all(200),
    inside: async () => ({ method: 'POST', url: '/api/v1/me/notifications/read-all' }),
  },
  // Accounts without a person record (the officials and the administrator here) have no settings.
  'GET /api/v1/me/notification-settings': {
    expect: { member: 200, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async () => ({ method: 'GET', url: '/api/v1/me/notification-settings' }),
  },
  'PUT /api/v1/me/notification-settings': {
    expect: { member: 200, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async () => ({ method: 'PUT', url: '/api/v1/me/notification-settings', body: { emailOptOut: true } }),
  },
  'GET /api/v1/webhooks': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'GET', url: '/api/v1/webhooks' }),
  },
  'POST /api/v1/webhooks': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 201 },
    inside: async () => ({ method: 'POST', url: '/api/v1/webhooks', body: { url: 'https://hooks.example.org/cellwork' } }),
  },
  'PATCH /api/v1/webhooks/:id': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/webhooks/${await buildWebhook(c)}`, body: { enabled: false } }),
  },
  'DELETE /api/v1/webhooks/:id': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 204 },
    inside: async (c) => ({ method: 'DELETE', url: `/api/v1/webhooks/${await buildWebhook(c)}` }),
  },
  'POST /api/v1/notifications/sending/retry': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'POST', url: '/api/v1/notifications/sending/retry', body: { channel: 'mail' } }),
  },
  'GET /api/v1/notifications/sending': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'GET', url: '/api/v1/notifications/sending' }),
  },
  'GET /api/v1/meeting-kinds': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/meeting-kinds' }) },
  'POST /api/v1/meeting-kinds': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({
      method: 'POST',
      url: '/api/v1/meeting-kinds',
      body: { code: 'youth', nameEn: 'Youth session', nameKo: '청년 모임', quorum: null },
    }),
  },
  'POST /api/v1/meeting-kinds/:code/move': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'POST', url: '/api/v1/meeting-kinds/other/move', body: { direction: 'up' } }),
  },
  'POST /api/v1/meeting-kinds/:code/retire': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'POST', url: '/api/v1/meeting-kinds/technical/retire', body: {} }),
  },
  'POST /api/v1/meeting-kinds/:code/restore': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'POST', url: '/api/v1/meeting-kinds/technical/restore', body: {} }),
  },
  'POST /api/v1/cells/:id/meetings': {
    expect: managers(201, 201),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellA1a.id}/meetings`,
      body: { kind: 'general', startsAt: '2026-01-05T18:00:00Z' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellB1a.id}/meetings`,
      body: { kind: 'general', startsAt: '2026-01-05T18:00:00Z' },
    }),
  },
  'GET /api/v1/cells/:id/meetings': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/meetings` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/meetings` }),
  },
  'GET /api/v1/cells/:id/decisions': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/decisions` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/decisions` }),
  },
  'GET /api/v1/meetings/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id)).id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id)).id}` }),
  },
  'PATCH /api/v1/meetings/:id': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id)).id}`,
      body: { minutes: 'Discussed the plan' },
    }),
    outside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id)).id}`,
      body: { minutes: 'Discussed the plan' },
    }),
  },
  'PUT /api/v1/meetings/:id/attendance': {
    expect: managers(200, 200),
    inside: async (c) => attendanceRequest(c, c.org.cellA1a.id),
    outside: async (c) => attendanceRequest(c, c.org.cellB1a.id),
  },
  'POST /api/v1/meetings/:id/not-held': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id)).id}/not-held`,
      body: { reason: 'storm' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id)).id}/not-held`,
      body: { reason: 'storm' },
    }),
  },
  'POST /api/v1/meetings/:id/decisions': {
    expect: managers(201, 201),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id)).id}/decisions`,
      body: { text: 'Plan', actions: [] },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id)).id}/decisions`,
      body: { text: 'Plan', actions: [] },
    }),
  },
  'PATCH /api/v1/actions/:id': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/actions/${await actionIn(c, c.org.cellA1a.id)}`, body: { status: 'done' } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/actions/${await actionIn(c, c.org.cellB1a.id)}`, body: { status: 'done' } }),
  },
  'GET /api/v1/cells/:id/follow-ups': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/follow-ups` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/follow-ups` }),
  },
  'POST /api/v1/follow-ups/:id/resolve': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/follow-ups/${await followUpIn(c, c.org.cellA1a.id)}/resolve`,
      body: { note: 'visited' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/follow-ups/${await followUpIn(c, c.org.cellB1a.id)}/resolve`,
      body: { note: 'visited' },
    }),
  },
  'GET /api/v1/units/:id/compliance': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/compliance?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/compliance?period=${thisMonth()}` }),
  },
  'GET /api/v1/units/:id/compliance/cells': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/compliance/cells?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/compliance/cells?period=${thisMonth()}` }),
  },
  'GET /api/v1/units/:id/compliance/cells.csv': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/compliance/cells.csv?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/compliance/cells.csv?period=${thisMonth()}` }),
  },
  'GET /api/v1/units/:id/compliance/trend': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/compliance/trend` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/compliance/trend` }),
  },
  'GET /api/v1/units/:id/compliance/grid': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/compliance/grid?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/compliance/grid?period=${thisMonth()}` }),
  },
  'GET /api/v1/units/:id/compliance/worst': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/compliance/worst?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/compliance/worst?period=${thisMonth()}` }),
  },
  'GET /api/v1/units/:id/compliance/sectors': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/compliance/sectors?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/compliance/sectors?period=${thisMonth()}` }),
  },
  'GET /api/v1/cells/:id/dashboard': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/dashboard` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/dashboard` }),
  },
  // Offline use (issue 16): the sync answers 200 with each operation's outcome (an operation on a cell
  // out of scope is rejected with the online 404's error, test/sync.test.ts); the pack is the cell's managers'.
  'POST /api/v1/sync': {
    expect: all(200),
    inside: async (c) => ({
      method: 'POST',
      url: '/api/v1/sync',
      body: {
        operations: [
          {
            opId: randomUUID(),
            type: 'meeting.schedule',
            payload: { cellId: c.org.cellA1a.id, kind: 'general', startsAt: '2026-01-05T10:00:00Z' },
          },
        ],
      },
    }),
  },
  'GET /api/v1/cells/:id/offline-pack': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/offline-pack` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/offline-pack` }),
  },
  'GET /api/v1/meetings/:id/attendance-sheet.pdf': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'GET',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id)).id}/attendance-sheet.pdf`,
    }),
    outside: async (c) => ({
      method: 'GET',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id)).id}/attendance-sheet.pdf`,
    }),
  },
  'POST /api/v1/meetings/:id/attendance.csv': {
    expect: managers(200, 200),
    inside: async (c) => rollCsvRequest(c, c.org.cellA1a.id),
    outside: async (c) => rollCsvRequest(c, c.org.cellB1a.id),
  },
  // Assignments (issue 12): given and evaluated by those who manage the cell, reported by the assignee only.
  'POST /api/v1/cells/:id/assignments': {
    expect: managers(201, 201),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellA1a.id}/assignments`, body: giveBody(c, c.org.M.id) }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellB1a.id}/assignments`, body: giveBody(c, c.org.Q.id) }),
  },
  'GET /api/v1/cells/:id/assignments': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/assignments` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/assignments` }),
  },
  'GET /api/v1/cells/:id/assignments.csv': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/assignments.csv` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/assignments.csv` }),
  },
  'GET /api/v1/me/assignments': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/assignments' }) },
  'GET /api/v1/me/home': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/home' }) },
  'GET /api/v1/assignments/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/assignments/${await assignment(c, true)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/assignments/${await assignment(c, false)}` }),
  },
  'POST /api/v1/assignments/:id/report': {
    expect: { member: 200, secretary: 404, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/assignments/${await assignment(c, true)}/report`,
      body: { status: 'in_progress' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/assignments/${await assignment(c, false)}/report`,
      body: { status: 'in_progress' },
    }),
  },
  'POST /api/v1/assignments/:id/evaluation': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/assignments/${await assignment(c, true, true)}/evaluation`, body: { score: 4 } }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/assignments/${await assignment(c, false, true)}/evaluation`,
      body: { score: 4 },
    }),
  },
  'POST /api/v1/assignments/:id/cancel': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/assignments/${await assignment(c, true)}/cancel`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/assignments/${await assignment(c, false)}/cancel`, body: {} }),
  },
  'GET /api/v1/assignment-scale': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/assignment-scale' }) },
  'PUT /api/v1/assignment-scale': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'PUT', url: '/api/v1/assignment-scale', body: { min: 1, max: 5 } }),
  },
  'GET /api/v1/units/:id/participation': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/participation?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/participation?period=${thisMonth()}` }),
  },
  // Requests for help (issue 13): the member's own; the secretary answers; officials above get counts only (403 on the list).
  'POST /api/v1/me/help-requests': {
    expect: { member: 201, secretary: 201, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async () => ({
      method: 'POST',
      url: '/api/v1/me/help-requests',
      body: { subject: 'Help', text: 'A problem', visibility: 'cell' },
    }),
  },
  'GET /api/v1/me/help-requests': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/help-requests' }) },
  'GET /api/v1/cells/:id/help-requests': {
    expect: { member: 200, secretary: 200, districtReader: 403, regionManager: 403, admin: 403 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/help-requests` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/help-requests` }),
  },
  'PATCH /api/v1/help-requests/:id': {
    expect: { member: 200, secretary: 403, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'PATCH', url: await helpUrl(c, true, ''), body: { text: 'Better words' } }),
    outside: async (c) => ({ method: 'PATCH', url: await helpUrl(c, false, ''), body: { text: 'Better words' } }),
  },
  'POST /api/v1/help-requests/:id/withdraw': {
    expect: { member: 200, secretary: 403, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'POST', url: await helpUrl(c, true, '/withdraw'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await helpUrl(c, false, '/withdraw'), body: {} }),
  },
  'POST /api/v1/help-requests/:id/confirm': {
    expect: { member: 200, secretary: 403, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'POST', url: await helpUrl(c, true, '/confirm', 'answered'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await helpUrl(c, false, '/confirm', 'answered'), body: {} }),
  },
  'POST /api/v1/help-requests/:id/reopen': {
    expect: { member: 200, secretary: 403, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'POST', url: await helpUrl(c, true, '/reopen', 'answered'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await helpUrl(c, false, '/reopen', 'answered'), body: {} }),
  },
  'POST /api/v1/help-requests/:id/answer': {
    expect: { member: 403, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'POST', url: await helpUrl(c, true, '/answer'), body: { text: 'An answer', status: 'answered' } }),
    outside: async (c) => ({ method: 'POST', url: await helpUrl(c, false, '/answer'), body: { text: 'An answer', status: 'answered' } }),
  },
  'GET /api/v1/units/:id/help-requests/summary': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/help-requests/summary` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/help-requests/summary` }),
  },
  // The secretary (issue 14): traits are the centre's; feedback by members on the roll, averages for the
  // secretary and the officials above; succession for those who read the cell's personal data.
  'GET /api/v1/secretary-traits': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/secretary-traits' }) },
  'POST /api/v1/secretary-traits': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 201 },
    inside: async () => ({
      method: 'POST',
      url: '/api/v1/secretary-traits',
      body: { code: `t_${randomUUID().slice(0, 8)}`, titleEn: 'Trait', titleKo: '특성', descriptionEn: 'Conduct.', descriptionKo: '처신.' },
    }),
  },
  'PATCH /api/v1/secretary-traits/:id': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/secretary-traits/${await liveTraitId(c)}`,
      body: { descriptionEn: 'Conduct in the role.' },
    }),
  },
  'PUT /api/v1/secretary-traits/order': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async (c) => ({ method: 'PUT', url: '/api/v1/secretary-traits/order', body: { ids: await liveTraitIds(c) } }),
  },
  'POST /api/v1/cells/:id/secretary-feedback': {
    expect: { member: 201, secretary: 403, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellA1a.id}/secretary-feedback`,
      body: { ratings: [{ trait: 'ethics', score: 4 }] },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellB1a.id}/secretary-feedback`,
      body: { ratings: [{ trait: 'ethics', score: 4 }] },
    }),
  },
  'GET /api/v1/cells/:id/secretary-feedback': {
    expect: { member: 403, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/secretary-feedback` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/secretary-feedback` }),
  },
  'GET /api/v1/cells/:id/secretary-feedback/mine': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/secretary-feedback/mine` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/secretary-feedback/mine` }),
  },
  'GET /api/v1/units/:id/secretary-feedback': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/secretary-feedback` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/secretary-feedback` }),
  },
  'GET /api/v1/cells/:id/secretary-succession': {
    expect: { member: 403, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/secretary-succession` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/secretary-succession` }),
  },
  'GET /api/v1/units/:id/secretary-training-gaps': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/secretary-training-gaps` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/secretary-training-gaps` }),
  },
  'GET /api/v1/secretary-training/programmes': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'GET', url: '/api/v1/secretary-training/programmes' }),
  },
  'PUT /api/v1/secretary-training/programmes/:id': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/secretary-training/programmes/${await anyProgramme(c)}`,
      body: { secretaryTraining: true },
    }),
  },
  // Youth work and mentorships (issue 13): paired by those who manage the cell; the log read by the pair and them.
  'POST /api/v1/cells/:id/mentorships': {
    expect: managers(201, 201),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellA1a.id}/mentorships`, body: await pairBody(c, true) }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellB1a.id}/mentorships`, body: await pairBody(c, false) }),
  },
  'GET /api/v1/cells/:id/mentorships': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/mentorships` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/mentorships` }),
  },
  'GET /api/v1/me/mentorships': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/mentorships' }) },
  'GET /api/v1/me/youth-groups': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/youth-groups' }) },
  'GET /api/v1/mentorships/:id': {
    expect: { member: 200, secretary: 200, districtReader: 404, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/mentorships/${await mentorship(c, true)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/mentorships/${await mentorship(c, false)}` }),
  },
  'POST /api/v1/mentorships/:id/log': {
    expect: { member: 201, secretary: 201, districtReader: 404, regionManager: 201, admin: 201 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/mentorships/${await mentorship(c, true)}/log`, body: { note: 'Met' } }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/mentorships/${await mentorship(c, false)}/log`, body: { note: 'Met' } }),
  },
  'POST /api/v1/mentorships/:id/reviews': {
    expect: { member: 403, secretary: 201, districtReader: 404, regionManager: 201, admin: 201 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/mentorships/${await mentorship(c, true)}/reviews`,
      body: { meetingId: await reviewSession(c, true), note: 'On track' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/mentorships/${await mentorship(c, false)}/reviews`,
      body: { meetingId: await reviewSession(c, false), note: 'On track' },
    }),
  },
  'POST /api/v1/mentorships/:id/end': {
    expect: { member: 403, secretary: 200, districtReader: 404, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/mentorships/${await mentorship(c, true)}/end`, body: { outcome: 'goals-met' } }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/mentorships/${await mentorship(c, false)}/end`,
      body: { outcome: 'goals-met' },
    }),
  },
  'GET /api/v1/cells/:id/youth-groups': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/youth-groups` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/youth-groups` }),
  },
  'POST /api/v1/cells/:id/youth-groups': {
    expect: managers(201, 201),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellA1a.id}/youth-groups`, body: { name: 'Pioneers' } }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellB1a.id}/youth-groups`, body: { name: 'Pioneers' } }),
  },
  'PATCH /api/v1/youth-groups/:id': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/youth-groups/${(await youthGroup(c, true)).id}`, body: { name: 'Scouts' } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/youth-groups/${(await youthGroup(c, false)).id}`, body: { name: 'Scouts' } }),
  },
  'POST /api/v1/youth-groups/:id/young-people': {
    expect: managers(201, 201),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/youth-groups/${(await youthGroup(c, true)).id}/young-people`,
      body: { fullName: 'Young Bae' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/youth-groups/${(await youthGroup(c, false)).id}/young-people`,
      body: { fullName: 'Young Bae' },
    }),
  },
  'PATCH /api/v1/youth-groups/:id/young-people/:personId': {
    expect: managers(200, 200),
    inside: async (c) => {
      const g = await youthGroup(c, true);
      return { method: 'PATCH', url: `/api/v1/youth-groups/${g.id}/young-people/${g.personId}`, body: { birthYear: 2010 } };
    },
    outside: async (c) => {
      const g = await youthGroup(c, false);
      return { method: 'PATCH', url: `/api/v1/youth-groups/${g.id}/young-people/${g.personId}`, body: { birthYear: 2010 } };
    },
  },
  'DELETE /api/v1/youth-groups/:id/young-people/:personId': {
    expect: managers(204, 204),
    inside: async (c) => {
      const g = await youthGroup(c, true);
      return { method: 'DELETE', url: `/api/v1/youth-groups/${g.id}/young-people/${g.personId}` };
    },
    outside: async (c) => {
      const g = await youthGroup(c, false);
      return { method: 'DELETE', url: `/api/v1/youth-groups/${g.id}/young-people/${g.personId}` };
    },
  },
  'GET /api/v1/units/:id/mentorship-counts': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/mentorship-counts` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/mentorship-counts` }),
  },
  // Admissions (issue 13, task 7): the cell's steps by those who manage it, the decision by an official above it.
  'POST /api/v1/cells/:id/nominations': {
    expect: managers(201, 201),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellA1a.id}/nominations`,
      body: nomineeBody([c.org.M.id, c.org.P.id]),
    }),
    outside: async (c) => {
      const { cellId, sponsorIds } = await sponsoringCell(c, false);
      return { method: 'POST', url: `/api/v1/cells/${cellId}/nominations`, body: nomineeBody(sponsorIds) };
    },
  },
  'GET /api/v1/cells/:id/nominations': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/nominations` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/nominations` }),
  },
  'GET /api/v1/cells/:id/nominees': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/nominees?q=a` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/nominees?q=a` }),
  },
  'GET /api/v1/me/sponsorships': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/sponsorships' }) },
  'POST /api/v1/nominations/:id/withdraw': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/nominations/${await nominationIn(c, true)}/withdraw`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/nominations/${await nominationIn(c, false)}/withdraw`, body: {} }),
  },
  'GET /api/v1/nominations/awaiting': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/nominations/awaiting' }) },
  'GET /api/v1/nominations/:id': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/nominations/${await nominationIn(c, true)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/nominations/${await nominationIn(c, false)}` }),
  },
  'POST /api/v1/nominations/:id/recommendations': {
    // Member M is a sponsor, but this names P: only the sponsor themself or the cell's managers.
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, true)}/recommendations`,
      body: { sponsorId: c.org.P.id, text: 'A good worker' },
    }),
    outside: async (c) => {
      const id = await nominationIn(c, false);
      const sponsor = await db(c)
        .selectFrom('nomination_sponsors')
        .select('person_id')
        .where('nomination_id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/v1/nominations/${id}/recommendations`,
        body: { sponsorId: Number(sponsor.person_id), text: 'A good worker' },
      };
    },
  },
  'POST /api/v1/nominations/:id/checks': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, true)}/checks`,
      body: { criterionId: await centreCriterion(c) },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, false)}/checks`,
      body: { criterionId: await centreCriterion(c) },
    }),
  },
  'POST /api/v1/nominations/:id/tasks': {
    expect: managers(201, 201),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, true)}/tasks`,
      body: { title: 'Lead a study session', dueOn: addDays(todayIso(), 10) },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, false)}/tasks`,
      body: { title: 'Lead a study session', dueOn: addDays(todayIso(), 10) },
    }),
  },
  'POST /api/v1/nominations/:id/tasks/:taskId/done': {
    expect: managers(200, 200),
    inside: async (c) => {
      const id = await nominationIn(c, true);
      const task = await addTask(db(c), systemActor(), id, { title: 'Read the rules', dueOn: addDays(todayIso(), 10) });
      return { method: 'POST', url: `/api/v1/nominations/${id}/tasks/${task.id}/done`, body: {} };
    },
    outside: async (c) => {
      const id = await nominationIn(c, false);
      const task = await addTask(db(c), systemActor(), id, { title: 'Read the rules', dueOn: addDays(todayIso(), 10) });
      return { method: 'POST', url: `/api/v1/nominations/${id}/tasks/${task.id}/done`, body: {} };
    },
  },
  'POST /api/v1/nominations/:id/vote': {
    expect: managers(200, 200),
    inside: (c) => voteRequest(c, true),
    outside: (c) => voteRequest(c, false),
  },
  'POST /api/v1/nominations/:id/decision': {
    // The cell's secretary and a read-only official see it but may not decide: 403.
    expect: { member: 404, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, true, true)}/decision`,
      body: { decision: 'approved' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/nominations/${await nominationIn(c, false, true)}/decision`,
      body: { decision: 'approved' },
    }),
  },
  'GET /api/v1/admission-criteria': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/admission-criteria' }) },
  'POST /api/v1/admission-criteria': {
    expect: { member: 404, secretary: 404, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => ({
      method: 'POST',
      url: '/api/v1/admission-criteria',
      body: { title: 'Knows the district', unitId: c.org.districtA1.id },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: '/api/v1/admission-criteria',
      body: { title: 'Knows the district', unitId: c.org.districtB1.id },
    }),
  },
  'GET /api/v1/admission-rules': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/admission-rules' }) },
  'PUT /api/v1/admission-rules': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({
      method: 'PUT',
      url: '/api/v1/admission-rules',
      body: { sponsorMinMonths: 12, candidacyMonths: 12, votePassShare: 0.5, voteBasis: 'present' },
    }),
  },
  'GET /api/v1/units/:id/admissions/summary': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/admissions/summary?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/admissions/summary?period=${thisMonth()}` }),
  },
  'GET /api/v1/me/actions': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/actions' }) },
  'GET /api/v1/me/meetings': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/meetings' }) },
  'GET /api/v1/cells/:id/reports/:period': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/reports/${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/reports/${thisMonth()}` }),
  },
  'POST /api/v1/cells/:id/reports/:period/submit': {
    expect: managers(200), // a fresh cell, not the secretary's own (their own is tested in dashboards.test.ts)
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${(await buildCell(db(c), c.org.districtA1.id)).id}/reports/${thisMonth()}/submit`,
      body: { confirmEarly: true },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${(await buildCell(db(c), c.org.districtB1.id)).id}/reports/${thisMonth()}/submit`,
      body: { confirmEarly: true },
    }),
  },
  'GET /api/v1/units/:id/reports': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/reports?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/reports?period=${thisMonth()}` }),
  },
  'POST /api/v1/standards': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({
      method: 'POST',
      url: '/api/v1/standards',
      body: {
        code: 'matrix-rule',
        kind: 'actions_on_time',
        params: { min: 0.5 },
        titleEn: 'Matrix',
        titleKo: '매트릭스',
        validFrom: `${thisMonth()}-01`,
      },
    }),
  },
  'GET /api/v1/standards': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/standards' }) },
  'POST /api/v1/me/calendar': {
    expect: { member: 201, secretary: 201, districtReader: 400, regionManager: 400, admin: 400 }, // officials here have no person record
    inside: async () => ({ method: 'POST', url: '/api/v1/me/calendar', body: {} }),
  },
  'POST /api/v1/cells/:id/calendar': {
    expect: all(201),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellA1a.id}/calendar`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellB1a.id}/calendar`, body: {} }),
  },
  'GET /api/v1/calendar/:file': {
    expect: { anonymous: 200, ...all(200) }, // the secret URL is the key, whoever holds it (while its owner may read the cell)
    inside: async (c) => ({ method: 'GET', url: await feedOf(c, c.org.accounts.secretary) }),
  },
  // The study library (issue 11): content is the administrators', reading lists their committees', the reading log its member's.
  'GET /api/v1/library/items': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/library/items' }) },
  'GET /api/v1/library/items/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/library/items/${await libraryItem(c)}` }),
    // A draft: the administrators' only.
    outside: async (c) => ({ method: 'GET', url: `/api/v1/library/items/${await libraryItem(c, false)}` }),
  },
  'PATCH /api/v1/library/items/:id': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/library/items/${await libraryItem(c)}`, body: { title: 'Renamed' } }),
  },
  'POST /api/v1/library/documents': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 201 },
    inside: async () => ({ method: 'POST', url: '/api/v1/library/documents', body: { title: '강령', body: '전문' } }),
  },
  'GET /api/v1/library/issues': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/library/issues' }) },
  'POST /api/v1/library/issues': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 201 },
    inside: async () => ({ method: 'POST', url: '/api/v1/library/issues', body: { title: 'No. 1', issuedOn: '2026-11-01' } }),
  },
  'GET /api/v1/library/issues/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/library/issues/${await newspaperIssue(c)}` }),
  },
  'POST /api/v1/library/issues/:id/articles': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 201 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/library/issues/${await newspaperIssue(c)}/articles`,
      body: { title: 'Editorial', body: 'Text', editorial: true },
    }),
  },
  'GET /api/v1/library/search': {
    expect: all(200),
    inside: async () => ({ method: 'GET', url: '/api/v1/library/search?q=%ED%95%99%EC%8A%B5' }),
  },
  'GET /api/v1/units/:id/reading-lists': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/reading-lists` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/reading-lists` }),
  },
  'POST /api/v1/reading-lists': {
    expect: managers(201),
    inside: async (c) => ({ method: 'POST', url: '/api/v1/reading-lists', body: await readingListBody(c, c.org.districtA1.id) }),
    outside: async (c) => ({ method: 'POST', url: '/api/v1/reading-lists', body: await readingListBody(c, c.org.districtB1.id) }),
  },
  'GET /api/v1/reading-lists/:id': {
    expect: all(200), // a list chosen above the member's cell applies to it
    inside: async (c) => ({ method: 'GET', url: `/api/v1/reading-lists/${await readingList(c, c.org.districtA1.id)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/reading-lists/${await readingList(c, c.org.districtB1.id)}` }),
  },
  'PUT /api/v1/reading-lists/:id': {
    expect: managers(200),
    inside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/reading-lists/${await readingList(c, c.org.districtA1.id)}`,
      body: await readingListBody(c, c.org.districtA1.id),
    }),
    outside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/reading-lists/${await readingList(c, c.org.districtB1.id)}`,
      body: await readingListBody(c, c.org.districtB1.id),
    }),
  },
  'DELETE /api/v1/reading-lists/:id': {
    expect: managers(204),
    inside: async (c) => ({ method: 'DELETE', url: `/api/v1/reading-lists/${await readingList(c, c.org.districtA1.id)}` }),
    outside: async (c) => ({ method: 'DELETE', url: `/api/v1/reading-lists/${await readingList(c, c.org.districtB1.id)}` }),
  },
  // The reading log is the signed-in member's own: accounts without a person have none (400).
  'GET /api/v1/me/reading-log': {
    expect: { member: 200, secretary: 200, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async () => ({ method: 'GET', url: '/api/v1/me/reading-log' }),
  },
  'POST /api/v1/me/reading-log': {
    expect: { member: 200, secretary: 200, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async (c) => ({ method: 'POST', url: '/api/v1/me/reading-log', body: { itemId: await libraryItem(c) } }),
  },
  'DELETE /api/v1/me/reading-log/:itemId': {
    expect: { member: 204, secretary: 204, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async (c) => ({ method: 'DELETE', url: `/api/v1/me/reading-log/${await libraryItem(c)}` }),
  },
  'GET /api/v1/meetings/:id/readings': {
    expect: all(200),
    inside: async (c) => ({
      method: 'GET',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id, { kind: 'study' })).id}/readings`,
    }),
    outside: async (c) => ({
      method: 'GET',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id, { kind: 'study' })).id}/readings`,
    }),
  },
  'PUT /api/v1/meetings/:id/readings': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id, { kind: 'study' })).id}/readings`,
      body: { itemIds: [await libraryItem(c)] },
    }),
    outside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id, { kind: 'study' })).id}/readings`,
      body: { itemIds: [await libraryItem(c)] },
    }),
  },
  // Review sessions (issue 12): the roll writes, the cell's personal readers read self-assessments,
  // feedback about a person is for the person and their secretary only; accounts without a person are on no roll (400).
  'GET /api/v1/meetings/:id/review': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellA1a.id)}/review` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellB1a.id)}/review` }),
  },
  'POST /api/v1/meetings/:id/review/close': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellA1a.id)}/review/close`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellB1a.id)}/review/close`, body: {} }),
  },
  'PUT /api/v1/meetings/:id/self-assessment': {
    expect: { member: 200, secretary: 200, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/meetings/${await reviewIn(c, c.org.cellA1a.id)}/self-assessment`,
      body: { text: 'My work this period' },
    }),
    outside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/meetings/${await reviewIn(c, c.org.cellB1a.id)}/self-assessment`,
      body: { text: 'My work this period' },
    }),
  },
  'GET /api/v1/meetings/:id/self-assessment': {
    expect: { member: 200, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellA1a.id, true)}/self-assessment` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellB1a.id, true)}/self-assessment` }),
  },
  'GET /api/v1/meetings/:id/self-assessments': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellA1a.id, true)}/self-assessments` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/meetings/${await reviewIn(c, c.org.cellB1a.id, true)}/self-assessments` }),
  },
  'POST /api/v1/meetings/:id/feedback': {
    expect: { member: 201, secretary: 201, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/meetings/${await reviewIn(c, c.org.cellA1a.id)}/feedback`,
      body: { aboutPersonId: c.org.P.id, text: 'Prepared the plan well', anonymous: true },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/meetings/${await reviewIn(c, c.org.cellB1a.id)}/feedback`,
      body: { aboutPersonId: c.org.Q.id, text: 'Prepared the plan well', anonymous: true },
    }),
  },
  'GET /api/v1/people/:id/feedback': {
    expect: { member: 404, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.P.id}/feedback` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.Q.id}/feedback` }),
  },
  'POST /api/v1/directives': {
    expect: managers(201),
    inside: async (c) => ({
      method: 'POST',
      url: '/api/v1/directives',
      body: { title: 'D', body: 'x', target: { unitIds: [c.org.cellA1a.id] } },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: '/api/v1/directives',
      body: { title: 'D', body: 'x', target: { unitIds: [c.org.cellB1a.id] } },
    }),
  },
  'GET /api/v1/directives': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/directives' }) },
  'GET /api/v1/directives/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/directives/${(await publishedA(c)).id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/directives/${(await publishedB(c)).id}` }),
  },
  'PATCH /api/v1/directives/:id': {
    expect: managers(200),
    inside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/directives/${(await draftIn(c, c.org.regionA.id, c.org.cellA1a.id)).id}`,
      body: { title: 'E' },
    }),
    outside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/directives/${(await draftIn(c, c.org.regionB.id, c.org.cellB1a.id)).id}`,
      body: { title: 'E' },
    }),
  },
  'POST /api/v1/directives/:id/publish': {
    expect: managers(202),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/directives/${(await draftIn(c, c.org.regionA.id, c.org.cellA1b.id)).id}/publish`,
      body: {},
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/directives/${(await draftIn(c, c.org.regionB.id, c.org.cellB1a.id)).id}/publish`,
      body: {},
    }),
  },
  'POST /api/v1/directives/:id/withdraw': {
    expect: managers(200),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/directives/${(await publishedA(c)).id}/withdraw`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/directives/${(await publishedB(c)).id}/withdraw`, body: {} }),
  },
  'GET /api/v1/me/directives': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/directives' }) },
  'POST /api/v1/directives/:id/acknowledgment': {
    // Only people it was delivered to: the member and the secretary are on cell A1a's roll.
    expect: { member: 200, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/directives/${(await publishedA(c)).id}/acknowledgment`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/directives/${(await publishedB(c)).id}/acknowledgment`, body: {} }),
  },
  'POST /api/v1/directives/:id/briefings': {
    // The secretary of the cell only, for their own roll.
    expect: { member: 404, secretary: 200, districtReader: 404, regionManager: 404, admin: 404 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/directives/${(await publishedA(c)).id}/briefings`,
      body: { personIds: [c.org.M.id], briefedOn: new Date().toISOString().slice(0, 10) },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/directives/${(await publishedB(c)).id}/briefings`,
      body: { personIds: [c.org.Q.id], briefedOn: new Date().toISOString().slice(0, 10) },
    }),
  },
  'GET /api/v1/directives/:id/reach': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/directives/${(await publishedA(c)).id}/reach?unit=${c.org.cellA1a.id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/directives/${(await publishedB(c)).id}/reach?unit=${c.org.cellB1a.id}` }),
  },
  'GET /api/v1/directives/:id/reach/children': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({
      method: 'GET',
      url: `/api/v1/directives/${(await publishedA(c)).id}/reach/children?unit=${c.org.districtA1.id}`,
    }),
    outside: async (c) => ({
      method: 'GET',
      url: `/api/v1/directives/${(await publishedB(c)).id}/reach/children?unit=${c.org.districtB1.id}`,
    }),
  },
  'GET /api/v1/directives/:id/not-reached': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/directives/${(await publishedA(c)).id}/not-reached?unit=${c.org.cellA1a.id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/directives/${(await publishedB(c)).id}/not-reached?unit=${c.org.cellB1a.id}` }),
  },
  'POST /api/v1/directives/:id/attachments': {
    expect: managers(201),
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/directives/${(await draftIn(c, c.org.regionA.id, c.org.cellA1a.id)).id}/attachments`,
      ...pdfUpload(),
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/directives/${(await draftIn(c, c.org.regionB.id, c.org.cellB1a.id)).id}/attachments`,
      ...pdfUpload(),
    }),
  },
  // Whoever reads the directive downloads its files: the recipients (member, secretary) and the officials above.
  'GET /api/v1/directives/:id/attachments/:attachmentId': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: await attachmentUrl(c, c.org.regionA.id, c.org.cellA1a.id, true) }),
    outside: async (c) => ({ method: 'GET', url: await attachmentUrl(c, c.org.regionB.id, c.org.cellB1a.id, true) }),
  },
  'DELETE /api/v1/directives/:id/attachments/:attachmentId': {
    expect: managers(204),
    inside: async (c) => ({ method: 'DELETE', url: await attachmentUrl(c, c.org.regionA.id, c.org.cellA1a.id, false) }),
    outside: async (c) => ({ method: 'DELETE', url: await attachmentUrl(c, c.org.regionB.id, c.org.cellB1a.id, false) }),
  },
  'GET /api/v1/directives/:id/not-reached.csv': {
    expect: { member: 404, secretary: 200, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({
      method: 'GET',
      url: `/api/v1/directives/${(await publishedA(c)).id}/not-reached.csv?unit=${c.org.cellA1a.id}`,
    }),
    outside: async (c) => ({
      method: 'GET',
      url: `/api/v1/directives/${(await publishedB(c)).id}/not-reached.csv?unit=${c.org.cellB1a.id}`,
    }),
  },
  // Education (issue 12): programmes are the administrators', read by all; plans and enrolments are personal data of a
  // person, written by whoever manages their cell (enrolments also by the member); counts are a committee's.
  'GET /api/v1/programmes': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/programmes' }) },
  'POST /api/v1/programmes': {
    expect: { ...all(404), admin: 201 },
    inside: async () => ({ method: 'POST', url: '/api/v1/programmes', body: { title: 'P', themes: [{ title: 'T' }] } }),
  },
  'GET /api/v1/programmes/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/programmes/${(await programme(c)).id}` }),
  },
  'PATCH /api/v1/programmes/:id': {
    expect: { ...all(404), admin: 200 },
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/programmes/${(await programme(c)).id}`, body: { title: 'Renamed' } }),
  },
  'GET /api/v1/meetings/:id/themes': {
    expect: all(200),
    inside: async (c) => ({
      method: 'GET',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id, { kind: 'study' })).id}/themes`,
    }),
    outside: async (c) => ({
      method: 'GET',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id, { kind: 'study' })).id}/themes`,
    }),
  },
  'PUT /api/v1/meetings/:id/themes': {
    expect: managers(200, 200),
    inside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellA1a.id, { kind: 'study' })).id}/themes`,
      body: { themeIds: [await themeId(c)] },
    }),
    outside: async (c) => ({
      method: 'PUT',
      url: `/api/v1/meetings/${(await buildMeeting(db(c), c.org.cellB1a.id, { kind: 'study' })).id}/themes`,
      body: { themeIds: [await themeId(c)] },
    }),
  },
  // Accounts without a person have an empty plan.
  'GET /api/v1/me/learning-plan': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/learning-plan' }) },
  'GET /api/v1/people/:id/learning-plan': {
    expect: { ...all(200), member: 404 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.P.id}/learning-plan` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.Q.id}/learning-plan` }),
  },
  'PUT /api/v1/people/:id/learning-plan': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'PUT', url: `/api/v1/people/${c.org.P.id}/learning-plan`, body: { themeIds: [await themeId(c)] } }),
    outside: async (c) => ({ method: 'PUT', url: `/api/v1/people/${c.org.Q.id}/learning-plan`, body: { themeIds: [await themeId(c)] } }),
  },
  'GET /api/v1/people/:id/enrolments': {
    expect: { ...all(200), member: 404 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.P.id}/enrolments` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/people/${c.org.Q.id}/enrolments` }),
  },
  'POST /api/v1/people/:id/enrolments': {
    expect: managers(201, 201),
    inside: async (c) => ({ method: 'POST', url: `/api/v1/people/${c.org.P.id}/enrolments`, body: enrolmentBody }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/people/${c.org.Q.id}/enrolments`, body: enrolmentBody }),
  },
  'PATCH /api/v1/enrolments/:id': {
    expect: managers(200, 200),
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/enrolments/${await enrolment(c, c.org.P.id)}`, body: { status: 'completed' } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/enrolments/${await enrolment(c, c.org.Q.id)}`, body: { status: 'completed' } }),
  },
  'GET /api/v1/units/:id/education': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/education?period=${thisMonth()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/education?period=${thisMonth()}` }),
  },
  'POST /api/v1/cases': {
    expect: { member: 201, secretary: 400, districtReader: 400, regionManager: 400, admin: 400 },
    inside: async (c) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: { subjectPersonId: c.org.S.id, category: 'bureaucratism', summary: 'Sits on requests' },
    }),
  },
  'GET /api/v1/cases/subjects': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/cases/subjects' }) },
  'GET /api/v1/cases': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/cases' }) },
  'GET /api/v1/me/case-reports': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/case-reports' }) },
  'GET /api/v1/case-rules': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/case-rules' }) },
  'PUT /api/v1/case-rules': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'PUT', url: '/api/v1/case-rules', body: { responseDays: 14, appealDays: 30, retentionYears: 5 } }),
  },
  'GET /api/v1/units/:id/case-stats': {
    expect: { member: 404, secretary: 404, districtReader: 200, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/case-stats?period=2026` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/case-stats?period=2026` }),
  },
  'GET /api/v1/cases/:id': { expect: nobody(), inside: async (c) => ({ method: 'GET', url: await caseUrl(c, '') }) },
  'GET /api/v1/cases/:id/timeline': { expect: nobody(), inside: async (c) => ({ method: 'GET', url: await caseUrl(c, '/timeline') }) },
  'GET /api/v1/cases/:id/reads': { expect: nobody(), inside: async (c) => ({ method: 'GET', url: await caseUrl(c, '/reads') }) },
  'GET /api/v1/cases/:id/evidence/:evidenceId': {
    expect: nobody(),
    inside: async (c) => {
      const k = await integrityCase(c);
      return { method: 'GET', url: `/api/v1/cases/${k.id}/evidence/${k.evidenceId}` };
    },
  },
  'POST /api/v1/cases/:id/triage': {
    expect: nobody(),
    inside: async (c) => ({ method: 'POST', url: await caseUrl(c, '/triage'), body: { action: 'open' } }),
  },
  'POST /api/v1/cases/:id/notify-subject': {
    expect: nobody(),
    inside: async (c) => ({ method: 'POST', url: await caseUrl(c, '/notify-subject'), body: {} }),
  },
  'POST /api/v1/cases/:id/responses': {
    expect: nobody(),
    inside: async (c) => ({ method: 'POST', url: await caseUrl(c, '/responses'), body: { text: 'My side' } }),
  },
  'POST /api/v1/cases/:id/decision': {
    expect: nobody(),
    inside: async (c) => ({ method: 'POST', url: await caseUrl(c, '/decision'), body: { outcome: 'dismissed', reasons: 'x' } }),
  },
  'POST /api/v1/cases/:id/appeal': {
    expect: nobody(),
    inside: async (c) => ({ method: 'POST', url: await caseUrl(c, '/appeal'), body: { text: 'x' } }),
  },
  'POST /api/v1/cases/:id/evidence': {
    expect: nobody(),
    inside: async (c) => {
      const { payload, headers } = multipartFile('a.txt', Buffer.from('evidence'), 'text/plain');
      return { method: 'POST', url: await caseUrl(c, '/evidence'), body: payload, headers };
    },
  },
  // Officials' planned visits (issue 14): planned, changed and reported by officials over the cell; read by its secretary too.
  'POST /api/v1/visits': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => ({ method: 'POST', url: '/api/v1/visits', body: { unitId: c.org.cellA1a.id, plannedOn: todayIso() } }),
    outside: async (c) => ({ method: 'POST', url: '/api/v1/visits', body: { unitId: c.org.cellB1a.id, plannedOn: todayIso() } }),
  },
  'GET /api/v1/visits/:id': {
    expect: visitReaders,
    inside: async (c) => ({ method: 'GET', url: await visitUrl(c, true) }),
    outside: async (c) => ({ method: 'GET', url: await visitUrl(c, false) }),
  },
  'PATCH /api/v1/visits/:id': {
    expect: visitActors(200),
    inside: async (c) => ({ method: 'PATCH', url: await visitUrl(c, true), body: { plannedOn: addDays(todayIso(), 1) } }),
    outside: async (c) => ({ method: 'PATCH', url: await visitUrl(c, false), body: { plannedOn: addDays(todayIso(), 1) } }),
  },
  'POST /api/v1/visits/:id/cancel': {
    expect: visitActors(200),
    inside: async (c) => ({ method: 'POST', url: await visitUrl(c, true, '/cancel'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await visitUrl(c, false, '/cancel'), body: {} }),
  },
  'POST /api/v1/visits/:id/report': {
    expect: visitActors(200),
    inside: async (c) => ({ method: 'POST', url: await visitUrl(c, true, '/report'), body: { heldOn: todayIso(), membersMet: 0 } }),
    outside: async (c) => ({ method: 'POST', url: await visitUrl(c, false, '/report'), body: { heldOn: todayIso(), membersMet: 0 } }),
  },
  'PATCH /api/v1/visits/:id/report': {
    expect: visitActors(200),
    inside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/visits/${(await visit(c, true, true)).id}/report`,
      body: { findings: 'Corrected' },
    }),
    outside: async (c) => ({
      method: 'PATCH',
      url: `/api/v1/visits/${(await visit(c, false, true)).id}/report`,
      body: { findings: 'Corrected' },
    }),
  },
  'GET /api/v1/me/visits': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/visits' }) },
  'GET /api/v1/units/:id/visits': {
    expect: visitReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/visits` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/visits` }),
  },
  'GET /api/v1/units/:id/visit-problems': {
    expect: visitReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/visit-problems` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/visit-problems` }),
  },
  'PATCH /api/v1/visit-problems/:id': {
    expect: { member: 404, secretary: 200, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'PATCH', url: await problemUrl(c, true), body: { status: 'in_progress' } }),
    outside: async (c) => ({ method: 'PATCH', url: await problemUrl(c, false), body: { status: 'in_progress' } }),
  },
  'GET /api/v1/units/:id/visits/coverage': {
    expect: committeeReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/visits/coverage` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/visits/coverage` }),
  },
  'GET /api/v1/units/:id/visits/unvisited': {
    expect: committeeReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/visits/unvisited` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/visits/unvisited` }),
  },
  // Unit targets (issue 15): set by officials managing the unit; progress by whoever manages the unit reporting; read along the tree.
  'GET /api/v1/target-indicators': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/target-indicators' }) },
  'POST /api/v1/target-indicators': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 403, admin: 201 },
    inside: async () => ({ method: 'POST', url: '/api/v1/target-indicators', body: { name: `Bricks ${randomUUID()}`, measure: 'bricks' } }),
  },
  'DELETE /api/v1/target-indicators/:id': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 403, admin: 200 },
    inside: async (c) => ({ method: 'DELETE', url: `/api/v1/target-indicators/${await indicatorId(c)}` }),
  },
  'POST /api/v1/units/:id/targets': {
    expect: { member: 404, secretary: 404, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/units/${c.org.districtA1.id}/targets`, body: targetBody() }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/units/${c.org.districtB1.id}/targets`, body: targetBody() }),
  },
  'GET /api/v1/units/:id/targets': {
    expect: committeeReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/targets?year=${thisYear()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/targets?year=${thisYear()}` }),
  },
  'GET /api/v1/units/:id/targets.csv': {
    expect: committeeReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/targets.csv?year=${thisYear()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/targets.csv?year=${thisYear()}` }),
  },
  'GET /api/v1/units/:id/reportable-targets': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/reportable-targets?year=${thisYear()}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/reportable-targets?year=${thisYear()}` }),
  },
  'GET /api/v1/targets/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/targets/${await targetIn(c, c.org.districtA1.id)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/targets/${await targetIn(c, c.org.districtB1.id)}` }),
  },
  'GET /api/v1/targets/:id/reports': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/targets/${await targetIn(c, c.org.districtA1.id)}/reports` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/targets/${await targetIn(c, c.org.districtB1.id)}/reports` }),
  },
  'POST /api/v1/targets/:id/progress': {
    expect: { member: 403, secretary: 201, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/targets/${await targetIn(c, c.org.districtA1.id)}/progress`,
      body: { unitId: c.org.cellA1a.id, asOf: todayIso(), value: 3 },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/targets/${await targetIn(c, c.org.districtB1.id)}/progress`,
      body: { unitId: c.org.cellB1a.id, asOf: todayIso(), value: 3 },
    }),
  },
  'PATCH /api/v1/targets/:id': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/targets/${await targetIn(c, c.org.districtA1.id)}`, body: { figure: 50 } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/targets/${await targetIn(c, c.org.districtB1.id)}`, body: { figure: 50 } }),
  },
  'POST /api/v1/targets/:id/withdrawal': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/targets/${await targetIn(c, c.org.districtA1.id)}/withdrawal`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/targets/${await targetIn(c, c.org.districtB1.id)}/withdrawal`, body: {} }),
  },
  'POST /api/v1/target-reports/:id/evidence': {
    expect: { member: 403, secretary: 201, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => {
      const { payload, headers } = multipartFile('a.txt', Buffer.from('evidence'), 'text/plain');
      return { method: 'POST', url: `/api/v1/target-reports/${await targetReportIn(c, true)}/evidence`, body: payload, headers };
    },
    outside: async (c) => {
      const { payload, headers } = multipartFile('a.txt', Buffer.from('evidence'), 'text/plain');
      return { method: 'POST', url: `/api/v1/target-reports/${await targetReportIn(c, false)}/evidence`, body: payload, headers };
    },
  },
  'GET /api/v1/target-reports/:id/evidence': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/target-reports/${await targetReportIn(c, true, true)}/evidence` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/target-reports/${await targetReportIn(c, false, true)}/evidence` }),
  },
  // Ideas and inventions (issue 15): submitted by the cell's members or secretary, carried forward by whoever manages the cell.
  'POST /api/v1/cells/:id/ideas': {
    expect: { member: 201, secretary: 201, districtReader: 403, regionManager: 403, admin: 403 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellA1a.id}/ideas`,
      body: { title: 'An idea', description: 'What it is', authorIds: [c.org.P.id] },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/cells/${c.org.cellB1a.id}/ideas`,
      body: { title: 'An idea', description: 'What it is', authorIds: [c.org.Q.id] },
    }),
  },
  'GET /api/v1/cells/:id/ideas': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/ideas` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/ideas` }),
  },
  'GET /api/v1/ideas/:id': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: await ideaUrl(c, true, 'submitted') }),
    outside: async (c) => ({ method: 'GET', url: await ideaUrl(c, false, 'submitted') }),
  },
  'PATCH /api/v1/ideas/:id': {
    expect: ideaAuthors,
    inside: async (c) => ({ method: 'PATCH', url: await authoredIdeaUrl(c, true), body: { title: 'A better title' } }),
    outside: async (c) => ({ method: 'PATCH', url: await authoredIdeaUrl(c, false), body: { title: 'A better title' } }),
  },
  'POST /api/v1/ideas/:id/withdrawal': {
    expect: ideaAuthors,
    inside: async (c) => ({ method: 'POST', url: await authoredIdeaUrl(c, true, '/withdrawal'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await authoredIdeaUrl(c, false, '/withdrawal'), body: {} }),
  },
  'POST /api/v1/ideas/:id/evaluation': {
    expect: ideaActors(200),
    inside: async (c) => ({
      method: 'POST',
      url: await ideaUrl(c, true, 'submitted', '/evaluation'),
      body: { decision: 'accepted', reasons: 'Good' },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: await ideaUrl(c, false, 'submitted', '/evaluation'),
      body: { decision: 'accepted', reasons: 'Good' },
    }),
  },
  'POST /api/v1/ideas/:id/trial': {
    expect: ideaActors(200),
    inside: async (c) => ({ method: 'POST', url: await ideaUrl(c, true, 'accepted', '/trial'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await ideaUrl(c, false, 'accepted', '/trial'), body: {} }),
  },
  'POST /api/v1/ideas/:id/introduction': {
    expect: ideaActors(200),
    inside: async (c) => ({
      method: 'POST',
      url: await ideaUrl(c, true, 'accepted', '/introduction'),
      body: { introducedOn: todayIso(), benefit: { amount: 1, unit: 't' } },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: await ideaUrl(c, false, 'accepted', '/introduction'),
      body: { introducedOn: todayIso(), benefit: { amount: 1, unit: 't' } },
    }),
  },
  'POST /api/v1/ideas/:id/confirmation': {
    expect: ideaActors(200),
    inside: async (c) => ({ method: 'POST', url: await ideaUrl(c, true, 'introduced', '/confirmation'), body: {} }),
    outside: async (c) => ({ method: 'POST', url: await ideaUrl(c, false, 'introduced', '/confirmation'), body: {} }),
  },
  'GET /api/v1/units/:id/ideas/awaiting': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/ideas/awaiting` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/ideas/awaiting` }),
  },
  'GET /api/v1/units/:id/ideas/summary': {
    expect: committeeReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/ideas/summary?year=${todayIso().slice(0, 4)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/ideas/summary?year=${todayIso().slice(0, 4)}` }),
  },
  'GET /api/v1/idea-rules': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/idea-rules' }) },
  'PUT /api/v1/idea-rules': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 404, admin: 200 },
    inside: async () => ({ method: 'PUT', url: '/api/v1/idea-rules', body: { evaluatorLevelsUp: 0, confirmationMonths: 6 } }),
  },
  // Cells' work plans (issue 15): drafted, adopted and reviewed by whoever manages the cell; read by whoever sees it.
  'PUT /api/v1/cells/:id/work-plans/:period': {
    expect: planEditors(200),
    inside: async (c) => ({ method: 'PUT', url: `/api/v1/cells/${c.org.cellA1a.id}/work-plans/2030-Q1`, body: planBody() }),
    outside: async (c) => ({ method: 'PUT', url: `/api/v1/cells/${c.org.cellB1a.id}/work-plans/2030-Q1`, body: planBody() }),
  },
  'POST /api/v1/cells/:id/work-plans/:period/adopt': {
    expect: planEditors(200),
    inside: async (c) => draftToAdopt(c, c.org.cellA1a.id),
    outside: async (c) => draftToAdopt(c, c.org.cellB1a.id),
  },
  'POST /api/v1/cells/:id/work-plans/:period/review': {
    expect: planEditors(200),
    inside: async (c) => adoptedToReview(c, c.org.cellA1a.id),
    outside: async (c) => adoptedToReview(c, c.org.cellB1a.id),
  },
  'GET /api/v1/cells/:id/work-plans/:period': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/work-plans/2030-Q1` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/work-plans/2030-Q1` }),
  },
  'GET /api/v1/cells/:id/work-plans': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/work-plans` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/work-plans` }),
  },
  'GET /api/v1/units/:id/work-plans': {
    expect: committeeReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtA1.id}/work-plans` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.districtB1.id}/work-plans` }),
  },
  // Laudable deeds (issue 15): recorded by whoever manages the cell, published and withdrawn by a committee above it.
  'POST /api/v1/cells/:id/deeds': {
    expect: { member: 403, secretary: 201, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellA1a.id}/deeds`, body: deedBody() }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/cells/${c.org.cellB1a.id}/deeds`, body: deedBody() }),
  },
  'GET /api/v1/cells/:id/deeds': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellA1a.id}/deeds` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/cells/${c.org.cellB1a.id}/deeds` }),
  },
  'POST /api/v1/deeds/:id/publish': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/deeds/${await deedIn(c, true, false)}/publish`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/deeds/${await deedIn(c, false, false)}/publish`, body: {} }),
  },
  'POST /api/v1/deeds/:id/unpublish': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/deeds/${await deedIn(c, true, true)}/unpublish`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/deeds/${await deedIn(c, false, true)}/unpublish`, body: {} }),
  },
  'GET /api/v1/me/deeds-board': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/me/deeds-board' }) },
  // Emulation campaigns and distinctions (issue 15): run by a committee's official, read by it and the participants.
  'POST /api/v1/campaigns': {
    expect: { member: 404, secretary: 404, districtReader: 403, regionManager: 201, admin: 201 },
    inside: async (c) => ({
      method: 'POST',
      url: '/api/v1/campaigns',
      body: {
        title: 'E',
        unitIds: [c.org.cellA1a.id, c.org.cellA1b.id],
        from: '2026-01',
        to: '2026-03',
        standardCodes: ['general-meeting-monthly'],
      },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: '/api/v1/campaigns',
      body: {
        title: 'E',
        unitIds: [c.org.regionB.id, c.org.cellA1a.id],
        from: '2026-01',
        to: '2026-03',
        standardCodes: ['general-meeting-monthly'],
      },
    }),
  },
  'GET /api/v1/campaigns/:id': {
    expect: campaignReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, true)}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, false)}` }),
  },
  'PATCH /api/v1/campaigns/:id': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'PATCH', url: `/api/v1/campaigns/${await campaign(c, true)}`, body: { title: 'Changed' } }),
    outside: async (c) => ({ method: 'PATCH', url: `/api/v1/campaigns/${await campaign(c, false)}`, body: { title: 'Changed' } }),
  },
  'POST /api/v1/campaigns/:id/cancel': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 200, admin: 200 },
    inside: async (c) => ({ method: 'POST', url: `/api/v1/campaigns/${await campaign(c, true)}/cancel`, body: {} }),
    outside: async (c) => ({ method: 'POST', url: `/api/v1/campaigns/${await campaign(c, false)}/cancel`, body: {} }),
  },
  'GET /api/v1/campaigns/:id/standings': {
    expect: campaignReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, true)}/standings` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, false)}/standings` }),
  },
  'GET /api/v1/campaigns/:id/standings.csv': {
    expect: campaignReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, true)}/standings.csv` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, false)}/standings.csv` }),
  },
  'GET /api/v1/campaigns/:id/units/:unitId': {
    expect: campaignReaders,
    inside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, true)}/units/${c.org.cellA1a.id}` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/campaigns/${await campaign(c, false)}/units/${c.org.cellB1a.id}` }),
  },
  'GET /api/v1/units/:id/campaigns': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/campaigns` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/campaigns` }),
  },
  'GET /api/v1/distinction-rules': { expect: all(200), inside: async () => ({ method: 'GET', url: '/api/v1/distinction-rules' }) },
  'PATCH /api/v1/distinction-rules/:code': {
    expect: { member: 403, secretary: 403, districtReader: 403, regionManager: 403, admin: 200 },
    inside: async () => ({ method: 'PATCH', url: '/api/v1/distinction-rules/model-cell', body: { active: true } }),
  },
  'GET /api/v1/units/:id/distinctions': {
    expect: all(200),
    inside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellA1a.id}/distinctions?year=2025` }),
    outside: async (c) => ({ method: 'GET', url: `/api/v1/units/${c.org.cellB1a.id}/distinctions?year=2025` }),
  },
  'POST /api/v1/units/:id/distinctions/:code/conferrals': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 201, admin: 201 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${c.org.regionA.id}/distinctions/model-cell/conferrals`,
      body: { year: 2024 },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${c.org.regionB.id}/distinctions/model-cell/conferrals`,
      body: { year: 2024 },
    }),
  },
  'POST /api/v1/units/:id/distinctions/:code/revocations': {
    expect: { member: 404, secretary: 404, districtReader: 404, regionManager: 200, admin: 200 },
    inside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${c.org.regionA.id}/distinctions/model-cell/revocations`,
      body: { year: 2025, cellIds: [await conferral(c, true)] },
    }),
    outside: async (c) => ({
      method: 'POST',
      url: `/api/v1/units/${c.org.regionB.id}/distinctions/model-cell/revocations`,
      body: { year: 2025, cellIds: [await conferral(c, false)] },
    }),
  },
};

let regionListId: Promise<number> | undefined;

/** A published document (or a draft), written as the system. */
async function libraryItem(c: Ctx, published = true): Promise<number> {
  return (await createDocument(db(c), systemActor(), { kind: 'document', title: '학습 자료', body: '본문', published })).id;
}

async function newspaperIssue(c: Ctx): Promise<number> {
  return (await createIssue(db(c), systemActor(), { title: 'No. 7', issuedOn: '2026-11-01' })).id;
}

async function readingListBody(c: Ctx, unitId: number) {
  return { unitId, title: '11월 학습', startsOn: '2026-11-01', endsOn: '2026-11-30', itemIds: [await libraryItem(c)] };
}

async function readingList(c: Ctx, unitId: number): Promise<number> {
  return (await createReadingList(db(c), systemActor(), await readingListBody(c, unitId))).id;
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

const programme = (c: Ctx) => createProgramme(db(c), systemActor(), { title: 'Programme', themes: [{ title: 'Theme' }] });
const themeId = async (c: Ctx) => (await programme(c)).themes[0]!.id;
const enrolmentBody = { course: 'Welding', institution: 'Factory college', kind: 'evening', startsOn: '2026-09-01' };
const enrolment = async (c: Ctx, personId: number) =>
  (await createEnrolment(db(c), systemActor(), personId, { ...enrolmentBody, kind: 'evening' })).id;

async function attendanceRequest(c: Ctx, cellId: number): Promise<Req> {
  const m = await buildMeeting(db(c), cellId);
  return {
    method: 'PUT',
    url: `/api/v1/meetings/${m.id}/attendance`,
    body: { records: m.roll.map((r) => ({ personId: r.personId, status: 'present' })), version: m.version },
  };
}

/** A paper roll of a new meeting of the cell as CSV: everyone on the roll present. */
async function rollCsvRequest(c: Ctx, cellId: number): Promise<Req> {
  const m = await buildMeeting(db(c), cellId);
  return {
    method: 'POST',
    url: `/api/v1/meetings/${m.id}/attendance.csv?version=${m.version}`,
    body: `personId,status\n${m.roll.map((r) => `${r.personId},present`).join('\n')}`,
    headers: { 'content-type': 'text/csv' },
  };
}

async function actionIn(c: Ctx, cellId: number): Promise<number> {
  const { addDecision } = await import('../src/server/modules/meetings/decisions.ts');
  const m = await buildMeeting(db(c), cellId);
  const withDecision = await addDecision(db(c), systemActor(), m.id, { text: 'Do it', actions: [{ title: 'Task', dueOn: '2026-01-31' }] });
  return withDecision.decisions[0]!.actions[0]!.id;
}

async function followUpIn(c: Ctx, cellId: number): Promise<number> {
  const p = await buildPerson(db(c), cellId);
  const row = await db(c)
    .insertInto('follow_ups')
    .values({ cell_id: cellId, person_id: p.id, reason: 'repeated_absence', created_on: '2026-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function relieveRequest(c: Ctx, districtId: number): Promise<Req> {
  const cell = await buildCell(db(c), districtId);
  const p = await buildPerson(db(c), cell.id);
  await appointSecretary(db(c), systemActor(), cell.id, { personId: p.id, deputy: false });
  return { method: 'POST', url: `/api/v1/units/${cell.id}/secretary/relieve`, body: { personId: p.id } };
}

async function grantRequest(c: Ctx, cellId: number): Promise<Req> {
  const p = await buildPerson(db(c), cellId);
  const account = await buildAccount(db(c), { personId: p.id });
  return { method: 'POST', url: `/api/v1/accounts/${account.id}/grants`, body: { role: 'member', unitId: cellId } };
}

async function revokeRequest(c: Ctx, cellId: number): Promise<Req> {
  const p = await buildPerson(db(c), cellId);
  const account = await buildAccount(db(c), { personId: p.id, grants: [{ role: 'member', unitId: cellId }] });
  return { method: 'DELETE', url: `/api/v1/grants/${account.grants.length ? account.grants[0]!.id : await grantIdOf(c, account.id)}` };
}

async function grantIdOf(c: Ctx, accountId: number): Promise<number> {
  const g = await db(c).selectFrom('grants').select('id').where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return g.id;
}

/** A cell feed of cell A1a made by `account` (its owner). */
async function feedOf(c: Ctx, account: { id: number; login: string }): Promise<string> {
  const { createCellFeed } = await import('../src/server/modules/calendar/service.ts');
  const owner = await loadActor(db(c), { id: account.id, login: account.login, personId: null }, { csrfToken: null, sessionId: null });
  return (await createCellFeed(db(c), owner, c.org.cellA1a.id)).url;
}

type Reader = Exclude<Role, 'anonymous'>;
type Seen = unknown;
/**
 * Field-level and parent rows: what each reader sees of an object they may open (docs/decisions/0013).
 * `read` reduces a response to what matters (which fields are there, whose reasons, which parent), so
 * a reader seeing more than their role needs, or a parent above their scope, fails the row.
 */
type FieldRow = { expect: Record<Reader, Seen>; read: (c: Ctx, client: Client) => Promise<Seen> };
const READERS: Reader[] = ['member', 'secretary', 'districtReader', 'regionManager', 'admin'];
const everyone = (seen: Seen): Record<Reader, Seen> => ({
  member: seen,
  secretary: seen,
  districtReader: seen,
  regionManager: seen,
  admin: seen,
});
const PERSONAL = ['birthYear', 'email', 'joinedOn', 'memberNo', 'phone', 'workplace'];
const personalOf = (body: Record<string, unknown>) => PERSONAL.filter((f) => f in body);
const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};
/** Who of M (Member Lee) and P (Member Park) a list names, by name. */
const leeAndPark = (c: Ctx, items: Array<{ personId: number; fullName: string }>) =>
  items
    .filter((i) => i.personId === c.org.M.id || i.personId === c.org.P.id)
    .map((i) => i.fullName)
    .sort();
/** Breadcrumb names and the parent id, in the org's names (null: no parent for this reader). */
const unitView = async (c: Ctx, client: Client, id: number) => {
  const res = await client.get(`/api/v1/units/${id}`);
  if (res.status !== 200) return res.status;
  const names = new Map<number, string>([
    [c.org.root, 'root'],
    [c.org.regionA.id, 'regionA'],
    [c.org.districtA1.id, 'districtA1'],
  ]);
  return {
    parent: res.body.parentId === null ? null : (names.get(res.body.parentId) ?? res.body.parentId),
    breadcrumb: res.body.breadcrumb.map((u: { name: string }) => u.name),
  };
};
const fieldMatrix: Record<string, FieldRow> = {
  'GET /api/v1/people/:id a cell-mate: personal fields': {
    expect: { member: [], secretary: PERSONAL, districtReader: PERSONAL, regionManager: PERSONAL, admin: PERSONAL },
    read: async (c, client) => personalOf((await client.get(`/api/v1/people/${c.org.P.id}`)).body),
  },
  'GET /api/v1/people/:id oneself (the member): personal fields': {
    expect: everyone(PERSONAL),
    read: async (c, client) => personalOf((await client.get(`/api/v1/people/${c.org.M.id}`)).body),
  },
  'GET /api/v1/people/:id memberships stop at the scope': {
    expect: { member: ['A1a'], secretary: ['A1a'], districtReader: ['A1a'], regionManager: ['A1a'], admin: ['A1a', 'B1a'] },
    read: async (c, client) =>
      (await client.get(`/api/v1/people/${c.org.personal!.movedPerson}`)).body.memberships
        .map((m: { cell: { id: number } }) => (m.cell.id === c.org.cellA1a.id ? 'A1a' : m.cell.id === c.org.cellB1a.id ? 'B1a' : m.cell.id))
        .sort(),
  },
  'GET /api/v1/units/:id/members: names and roles only': {
    expect: everyone(['fromDate', 'fullName', 'membershipId', 'personId', 'role']),
    read: async (c, client) => Object.keys((await client.get(`/api/v1/units/${c.org.cellA1a.id}/members`)).body.items[0]).sort(),
  },
  'GET /api/v1/meetings/:id absence reasons (Lee is the member)': {
    expect: {
      member: { 'Member Lee': 'sick' },
      ...Object.fromEntries(READERS.slice(1).map((r) => [r, { 'Member Lee': 'sick', 'Member Park': 'travelling' }])),
    } as Record<Reader, Seen>,
    read: async (c, client) => {
      const roll: Array<{ fullName: string; reason?: string | null }> = (
        await client.get(`/api/v1/meetings/${c.org.personal!.meetingWithAbsences}`)
      ).body.roll;
      return Object.fromEntries(roll.filter((r) => 'reason' in r && r.reason).map((r) => [r.fullName, r.reason]));
    },
  },
  'GET /api/v1/cells/:id/follow-ups whom': {
    expect: {
      member: ['Member Lee'],
      secretary: ['Member Lee', 'Member Park'],
      districtReader: ['Member Lee', 'Member Park'],
      regionManager: ['Member Lee', 'Member Park'],
      admin: ['Member Lee', 'Member Park'],
    },
    read: async (c, client) =>
      leeAndPark(c, (await client.get(`/api/v1/cells/${c.org.cellA1a.id}/follow-ups?includeResolved=true`)).body.items),
  },
  'GET /api/v1/cells/:id/dashboard follow-ups whom': {
    expect: {
      member: ['Member Lee'],
      secretary: ['Member Lee', 'Member Park'],
      districtReader: ['Member Lee', 'Member Park'],
      regionManager: ['Member Lee', 'Member Park'],
      admin: ['Member Lee', 'Member Park'],
    },
    read: async (c, client) => leeAndPark(c, (await client.get(`/api/v1/cells/${c.org.cellA1a.id}/dashboard`)).body.followUps),
  },
  'GET /api/v1/units/:id a cell: parent and breadcrumb': {
    expect: {
      member: { parent: null, breadcrumb: ['Cell A1a'] },
      secretary: { parent: null, breadcrumb: ['Cell A1a'] },
      districtReader: { parent: 'districtA1', breadcrumb: ['District A1', 'Cell A1a'] },
      regionManager: { parent: 'districtA1', breadcrumb: ['Region A', 'District A1', 'Cell A1a'] },
      admin: { parent: 'districtA1', breadcrumb: ['Central Committee', 'Region A', 'District A1', 'Cell A1a'] },
    },
    read: (c, client) => unitView(c, client, c.org.cellA1a.id),
  },
  'GET /api/v1/units/:id a district: parent and breadcrumb': {
    expect: {
      member: 404,
      secretary: 404,
      districtReader: { parent: null, breadcrumb: ['District A1'] },
      regionManager: { parent: 'regionA', breadcrumb: ['Region A', 'District A1'] },
      admin: { parent: 'regionA', breadcrumb: ['Central Committee', 'Region A', 'District A1'] },
    },
    read: (c, client) => unitView(c, client, c.org.districtA1.id),
  },
  'GET /api/v1/units/search parents': {
    expect: {
      member: { 'Cell A1a': null },
      secretary: { 'Cell A1a': null },
      districtReader: { 'Cell A1a': 'districtA1', 'District A1': null },
      regionManager: { 'Cell A1a': 'districtA1', 'District A1': 'regionA' },
      admin: { 'Cell A1a': 'districtA1', 'District A1': 'regionA' },
    },
    read: async (c, client) => {
      const names = new Map<number, string>([
        [c.org.regionA.id, 'regionA'],
        [c.org.districtA1.id, 'districtA1'],
      ]);
      const found: Array<{ name: string; parentId: number | null }> = [];
      for (const q of ['Cell A1a', 'District A1'])
        found.push(...(await client.get(`/api/v1/units/search?q=${encodeURIComponent(q)}`)).body.items);
      return Object.fromEntries(found.map((u) => [u.name, u.parentId === null ? null : (names.get(u.parentId) ?? u.parentId)]));
    },
  },
  'GET /api/v1/units/:id/compliance/worst of a cell: its parent': {
    expect: {
      member: { 'Cell A1a': null },
      secretary: { 'Cell A1a': null },
      districtReader: { 'Cell A1a': 'District A1' },
      regionManager: { 'Cell A1a': 'District A1' },
      admin: { 'Cell A1a': 'District A1' },
    },
    read: async (c, client) => {
      const res = await client.get(`/api/v1/units/${c.org.cellA1a.id}/compliance/worst?period=${lastMonth()}`);
      return Object.fromEntries(
        res.body.items.map((w: { cell: { name: string }; parent: { name: string } | null }) => [w.cell.name, w.parent?.name ?? null]),
      );
    },
  },
  // The gaps closed by decision 0014.
  'GET /api/v1/standards: rules of other subtrees hidden, units above the scope unnamed': {
    expect: {
      member: { 'gap-a1': 'hidden unit', 'gap-region-a': 'hidden unit', 'gap-whole': null },
      secretary: { 'gap-a1': 'hidden unit', 'gap-region-a': 'hidden unit', 'gap-whole': null },
      districtReader: { 'gap-a1': 'districtA1', 'gap-region-a': 'hidden unit', 'gap-whole': null },
      regionManager: { 'gap-a1': 'districtA1', 'gap-region-a': 'regionA', 'gap-whole': null },
      admin: { 'gap-a1': 'districtA1', 'gap-region-a': 'regionA', 'gap-region-b': 'regionB', 'gap-whole': null },
    },
    read: async (c, client) => {
      const names = new Map<number, string>([
        [c.org.regionA.id, 'regionA'],
        [c.org.regionB.id, 'regionB'],
        [c.org.districtA1.id, 'districtA1'],
      ]);
      const items: Array<{ code: string; scopeUnitId?: number | null }> = (await client.get('/api/v1/standards')).body.items;
      return Object.fromEntries(
        items
          .filter((s) => s.code.startsWith('gap-'))
          .map((s) => [
            s.code,
            !('scopeUnitId' in s) ? 'hidden unit' : s.scopeUnitId === null ? null : (names.get(s.scopeUnitId!) ?? s.scopeUnitId),
          ]),
      );
    },
  },
  'GET /api/v1/calendar/:file after its owner lost the grant': {
    expect: everyone([200, 404]),
    read: async (c, client) => {
      const p = await buildPerson(db(c), c.org.cellA1a.id);
      const owner = await buildAccount(db(c), { personId: p.id, grants: [{ role: 'member', unitId: c.org.cellA1a.id }] });
      const url = await feedOf(c, owner);
      const before = (await client.get(url)).status;
      await db(c).updateTable('grants').set({ revoked_at: new Date() }).where('account_id', '=', owner.id).execute();
      return [before, (await client.get(url)).status];
    },
  },
  'POST /api/v1/units/:id/imports of a former member of cell B1a': {
    expect: { member: 404, secretary: 'outside_area', districtReader: 404, regionManager: 'outside_area', admin: 'done' },
    read: async (c, client) => {
      const no = `FORMER-${randomUUID().slice(0, 8)}`;
      const p = await buildPerson(db(c), c.org.cellB1a.id, { memberNo: no, fromDate: '2020-01-01' });
      await changeMembership(db(c), p.id, null, '2022-01-01');
      const res = await client.request(
        'POST',
        `/api/v1/units/${c.org.cellA1a.id}/imports?importId=${randomUUID()}`,
        `full_name,member_no\nBack Again,${no}\n`,
        { 'content-type': 'text/csv' },
      );
      return res.status === 422 ? res.body.error.details.errors[0].code : res.status === 200 ? res.body.status : res.status;
    },
  },
  'GET /api/v1/reading-lists/:id chosen by region A: the committee named only to those who see it': {
    expect: { member: 'unnamed', secretary: 'unnamed', districtReader: 'unnamed', regionManager: 'named', admin: 'named' },
    read: async (c, client) => {
      regionListId ??= readingList(c, c.org.regionA.id);
      const res = await client.get(`/api/v1/reading-lists/${await regionListId}`);
      return res.status !== 200 ? res.status : 'unitId' in res.body ? 'named' : 'unnamed';
    },
  },
  'GET /api/v1/units/:id/compliance/worst of a district: the parents': {
    expect: { member: 404, secretary: 404, districtReader: ['District A1'], regionManager: ['District A1'], admin: ['District A1'] },
    read: async (c, client) => {
      const res = await client.get(`/api/v1/units/${c.org.districtA1.id}/compliance/worst?period=${lastMonth()}`);
      return res.status !== 200
        ? res.status
        : [...new Set(res.body.items.map((w: { parent: { name: string } | null }) => w.parent?.name ?? null))];
    },
  },
};

/**
 * The data the field rows look for: P and M with every personal field, both absent from one meeting
 * with a reason, both followed up; and a person of cell A1a who was in cell B1a before.
 */
async function addPersonalData(c: Pick<Ctx, 't' | 'org'>): Promise<Personal> {
  const full = {
    email: 'x@example.org',
    phone: '+82 10 0000 0000',
    birthYear: 1980,
    workplace: 'Steel works',
    joinedOn: '2010-05-01',
    memberNo: 'NO-1',
  };
  const d = c.t.ctx.db;
  for (const p of [c.org.M, c.org.P]) await updatePerson(d, systemActor(), p.id, { ...full, memberNo: `NO-${p.id}` });
  const m = await buildMeeting(d, c.org.cellA1a.id);
  const reasons: Record<number, string> = { [c.org.M.id]: 'sick', [c.org.P.id]: 'travelling' };
  await saveAttendance(d, systemActor(), m.id, {
    version: m.version,
    records: m.roll.map((r) =>
      reasons[r.personId]
        ? { personId: r.personId, status: 'absent', reason: reasons[r.personId] }
        : { personId: r.personId, status: 'present' },
    ),
  });
  await d
    .insertInto('follow_ups')
    .values(
      [c.org.M, c.org.P].map((p) => ({ cell_id: c.org.cellA1a.id, person_id: p.id, reason: 'repeated_absence', created_on: '2026-01-01' })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const rule = (code: string, unitId: number | null) => ({
    code,
    kind: 'actions_on_time' as const,
    params: JSON.stringify({ min: 0.5 }),
    title_en: code,
    title_ko: code,
    scope_unit_id: unitId,
    valid_from: '2099-01-01',
  });
  await d
    .insertInto('standards')
    .values([
      rule('gap-a1', c.org.districtA1.id),
      rule('gap-region-a', c.org.regionA.id),
      rule('gap-region-b', c.org.regionB.id),
      rule('gap-whole', null),
    ])
    .execute();
  const moved = await buildPerson(d, c.org.cellB1a.id, { fullName: 'Moved Han', fromDate: '2021-01-01' });
  await transferPerson(d, systemActor(), moved.id, { toCellId: c.org.cellA1a.id, date: '2024-01-01' });
  return { meetingWithAbsences: m.id, movedPerson: moved.id };
}

describe('access matrix', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Ctx['org'];
  beforeAll(async () => {
    // The job queue runs here: publishing sends the directive's fan-out job in its transaction.
    t = await createTestApp({ jobs: true });
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  async function clientFor(role: Role): Promise<Client> {
    if (role === 'anonymous') return anonymous(t.app);
    const a = org.accounts[role];
    return signIn(t.app, a.login, a.password);
  }

  const send = (client: Client, r: Req) => client.request(r.method, r.url, r.body, r.headers);

  it('has a row for every route in the route table', () => {
    const routes = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((k) => !routes.includes(k))).toEqual([]);
  });

  for (const [route, row] of Object.entries(matrix)) {
    it(`${route}: every role inside and outside its subtree`, async () => {
      const isPublic = t.app.routeTable.find((r) => `${r.method} ${r.url}` === route)?.public ?? false;
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        const c: Ctx = { org, t, role };
        const client = await clientFor(role);
        want[`${role} inside`] = role === 'anonymous' && !isPublic ? 401 : row.expect[role]!;
        got[`${role} inside`] = (await send(client, await row.inside(c))).status;
        if (row.outside) {
          want[`${role} outside`] = role === 'anonymous' ? 401 : role === 'admin' ? row.expect.admin! : 404;
          got[`${role} outside`] = (await send(client, await row.outside(c))).status;
        }
      }
      expect(got).toEqual(want);
    });
  }

  describe('fields and parents', () => {
    beforeAll(async () => {
      org = { ...org, personal: await addPersonalData({ t, org }) };
    });

    for (const [row, { expect: want, read }] of Object.entries(fieldMatrix)) {
      it(`${row}: what each reader sees`, async () => {
        const got: Record<string, Seen> = {};
        for (const role of READERS) got[role] = await read({ org, t, role }, await clientFor(role));
        expect(got).toEqual(want);
      });
    }
  });
});

/** Unit targets (issue 15): this year's target set for a district by the system; an indicator to retire. */
const thisYear = () => Number(todayIso().slice(0, 4));
const targetBody = () => ({ year: thisYear(), sector: 'agriculture', indicator: 'Grain yield', measure: 'tonnes', figure: 100 });
async function targetIn(c: Ctx, unitId: number): Promise<number> {
  return (await createTarget(db(c), systemActor(), unitId, targetBody() as CreateTarget)).id;
}
/** A progress report of a cell (A1a inside, B1a outside) on its district's target, with an evidence file if asked. */
async function targetReportIn(c: Ctx, inside: boolean, withFile = false): Promise<number> {
  const [district, cell] = inside ? [c.org.districtA1.id, c.org.cellA1a.id] : [c.org.districtB1.id, c.org.cellB1a.id];
  const targetId = await targetIn(c, district);
  const { id } = await reportProgress(db(c), systemActor(), targetId, { unitId: cell, asOf: todayIso(), value: 1 });
  if (withFile) await addReportEvidence(db(c), systemActor(), id, { fileName: 'a.txt', content: Buffer.from('evidence') });
  return id;
}
async function indicatorId(c: Ctx): Promise<number> {
  return (await addIndicator(db(c), systemActor(), { name: `Bricks ${randomUUID()}`, measure: 'bricks' })).id;
}
// Work plans and deeds (issue 15): each request gets its own plan or deed, so every role finds the same state.
function planEditors(ok: number): Partial<Record<Role, number>> {
  return { member: 403, secretary: ok, districtReader: 403, regionManager: ok, admin: ok };
}
function planBody() {
  return { goals: [{ title: 'Study the charter', kind: 'study' as const }] };
}
let planYear = 2040;
/** A fresh drafted plan of the cell for a quarter to come, and a held general meeting of the cell to adopt it at. */
async function draftToAdopt(c: Ctx, cellId: number): Promise<Req> {
  const period = `${planYear++}-Q2`;
  await savePlan(db(c), systemActor(), cellId, period, planBody());
  const m = await buildMeeting(db(c), cellId);
  await holdMeeting(db(c), m.id);
  return { method: 'POST', url: `/api/v1/cells/${cellId}/work-plans/${period}/adopt`, body: { meetingId: m.id } };
}
let pastYear = 2001;
/** A plan of the cell adopted for a past quarter (written straight to the tables), its goal marked met. */
async function adoptedToReview(c: Ctx, cellId: number): Promise<Req> {
  const year = pastYear++;
  const plan = await db(c)
    .insertInto('work_plans')
    .values({
      cell_id: cellId,
      period: `${year}-Q1`,
      starts_on: `${year}-01-01`,
      ends_on: `${year}-04-01`,
      status: 'adopted',
      adopted_on: `${year}-01-10`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goal = await db(c)
    .insertInto('work_plan_goals')
    .values({ cell_id: cellId, plan_id: Number(plan.id), position: 0, kind: 'study', title: 'Study the charter' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    method: 'POST',
    url: `/api/v1/cells/${cellId}/work-plans/${year}-Q1/review`,
    body: { goals: [{ id: Number(goal.id), met: true }] },
  };
}
function deedBody() {
  return { title: 'Repaired the pump', description: 'Kept the water running for the whole village.', on: todayIso() };
}
/** A deed of cell A1a (or B1a), published to its region when `published`. */
async function deedIn(c: Ctx, inside: boolean, published: boolean): Promise<number> {
  const [cell, region] = inside ? [c.org.cellA1a.id, c.org.regionA] : [c.org.cellB1a.id, c.org.regionB];
  const path = published
    ? (await db(c).selectFrom('units').select(sql<string>`path::text`.as('path')).where('id', '=', region.id).executeTakeFirstOrThrow())
        .path
    : null;
  const row = await db(c)
    .insertInto('deeds')
    .values({
      cell_id: cell,
      title: 'Repaired the pump',
      description: 'Kept the water running.',
      done_on: todayIso(),
      published_unit_id: published ? region.id : null,
      published_path: path,
      published_at: published ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
