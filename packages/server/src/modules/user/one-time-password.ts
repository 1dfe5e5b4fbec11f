/**
 * One-time passwords for accounts an administrator creates or resets: 16 random characters in four groups
 * (no look-alikes such as 0/O, 1/l/I), always from all four character classes so they meet the policy. The
 * account must change it at first sign-in.
 */
import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALL = UPPER + LOWER + DIGITS;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? 'x';

/** A fresh one-time password, e.g. `Kq7m-x3Ph-Rt9a-Wn2c`. */
export function oneTimePassword(): string {
  const groups = [UPPER, LOWER, DIGITS, ALL].map((first) => pick(first) + pick(ALL) + pick(ALL) + pick(ALL));
  return groups.join('-');
}
