/** People: a person, their memberships, adding, changing and transferring them. */
import { z } from 'zod';
import { LIMITS, MEMBERSHIP_ROLES } from '../enums.ts';
import { DateSchema, IdSchema, UnitRefSchema, text } from './base.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const MembershipSchema = z.object({
  id: z.number(),
  cell: UnitRefSchema,
  role: z.enum(MEMBERSHIP_ROLES),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});

/**
 * A person. The personal fields (email to memberNo) are sent only to the person themself and to
 * readers whose grant covers the person's cell as secretary, official or administrator; to a member
 * reading a cell-mate they are absent (not null: null means "not recorded"). See docs/decisions/0013.
 */
export const PersonSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  birthYear: z.number().nullable().optional(),
  workplace: z.string().nullable().optional(),
  joinedOn: z.string().nullable().optional(),
  memberNo: z.string().nullable().optional(),
  /** Memberships in cells the reader may see (all of them for the person themself). */
  memberships: z.array(MembershipSchema),
  canManage: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

const personFields = {
  fullName: text(LIMITS.name),
  email: z.email().max(LIMITS.email).nullish(),
  phone: optionalText(LIMITS.phone),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  workplace: optionalText(LIMITS.workplace),
  joinedOn: DateSchema.nullish(),
  memberNo: optionalText(LIMITS.code),
};
export const CreatePersonSchema = z
  .object({
    ...personFields,
    cellId: IdSchema,
    role: z.enum(['member', 'candidate']).default('member'),
    fromDate: DateSchema.optional(),
  })
  .strict();
export type CreatePerson = z.infer<typeof CreatePersonSchema>;
export const UpdatePersonSchema = z.object(personFields).partial().strict();

export const TransferPersonSchema = z.object({ toCellId: IdSchema, date: DateSchema.optional() }).strict();
