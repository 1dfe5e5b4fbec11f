/**
 * Dates of the demo projects (as day numbers): planned and actual start, completion and production, and the day
 * each project started or resumed work in 2020 and 2021 (Daqing's building season opens in March–April).
 */
import { dayOf, randomDay, type Rng } from './daqing.random.ts';
import type { Slot } from './daqing.slots.ts';

export const AS_OF_2021 = '2021-05-20';
export const AS_OF_2020 = '2020-05-20';
export const EVENT_DAY = '2021-04-21';

/** The dates of one project; null where it has not happened by 2021-05-20. */
export interface Schedule {
  plannedStart: number;
  actualStart: number | null;
  plannedCompletion: number;
  actualCompletion: number | null;
  plannedProduction: number | null;
  actualProduction: number | null;
  /** Year the project is planned to be completed. */
  completesIn: number;
  /** Day it started (new) or resumed (continuing) in the year, when by 20 May; 2020 and 2021 lists. */
  start2020: number | null;
  start2021: number | null;
  eventStart: boolean;
}

/** A day between two dates, weighted towards the middle (average of two uniforms). */
function middleDay(rng: Rng, from: string, to: string): number {
  return Math.round((randomDay(rng, from, to) + randomDay(rng, from, to)) / 2);
}

/** The planned completion year of a continuing or new project by its size (万元). */
function completionYear(rng: Rng, slot: Slot): number {
  const t = slot.total;
  if (slot.group === 'N') {
    if (t < 5000) return 2021;
    if (t < 20_000) return rng.chance(0.6) ? 2021 : 2022;
    if (t < 100_000) return rng.chance(0.7) ? 2022 : 2023;
    return rng.chance(0.5) ? 2023 : 2024;
  }
  if (t < 20_000) return rng.chance(0.6) ? 2021 : 2022;
  if (t < 100_000)
    return rng.weighted([
      [2021, 3],
      [2022, 5],
      [2023, 2],
    ] as const);
  return rng.weighted([
    [2022, 4],
    [2023, 4.5],
    [2024, 1.5],
  ] as const);
}

/** A planned completion day in `year`, at least 90 days after the start. */
function completionDay(rng: Rng, year: number, start: number): number {
  const from = Math.max(start + 90, dayOf(year === 2021 ? '2021-09-01' : `${year}-06-30`));
  const to = dayOf(`${year}-11-30`);
  return from <= to ? rng.int(from, to) : rng.int(from, from + 60);
}

/** Draws the schedule of every slot, in slot order. */
export function buildSchedules(rng: Rng, slots: readonly Slot[]): Schedule[] {
  return slots.map((slot) => {
    const s: Schedule = {
      plannedStart: 0,
      actualStart: null,
      plannedCompletion: 0,
      actualCompletion: null,
      plannedProduction: null,
      actualProduction: null,
      completesIn: 0,
      start2020: null,
      start2021: null,
      eventStart: false,
    };
    if (slot.group === 'C' || slot.group === 'O') {
      if (slot.startYear === 2020) {
        s.actualStart = slot.started2020
          ? randomDay(rng, '2020-03-25', '2020-05-19')
          : randomDay(rng, '2020-05-21', slot.group === 'O' ? '2020-07-15' : '2020-09-30');
        s.plannedStart = Math.max(dayOf('2020-03-01'), s.actualStart - rng.int(0, 25));
        s.start2020 = slot.started2020 ? s.actualStart : null;
      } else {
        const year = slot.group === 'O' && rng.chance(0.3) ? 2018 : 2019;
        s.actualStart = randomDay(rng, `${year}-04-10`, `${year}-09-20`);
        s.plannedStart = s.actualStart - rng.int(0, 20);
        s.start2020 = slot.started2020 ? middleDay(rng, '2020-03-20', '2020-05-19') : null;
      }
    }
    if (slot.group === 'C') {
      s.start2021 = slot.started2021 ? middleDay(rng, '2021-03-05', '2021-05-19') : null;
      s.completesIn = completionYear(rng, slot);
      s.plannedCompletion = completionDay(rng, s.completesIn, dayOf('2021-03-01'));
    } else if (slot.group === 'O') {
      const start = s.actualStart ?? 0;
      s.actualCompletion =
        slot.startYear === 2020
          ? randomDay(rng, '2020-08-15', '2020-11-30')
          : randomDay(rng, '2020-06-15', '2020-11-30');
      s.actualCompletion = Math.max(s.actualCompletion, start + 75);
      s.plannedCompletion = Math.max(s.plannedStart + 60, s.actualCompletion + rng.int(-25, 15));
      s.completesIn = 2020;
    } else {
      s.eventStart =
        slot.started2021 === true &&
        (slot.named ? slot.named.eventStart === true : rng.chance(slot.industrial ? 0.55 : 0.12));
      if (slot.started2021) {
        s.actualStart = s.eventStart ? dayOf(EVENT_DAY) : middleDay(rng, '2021-03-15', AS_OF_2021);
        if (!s.eventStart && s.actualStart === dayOf(EVENT_DAY)) s.actualStart += 1;
        s.plannedStart = Math.max(dayOf('2021-03-01'), s.actualStart - rng.int(0, 20));
        s.start2021 = s.actualStart;
      } else {
        s.plannedStart = rng.chance(0.35)
          ? randomDay(rng, '2021-04-01', '2021-05-15')
          : randomDay(rng, '2021-05-25', '2021-09-15');
      }
      s.completesIn = completionYear(rng, slot);
      s.plannedCompletion = completionDay(rng, s.completesIn, s.plannedStart);
    }
    if (slot.named?.plannedCompletion) {
      s.plannedCompletion = dayOf(slot.named.plannedCompletion);
      s.completesIn = Number(slot.named.plannedCompletion.slice(0, 4));
    }
    if (slot.industrial) {
      s.plannedProduction = s.plannedCompletion + rng.int(0, 45);
      if (s.actualCompletion !== null) s.actualProduction = s.actualCompletion + rng.int(0, 30);
    }
    return s;
  });
}
