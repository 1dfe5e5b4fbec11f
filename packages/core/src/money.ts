/**
 * Money is held as an exact integer number of fen (分) in a bigint: 1 万元 = 1,000,000 fen,
 * 1 亿元 = 10,000 万元. Sums never touch floating point. The API speaks decimal strings in 万元.
 */
export type Fen = bigint;

export const FEN_PER_YUAN = 100n;
export const FEN_PER_WAN = 1_000_000n;
export const FEN_PER_YI = 10_000_000_000n;

/**
 * The bound of every amount: the largest value a PostgreSQL BIGINT column holds (2^63 − 1 fen, about 9.2 trillion
 * 万元). Amounts are accepted in −MAX_FEN…MAX_FEN, so any one of them can be stored; sums of many are computed as
 * NUMERIC in SQL and as bigint in code, so no combination of accepted amounts can overflow.
 */
export const MAX_FEN = 2n ** 63n - 1n;

/** Whether an amount in fen fits the money columns (the one bound every contract checks). */
export function isStorableFen(fen: Fen): boolean {
  return fen >= -MAX_FEN && fen <= MAX_FEN;
}

/** Decimal 万元 with at most six decimals (one fen), optionally negative; wide enough that a too large amount is
 * parsed and then refused by the bound (a clear "too large") rather than called malformed. */
const WAN_PATTERN = /^(-)?(\d{1,30})(?:\.(\d{1,6}))?$/;

/** Parses a 万元 amount given as a decimal string (or a finite number) into exact fen; null when it is not one. */
export function parseWan(input: string | number): Fen | null {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim();
  if (text === null) return null;
  const match = WAN_PATTERN.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', decimals = ''] = match;
  const fen = BigInt(whole) * FEN_PER_WAN + BigInt(decimals.padEnd(6, '0'));
  return sign ? -fen : fen;
}

function numberToPlainString(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  // toString gives exponent notation for tiny or huge values; those are not money.
  const text = String(value);
  return /e/i.test(text) ? null : text;
}

/** Formats fen as a 万元 decimal string with at least `minDecimals` decimals and no rounding. */
export function formatWan(fen: Fen, minDecimals = 2): string {
  return formatScaled(fen, FEN_PER_WAN, 6, minDecimals);
}

/** Formats fen in 亿元 rounded half away from zero to `decimals` places (the reporting unit of bulletins). */
export function formatYi(fen: Fen, decimals = 1): string {
  return formatRounded(fen, FEN_PER_YI, decimals);
}

/** Formats fen in 万元 rounded half away from zero to `decimals` places. */
export function formatWanRounded(fen: Fen, decimals = 2): string {
  return formatRounded(fen, FEN_PER_WAN, decimals);
}

/** Exact sum of fen amounts. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/** Converts whole 亿元 or 万元 figures typed in code (demo data, tests) to fen. */
export const yi = (amount: string | number): Fen => mustParse(amount, FEN_PER_YI);
export const wan = (amount: string | number): Fen => mustParse(amount, FEN_PER_WAN);

function mustParse(amount: string | number, unit: bigint): Fen {
  const fenOfWan = parseWan(amount);
  if (fenOfWan === null) throw new RangeError(`not a decimal amount: ${String(amount)}`);
  // parseWan scales by FEN_PER_WAN; rescale to the requested unit exactly.
  const scaled = fenOfWan * unit;
  if (scaled % FEN_PER_WAN !== 0n) throw new RangeError(`amount finer than one fen: ${String(amount)}`);
  return scaled / FEN_PER_WAN;
}

/** Rounds numerator/denominator half away from zero to an integer. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** A percentage numerator/denominator × 100 as a decimal string rounded to `decimals` places; null when the denominator is 0. */
export function percent(numerator: bigint, denominator: bigint, decimals = 1): string | null {
  if (denominator === 0n) return null;
  return formatRounded(numerator * 100n, denominator, decimals);
}

function formatRounded(value: bigint, unit: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const rounded = divRound(value * scale, unit);
  return formatScaled(rounded, scale, decimals, decimals);
}

function formatScaled(value: bigint, unit: bigint, maxDecimals: number, minDecimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / unit;
  let fraction = maxDecimals > 0 ? (abs % unit).toString().padStart(maxDecimals, '0') : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const body = fraction ? `${whole.toString()}.${fraction}` : whole.toString();
  return negative && abs !== 0n ? `-${body}` : body;
}
