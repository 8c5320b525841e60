/** Units: the tree of committees and cells, their members and their officers. */
import { z } from 'zod';
import { LIMITS, MEMBERSHIP_ROLES, SECTORS, UNIT_KINDS } from '../enums.ts';
import { DateSchema, IdSchema, PageQuerySchema, PersonRefSchema, UnitRefSchema, pageOf, text } from './base.ts';

export const UnitSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  code: z.string(),
  sector: z.enum(SECTORS).nullable(),
  /** The committee above, when it lies in the reader's scope; null at the top of the reader's tree (and at the root). */
  parentId: z.number().nullable(),
  depth: z.number(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  childCount: z.number(),
  memberCount: z.number(),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const UnitSchema = UnitSummarySchema.extend({
  /** Ancestors the actor may see, top first, ending with the unit itself. */
  breadcrumb: z.array(UnitRefSchema),
  cellCount: z.number(),
  secretary: PersonRefSchema.nullable(),
  deputies: z.array(PersonRefSchema),
  canManage: z.boolean(),
  /** The actor may read its people's personal data and work (a cell's assignment board): officials with that grant. */
  canSeePersonal: z.boolean(),
  /** The actor manages the committee above: may rename, move or close the unit and appoint its officers. */
  canRestructure: z.boolean(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitPageSchema = pageOf(UnitSummarySchema);

export const ChildrenQuerySchema = PageQuerySchema.extend({
  includeClosed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
}).strict();

export const UnitSearchQuerySchema = z
  .object({
    q: text(LIMITS.search),
    kind: z.enum(UNIT_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const CreateUnitSchema = z
  .object({
    parentId: IdSchema,
    kind: z.enum(UNIT_KINDS),
    name: text(LIMITS.name),
    code: text(LIMITS.code).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash and underscore only'),
    sector: z.enum(SECTORS).nullish(),
    openedOn: DateSchema.optional(),
  })
  .strict();
export type CreateUnit = z.infer<typeof CreateUnitSchema>;

export const UpdateUnitSchema = z
  .object({
    name: text(LIMITS.name).optional(),
    code: CreateUnitSchema.shape.code.optional(),
    sector: z.enum(SECTORS).nullish(),
  })
  .strict();

export const MoveUnitSchema = z.object({ newParentId: IdSchema }).strict();
export const CloseUnitSchema = z.object({ closedOn: DateSchema.optional() }).strict();

export const MemberSchema = z.object({
  membershipId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  fromDate: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberPageSchema = pageOf(MemberSchema);

export const AppointSecretarySchema = z
  .object({
    personId: IdSchema,
    deputy: z.boolean().default(false),
    date: DateSchema.optional(),
  })
  .strict();
export const RelieveSecretarySchema = z.object({ personId: IdSchema, date: DateSchema.optional() }).strict();
