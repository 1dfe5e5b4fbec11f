import type { zhMap } from './zh.map.ts';

/** The English messages of the dashboard's district map. */
export const enMap: Record<keyof typeof zhMap, string> = {
  'map.figure': 'Colour by',
  'map.figure.startRate': 'Start rate',
  'map.figure.completionRate': 'Investment completion',
  'map.figure.projects': 'Projects',
  'map.figure.warnings': 'Warnings',
  'map.noData': 'No projects',
  'map.zone': 'Zone (no boundary)',
  'map.own': 'Your district',
  'map.tip.projects': '{count} key projects',
  'map.tip.started': '{count} started ({rate})',
  'map.tip.completed': '{amount} 亿元 completed ({rate})',
  'map.tip.warnings': 'Warnings: red {red} · yellow {yellow}',
  'map.tip.click': 'Click to list the projects',
  'map.legend':
    'Dots are projects, larger for more total investment; click a district or zone for its projects, a dot for the project.',
  'map.largestShown': 'Many projects here: the {count} largest by investment are shown; zoom in to see more.',
  'map.reset': 'Reset view',
  'map.unlocated': '{count} projects have no coordinates and are not on the map.',
  'map.noBoundaryAdmin':
    'No district boundaries for this city: projects are shown by their coordinates on a plain background; see the deployment notes to add a boundary file.',
};
