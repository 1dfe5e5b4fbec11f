/**
 * What a dispatch meeting opens with (its generated agenda), as a rule of its own: the projects with red warnings
 * (one item per project, naming each of its warnings, the most red warnings first), then the problems past their
 * clock's end, then the projects with only yellow warnings — each part capped, because a meeting discusses tens of
 * items, not every warning of a city, and a last item says how many warned projects are left to the warnings list.
 */
import { chineseMonthDay } from './bulletin.format.ts';
import { WARNING_RULE_IDS, WARNING_RULE_LABELS, type WarningLevel, type WarningRuleId } from './warning.contract.ts';

/** An active warning a meeting could discuss. */
export interface AgendaWarning {
  id: string;
  level: WarningLevel;
  rule: string;
  text: string;
  projectId: number;
  projectName: string;
}

/** A problem past its clock's end and not closed. */
export interface AgendaProblem {
  id: number;
  title: string;
  dueOn: string;
  unitName: string | null;
  projectId: number;
  projectName: string;
}

/** One proposed item: a project's warnings (the first one linked), an overdue problem, or a closing remark. */
export interface ProposedAgendaItem {
  projectId: number | null;
  projectName: string | null;
  warningId: string | null;
  level: WarningLevel | null;
  problemId: number | null;
  title: string;
}

/** How many items of each part a generated agenda holds; staff add more by hand. */
export const AGENDA_LIMITS = { redProjects: 15, problems: 20, yellowProjects: 10 } as const;

const ruleOrder = (rule: string) => {
  const index = (WARNING_RULE_IDS as readonly string[]).indexOf(rule);
  return index < 0 ? WARNING_RULE_IDS.length : index;
};
const ruleLabel = (rule: string) =>
  (WARNING_RULE_IDS as readonly string[]).includes(rule) ? WARNING_RULE_LABELS[rule as WarningRuleId].zh : rule;

/**
 * The projects with a warning of `level` (those in `skip` left out), each with its warnings — that level's in the
 * rules' order, then its other warnings, so that a red project's item also names its yellow ones — most first.
 */
function projectsWarned(warnings: readonly AgendaWarning[], level: WarningLevel, skip: ReadonlySet<number>) {
  const byProject = new Map<number, AgendaWarning[]>();
  for (const warning of warnings) {
    if (skip.has(warning.projectId)) continue;
    byProject.set(warning.projectId, [...(byProject.get(warning.projectId) ?? []), warning]);
  }
  const rank = (w: AgendaWarning) => (w.level === level ? 0 : WARNING_RULE_IDS.length + 1) + ruleOrder(w.rule);
  const count = (list: readonly AgendaWarning[]) => list.filter((w) => w.level === level).length;
  return [...byProject.values()]
    .filter((list) => count(list) > 0)
    .map((list) => [...list].sort((a, b) => rank(a) - rank(b)))
    .sort((a, b) => count(b) - count(a));
}

function warningItem(list: readonly AgendaWarning[]): ProposedAgendaItem {
  const [first] = list;
  if (!first) throw new Error('a warned project without warnings');
  return {
    projectId: first.projectId,
    projectName: first.projectName,
    warningId: first.id,
    level: first.level,
    problemId: null,
    title: `${first.projectName}：${list.map((w) => `${ruleLabel(w.rule)}，${w.text}`).join('；')}`,
  };
}

/** The generated agenda, in order (the caller numbers it). */
export function composeAgenda(
  warnings: readonly AgendaWarning[],
  problems: readonly AgendaProblem[],
  limits: { redProjects: number; problems: number; yellowProjects: number } = AGENDA_LIMITS,
): ProposedAgendaItem[] {
  const red = projectsWarned(warnings, 'red', new Set());
  const yellow = projectsWarned(warnings, 'yellow', new Set(red.map((list) => list[0]?.projectId ?? -1)));
  const problemItems = problems.slice(0, limits.problems).map((p): ProposedAgendaItem => ({
    projectId: p.projectId,
    projectName: p.projectName,
    warningId: null,
    level: 'red',
    problemId: p.id,
    title:
      `${p.projectName}：${p.title}` +
      `（${p.unitName ? `${p.unitName}，` : ''}应于${chineseMonthDay(p.dueOn)}前解决，已逾期）`,
  }));
  const items = [
    ...red.slice(0, limits.redProjects).map(warningItem),
    ...problemItems,
    ...yellow.slice(0, limits.yellowProjects).map(warningItem),
  ];
  const moreRed = Math.max(0, red.length - limits.redProjects);
  const moreYellow = Math.max(0, yellow.length - limits.yellowProjects);
  const moreProblems = Math.max(0, problems.length - limits.problems);
  if (moreRed + moreYellow + moreProblems > 0) {
    const parts = [
      moreRed > 0 ? `红色预警项目${moreRed}个` : null,
      moreYellow > 0 ? `黄色预警项目${moreYellow}个` : null,
      moreProblems > 0 ? `逾期问题${moreProblems}个` : null,
    ].filter((part): part is string => part !== null);
    items.push({
      projectId: null,
      projectName: null,
      warningId: null,
      level: null,
      problemId: null,
      title: `其余${parts.join('、')}未列入议程，见预警清单和问题清单`,
    });
  }
  return items;
}
