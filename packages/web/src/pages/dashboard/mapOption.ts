/**
 * The district map's ECharts option, built from plain data so that a test can read it: the city's districts as a
 * choropleth of the chosen figure (geo + map series + visual map) that the reader may zoom and pan, their names on
 * a label layer that hides a label overlapping another (the dense urban core at the city's scale), districts and
 * zones without an area as labelled pins (at their configured centre, else the mean of their located projects),
 * and the projects as dots on top. Without boundary data the same pins and dots stand on hidden axes.
 */
import type { ScatterSeriesOption } from 'echarts/charts';
import {
  regionMapLabel,
  regionNameStem,
  type BoundaryOutput,
  type LngLat,
  type MapPointOutput,
  type MapRegionOutput,
} from '@keyprojects/core';
import type { GeoChartOption } from '../../components/charts/GeoChart.tsx';
import { yiNumber } from '../../lib/figures.ts';
import { figureScale, figureValue, formatFigure, scaleColor, type DistrictData, type MapFigure } from './mapFigures.ts';

/** One layer of project dots (a state, or a warning level) with its legend name and colour. */
export interface MapLayer {
  name: string;
  color: string;
  points: readonly MapPointOutput[];
}

/** A labelled pin: a district or zone without an area on the map. */
export interface MapMarker {
  code: string;
  label: string;
  position: LngLat;
}

/** Where the reader has zoomed and panned the map to: the geo's centre (longitude, latitude) and zoom. */
export interface MapView {
  center: LngLat;
  zoom: number;
}

export interface MapOptionInput {
  boundary: BoundaryOutput;
  /** The name the city's districts are registered under with ECharts; null draws no areas. */
  mapName: string | null;
  data: ReadonlyMap<string, DistrictData>;
  figure: MapFigure;
  layers: readonly MapLayer[];
  /** The districts' located projects, for the pins' fallback positions. */
  regions: readonly MapRegionOutput[];
  /** The zoomed and panned view; null: the whole city. */
  view: MapView | null;
  compact: boolean;
  text: {
    figureName: string;
    noData: string;
    /** The tooltip (HTML, escaped) of a district or zone by code. */
    regionTooltip: (code: string) => string;
    pointTooltip: (point: MapPointOutput, layer: string) => string;
  };
}

/** The option and what each series is, for the click handler. */
export interface MapOption {
  option: GeoChartOption;
  series: readonly (
    | { kind: 'areas' }
    | { kind: 'markers'; markers: MapMarker[] }
    | { kind: 'dots'; layer: MapLayer }
    | { kind: 'labels'; codes: string[] }
  )[];
}

const AREA_EMPTY = '#f1f3f6';
const BORDER = '#ffffff';
const OWN_BORDER = '#0f172a';

/** A dot's size grows with the square root of its total investment. */
function dotSize(point: MapPointOutput, compact: boolean): number {
  return Math.min(compact ? 12 : 16, (compact ? 3 : 4) + Math.sqrt(yiNumber(point.totalInvestment)) * 1.5);
}

/** The pins: regions without an area, where a centre is configured or located projects give one. */
export function mapMarkers(
  boundary: BoundaryOutput,
  regions: readonly MapRegionOutput[],
  withAreas: boolean,
): MapMarker[] {
  const cityName = boundary.city?.name ?? '';
  const located = new Map(regions.map((r) => [r.regionCode, [r.longitude, r.latitude] satisfies LngLat]));
  return boundary.regions.flatMap((region) => {
    if (withAreas && region.hasBoundary) return [];
    const position = (withAreas ? region.centre : null) ?? located.get(region.code);
    return position ? [{ code: region.code, label: regionMapLabel(region.name, cityName), position }] : [];
  });
}

/** Within this many degrees of a pin, an area's label would sit under the pin's: it moves up a line. */
const CROWDED = 0.08;

/** An area's name on the label layer: where it stands, and whether it is the user's own or sits by a pin. */
interface AreaLabel {
  code: string;
  position: LngLat;
  own: boolean;
  crowded: boolean;
}

/**
 * The areas' names, at each area's label point: first the user's own district, then the districts with the most
 * projects in scope (of two overlapping names the earlier stays; zooming in shows the other).
 */
