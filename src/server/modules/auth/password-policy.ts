/** Whether a new password may be used: long enough, not too long, and not one of the most common. */
import { readFileSync } from 'node:fs';
import { badRequest } from '../../errors.ts';
import { LIMITS } from '../../../shared/enums.ts';
import { passwordLengthProblem } from '../../../shared/password-rules.ts';

let common: Set<string> | undefined;

/** The shipped list (common-passwords.txt, lower case, `#` starts a comment line), read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/** Case does not make a common password uncommon: "Password1" is guessed as soon as "password1". */
export const isCommonPassword = (password: string) => commonPasswords().has(password.toLowerCase());

export type PasswordProblem = 'password.tooShort' | 'password.tooLong' | 'password.common';

export function passwordProblem(password: string): PasswordProblem | null {
  return passwordLengthProblem(password) ?? (isCommonPassword(password) ? 'password.common' : null);
}

export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === 'password.tooShort') throw badRequest(problem, { params: { min: LIMITS.passwordMin } });
  if (problem === 'password.tooLong') throw badRequest(problem, { params: { max: LIMITS.passwordMax } });
  if (problem === 'password.common') throw badRequest(problem);
}
