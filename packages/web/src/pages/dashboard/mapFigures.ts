/**
 * What colours the district map: the figures a district can be compared by, their value per district from the
 * dashboard's region breakdown (or the warning summary), and the colour scale they are drawn with.
 */
import type { BreakdownRowOutput, FiguresOutput, WarningLevelCounts } from '@keyprojects/core';

export const MAP_FIGURES = ['startRate', 'completionRate', 'projects', 'warnings'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];

/** A district's figures and active warnings, either missing when it has none in scope. */
export interface DistrictData {
  figures?: FiguresOutput | undefined;
  warnings?: WarningLevelCounts | undefined;
}

/** Each district's data by region code. */
export function districtData(
  rows: readonly BreakdownRowOutput[],
  warnings: readonly (WarningLevelCounts & { regionCode: string })[] | undefined,
): Map<string, DistrictData> {
  const data = new Map<string, DistrictData>();
  for (const row of rows) data.set(row.key, { figures: row.figures });
  for (const counts of warnings ?? []) {
    data.set(counts.regionCode, { ...data.get(counts.regionCode), warnings: counts });
  }
  return data;
}

/** A district's value of the figure; null when it has no projects (drawn as "no data", not as zero). */
export function figureValue(figure: MapFigure, data: DistrictData | undefined): number | null {
  const figures = data?.figures;
  switch (figure) {
    case 'startRate':
      return figures?.startRate == null ? null : Number(figures.startRate);
    case 'completionRate':
      return figures?.completionRate == null ? null : Number(figures.completionRate);
    case 'projects':
      return figures ? figures.projects : null;
    case 'warnings':
      return data?.warnings ? data.warnings.total : figures ? 0 : null;
  }
}

// Sequential palettes that stay apart from the dots' green, blue and orange: violet for progress, red for warnings.
const PROGRESS: [string, string] = ['#f1ecf9', '#6d4bb0'];
const ALARM: [string, string] = ['#fff1f0', '#cf1322'];

/**
 * The scale's ends and colours, over the districts' own range so that their differences show (rates of one city
 * usually lie within twenty points): rates widened to whole tens, counts from zero to the largest district.
 */
export function figureScale(
  figure: MapFigure,
  values: readonly (number | null)[],
): { min: number; max: number; colors: [string, string] } {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const largest = Math.max(1, ...present);
  switch (figure) {
    case 'startRate':
    case 'completionRate': {
      if (present.length === 0) return { min: 0, max: 100, colors: PROGRESS };
      const min = Math.floor(Math.min(...present) / 10) * 10;
      const max = Math.max(min + 10, Math.ceil(Math.max(...present) / 10) * 10);
      return { min, max, colors: PROGRESS };
    }
    case 'projects':
      return { min: 0, max: largest, colors: PROGRESS };
    case 'warnings':
      return { min: 0, max: largest, colors: ALARM };
  }
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of a value on the scale, as ECharts' continuous visual map draws it (linear in RGB). */
export function scaleColor(value: number, scale: { min: number; max: number; colors: [string, string] }): string {
  const share = scale.max > scale.min ? Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min))) : 0;
  const [from, to] = [channels(scale.colors[0]), channels(scale.colors[1])];
  const mixed = from.map((c, i) => Math.round(c + ((to[i] ?? c) - c) * share));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A scale's end as the legend shows it: rates as whole percentages, counts as they are. */
export function formatFigure(figure: MapFigure, value: number): string {
  return figure === 'startRate' || figure === 'completionRate' ? `${Math.round(value)}%` : String(Math.round(value));
}
