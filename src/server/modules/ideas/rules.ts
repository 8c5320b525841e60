/** The ideas rules: one settings row, set by the centre (like the admission rules). */
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import type { Db } from '../../db/database.ts';
import type { IdeaRules } from '../../../shared/schemas/ideas.ts';
import { recordAudit } from '../audit/service.ts';

export const DEFAULT_IDEA_RULES: IdeaRules = { evaluatorLevelsUp: 0, confirmationMonths: 6 };

export async function selectIdeaRules(db: Db): Promise<IdeaRules> {
  const r = await db.selectFrom('idea_rules').selectAll().executeTakeFirst();
  return r ? { evaluatorLevelsUp: r.evaluator_levels_up, confirmationMonths: r.confirmation_months } : DEFAULT_IDEA_RULES;
}

export async function setIdeaRules(db: Db, actor: Actor, rules: IdeaRules): Promise<IdeaRules> {
  requireCentralAdministrator(actor);
  const before = await selectIdeaRules(db);
  const row = { evaluator_levels_up: rules.evaluatorLevelsUp, confirmation_months: rules.confirmationMonths };
  await db
    .insertInto('idea_rules')
    .values({ id: true, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  await recordAudit(db, actor, { action: 'ideas.rules', entity: 'idea_rules', entityId: null, unitId: null, before, after: rules });
  return rules;
}
