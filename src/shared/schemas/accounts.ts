/** Accounts: signing in, the signed-in account (`me`), passwords, accounts and their grants, API tokens. */
import { z } from 'zod';
import { GRANT_ACCESS, GRANT_ROLES, LIMITS, MEMBERSHIP_ROLES } from '../enums.ts';
import { IdSchema, PersonRefSchema, UnitRefSchema, text } from './base.ts';

/**
 * A new password is any string here: its length and commonness are judged by the server's password
 * policy, which answers each with its own message (shared/password-rules.ts, modules/auth/password-policy.ts).
 */
const NewPasswordSchema = z.string();
/** Passwords set before the limit was lowered to LIMITS.passwordMax (from 256) must still sign in. */
const CurrentPasswordSchema = z.string().min(1).max(1024);

export const SignInSchema = z
  .object({
    login: z.string().trim().min(1).max(LIMITS.login),
    password: CurrentPasswordSchema,
  })
  .strict();
export type SignIn = z.infer<typeof SignInSchema>;

export const ChangePasswordSchema = z
  .object({
    currentPassword: CurrentPasswordSchema,
    newPassword: NewPasswordSchema,
  })
  .strict();

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
  /**
   * The committees whose integrity cases the account handles (handler grants, decision 0029). Kept out
   * of `grants`, which the web reads as access to units: a handler grant opens nothing but cases.
   */
  handles: z.array(UnitRefSchema).default([]),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const CreateAccountSchema = z
  .object({
    login: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(LIMITS.login)
      .regex(/^[^\s]+$/, 'no spaces'),
    password: NewPasswordSchema,
    personId: IdSchema.nullish(),
  })
  .strict();

export const CreateGrantSchema = z
  .object({
    role: z.enum(GRANT_ROLES),
    access: z.enum(GRANT_ACCESS).default('read'),
    unitId: IdSchema.nullish(),
  })
  .strict();

export const CreateApiTokenSchema = z.object({ name: text(100) }).strict();
