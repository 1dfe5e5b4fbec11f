/**
 * The two ranking schemes shipped (DOMAIN.md "Keeping projects moving"), as versioned configuration that a city
 * copies and edits (a changed formula is a new version; a published ranking keeps the version it was made with).
 *
 * Yan'an (延安) adds points per project and per district: each new start +5, continuing +2; the annual plan's size
 * (≥10亿 20, 5–10亿 10, 1–5亿 6, <1亿 3); industrial 15, livelihood 8, basic (infrastructure) 6; progress 60 ×
 * completed / plan; a provincial project +20; put into production +20; organising a 集中开工 +30; criticism from above
 * −5 to −20. Henan's 四比四看 compares the districts quarterly on four comparisons of 25 points each, each scored
 * against the best district (`relative`) or as a share of the full points (`proportional` for rates of 0–1).
 *
 * Departments (部门赛马) are the city's responsible units (责任单位), ranked monthly on what DOMAIN.md judges them by:
 * problems assigned to them closed on time, the projects they lead (a project's 责任单位) started and completing
 * their plan, those projects' reports filed on time, and the fewest warnings outstanding on them.
 */
import { rankingSchemeSchema, type RankingScheme, type RankingSchemeInput } from './ranking.contract.ts';

const YANAN: RankingSchemeInput = {
  id: 'yanan',
  name: '延安市重点项目赛马积分',
  version: 1,
  unitKind: 'district',
  period: 'month',
  terms: [
    { indicator: 'project_start', formula: { kind: 'by_value', points: { new_started: 5, continuing: 2 } } },
    {
      indicator: 'plan_scale',
      formula: {
        kind: 'tiers',
        tiers: [
          { atLeastYi: '10', points: 20 },
          { atLeastYi: '5', points: 10 },
          { atLeastYi: '1', points: 6 },
        ],
        otherwise: 3,
      },
    },
    {
      indicator: 'project_category',
      formula: { kind: 'by_value', points: { industry: 15, social: 8, infrastructure: 6 } },
    },
    { indicator: 'plan_progress', formula: { kind: 'proportional', points: 60, cap: 1 } },
    { indicator: 'provincial_project', formula: { kind: 'flag', points: 20 } },
    { indicator: 'into_production', formula: { kind: 'flag', points: 20 } },
    { indicator: 'events_organised', formula: { kind: 'per_item', points: 30 } },
    { indicator: 'criticism', formula: { kind: 'adjustment', min: -20, max: -5 } },
  ],
};

const HENAN: RankingSchemeInput = {
  id: 'henan',
  name: '河南省重点项目“四比四看”',
  version: 1,
  unitKind: 'district',
  period: 'quarter',
  terms: [
    { indicator: 'reserve_growth', group: '比谋划看储备', formula: { kind: 'relative', points: 25 } },
    { indicator: 'attraction_signed', group: '比招引看投资', formula: { kind: 'relative', points: 25 } },
    { indicator: 'start_resume_rate', group: '比开工看进度', formula: { kind: 'relative', points: 15 } },
    { indicator: 'completion_rate', group: '比开工看进度', formula: { kind: 'relative', points: 10 } },
    { indicator: 'problems_closed_on_time', group: '比服务看实效', formula: { kind: 'proportional', points: 15 } },
    { indicator: 'reports_on_time', group: '比服务看实效', formula: { kind: 'proportional', points: 10 } },
  ],
};

const DEPARTMENTS: RankingSchemeInput = {
  id: 'departments',
  name: '市直部门重点项目赛马',
  version: 1,
  unitKind: 'department',
  period: 'month',
  terms: [
    { indicator: 'problems_closed_on_time', group: '问题办结', formula: { kind: 'proportional', points: 30 } },
    { indicator: 'start_resume_rate', group: '牵头项目', formula: { kind: 'proportional', points: 20 } },
    { indicator: 'completion_rate', group: '牵头项目', formula: { kind: 'relative', points: 20 } },
    { indicator: 'reports_on_time', group: '牵头项目', formula: { kind: 'proportional', points: 15 } },
    {
      indicator: 'warnings_outstanding',
      group: '牵头项目',
      formula: { kind: 'relative', points: 15, better: 'lower' },
    },
  ],
};

/** The shipped schemes, parsed by the contract (a preset that broke it would fail at load, and in the tests). */
export const RANKING_PRESETS: Readonly<Record<'yanan' | 'henan' | 'departments', RankingScheme>> = {
  yanan: rankingSchemeSchema.parse(YANAN),
  henan: rankingSchemeSchema.parse(HENAN),
  departments: rankingSchemeSchema.parse(DEPARTMENTS),
};
