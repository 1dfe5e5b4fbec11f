/**
 * The password policy (等保 level 3, OWASP ASVS 2.1): length and character classes, none of the 10,000 most
 * common passwords (reference/common-passwords.txt, built by scripts/build-common-passwords.ts), and not the
 * username inside it. Returns the message key of the first rule broken, for a field-level answer.
 */
import { readFileSync } from 'node:fs';
import type { MessageKey } from '@keyprojects/core';
import { serverFile } from '../../paths.ts';
import { isStrongPassword } from './password.ts';

const COMMON_FILE = serverFile('reference/common-passwords.txt');
let common: Set<string> | null = null;

/** The bundled common passwords, lower-cased (loaded once, on first use). */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(COMMON_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/**
 * True when the password is a common one, compared case-insensitively, also once trailing digits and
 * symbols are stripped: "Password2024!" is "password" with the decorations people add to pass a class rule.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const base = lower.replace(/[^\p{L}]+$/u, '');
  // A very short base ("ab" of "ab12345678!?") says little; the class and length rules judge those.
  return base.length >= 4 && base !== lower && list.has(base);
}

/** The first policy rule the password breaks for this username, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): MessageKey | null {
  if (!isStrongPassword(password)) return 'password.weak';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return 'password.containsUsername';
  if (isCommonPassword(password)) return 'password.common';
  return null;
}