function areaLabels(
  boundary: BoundaryOutput,
  markers: readonly MapMarker[],
  data: ReadonlyMap<string, DistrictData>,
): AreaLabel[] {
  const own = boundary.ownRegionCode;
  const projects = (code: string) => data.get(code)?.figures?.projects ?? 0;
  return boundary.regions
    .flatMap(({ code, hasBoundary, centre }) => {
      // A zone's own pin carries its label; an area without a label point is named by the geo itself.
      if (!hasBoundary || !centre) return [];
      const [lng, lat] = centre;
      const crowded = markers.some(
        (m) => Math.abs(m.position[0] - lng) < CROWDED && Math.abs(m.position[1] - lat) < CROWDED,
      );
      return [{ code, position: centre, own: code === own, crowded }];
    })
    .sort(
      (a, b) => Number(b.own) - Number(a.own) || projects(b.code) - projects(a.code) || a.code.localeCompare(b.code),
    );
}

/** Per-area overrides of the geo: the user's own district outlined; areas without a label point named by the geo. */
function areaStyles(boundary: BoundaryOutput, own: string | null) {
  return boundary.regions.flatMap((region) => {
    if (!region.hasBoundary || (region.code !== own && region.centre)) return [];
    return [
      {
        name: region.code,
        ...(region.code === own ? { itemStyle: { borderColor: OWN_BORDER, borderWidth: 2.5 } } : {}),
        ...(region.centre ? {} : { label: { show: true }, emphasis: { label: { show: true } } }),
      },
    ];
  });
}

