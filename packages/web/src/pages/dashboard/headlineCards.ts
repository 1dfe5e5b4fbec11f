/**
 * The dashboard's headline cards built from the API answer: values, parts, 同比 and what each click opens. Numbers
 * are in the bulletin's style (core figure.format.ts: 1528.2亿元, 77.3%), the exact value behind each on hover.
 */
import {
  exactWanFigure,
  figureRates,
  formatWan,
  parseWan,
  yiFigure,
  type DashboardOutput,
  type DrillMetric,
  type DrillSort,
} from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';
import { absDecimal, diffWan, signOf } from '../../lib/figures.ts';
import type { OnDrill } from './drill.ts';
import type { FigureCardModel, FigureYoy } from './FigureCard.tsx';

/** A 万元 amount in 亿元 as the bulletin writes it (one decimal). */
export function yiText(wan: string): string {
  return yiFigure(wan);
}

/** The exact amount behind a 亿元 figure, for its tooltip: '15,282,012.34万元'. */
function exactWan(wan: string, t: Translate): string {
  return t('dashboard.exact', {
    value: t('dashboard.withUnit', { value: exactWanFigure(wan), unit: t('project.unit.wan') }),
  });
}

function rateText(rate: string | null, t: Translate): string {
  return rate === null ? t('common.none') : `${rate}%`;
}

/** The exact (two-decimal) rate the statistics answer, for the tooltip of the one-decimal one. */
function exactRate(rate: string | null, t: Translate): string {
  return t('dashboard.exact', { value: rateText(rate, t) });
}

/** a − b of two one-decimal rates in percentage points (as printed, like the bulletin's 提高2.2个百分点). */
function pointsBetween(a: string | null, b: string | null): string | null {
  const x = a === null ? null : parseWan(a);
  const y = b === null ? null : parseWan(b);
  return x === null || y === null ? null : formatWan(x - y, 1);
}

function countYoy(diff: number, t: Translate): FigureYoy {
  return { sign: signOf(diff), text: t('dashboard.count', { count: Math.abs(diff) }) };
}

function moneyYoy(diff: string | null, t: Translate): FigureYoy {
  if (diff === null) return { sign: 0, text: '' };
  return {
    sign: signOf(diff),
    text: t('dashboard.withUnit', { value: yiText(absDecimal(diff)), unit: t('project.unit.yi') }),
  };
}

function pointsYoy(diff: string | null, t: Translate): FigureYoy | null {
  if (diff === null) return null;
  return { sign: signOf(diff), text: t('dashboard.points', { points: absDecimal(diff) }) };
}

