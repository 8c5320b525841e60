/** The centre's case rules (one settings row): days to respond, days to appeal, years kept after closing. */
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import type { Db } from '../../db/database.ts';
import { sql } from 'kysely';
import type { CaseRules } from '../../../shared/schemas/cases.ts';
import { recordAudit } from '../audit/service.ts';

export async function selectCaseRules(db: Db): Promise<CaseRules> {
  const { rows } = await sql<CaseRules>`select response_days as "responseDays", appeal_days as "appealDays",
    retention_years as "retentionYears" from case_rules`.execute(db);
  return rows[0] ?? { responseDays: 14, appealDays: 30, retentionYears: 5 };
}

/** Central administrators only (404 for anyone else). The change is audited: rules are no case's data. */
export async function setCaseRules(db: Db, actor: Actor, rules: CaseRules): Promise<CaseRules> {
  requireCentralAdministrator(actor);
  const before = await selectCaseRules(db);
  await sql`insert into case_rules (id, response_days, appeal_days, retention_years)
    values (true, ${rules.responseDays}, ${rules.appealDays}, ${rules.retentionYears})
    on conflict (id) do update set response_days = excluded.response_days, appeal_days = excluded.appeal_days,
      retention_years = excluded.retention_years`.execute(db);
  await recordAudit(db, actor, { action: 'cases.rules', entity: 'case_rules', entityId: null, unitId: null, before, after: rules });
  return rules;
}
