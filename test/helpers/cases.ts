/**
 * The world of the integrity-case tests, on top of buildOrg:
 *
 *   root ─ regionA ─ districtA1 ─ cellA1a (secretary S, deputy D = the subject, member M = the reporter, P)
 *        │         │            └ cellA1b (O, an official of districtA1 by grant)
 *        │         └ districtA2 ─ cellA2a (H, the districtA1 handler, on the roll elsewhere)
 *        └ regionB ─ districtB1 ─ cellB1a (Q)
 *
 * Handlers: `handler` on districtA1 (first instance for D's cases), `appealHandler` on regionA (handles
 * districtA1's cases from above too, and their appeals), `handlerElsewhere` on districtB1.
 */
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.ts';
import type { Db } from '../../src/server/db/database.ts';
import { appointSecretary } from '../../src/server/modules/units/officers.ts';
import type { TestApp } from './app.ts';
import { signIn, type Client } from './client.ts';
import { buildAccount, buildPerson } from './factories.ts';
import { buildOrg } from './org.ts';
import { multipartFile } from './directives.ts';

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('evidence\n%%EOF\n')]);

export async function buildCaseWorld(app: TestApp, db: Db) {
  const org = await buildOrg(db);
  const D = await buildPerson(db, org.cellA1a.id, { fullName: 'Deputy Yoon' });
  await appointSecretary(db, systemActor(), org.cellA1a.id, { personId: D.id, deputy: true, date: '2022-01-01' });
  const O = await buildPerson(db, org.cellA1b.id, { fullName: 'Official Jang' });
  const H = await buildPerson(db, org.cellA2a.id, { fullName: 'Handler Seo' });
  await buildAccount(db, { login: 'deputy@test', personId: D.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
  await buildAccount(db, { login: 'park@test', personId: org.P.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
  await buildAccount(db, {
    login: 'official@test',
    personId: O.id,
    grants: [
      { role: 'member', unitId: org.cellA1b.id },
      { role: 'official', access: 'manage', unitId: org.districtA1.id },
    ],
  });
  const handlerAccount = await buildAccount(db, {
    login: 'handler@test',
    personId: H.id,
    grants: [{ role: 'handler', unitId: org.districtA1.id }],
  });
  await buildAccount(db, { login: 'appeal@test', grants: [{ role: 'handler', unitId: org.regionA.id }] });
  await buildAccount(db, { login: 'elsewhere@test', grants: [{ role: 'handler', unitId: org.districtB1.id }] });
  const as = (login: string) => signIn(app, login, 'secret-pass');
  const c = {
    handler: await as('handler@test'),
    appealHandler: await as('appeal@test'),
    handlerElsewhere: await as('elsewhere@test'),
    officialNoGrant: await as('official@test'),
    regionManager: await as('region@test'),
    subjectsSecretary: await as('secretary@test'),
    subject: await as('deputy@test'),
    reporter: await as('member@test'),
    admin: await as('admin@test'),
    plainMember: await as('park@test'),
    outsider: await as('outsider@test'),
  };
  return { org, D, O, H, handlerAccount, c };
}
export type CaseWorld = Awaited<ReturnType<typeof buildCaseWorld>>;

export type Stage = 'received' | 'open' | 'notified' | 'heard' | 'decided' | 'appealed';

/** A case about D reported by M, brought to `stage` through the API. */
export async function caseAt(w: CaseWorld, stage: Stage, opts: { anonymous?: boolean } = {}): Promise<number> {
  const { c } = w;
  const res = await c.reporter.post('/api/v1/cases', {
    subjectPersonId: w.D.id,
    category: 'abuse_of_power',
    summary: 'Refused to record a member’s objection in the minutes',
    anonymousToSubject: opts.anonymous ?? true,
  });
  if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as number;
  const step = async (client: Client, path: string, body: unknown = {}) => {
    const r = await client.post(`/api/v1/cases/${id}/${path}`, body);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const order: Stage[] = ['received', 'open', 'notified', 'heard', 'decided', 'appealed'];
  const upTo = (s: Stage) => order.indexOf(stage) >= order.indexOf(s);
  if (upTo('open')) await step(c.handler, 'triage', { action: 'open' });
  if (upTo('notified')) await step(c.handler, 'notify-subject');
  if (upTo('heard')) await step(c.subject, 'responses', { text: 'I recorded it in the next minutes.' });
  if (upTo('decided')) await step(c.handler, 'decision', { outcome: 'dismissed', reasons: 'The objection was recorded a week later.' });
  if (upTo('appealed')) await step(c.subject, 'appeal', { text: 'I ask the region to look again.' });
  return id;
}

export const uploadEvidence = (client: Client, id: number, fileName = 'minutes.pdf', content = PDF) => {
  const { payload, headers } = multipartFile(fileName, content, 'application/pdf');
  return client.request('POST', `/api/v1/cases/${id}/evidence`, payload, headers);
};

export async function readsOf(db: Db, caseId: number) {
  const { rows } = await sql<{ account_id: number; part: string; evidence_id: number | null }>`
    select account_id, part, evidence_id from case_reads where case_id = ${caseId} order by id`.execute(db);
  return rows;
}
