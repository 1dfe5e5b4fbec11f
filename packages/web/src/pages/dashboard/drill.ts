/** What a click on the dashboard opens: the projects behind a figure or a bar, or the project of a map point. */
import type { StatDimension, DrillMetric, MapPointOutput } from '@keyprojects/core';

export type DrillRequest =
  | {
      kind: 'figure';
      /** The figure and, for a bar, its group: the drawer's title. */
      title: string;
      metric: DrillMetric;
      dimension?: StatDimension;
      key?: string;
    }
  | { kind: 'point'; title: string; point: MapPointOutput };

/** Opens a drill-down. */
export type OnDrill = (request: DrillRequest) => void;
