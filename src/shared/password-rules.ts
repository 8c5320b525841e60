/**
 * The length rule for a new password (OWASP ASVS 5.0, V6.2): at least LIMITS.passwordMin characters,
 * up to LIMITS.passwordMax, and no rules about which kinds of characters. Shared so the web form says
 * the same as the server; the server also refuses common passwords (modules/auth/password-policy.ts).
 */
import { LIMITS } from './enums.ts';

/** Characters as a person counts them: code points, so a Hangul syllable or an emoji is one. */
export const passwordLength = (password: string) => [...password].length;

export function passwordLengthProblem(password: string): 'password.tooShort' | 'password.tooLong' | null {
  const n = passwordLength(password);
  if (n < LIMITS.passwordMin) return 'password.tooShort';
  if (n > LIMITS.passwordMax) return 'password.tooLong';
  return null;
}
