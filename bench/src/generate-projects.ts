/**
 * Synthetic projects for benchmarks: `count` projects spread over a city's districts with plausible sizes
 * and plans, inserted in bulk straight into the tables (the API path is what is measured, not the load).
 */
import type { Kysely } from 'kysely';
import { creditCodeCheckChar } from '@keyprojects/core';
import type { DB } from '../../packages/server/src/db/schema.ts';

const DISTRICTS = ['230602', '230603', '230604', '230605', '230606', '230621', '230622', '230623', '230624', '230671'];
const CATEGORIES = ['industry', 'infrastructure', 'social', 'ecology'] as const;
const NATURES = ['new', 'continuing'] as const;

/** A small deterministic PRNG so every run generates the same data. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateProjects(db: Kysely<DB>, count: number, year = 2021): Promise<void> {
  const random = prng(42);
  const owners = await db
    .insertInto('organizations')
    .values(
      Array.from({ length: 200 }, (_, i) => {
        const first17 = `91230600B${String(i).padStart(8, '0')}`;
        return {
          kind: 'owner',
          name: `基准测试业主${i}有限公司`,
          credit_code: `${first17}${creditCodeCheckChar(first17) ?? '0'}`,
          region_code: DISTRICTS[i % DISTRICTS.length] ?? '230602',
        };
      }),
    )
    .returning('id')
    .execute();
  for (let offset = 0; offset < count; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - offset) }, (_, i) => {
      const n = offset + i;
      const region = DISTRICTS[Math.floor(random() * DISTRICTS.length)] ?? '230602';
      const total = BigInt(Math.round(500 + random() ** 3 * 500_000)) * 1_000_000n;
      return {
        code: `21${String(1 + (n % 12)).padStart(2, '0')}-${region}-04-01-${String(n).padStart(6, '0')}`,
        name: `基准项目${n}号${['厂房', '道路', '学校', '管网'][n % 4] ?? ''}建设工程`,
        owner_org_id: owners[n % owners.length]?.id ?? 1,
        region_code: region,
        levels: [n % 10 === 0 ? 'provincial' : 'municipal'] as ('provincial' | 'municipal')[],
        category: CATEGORIES[n % CATEGORIES.length] ?? 'industry',
        nature: NATURES[n % 2] ?? 'new',
        total_investment: total,
        stage: 'construction',
        tags: [],
        in_statistics: true,
        planned_start_date: `${year}-0${1 + (n % 9)}-15`,
      };
    });
    const inserted = await db.insertInto('projects').values(rows).returning(['id', 'total_investment']).execute();
    await db
      .insertInto('annual_plans')
      .values(
        inserted.map((p, i) => ({
          project_id: p.id,
          year,
          planned_investment: p.total_investment / 3n,
          nature: rows[i]?.nature ?? 'new',
          planned_new_start: rows[i]?.nature === 'new',
        })),
      )
      .execute();
  }
}