/** Builds the map's option (see the file's comment). */
export function buildMapOption(input: MapOptionInput): MapOption {
  const { boundary, mapName, data, figure, layers, compact, text } = input;
  const withAreas = mapName !== null;
  const cityName = boundary.city?.name ?? '';
  const labelOf = new Map(boundary.regions.map((r) => [r.code, regionMapLabel(r.name, cityName)]));
  // Areas are labelled by short name (萨尔图, 让胡路): the urban districts are small and their dots sit there too.
  const areaLabelOf = new Map(boundary.regions.map((r) => [r.code, regionNameStem(regionMapLabel(r.name, cityName))]));
  const values = boundary.regions.map((r) => figureValue(figure, data.get(r.code)));
  const scale = figureScale(figure, values);
  const markers = mapMarkers(boundary, input.regions, withAreas);
  const own = boundary.ownRegionCode;
  const fontSize = compact ? 10 : 11;
  const coordinateSystem = withAreas ? 'geo' : 'cartesian2d';

  const markerSeries: ScatterSeriesOption = {
    type: 'scatter',
    coordinateSystem,
    symbol: 'diamond',
    symbolSize: compact ? 12 : 14,
    z: 4,
    data: markers.map((marker) => {
      const value = figureValue(figure, data.get(marker.code));
      return {
        name: marker.code,
        value: [...marker.position, value ?? 0],
        itemStyle: {
          color: value === null ? '#bfbfbf' : scaleColor(value, scale),
          borderColor: marker.code === own ? OWN_BORDER : '#434343',
          borderWidth: marker.code === own ? 2.5 : 1.5,
        },
      };
    }),
    label: {
      show: true,
      position: 'right',
      formatter: (params) => labelOf.get(params.name) ?? params.name,
      fontSize,
      fontWeight: 'bold',
      color: '#1f2937',
      textBorderColor: '#fff',
      textBorderWidth: 2,
    },
    // A pin's name outranks an area's (its symbol is larger: ECharts keeps the larger host's label).
    labelLayout: { hideOverlap: true },
    tooltip: { formatter: (params) => text.regionTooltip(params.name) },
    cursor: 'pointer',
  };
  const labels = withAreas ? areaLabels(boundary, markers, data) : [];
  // The areas' names as a layer of their own: the geo's labels cannot hide one another, these can.
  const labelSeries: ScatterSeriesOption = {
    type: 'scatter',
    coordinateSystem,
    silent: true,
    // Under the dots, as the geo's own labels were: a district's projects cluster round its label point, and a name
    // drawn over them hid a district user's every dot.
    z: 2,
    symbolSize: 1,
    // Invisible anchors: a transparent colour, as an item's opacity would fade its label too.
    itemStyle: { color: 'transparent', borderWidth: 0 },
    data: labels.map((label) => ({
      name: label.code,
      value: label.position,
      label: {
        ...(label.own ? { fontWeight: 'bold' as const } : {}),
        ...(label.crowded ? { offset: [0, -14] } : {}),
      },
    })),
    label: {
      show: true,
      // Above the label point, clear of the cluster of dots round it (the dots are drawn over the names).
      position: 'top',
      distance: compact ? 8 : 12,
      formatter: (params) => areaLabelOf.get(params.name) ?? '',
      fontSize,
      color: '#1f2937',
      textBorderColor: 'rgba(255,255,255,0.85)',
      textBorderWidth: 2,
    },
    labelLayout: { hideOverlap: true },
    tooltip: { show: false },
  };
  const dotSeries: ScatterSeriesOption[] = layers.map((layer) => ({
    type: 'scatter',
    coordinateSystem,
    name: layer.name,
    z: 3,
    data: layer.points.map((point) => ({
      name: point.name,
      value: [point.longitude, point.latitude],
      symbolSize: dotSize(point, compact),
    })),
    itemStyle: { color: layer.color, opacity: 0.85, borderColor: '#fff', borderWidth: 0.6 },
    emphasis: { scale: 1.5 },
    tooltip: {
      formatter: (params) => {
        const point = layer.points[params.dataIndex];
        return point ? text.pointTooltip(point, layer.name) : '';
      },
    },
    cursor: 'pointer',
  }));

  const legend = {
    top: 0,
    left: 0,
    itemWidth: 10,
    itemHeight: 10,
    textStyle: { fontSize },
    data: layers.map((layer) => layer.name),
  };
  const tooltip = { trigger: 'item' as const, confine: true };

  if (!withAreas) {
    return {
      option: {
        legend,
        tooltip,
        grid: { left: 8, right: 48, top: 28, bottom: 8 },
        xAxis: { type: 'value', scale: true, show: false },
        yAxis: { type: 'value', scale: true, show: false },
        series: [markerSeries, ...dotSeries],
      },
      series: [{ kind: 'markers', markers }, ...layers.map((layer) => ({ kind: 'dots' as const, layer }))],
    };
  }

  return {
    option: {
      legend,
      tooltip,
      geo: {
        map: mapName,
        nameProperty: 'code',
        // Pinch or wheel to zoom on a phone; drag to pan only on a desktop, where it cannot trap the page's scroll.
        roam: compact ? 'scale' : true,
        scaleLimit: { min: 1, max: 24 },
        ...(input.view ? { center: [...input.view.center], zoom: input.view.zoom } : {}),
        top: 30,
        bottom: compact ? 44 : 12,
        left: compact ? 8 : 70,
        right: compact ? 8 : 12,
        itemStyle: { areaColor: AREA_EMPTY, borderColor: BORDER, borderWidth: 1 },
        label: {
          show: false,
          fontSize,
          color: '#1f2937',
          textBorderColor: 'rgba(255,255,255,0.85)',
          textBorderWidth: 2,
          formatter: (params: { name: string }) => areaLabelOf.get(params.name) ?? '',
        },
        // The label layer names the areas (a hovered one in the tooltip too): the geo's own would double them.
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        select: { disabled: true },
        regions: areaStyles(boundary, own),
      },
      visualMap: {
        type: 'continuous',
        seriesIndex: 0,
        min: scale.min,
        max: scale.max,
        calculable: false,
        inRange: { color: scale.colors },
        outOfRange: { color: AREA_EMPTY },
        text: [formatFigure(figure, scale.max), formatFigure(figure, scale.min)],
        textStyle: { fontSize },
        orient: compact ? 'horizontal' : 'vertical',
        left: compact ? 'center' : 0,
        bottom: 0,
        itemWidth: 10,
        itemHeight: compact ? 120 : 90,
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          name: text.figureName,
          data: boundary.regions
            .filter((region) => region.hasBoundary)
            .map((region) => ({ name: region.code, value: figureValue(figure, data.get(region.code)) ?? Number.NaN })),
          tooltip: { formatter: (params) => text.regionTooltip(params.name) },
        },
        markerSeries,
        ...dotSeries,
        labelSeries,
      ],
    },
    series: [
      { kind: 'areas' },
      { kind: 'markers', markers },
      ...layers.map((layer) => ({ kind: 'dots' as const, layer })),
      { kind: 'labels', codes: labels.map((label) => label.code) },
    ],
  };
}
