/** The one bound of every amount (the BIGINT column) and of every id (int4), as the shared contracts apply them. */
import { describe, expect, it } from 'vitest';
import { MAX_ID, idParam, idSchema } from './id.ts';
import { MAX_FEN, formatWan, isStorableFen } from './money.ts';
import { moneyWanSchema, projectUpdateInput } from './project.contract.ts';
import { reportInput } from './report.contract.ts';

const issueOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('the money bound', () => {
  it('is the largest value of a PostgreSQL bigint, both ways', () => {
    expect(MAX_FEN).toBe(9_223_372_036_854_775_807n);
    expect([isStorableFen(MAX_FEN), isStorableFen(-MAX_FEN), isStorableFen(MAX_FEN + 1n)]).toEqual([true, true, false]);
  });

  it('is what every amount contract checks, with "too large" past it', () => {
    const money = moneyWanSchema({ allowNegative: true });
    expect(money.parse(formatWan(MAX_FEN))).toBe(MAX_FEN);
    expect(issueOf(money.safeParse(formatWan(MAX_FEN + 1n)))).toBe('money.tooLarge');
    expect(issueOf(money.safeParse(formatWan(-MAX_FEN - 1n)))).toBe('money.tooLarge');
    expect(issueOf(money.safeParse('1'.repeat(25)))).toBe('money.tooLarge');
    // Fen parsed at the edge (an Excel cell) is held to the same bound.
    expect(issueOf(money.safeParse(MAX_FEN + 1n))).toBe('money.tooLarge');
    expect(money.parse(-MAX_FEN)).toBe(-MAX_FEN);
    expect(issueOf(reportInput.safeParse({ completedThisMonth: formatWan(MAX_FEN + 1n) }))).toBe('money.tooLarge');
    expect(issueOf(projectUpdateInput.safeParse({ totalInvestment: '9223372036855' }))).toBe('money.tooLarge');
  });
});

describe('the id bound', () => {
  it('accepts 1…int4 max in bodies and paths and refuses the rest with one message', () => {
    expect(idSchema.parse(MAX_ID)).toBe(MAX_ID);
    expect(idParam.parse(String(MAX_ID))).toBe(MAX_ID);
    for (const bad of [0, -1, 1.5, MAX_ID + 1, 2 ** 53]) expect(issueOf(idSchema.safeParse(bad))).toBe('id.invalid');
    expect(issueOf(idParam.safeParse('2147483648'))).toBe('id.invalid');
    expect(issueOf(projectUpdateInput.safeParse({ ownerOrgId: MAX_ID + 1 }))).toBe('id.invalid');
  });
});
