/**
 * The admission rules (one settings row, set by the centre) and the criteria checklist: the centre's
 * items (unit null) and those a committee adds for its subtree.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import type { Db } from '../../db/database.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { AdmissionRules } from '../../../shared/schemas/admissions.ts';
import { recordAudit } from '../audit/service.ts';
import { canManagePath } from '../../access/actor.ts';

export async function selectRules(db: Db): Promise<AdmissionRules> {
  const r = await db.selectFrom('admission_rules').selectAll().executeTakeFirst();
  return r
    ? {
        sponsorMinMonths: r.sponsor_min_months,
        candidacyMonths: r.candidacy_months,
        votePassShare: r.vote_pass_share,
        voteBasis: r.vote_basis,
      }
    : { sponsorMinMonths: 12, candidacyMonths: 12, votePassShare: 0.5, voteBasis: 'present' };
}

export async function setRules(db: Db, actor: Actor, rules: AdmissionRules): Promise<AdmissionRules> {
  requireCentralAdministrator(actor);
  const before = await selectRules(db);
  const row = {
    sponsor_min_months: rules.sponsorMinMonths,
    candidacy_months: rules.candidacyMonths,
    vote_pass_share: rules.votePassShare,
    vote_basis: rules.voteBasis,
  };
  await db
    .insertInto('admission_rules')
    .values({ id: true, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  await recordAudit(db, actor, {
    action: 'admissions.rules',
    entity: 'admission_rules',
    entityId: null,
    unitId: null,
    before,
    after: rules,
  });
  return rules;
}

/** The criteria that apply to a cell: the centre's and those of every committee above it, oldest first. */
export function criteriaFor(db: Db, cellPath: string) {
  return db
    .selectFrom('admission_criteria as c')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.title', 'c.unit_id'])
    .where((eb) => eb.or([eb('c.unit_id', 'is', null), sql<boolean>`u.path @> ${cellPath}::ltree`]))
    .orderBy('c.id')
    .execute();
}

/** The checklist a unit's nominations are held to (the centre's alone without a unit). */
export async function listCriteria(db: Db, actor: Actor, unitId?: number) {
  let path = '';
  if (unitId !== undefined) {
    const unit = await findUnitInScope(db, actor, unitId);
    if (!unit) throw notFound('unit.notFound');
    path = unit.path;
  }
  const rows = path
    ? await criteriaFor(db, path)
    : await db.selectFrom('admission_criteria').select(['id', 'title', 'unit_id']).where('unit_id', 'is', null).orderBy('id').execute();
  return { items: rows.map((r) => ({ id: Number(r.id), title: r.title, unitId: r.unit_id === null ? null : Number(r.unit_id) })) };
}

/** The centre adds to its checklist (no unit); a committee's manager adds for the committee's subtree. */
export async function addCriterion(db: Db, actor: Actor, input: { title: string; unitId?: number }) {
  if (input.unitId === undefined) requireCentralAdministrator(actor);
  else {
    const unit = await findUnitInScope(db, actor, input.unitId);
    if (!unit) throw notFound('unit.notFound');
    if (unit.kind === 'cell' || !canManagePath(actor, unit.path)) throw forbidden('admissions.criterionScope');
  }
  const row = await db
    .insertInto('admission_criteria')
    .values({ unit_id: input.unitId ?? null, title: input.title })
    .returning(['id', 'title', 'unit_id'])
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, {
    action: 'admissions.criterion.add',
    entity: 'admission_criterion',
    entityId: Number(row.id),
    unitId: input.unitId ?? null,
    after: input,
  });
  return { id: Number(row.id), title: row.title, unitId: row.unit_id === null ? null : Number(row.unit_id) };
}
