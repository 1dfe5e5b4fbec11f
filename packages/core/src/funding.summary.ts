/**
 * Funding sources' summaries in the seeds' wording (issue #13 item 3), e.g. "争取中央预算内投资项目N个，总投资X亿元，
 * 已下达资金Y亿元": one sentence per source kind from the projects' applied, approved and issued amounts, for the
 * bulletin's placeholders and the funding page. Special bonds are "issued" (发行), central-budget funds "issued down"
 * (下达); the other kinds use the generic word (到位).
 */
import type { FundingSourceKind } from './codelists.ts';
import { formatYi, type Fen } from './money.ts';
import type { Locale } from './messages.ts';

/** One project's amounts from one source kind, as of a date. */
export interface FundingLine {
  projectId: number;
  totalInvestment: Fen;
  applied: Fen;
  approved: Fen;
  issued: Fen;
}

export interface FundingSummary {
  kind: FundingSourceKind;
  projects: number;
  totalInvestment: Fen;
  applied: Fen;
  approved: Fen;
  issued: Fen;
}

/** Sums a kind's lines; a project with several lines of the kind counts once (its total investment once). */
export function summariseFunding(kind: FundingSourceKind, lines: readonly FundingLine[]): FundingSummary {
  const investment = new Map<number, Fen>();
  let applied = 0n;
  let approved = 0n;
  let issued = 0n;
  for (const line of lines) {
    investment.set(line.projectId, line.totalInvestment);
    applied += line.applied;
    approved += line.approved;
    issued += line.issued;
  }
  let totalInvestment = 0n;
  for (const amount of investment.values()) totalInvestment += amount;
  return { kind, projects: investment.size, totalInvestment, applied, approved, issued };
}

const WORDING: Record<FundingSourceKind, { zh: [string, string]; en: [string, string] }> = {
  central_budget: { zh: ['争取中央预算内投资项目', '已下达资金'], en: ['central-budget projects secured', 'issued'] },
  special_bond: {
    zh: ['争取地方政府专项债券项目', '已发行债券资金'],
    en: ['special-bond projects secured', 'bonds issued'],
  },
  ultra_long_bond: { zh: ['争取超长期特别国债项目', '已下达资金'], en: ['ultra-long bond projects secured', 'issued'] },
  provincial_fund: { zh: ['争取省级专项资金项目', '已下达资金'], en: ['provincial-fund projects secured', 'issued'] },
  bank_loan: { zh: ['获得银行贷款项目', '已到位资金'], en: ['bank-loan projects', 'disbursed'] },
  other: { zh: ['其他资金来源项目', '已到位资金'], en: ['projects with other funding', 'received'] },
};

/** "争取中央预算内投资项目12个，总投资35.6亿元，已下达资金4.2亿元" (亿元 to one decimal, as bulletins write). */
export function fundingSentence(summary: FundingSummary, locale: Locale): string {
  const [lead, issuedWord] = WORDING[summary.kind][locale];
  const total = formatYi(summary.totalInvestment, 1);
  const issued = formatYi(summary.issued, 1);
  return locale === 'zh'
    ? `${lead}${String(summary.projects)}个，总投资${total}亿元，${issuedWord}${issued}亿元`
    : `${String(summary.projects)} ${lead}, total investment ${total} 亿元, ${issued} 亿元 ${issuedWord}`;
}
