/**
 * The groundbreaking events' summary sentence in the style of Chengdu's 2019 report (seed 001): "截至目前，已承办
 * 省级集中开工1次，举办全市特别重大项目集中开工2次、分行业重大项目集中开工7次、产业功能区重大项目集中开工18次，开工
 * 项目1297个，总投资11116.2亿元" — events counted by level, the projects in them and their total investment.
 */
import { formatYi, sumFen, type Fen } from './money.ts';
import { GROUNDBREAKING_LEVELS, type GroundbreakingLevelCode } from './event.contract.ts';

/** An event as the summary counts it: its level and its projects' total investments. */
export interface EventFacts {
  level: GroundbreakingLevelCode;
  projectInvestments: readonly Fen[];
}

export interface EventSummary {
  byLevel: Record<GroundbreakingLevelCode, number>;
  projects: number;
  totalInvestment: Fen;
  text: string;
}

/** Counts the events by level and their projects, and writes the sentence (亿元 with one decimal). */
export function summarizeEvents(events: readonly EventFacts[]): EventSummary {
  const byLevel = Object.fromEntries(GROUNDBREAKING_LEVELS.map((l) => [l, 0])) as Record<
    GroundbreakingLevelCode,
    number
  >;
  for (const event of events) byLevel[event.level] += 1;
  const investments = events.flatMap((e) => e.projectInvestments);
  const totalInvestment = sumFen(investments);
  // As the seed writes it: the provincial events hosted, then the city's own by kind, leaving out kinds not held.
  const hosted = byLevel.provincial > 0 ? `已承办省级集中开工${byLevel.provincial}次，` : '';
  const held = (
    [
      ['全市重大项目集中开工', byLevel.city],
      ['分行业重大项目集中开工', byLevel.industry],
      ['产业功能区重大项目集中开工', byLevel.function_zone],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind}${count}次`)
    .join('、');
  const text =
    events.length === 0
      ? '截至目前，尚未举办集中开工活动'
      : `截至目前，${hosted}${held ? `举办${held}，` : ''}` +
        `开工项目${investments.length}个，总投资${formatYi(totalInvestment, 1)}亿元`;
  return { byLevel, projects: investments.length, totalInvestment, text };
}
