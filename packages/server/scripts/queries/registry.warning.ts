/**
 * The query snapshots' registry for warnings: the snapshot loader, the stored warnings and their writes, the
 * presets, and the list, project and dashboard reads per kind of actor (see registry.ts).
 */
import * as warningList from '../../src/modules/warning/warning-list.repository.ts';
import * as warning from '../../src/modules/warning/warning.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { AS_OF, CITY, DISTRICT, IDS } from './examples.ts';
import { perScope, pure } from './registry.shared.ts';

const listQuery = {
  page: 1,
  pageSize: 20,
  status: 'active',
  regionCode: DISTRICT,
  rule: 'start_overdue',
  level: 'red',
  q: '示例',
  raisedFrom: '2021-01-01',
  raisedTo: AS_OF,
} as const;

const write = {
  projectId: IDS.project,
  regionCode: DISTRICT,
  rule: 'start_overdue',
  presetId: 'yinchuan',
  ruleVersion: 1,
  level: 'yellow',
  figures: { plannedStartDate: '2021-03-01', monthsMissed: 1 },
  text: '计划2021年3月1日开工，截至2021年4月30日仍未开工，已连续1个月未按计划开工',
} as const;

/** The registry entries of the warning module. */
export const WARNING_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/warning/warning.repository.ts',
    module: warning,
    examples: {
      regionReader: pure,
      loadWarningSnapshots: [example(warning.loadWarningSnapshots, CITY, AS_OF)],
      activeWarnings: [example(warning.activeWarnings, CITY)],
      insertWarnings: [example(warning.insertWarnings, [write], AS_OF)],
      confirmWarnings: [example(warning.confirmWarnings, [{ id: 1n, warning: { ...write, level: 'red' } }], AS_OF)],
      clearWarnings: [example(warning.clearWarnings, [1n], AS_OF)],
      regionPresets: [example(warning.regionPresets)],
      setRegionPreset: [example(warning.setRegionPreset, DISTRICT, 'sanya', IDS.cityAdmin)],
      storedPresets: [example(warning.storedPresets)],
      insertPreset: [example(warning.insertPreset, { id: 'custom', version: 1, definition: {} }, IDS.cityAdmin)],
      provinceCodes: [example(warning.provinceCodes)],
    },
  },
  {
    file: 'modules/warning/warning-list.repository.ts',
    module: warningList,
    examples: {
      listWarnings: perScope(warningList.listWarnings, listQuery),
      exportWarningRows: perScope(warningList.exportWarningRows, listQuery, 100_000),
      projectWarningRows: perScope(warningList.projectWarningRows, IDS.project),
      warningCounts: perScope(warningList.warningCounts, DISTRICT),
      warningsActiveOn: perScope(warningList.warningsActiveOn, AS_OF, DISTRICT),
    },
  },
];
