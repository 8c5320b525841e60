/** The audit trail's codes in words: actions, entities and record fields, each known one translated. */
import type { TFunction } from 'i18next';
import type { Me } from '../../../shared/schemas/accounts.ts';

/** The actions the server writes (src/server/modules/** recordAudit), offered in the action filter. */
export const AUDIT_ACTIONS = [
  'unit.create',
  'unit.update',
  'unit.move',
  'unit.close',
  'person.create',
  'person.update',
  'person.transfer',
  'person.erase',
  'secretary.appoint',
  'secretary.relieve',
  'account.create',
  'account.create-admin',
  'account.password',
  'grant.create',
  'grant.revoke',
  'api_token.create',
  'api_token.revoke',
  'meeting.create',
  'meeting.update',
  'meeting.not-held',
  'attendance.record',
  'attendance.correct',
  'decision.create',
  'action.status',
  'follow-up.resolve',
  'report.submit',
  'calendar.create',
  'meeting-kind.save',
  'meeting-kind.move',
  'meeting-kind.retire',
  'meeting-kind.restore',
  'standard.save',
  'standard.retire',
  'library.create',
  'library.update',
  'library.issue',
  'reading-list.create',
  'reading-list.update',
  'reading-list.delete',
  'meeting.readings',
  'self-assessment.save',
  'feedback.give',
  'review.close',
  'seed.demo',
  'audit.read',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'notifications.retry',
] as const;

/** Officials (their subtrees) and administrators (the whole tree) read the audit trail. */
export function canReadAudit(me: Me): boolean {
  return me.grants.some((g) => g.role === 'admin' || g.role === 'official');
}

/** An action in words; an action the web does not know yet shows as its code. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.action.${action}`, { defaultValue: action });
}

export function entityLabel(t: TFunction, entity: string): string {
  return t(`audit.entity.${entity}`, { defaultValue: entity });
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`audit.field.${field}`, { defaultValue: field });
}
