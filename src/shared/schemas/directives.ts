/** Directives (issue 11): drafts, publication, the member's inbox, acknowledgments, briefings and reach. */
import { z } from 'zod';
import { MEMBERSHIP_ROLES, SECTORS } from '../enums.ts';
import { DateSchema, IdSchema, text } from './base.ts';

export const DIRECTIVE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export const DIRECTIVE_LIMITS = { title: 200, body: 100_000, targets: 100, withinDaysMax: 365, briefingsMax: 500 } as const;

export const DirectiveTargetSchema = z
  .object({
    unitIds: z.array(IdSchema).min(1).max(DIRECTIVE_LIMITS.targets),
    /** Only cells of these sectors; absent or empty: every sector. */
    sectors: z.array(z.enum(SECTORS)).max(SECTORS.length).optional(),
    /** Only members holding these roles; absent or empty: every role. */
    roles: z.array(z.enum(MEMBERSHIP_ROLES)).max(MEMBERSHIP_ROLES.length).optional(),
  })
  .strict();
export type DirectiveTarget = z.infer<typeof DirectiveTargetSchema>;

export const CreateDirectiveSchema = z
  .object({
    title: text(DIRECTIVE_LIMITS.title),
    /** Rich text (HTML); sanitised on the server. */
    body: z.string().max(DIRECTIVE_LIMITS.body),
    target: DirectiveTargetSchema,
    acknowledgeWithinDays: z.number().int().min(1).max(DIRECTIVE_LIMITS.withinDaysMax).nullable().optional(),
    /** The committee issuing it; by default the actor's own committee above the targets. */
    issuingUnitId: IdSchema.optional(),
    /** Conveyed again: a new round every `everyMonths` months, `times` more times; null: once. */
    rebrief: z
      .object({ everyMonths: z.number().int().min(1).max(24), times: z.number().int().min(1).max(24) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type CreateDirective = z.infer<typeof CreateDirectiveSchema>;

export const UpdateDirectiveSchema = CreateDirectiveSchema.omit({ issuingUnitId: true }).partial().strict();
export type UpdateDirective = z.infer<typeof UpdateDirectiveSchema>;

export const DirectiveRoundSchema = z.object({
  round: z.number().int(),
  openedAt: z.string(),
  deadlineOn: z.string().nullable(),
  fanOut: z.enum(['pending', 'running', 'done']),
});

export const DirectiveAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type DirectiveAttachment = z.infer<typeof DirectiveAttachmentSchema>;
export const AttachmentParamsSchema = z.object({ id: IdSchema, attachmentId: IdSchema }).strict();
/** 10 MB a file, 5 files a directive. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_DIRECTIVE = 5;

export const DirectiveSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  status: z.enum(DIRECTIVE_STATUSES),
  issuingUnit: z.object({ id: z.number().int(), name: z.string() }),
  target: z.object({
    unitIds: z.array(z.number().int()),
    units: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })),
    sectors: z.array(z.string()),
    roles: z.array(z.string()),
  }),
  acknowledgeWithinDays: z.number().int().nullable(),
  rebrief: z.object({ everyMonths: z.number().int(), times: z.number().int() }).nullable().optional(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  rounds: z.array(DirectiveRoundSchema),
  /** Files attached to it (only while a draft can they be added or removed). */
  attachments: z.array(DirectiveAttachmentSchema),
  /** The actor may edit, publish or withdraw it. */
  canManage: z.boolean(),
  /** The signed-in member's own delivery in the latest round they have, if any. */
  mine: z.object({ round: z.number().int(), acknowledgedAt: z.string().nullable(), briefedOn: z.string().nullable() }).nullable(),
});
export type Directive = z.infer<typeof DirectiveSchema>;

export const DirectiveListQuerySchema = z
  .object({ status: z.enum(DIRECTIVE_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();
export const DirectiveListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      status: z.enum(DIRECTIVE_STATUSES),
      issuingUnit: z.object({ id: z.number().int(), name: z.string() }),
      createdAt: z.string(),
      publishedAt: z.string().nullable(),
    }),
  ),
});

export const InboxSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      round: z.number().int(),
      issuingUnit: z.object({ id: z.number().int(), name: z.string() }),
      deliveredAt: z.string(),
      deadlineOn: z.string().nullable(),
      acknowledgedAt: z.string().nullable(),
      briefedOn: z.string().nullable(),
      status: z.enum(DIRECTIVE_STATUSES),
    }),
  ),
});

export const AcknowledgmentSchema = z.object({ directiveId: z.number().int(), round: z.number().int(), acknowledgedAt: z.string() });

export const RecordBriefingSchema = z
  .object({
    personIds: z.array(IdSchema).max(DIRECTIVE_LIMITS.briefingsMax).optional(),
    briefedOn: DateSchema,
    meetingId: IdSchema.optional(),
    /** With `meetingId`: brief every member recorded present at that meeting. */
    presentMembers: z.boolean().optional(),
  })
  .strict();
export type RecordBriefing = z.infer<typeof RecordBriefingSchema>;
export const BriefingResultSchema = z.object({ round: z.number().int(), briefed: z.number().int(), alreadyBriefed: z.number().int() });

export const ReachQuerySchema = z.object({ unit: IdSchema, round: z.coerce.number().int().min(1).max(1000).optional() }).strict();
export const ReachFiguresSchema = z.object({
  members: z.number().int(),
  delivered: z.number().int(),
  acknowledged: z.number().int(),
  briefed: z.number().int(),
  notReached: z.number().int(),
  acknowledgedInTime: z.number().int(),
  briefedInTime: z.number().int(),
  notReachedInTime: z.number().int(),
});
export type ReachFigures = z.infer<typeof ReachFiguresSchema>;
export const ReachSchema = ReachFiguresSchema.extend({
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  round: z.number().int(),
  deadlineOn: z.string().nullable(),
  fanOut: z.enum(['pending', 'running', 'done']),
});
export type Reach = z.infer<typeof ReachSchema>;
export const ReachChildrenSchema = z.object({
  unitId: z.number().int(),
  round: z.number().int(),
  items: z.array(ReachFiguresSchema.extend({ unitId: z.number().int(), unitName: z.string(), unitKind: z.string() })),
});

export const NotReachedQuerySchema = z
  .object({
    unit: IdSchema,
    round: z.coerce.number().int().min(1).max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const NotReachedCsvQuerySchema = NotReachedQuerySchema.omit({ limit: true, cursor: true });
export const NotReachedSchema = z.object({
  items: z.array(
    z.object({
      personId: z.number().int(),
      fullName: z.string(),
      cellId: z.number().int(),
      cellName: z.string(),
      deliveredAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
