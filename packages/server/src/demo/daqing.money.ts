/**
 * The demo's money flows: investment completed in whole years before 2021, the 2020 and 2021 annual plans, and
 * the investment completed from January to 20 May of each year. Plans and year figures are integer 万元;
 * January–May figures integer hundredths of 万元 (0.01万 = 100元). Totals are fitted to the seed's figures.
 */
import { at, dayOf, fitToTotal, roundWan, type Rng } from './daqing.random.ts';
import { AS_OF_2020, AS_OF_2021, type Schedule } from './daqing.schedule.ts';
import type { Slot } from './daqing.slots.ts';

/** 2021 annual plan, 577.5亿 (万元). */
export const PLAN_2021_WAN = 5_775_000;
/** 2020 annual plan, 531.6亿 (万元). */
export const PLAN_2020_WAN = 5_316_000;
/** Completed 1 January – 20 May 2021, 94.5亿 (0.01万元). */
export const YTD_2021_CENTIWAN = 94_500_000;
/** Completed 1 January – 20 May 2020, 85.6亿 (0.01万元). */
export const YTD_2020_CENTIWAN = 85_600_000;

/** Money of one project. */
export interface Flows {
  /** Completed per whole year before 2021 (万元). */
  completed: Map<number, number>;
  plan2020: number | null;
  plan2021: number | null;
  /** Completed January–May (up to the 20th) per month, 0.01万元. */
  months2020: number[] | null;
  months2021: number[] | null;
}

