/**
 * The funding and financing demo on top of the 大庆 city (issue #13 items 3, 4, 7). The generator gave projects
 * their funding totals; here each total gets its dated steps (applied in 2020, approved 2020–21, issued in 2021 up
 * to the demo's date) so that summaries as of any month in 2021 have a history. Then a few owners' needs are
 * declared, the city publishes the 2021-2 edition (March–April, before the demo's date, so the 2021-3 edition is
 * left for the visitor to publish), and the bank and the DRC register interest that moves through every state —
 * all through the financing services, as the product would write them.
 */
import type { Kysely } from 'kysely';
import { addDays, type Actor, type FinancingNeedInput } from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { actorOf } from '../dispatch/problems.demo.ts';
import { declareNeed, moveMatch, publishEdition, registerInterest } from '../../modules/financing/financing.service.ts';

/** A day of a year picked from the project id, so the demo is the same on every load. */
const dayIn = (id: number, from: string, spanDays: number) => addDays(from, (id * 37) % spanDays);

/**
 * Dated steps for each funding total of the two reported kinds that has no history yet (a project created through
 * the service already recorded its totals as events); returns how many events were written.
 */
async function seedFundingEvents(db: Kysely<DB>, asOf: string): Promise<number> {
  const totals = await db
    .selectFrom('project_funding_sources as f')
    .where('f.kind', 'in', ['special_bond', 'central_budget'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('funding_events as e')
            .select('e.id')
            .whereRef('e.project_id', '=', 'f.project_id')
            .whereRef('e.kind', '=', 'f.kind'),
        ),
      ),
    )
    .select(['f.project_id', 'f.kind', 'f.applied', 'f.approved', 'f.issued'])
    .orderBy('f.project_id')
    .execute();
  const rows = totals.flatMap((t) => {
    const applied = dayIn(t.project_id, '2020-03-01', 240);
    const approved = dayIn(t.project_id, addDays(applied, 30), 120);
    const issued = dayIn(t.project_id, '2021-01-05', 120);
    const steps = [
      { step: 'applied', amount: t.applied, occurred_on: applied },
      { step: 'approved', amount: t.approved, occurred_on: approved },
      { step: 'issued', amount: t.issued, occurred_on: issued < asOf ? issued : asOf },
    ];
    return steps
      .filter((s) => s.amount > 0n)
      .map((s) => ({ project_id: t.project_id, kind: t.kind, ...s, note: '演示数据' }));
  });
  if (rows.length > 0) await db.insertInto('funding_events').values(rows).execute();
  return rows.length;
}

// Amounts in fen: 30_000_000_000n is 3亿元.
const NEEDS: readonly Omit<FinancingNeedInput, 'projectId'>[] = [
  {
    amount: 30_000_000_000n,
    instrument: 'loan',
    termMonths: 60,
    purpose: '生产线设备购置',
    collateral: '厂房及设备抵押',
  },
  { amount: 15_000_000_000n, instrument: 'leasing', termMonths: 36, purpose: '光伏组件融资租赁', collateral: null },
  {
    amount: 50_000_000_000n,
    instrument: 'bond',
    termMonths: 84,
    purpose: '园区基础设施建设',
    collateral: '收费权质押',
  },
  { amount: 8_000_000_000n, instrument: 'equity', termMonths: 48, purpose: '引进战略投资者', collateral: null },
  { amount: 12_000_000_000n, instrument: 'loan', termMonths: 24, purpose: '流动资金', collateral: '应收账款质押' },
  {
    amount: 20_000_000_000n,
    instrument: 'loan',
    termMonths: 120,
    purpose: '项目建设贷款',
    collateral: '土地使用权抵押',
  },
];

/** Needs, the 2021-2 edition and matches in every state; returns the counts. */
async function seedFinancingList(db: Kysely<DB>) {
  const admin = await actorOf(db, 'daqing.admin');
  const bank = await actorOf(db, 'bank');
  const owner = await actorOf(db, 'owner.demo');
  const declared = fixedClock('2021-03-15');
  const ownProjects = await ownerProjectIds(db, owner);
  for (const [index, need] of NEEDS.entries()) {
    const projectId = ownProjects[index % Math.max(ownProjects.length, 1)];
    if (projectId === undefined) break;
    // The owner declares for its own projects; the DRC declares the rest on owners' behalf.
    await declareNeed({ db, clock: declared }, index < 3 ? owner : admin, { ...need, projectId });
  }
  const edition = await publishEdition({ db, clock: fixedClock('2021-03-31') }, admin);
  const items = await db
    .selectFrom('financing_edition_items')
    .where('edition_id', '=', edition.id)
    .select('need_id')
    .orderBy('need_id')
    .execute();
  const deps = { db, clock: fixedClock('2021-04-20') };
  const plan: [number, string, ('negotiating' | 'signed' | 'declined')[], bigint?][] = [
    [0, 'bank', ['negotiating', 'signed'], 20_000_000_000n],
    [1, 'bank', ['negotiating']],
    [2, '中国建设银行大庆分行', ['negotiating', 'signed'], 50_000_000_000n],
    [3, '黑龙江省新兴产业投资基金', ['declined']],
    [4, 'bank', []],
  ];
  let matches = 0;
  for (const [index, institution, moves, signed] of plan) {
    const item = items[index];
    if (!item) continue;
    const own = institution === 'bank';
    const match = await registerInterest(
      deps,
      own ? bank : admin,
      { id: edition.id, needId: item.need_id },
      { institution: own ? null : institution, note: null },
    );
    for (const state of moves)
      await moveMatch(deps, own ? bank : admin, match.id, {
        state,
        ...(state === 'signed' && signed !== undefined ? { signedAmount: signed } : {}),
        note: state === 'declined' ? '估值未达成一致' : null,
      });
    matches += 1;
  }
  return { needs: NEEDS.length, editionItems: items.length, matches };
}

/** The owner's projects, largest first (the demo's needs go to them). */
async function ownerProjectIds(db: Kysely<DB>, owner: Actor): Promise<number[]> {
  const rows = await scopedProjects(db, owner)
    .select('projects.id')
    .orderBy('projects.total_investment', 'desc')
    .orderBy('projects.id')
    .limit(6)
    .execute();
  return rows.map((r) => r.id);
}

/** Seeds the funding history and the financing list as of the demo's date. */
export async function seedFinancingDemo(db: Kysely<DB>, asOf: string) {
  const fundingEvents = await seedFundingEvents(db, asOf);
  return { fundingEvents, ...(await seedFinancingList(db)) };
}
