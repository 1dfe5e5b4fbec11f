/**
 * CNY amounts as OC4IDS writes them (JSON numbers in yuan) against our exact fen. A JSON number is a double;
 * these conversions go through its decimal text, never through floating-point arithmetic.
 */
import { FEN_PER_YUAN, divRound, type Fen } from './money.ts';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** A decimal text (exponent allowed) times 10^scale, rounded half away from zero; `exact` says no digit was lost. */
function scaleDecimal(text: string, scale: number): { value: bigint; exact: boolean } | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = '', exponent = '0'] = match;
  const shift = Number(exponent) - fraction.length + scale;
  const digits = BigInt(`${whole}${fraction}`);
  let value: bigint;
  let exact = true;
  if (shift >= 0) value = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    exact = digits % divisor === 0n;
    value = divRound(digits, divisor);
  }
  return { value: sign ? -value : value, exact };
}

/** The text JSON.stringify writes for a finite number (String gives the same shortest round-trip form). */
const jsonText = (amount: number) => String(amount);

/**
 * A CNY amount read from JSON as fen, rounded half away from zero to the fen (sub-fen digits carry no meaning
 * in a project budget); null for a non-finite number.
 */
export function cnyToFen(amount: number): Fen | null {
  if (!Number.isFinite(amount)) return null;
  return scaleDecimal(jsonText(amount), 2)?.value ?? null;
}

/**
 * Fen as a CNY amount for JSON: a number whose JSON text is exactly the amount, with at most two decimals; null
 * when no double prints that way (beyond about 10^13 yuan), so the export never publishes a rounded figure.
 */
export function fenToCny(fen: Fen): number | null {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const cents = (abs % FEN_PER_YUAN).toString().padStart(2, '0');
  const amount = Number(`${negative ? '-' : ''}${(abs / FEN_PER_YUAN).toString()}.${cents}`);
  const back = scaleDecimal(jsonText(amount), 2);
  return back?.exact && back.value === fen ? amount : null;
}
