import { describe, expect, it } from 'vitest';
import type { BoundaryOutput, FiguresOutput, MapPointOutput, MapRegionOutput } from '@keyprojects/core';
import { districtData, figureScale, figureValue, scaleColor } from './mapFigures.ts';
import { buildMapOption, mapMarkers, type MapOptionInput } from './mapOption.ts';

const square = (x: number): [number, number][][] => [
  [
    [x, 46],
    [x + 0.2, 46],
    [x + 0.2, 46.2],
    [x, 46],
  ],
];
const BOUNDARY: BoundaryOutput = {
  city: { code: '230600', name: '大庆市' },
  ownRegionCode: null,
  map: {
    type: 'FeatureCollection',
    features: ['230602', '230603'].map((code, i) => ({
      type: 'Feature' as const,
      properties: { code, name: code },
      geometry: { type: 'Polygon' as const, coordinates: square(125 + i) },
    })),
  },
  regions: [
    { code: '230602', name: '萨尔图区', hasBoundary: true, centre: [125.1, 46.1] },
    { code: '230603', name: '龙凤区', hasBoundary: true, centre: [126.1, 46.1] },
    { code: '230624', name: '杜尔伯特蒙古族自治县', hasBoundary: false, centre: null },
    { code: '230671', name: '大庆高新技术产业开发区', hasBoundary: false, centre: [125.1, 46.53] },
  ],
};
const point = (id: number, regionCode: string, longitude: number, latitude: number): MapPointOutput => ({
  id,
  name: `项目${id}`,
  regionCode,
  longitude,
  latitude,
  totalInvestment: '10000',
  state: 'started',
});
const POINTS = [point(1, '230602', 125.05, 46.05), point(2, '230624', 124.4, 46.8), point(3, '230624', 124.6, 46.9)];
// The districts' located projects as the dashboard gives them: count and mean position.
const REGIONS: MapRegionOutput[] = [
  { regionCode: '230602', located: 1, longitude: 125.05, latitude: 46.05 },
  { regionCode: '230624', located: 2, longitude: 124.5, latitude: 46.85 },
];
const figures = (projects: number, startRate: string | null): FiguresOutput =>
  ({ projects, startRate, completionRate: '40.00' }) as FiguresOutput;
const DATA = districtData(
  [
    { key: '230602', figures: figures(10, '80.00') },
    { key: '230671', figures: figures(4, '50.00') },
  ],
  [{ regionCode: '230602', red: 1, yellow: 2, total: 3 }],
);

/** The option's label layer (the last series). */
function labelLayer(option: ReturnType<typeof buildMapOption>['option']) {
  const series = option.series as { silent?: boolean; data: { name: string; label?: unknown }[] }[];
  const layer = series.at(-1);
  if (!layer) throw new Error('no series');
  return layer;
}

function input(overrides: Partial<MapOptionInput> = {}): MapOptionInput {
  return {
    boundary: BOUNDARY,
    mapName: 'city-230600',
    data: DATA,
    figure: 'startRate',
    layers: [{ name: '已开（复）工', color: '#1d4ed8', points: POINTS }],
    regions: REGIONS,
    view: null,
    compact: false,
    text: { figureName: '开复工率', noData: '无项目', regionTooltip: (code) => code, pointTooltip: (p) => p.name },
    ...overrides,
  };
}

describe('the district map', () => {
  it('colours each district by the chosen figure, leaving a district without projects as no data', () => {
    const { option, series } = buildMapOption(input());
    const [areas] = option.series as { type: string; data: { name: string; value: number }[] }[];
    expect(areas?.type).toBe('map');
    expect(areas?.data).toEqual([
      { name: '230602', value: 80 },
      { name: '230603', value: Number.NaN },
    ]);
    expect(series.map((s) => s.kind)).toEqual(['areas', 'markers', 'dots', 'labels']);
    const projects = buildMapOption(input({ figure: 'projects' })).option.series as { data: { value: number }[] }[];
    expect(projects[0]?.data[0]?.value).toBe(10);
    expect(figureValue('warnings', DATA.get('230602'))).toBe(3);
    expect(figureValue('warnings', DATA.get('230671'))).toBe(0);
  });

  it('marks zones without an area at their configured centre, else at the mean of their located projects', () => {
    const markers = mapMarkers(BOUNDARY, REGIONS, true);
    expect(markers.map((m) => [m.code, m.label])).toEqual([
      ['230624', '杜尔伯特县'],
      ['230671', '高新区'],
    ]);
    expect(markers[0]?.position[0]).toBeCloseTo(124.5);
    expect(markers[0]?.position[1]).toBeCloseTo(46.85);
    expect(markers[1]?.position).toEqual([125.1, 46.53]);
  });

  it('draws pins and dots on hidden axes when the city has no boundary data', () => {
    const plain = buildMapOption(input({ boundary: { ...BOUNDARY, map: null }, mapName: null }));
    expect(plain.option.geo).toBeUndefined();
    expect(plain.option.xAxis).toMatchObject({ show: false });
    const [pins] = plain.series;
    expect(pins?.kind === 'markers' && pins.markers.map((m) => m.code)).toEqual(['230602', '230624']);
  });

  it('outlines a district user’s own district', () => {
    const { option } = buildMapOption(input({ boundary: { ...BOUNDARY, ownRegionCode: '230602' } }));
    expect(option.geo).toMatchObject({ regions: [{ name: '230602', itemStyle: { borderWidth: 2.5 } }] });
  });

  it('moves an area’s label up when a zone’s pin sits on it', () => {
    const regions = BOUNDARY.regions.map((r) =>
      r.code === '230603' ? { ...r, centre: [125.12, 46.55] as [number, number] } : r,
    );
    const { option } = buildMapOption(input({ boundary: { ...BOUNDARY, regions } }));
    expect(labelLayer(option).data).toContainEqual(
      expect.objectContaining({ name: '230603', label: { offset: [0, -14] } }),
    );
  });

  it('names the areas on a layer that hides overlapping names, the own district and the busiest first', () => {
    const { option } = buildMapOption(input({ boundary: { ...BOUNDARY, ownRegionCode: '230603' } }));
    const layer = labelLayer(option);
    expect(layer).toMatchObject({ silent: true, labelLayout: { hideOverlap: true } });
    expect(layer.data.map((d) => d.name)).toEqual(['230603', '230602']);
    expect(buildMapOption(input()).option.geo).toMatchObject({ label: { show: false } });
  });

  it('keeps the reader’s zoom and pan, and lets a phone zoom without trapping the page’s scroll', () => {
    const view = { center: [125.1, 46.4] as [number, number], zoom: 3 };
    expect(buildMapOption(input({ view })).option.geo).toMatchObject({ roam: true, center: [125.1, 46.4], zoom: 3 });
    expect(buildMapOption(input({ compact: true })).option.geo).toMatchObject({ roam: 'scale' });
    expect(buildMapOption(input()).option.geo).not.toHaveProperty('zoom');
  });

  it('scales rates over the districts’ range in whole tens, and counts up to the largest district', () => {
    expect(figureScale('completionRate', [62.5, 78.1, null])).toMatchObject({ min: 60, max: 80 });
    expect(figureScale('startRate', [70, 70])).toMatchObject({ min: 70, max: 80 });
    expect(figureScale('startRate', [])).toMatchObject({ min: 0, max: 100 });
    expect(figureScale('projects', [3, null, 12])).toMatchObject({ min: 0, max: 12 });
    const scale = figureScale('warnings', [4]);
    expect(scaleColor(0, scale)).toBe('#fff1f0');
    expect(scaleColor(4, scale)).toBe('#cf1322');
  });
});
