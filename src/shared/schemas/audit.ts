/** The audit trail as the API shows it: who changed what, when, with the record before and after. */
import { z } from 'zod';
import { DateSchema, IdSchema, PageQuerySchema, UnitRefSchema, pageOf } from './base.ts';

/** The kinds of object the audit trail records changes to (the `entity` the writers give). */
export const AUDIT_ENTITIES = [
  'unit',
  'person',
  'meeting',
  'action',
  'follow_up',
  'grant',
  'account',
  'api_token',
  'standard',
  'meeting_kind',
  'organization',
  'audit',
  'library_item',
  'newspaper_issue',
  'reading_list',
  'webhook',
  'sending',
  'directive',
  'assignment',
  'assignment_scale',
  'programme',
  'nomination',
  'admission_criterion',
  'admission_rules',
  'mentorship',
  'youth_group',
  'help_request',
  'visit',
  'visit_problem',
  'work_plan',
  'deed',
] as const;

export const AuditQuerySchema = PageQuerySchema.extend({
  /** The unit's subtree, as its path was at the time of each change. */
  unitId: IdSchema.optional(),
  /** Changes to this person's record. */
  personId: IdSchema.optional(),
  /** Changes made by this account. */
  actorId: IdSchema.optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/)
    .optional(),
  /** Days in the organization's time zone, both included. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
})
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditActorSchema = z.object({
  accountId: z.number(),
  login: z.string(),
  personId: z.number().nullable(),
  fullName: z.string().nullable(),
});

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  /** Null: the command line (no account). */
  actor: AuditActorSchema.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The object's name today where it has one (a unit's, a person's). */
  entityLabel: z.string().nullable(),
  unit: UnitRefSchema.nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = pageOf(AuditEntrySchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;
