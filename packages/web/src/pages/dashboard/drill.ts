/** What a click on the dashboard opens: the projects behind a figure or a bar, or the project of a map point. */
import type { DrillDimension, DrillMetric, MapPoint } from '../../api/statsTypes.ts';

export type DrillRequest =
  | {
      kind: 'figure';
      /** The figure and, for a bar, its group: the drawer's title. */
      title: string;
      metric: DrillMetric;
      dimension?: DrillDimension;
      key?: string;
    }
  | { kind: 'point'; title: string; point: MapPoint };

/** Opens a drill-down. */
export type OnDrill = (request: DrillRequest) => void;
