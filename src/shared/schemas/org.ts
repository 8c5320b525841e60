/** The organization: units, people and memberships, sessions, accounts and grants, imports. */
import { z } from 'zod';
import { GRANT_ACCESS, GRANT_ROLES, LIMITS, MEMBERSHIP_ROLES, SECTORS, UNIT_KINDS } from '../enums.ts';
import { DateSchema, IdSchema, PageQuerySchema, PersonRefSchema, UnitRefSchema, pageOf, text } from './base.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullish();

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
  /** The actor manages the committee above: may rename, move or close the unit and appoint its officers. */
  canRestructure: z.boolean(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitPageSchema = pageOf(UnitSummarySchema);

export const ChildrenQuerySchema = PageQuerySchema.extend({
  includeClosed: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();

export const UnitSearchQuerySchema = z.object({
  q: text(LIMITS.search),
  kind: z.enum(UNIT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
}).strict();

export const CreateUnitSchema = z.object({
  parentId: IdSchema,
  kind: z.enum(UNIT_KINDS),
  name: text(LIMITS.name),
  code: text(LIMITS.code).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash and underscore only'),
  sector: z.enum(SECTORS).nullish(),
  openedOn: DateSchema.optional(),
}).strict();
export type CreateUnit = z.infer<typeof CreateUnitSchema>;

export const UpdateUnitSchema = z.object({
  name: text(LIMITS.name).optional(),
  code: CreateUnitSchema.shape.code.optional(),
  sector: z.enum(SECTORS).nullish(),
}).strict();

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
export const CreatePersonSchema = z.object({
  ...personFields,
  cellId: IdSchema,
  role: z.enum(['member', 'candidate']).default('member'),
  fromDate: DateSchema.optional(),
}).strict();
export type CreatePerson = z.infer<typeof CreatePersonSchema>;
export const UpdatePersonSchema = z.object(personFields).partial().strict();

export const TransferPersonSchema = z.object({ toCellId: IdSchema, date: DateSchema.optional() }).strict();
export const AppointSecretarySchema = z.object({
  personId: IdSchema,
  deputy: z.boolean().default(false),
  date: DateSchema.optional(),
}).strict();
export const RelieveSecretarySchema = z.object({ personId: IdSchema, date: DateSchema.optional() }).strict();

/**
 * A new password is any string here: its length and commonness are judged by the server's password
 * policy, which answers each with its own message (shared/password-rules.ts, modules/auth/password-policy.ts).
 */
const NewPasswordSchema = z.string();
/** Passwords set before the limit was lowered to LIMITS.passwordMax (from 256) must still sign in. */
const CurrentPasswordSchema = z.string().min(1).max(1024);

export const SignInSchema = z.object({
  login: z.string().trim().min(1).max(LIMITS.login),
  password: CurrentPasswordSchema,
}).strict();
export type SignIn = z.infer<typeof SignInSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: CurrentPasswordSchema,
  newPassword: NewPasswordSchema,
}).strict();

export const GrantSchema = z.object({
  id: z.number(),
  role: z.enum(GRANT_ROLES),
  access: z.enum(GRANT_ACCESS),
  unit: UnitRefSchema.nullable(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const AccountSchema = z.object({
  id: z.number(),
  login: z.string(),
  /** What to call the account: its person's name where the actor may see the person, else the login. */
  name: z.string(),
  personId: z.number().nullable(),
  /** The person's name, null when there is none or it is outside the actor's scope. */
  personName: z.string().nullable(),
  disabled: z.boolean(),
  grants: z.array(GrantSchema),
});
export type Account = z.infer<typeof AccountSchema>;

export const MeSchema = z.object({
  account: z.object({ id: z.number(), login: z.string() }),
  person: PersonRefSchema.nullable(),
  grants: z.array(GrantSchema),
  cells: z.array(z.object({ id: z.number(), name: z.string(), role: z.enum(MEMBERSHIP_ROLES) })),
  /** Units the actor may start browsing from: the tops of their grants' subtrees. */
  roots: z.array(UnitRefSchema),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const CreateAccountSchema = z.object({
  login: z.string().trim().toLowerCase().min(1).max(LIMITS.login).regex(/^[^\s]+$/, 'no spaces'),
  password: NewPasswordSchema,
  personId: IdSchema.nullish(),
}).strict();

export const CreateGrantSchema = z.object({
  role: z.enum(GRANT_ROLES),
  access: z.enum(GRANT_ACCESS).default('read'),
  unitId: IdSchema.nullish(),
}).strict();

export const CreateApiTokenSchema = z.object({ name: text(100) }).strict();

export const ImportStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'failed', 'rejected', 'done']),
  linesRead: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number().nullable(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Each bad line: a stable `code` (missing, invalid, too_long, field_count, cell_code_required, unknown_cell,
   * duplicate_member_no, duplicate_person, outside_area), the column, the offending value, an English message. */
  errors: z.array(z.object({ line: z.number(), code: z.string(), field: z.string().nullable(), value: z.string().nullable(), message: z.string() })),
  errorCount: z.number(),
  rowsPerSecond: z.number(),
  /** Why a `failed` import failed (null otherwise): `interrupted` when the server process running it
   * stopped or lost its database mid-way (nothing was imported; send the file again), `error` otherwise. */
  failure: z.enum(['interrupted', 'error']).nullable().describe('why a failed import failed; null unless status is failed'),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ mode: z.enum(['embedded', 'external']), version: z.string() }),
});
