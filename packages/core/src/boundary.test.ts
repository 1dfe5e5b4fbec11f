import { describe, expect, it } from 'vitest';
import { cityOfRegion, matchRegionByName, meanPosition, regionMapLabel, regionNameStem } from './boundary.ts';

const CHENGDU = [
  { code: '510104', name: '锦江区' },
  { code: '510118', name: '新津区' },
  { code: '510121', name: '金堂县' },
  { code: '510181', name: '都江堰市' },
];
const DAQING = [
  { code: '230602', name: '萨尔图区' },
  { code: '230624', name: '杜尔伯特蒙古族自治县' },
  { code: '230671', name: '大庆高新技术产业开发区' },
];

describe('regionNameStem', () => {
  it('drops the administrative suffix, the longest first', () => {
    expect(regionNameStem('新津县')).toBe('新津');
    expect(regionNameStem('杜尔伯特蒙古族自治县')).toBe('杜尔伯特蒙古族');
    expect(regionNameStem('都江堰市')).toBe('都江堰');
  });
  it('keeps a name that would be left with one character', () => {
    expect(regionNameStem('城区')).toBe('城区');
  });
});

describe('matchRegionByName', () => {
  it('matches the full name first', () => {
    expect(matchRegionByName('萨尔图区', DAQING)).toBe('230602');
    expect(matchRegionByName('杜尔伯特蒙古族自治县', DAQING)).toBe('230624');
    expect(matchRegionByName('大庆高新技术产业开发区', DAQING)).toBe('230671');
  });
  it('matches a county since made a district by its short name', () => {
    expect(matchRegionByName('新津县', CHENGDU)).toBe('510118');
    expect(matchRegionByName('都江堰', CHENGDU)).toBe('510181');
  });
  it('matches nothing for an unknown or ambiguous name', () => {
    expect(matchRegionByName('龙凤区', DAQING)).toBeNull();
    const twins = [
      { code: '1', name: '城关区' },
      { code: '2', name: '城关县' },
    ];
    expect(matchRegionByName('城关市', twins)).toBeNull();
  });
});

describe('meanPosition', () => {
  it('averages longitudes and latitudes, null without points', () => {
    expect(
      meanPosition([
        { longitude: 125, latitude: 46 },
        { longitude: 125.2, latitude: 46.4 },
      ]),
    ).toEqual([125.1, 46.2]);
    expect(meanPosition([])).toBeNull();
  });
});

describe('cityOfRegion', () => {
  it('is the prefecture of a county, the city itself, and none for a province', () => {
    expect(cityOfRegion('230671')).toBe('230600');
    expect(cityOfRegion('230600')).toBe('230600');
    expect(cityOfRegion('230000')).toBeNull();
  });
});

describe('regionMapLabel', () => {
  it('shortens zones and autonomous counties, and keeps other names', () => {
    expect(regionMapLabel('大庆高新技术产业开发区', '大庆市')).toBe('高新区');
    expect(regionMapLabel('成都经济技术开发区', '成都市')).toBe('经开区');
    expect(regionMapLabel('杜尔伯特蒙古族自治县', '大庆市')).toBe('杜尔伯特县');
    expect(regionMapLabel('峨边彝族自治县', '乐山市')).toBe('峨边县');
    expect(regionMapLabel('长阳土家族自治县', '宜昌市')).toBe('长阳县');
    expect(regionMapLabel('萨尔图区', '大庆市')).toBe('萨尔图区');
    expect(regionMapLabel('大同区', '大同市')).toBe('大同区');
  });
});
