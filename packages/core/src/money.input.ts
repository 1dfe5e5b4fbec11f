/**
 * What a money input shows and what it hands the form. The form holds the 万元 amount as the text typed (the
 * contract parses it to exact fen); the input shows that text with thousands separators. Both directions only
 * move separators, never digits, so no amount is rounded or turned into a float on the way.
 */
import { groupThousands } from './figure.format.ts';

const PLAIN_DECIMAL = /^-?\d+(\.\d*)?$/;
// ASCII and full-width commas and any white space a user (or a pasted cell) may put between digits.
const SEPARATORS = /[,，\s]/g;

/**
 * The form's text as the input shows it: '1234567.891234' → '1,234,567.891234', a half-typed '1234.' →
 * '1,234.'. Text that is not a plain decimal is shown as it is, so the contract can name what is wrong.
 */
export function formatMoneyInput(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const plain = parseMoneyInput(value);
  if (!PLAIN_DECIMAL.test(plain)) return value;
  const negative = plain.startsWith('-');
  const grouped = groupThousands(negative ? plain.slice(1) : plain);
  return negative ? `-${grouped}` : grouped;
}

/** The text the input hands the form: what is shown without separators ('1,234,567.89' → '1234567.89'). */
export function parseMoneyInput(shown: string): string {
  return shown.replace(SEPARATORS, '');
}