/** Splits an amount over January–May in proportion to the days worked in each month since `start`. */
export function splitByMonth(amount: number, start: number, asOf: string): number[] {
  const year = asOf.slice(0, 4);
  const end = dayOf(asOf);
  const weights = [1, 2, 3, 4, 5].map((m) => {
    const first = dayOf(`${year}-${String(m).padStart(2, '0')}-01`);
    const last = m === 5 ? end : dayOf(`${year}-${String(m + 1).padStart(2, '0')}-01`) - 1;
    return Math.max(0, Math.min(last, end) - Math.max(first, start) + 1);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('start after the reporting date');
  const shares = weights.map((w) => Math.floor((amount * w) / sum));
  const lastWorked = weights.reduce((found, w, i) => (w > 0 ? i : found), 0);
  shares[lastWorked] = (shares[lastWorked] ?? 0) + amount - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** Computes every project's money so that the plan and completion totals match the seed exactly. */
export function buildFlows(rng: Rng, slots: readonly Slot[], schedules: readonly Schedule[]): Flows[] {
  const flows: Flows[] = slots.map(() => ({
    completed: new Map(),
    plan2020: null,
    plan2021: null,
    months2020: null,
    months2021: null,
  }));
  const prior = (i: number, before: number): number => {
    let sum = 0;
    for (const [year, amount] of at(flows, i).completed) if (year < before) sum += amount;
    return sum;
  };

  // Continuing-in-2021 projects: 2019 work, the 2020 plan and what was done against it.
  slots.forEach((slot, i) => {
    if (slot.group !== 'C') return;
    const f = at(flows, i);
    if (slot.startYear === 2019) f.completed.set(2019, roundWan(slot.total * rng.between(0.12, 0.35)));
    const left = slot.total - prior(i, 2020);
    const raw = slot.startYear === 2019 ? left * rng.between(0.3, 0.55) : slot.total * rng.between(0.2, 0.45);
    f.plan2020 = Math.max(10, Math.min(roundWan(raw), Math.floor(left * 0.8)));
    const cap = left - Math.ceil(slot.total * 0.12);
    f.completed.set(2020, Math.max(10, Math.min(cap, roundWan(f.plan2020 * rng.between(0.85, 1.08)))));
  });

  // Projects finished in 2020: their 2020 plan is what was left, and the 2020 plan total is fixed, so what the
  // older ones had done before 2020 is fitted.
  const cPlans = slots.reduce((sum, s, i) => sum + (s.group === 'C' ? (at(flows, i).plan2020 ?? 0) : 0), 0);
  const newIn2020 = slots.reduce((sum, s) => sum + (s.group === 'O' && s.startYear === 2020 ? s.total : 0), 0);
  const older = slots.flatMap((s, i) => (s.group === 'O' && s.startYear === 2019 ? [i] : []));
  const olderTotal = older.reduce((sum, i) => sum + at(slots, i).total, 0);
  const before = fitToTotal(
    older.map((i) => {
      const t = at(slots, i).total;
      return { value: t * rng.between(0.4, 0.75), min: Math.round(t * 0.25), max: Math.round(t * 0.9) };
    }),
    olderTotal - (PLAN_2020_WAN - cPlans - newIn2020),
    roundWan,
  );
  older.forEach((i, k) => {
    const done = at(before, k);
    const startedIn2018 = new Date((at(schedules, i).actualStart ?? 0) * 86_400_000).getUTCFullYear() === 2018;
    const in2018 = startedIn2018 ? roundWan(done * rng.between(0.3, 0.55)) : 0;
    if (in2018 > 0) at(flows, i).completed.set(2018, in2018);
    at(flows, i).completed.set(2019, done - in2018);
  });
  slots.forEach((slot, i) => {
    if (slot.group !== 'O') return;
    const f = at(flows, i);
    f.plan2020 = slot.total - prior(i, 2020);
    f.completed.set(2020, f.plan2020);
  });

  // 2021 plans of continuing and new projects, fitted to the 2021 plan total.
  const list2021 = slots.flatMap((s, i) => (s.group === 'O' ? [] : [i]));
  const plans2021 = fitToTotal(
    list2021.map((i) => {
      const slot = at(slots, i);
      const sched = at(schedules, i);
      const room = slot.total - prior(i, 2021);
      const share =
        sched.completesIn === 2021
          ? rng.between(0.8, 1)
          : sched.completesIn === 2022
            ? rng.between(0.4, 0.7)
            : rng.between(0.2, 0.45);
      const late = slot.group === 'N' && !slot.started2021 ? 0.85 : 1;
      return { value: room * share * late, min: Math.min(room, 50), max: room };
    }),
    PLAN_2021_WAN,
    roundWan,
  );
  list2021.forEach((i, k) => (at(flows, i).plan2021 = at(plans2021, k)));

  // January – 20 May: only projects started (or resumed) by then complete anything, never above the plan.
  fitMonths(rng, slots, schedules, flows, 2021);
  fitMonths(rng, slots, schedules, flows, 2020);
  return flows;
}

function fitMonths(
  rng: Rng,
  slots: readonly Slot[],
  schedules: readonly Schedule[],
  flows: Flows[],
  year: 2020 | 2021,
): void {
  const asOf = year === 2021 ? AS_OF_2021 : AS_OF_2020;
  const startOf = (i: number) => (year === 2021 ? at(schedules, i).start2021 : at(schedules, i).start2020);
  const started = slots.flatMap((_, i) => (startOf(i) !== null ? [i] : []));
  const amounts = fitToTotal(
    started.map((i) => {
      const f = at(flows, i);
      const plan = (year === 2021 ? f.plan2021 : f.plan2020) ?? 0;
      const cap = year === 2021 ? plan : Math.min(plan, f.completed.get(2020) ?? 0);
      const days = dayOf(asOf) - (startOf(i) ?? 0) + 1;
      return {
        value: cap * 100 * 0.45 * (days / 80) * rng.between(0.5, 1.5),
        min: Math.min(100, cap * 100),
        max: cap * 100,
      };
    }),
    year === 2021 ? YTD_2021_CENTIWAN : YTD_2020_CENTIWAN,
    Math.round,
  );
  started.forEach((i, k) => {
    const months = splitByMonth(at(amounts, k), startOf(i) ?? 0, asOf);
    if (year === 2021) at(flows, i).months2021 = months;
    else at(flows, i).months2020 = months;
  });
  slots.forEach((slot, i) => {
    const f = at(flows, i);
    const onList = year === 2021 ? slot.group !== 'O' : slot.group !== 'N';
    if (onList && startOf(i) === null) {
      if (year === 2021) f.months2021 = [0, 0, 0, 0, 0];
      else f.months2020 = [0, 0, 0, 0, 0];
    }
  });
}