/** Every headline card, in the order leaders read them. */
export function buildHeadlineCards(data: DashboardOutput, t: Translate, onDrill: OnDrill): FigureCardModel[] {
  const { figures: f, previous: p, yearOnYear: y } = data;
  // `measure`: what a money figure is about, so its list comes ordered by it (完成投资: largest completions first).
  const open = (label: string, metric: DrillMetric, measure?: DrillSort) => () =>
    onDrill({ kind: 'figure', title: label, metric, ...(measure ? { measure } : {}) });
  const part = (label: string, value: number | string, metric?: DrillMetric, exact?: string) => ({
    label,
    value: String(value),
    exact,
    onOpen: metric ? open(label, metric) : undefined,
  });
  const present = (items: (FigureYoy | null)[]) => items.filter((item): item is FigureYoy => item !== null);
  const notStarted = f.projects - f.reserveProjects - f.startedOrResumed;
  const rates = figureRates(f);
  const previousRates = figureRates(p);
  const yi = t('project.unit.yi');

  return [
    {
      id: 'projects',
      label: t('dashboard.fig.projects'),
      value: String(f.projects),
      unit: t('dashboard.unit.projects'),
      exact: String(f.projects),
      onOpen: open(t('dashboard.fig.projects'), 'all'),
      parts: [
        part(t('dashboard.fig.new'), f.newProjects, 'new'),
        part(t('dashboard.fig.continuing'), f.continuingProjects, 'continuing'),
        part(t('dashboard.fig.reserve'), f.reserveProjects, 'reserve'),
      ],
      yoy: [countYoy(y.projects, t)],
    },
    {
      id: 'totalInvestment',
      label: t('dashboard.fig.totalInvestment'),
      value: yiText(f.totalInvestment),
      unit: yi,
      exact: f.totalInvestment,
      exactText: exactWan(f.totalInvestment, t),
      onOpen: open(t('dashboard.fig.totalInvestment'), 'all', 'totalInvestment'),
      parts: [],
      yoy: [moneyYoy(y.totalInvestment, t)],
    },
    {
      id: 'annualPlan',
      label: t('dashboard.fig.annualPlan', { year: data.year }),
      value: yiText(f.annualPlan),
      unit: yi,
      exact: f.annualPlan,
      exactText: exactWan(f.annualPlan, t),
      onOpen: open(t('dashboard.fig.annualPlan', { year: data.year }), 'all', 'annualPlan'),
      parts: [],
      yoy: [moneyYoy(y.annualPlan, t)],
    },
    {
      id: 'startedOrResumed',
      label: t('dashboard.fig.started'),
      value: String(f.startedOrResumed),
      unit: t('dashboard.unit.projects'),
      exact: String(f.startedOrResumed),
      onOpen: open(t('dashboard.fig.started'), 'started'),
      parts: [
        part(t('dashboard.fig.startRate'), rateText(rates.startRate, t), undefined, exactRate(f.startRate, t)),
        part(t('dashboard.fig.startedNew'), f.startedNew, 'startedNew'),
        part(t('dashboard.fig.resumed'), f.resumedContinuing, 'resumedContinuing'),
        part(t('dashboard.fig.notStarted'), notStarted, 'notStarted'),
      ],
      yoy: present([
        countYoy(y.startedOrResumed, t),
        pointsYoy(pointsBetween(rates.startRate, previousRates.startRate), t),
      ]),
    },
    {
      id: 'newStartRate',
      label: t('dashboard.fig.newStartRate'),
      value: rates.newStartRate ?? t('common.none'),
      unit: rates.newStartRate === null ? '' : '%',
      exact: f.newStartRate ?? '',
      exactText: f.newStartRate === null ? undefined : exactRate(f.newStartRate, t),
      onOpen: open(t('dashboard.fig.startedPlannedNew'), 'startedPlannedNew'),
      parts: [
        part(t('dashboard.fig.startedPlannedNew'), f.startedPlannedNew, 'startedPlannedNew'),
        part(t('dashboard.fig.plannedNewStarts'), f.plannedNewStarts, 'plannedNewStarts'),
      ],
      yoy: present([pointsYoy(pointsBetween(rates.newStartRate, previousRates.newStartRate), t)]),
    },
    {
      id: 'completedYtd',
      label: t('dashboard.fig.completed'),
      value: yiText(f.completedYtd),
      unit: yi,
      exact: f.completedYtd,
      exactText: exactWan(f.completedYtd, t),
      onOpen: open(t('dashboard.fig.completed'), 'all', 'completedYtd'),
      parts: [
        part(
          t('dashboard.fig.completionRate'),
          rateText(rates.completionRate, t),
          undefined,
          exactRate(f.completionRate, t),
        ),
        part(t('dashboard.fig.overPlan150'), f.overPlan150, 'overPlan150'),
      ],
      yoy: present([
        moneyYoy(y.completedYtd, t),
        pointsYoy(pointsBetween(rates.completionRate, previousRates.completionRate), t),
      ]),
    },
    {
      id: 'inProduction',
      label: t('dashboard.fig.inProduction'),
      value: String(f.completedInProduction.count),
      unit: t('dashboard.unit.projects'),
      exact: String(f.completedInProduction.count),
      onOpen: open(t('dashboard.fig.inProduction'), 'inProduction'),
      parts: [
        part(
          t('dashboard.fig.ofTotal'),
          t('dashboard.withUnit', { value: yiText(f.completedInProduction.totalInvestment), unit: yi }),
          undefined,
          exactWan(f.completedInProduction.totalInvestment, t),
        ),
      ],
      yoy: [countYoy(f.completedInProduction.count - p.completedInProduction.count, t)],
    },
    {
      id: 'expectedCompletion',
      label: t('dashboard.fig.expected'),
      value: String(f.expectedCompletionByYearEnd.count),
      unit: t('dashboard.unit.projects'),
      exact: String(f.expectedCompletionByYearEnd.count),
      onOpen: open(t('dashboard.fig.expected'), 'expectedCompletion'),
      parts: [
        part(
          t('dashboard.fig.ofTotal'),
          t('dashboard.withUnit', { value: yiText(f.expectedCompletionByYearEnd.totalInvestment), unit: yi }),
          undefined,
          exactWan(f.expectedCompletionByYearEnd.totalInvestment, t),
        ),
      ],
      yoy: [
        countYoy(f.expectedCompletionByYearEnd.count - p.expectedCompletionByYearEnd.count, t),
        moneyYoy(
          diffWan(f.expectedCompletionByYearEnd.totalInvestment, p.expectedCompletionByYearEnd.totalInvestment),
          t,
        ),
      ],
    },
  ];
}
