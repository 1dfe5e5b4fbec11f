/**
 * The district map's rules: which region a boundary file's feature stands for (by full or short name, since map
 * data names districts as they were when drawn), and where a region without a boundary gets its marker.
 */
import { regionLevel } from './region.ts';

// Longest first: 自治县 before 县. What remains is the short name officials use (杜尔伯特蒙古族 is not shortened
// further: the map's label shows the region's own name, this only matches).
const SUFFIXES = ['自治县', '自治旗', '林区', '特区', '新区', '区', '县', '市', '旗'] as const;

/** A district's name without its administrative suffix ("新津县" → "新津", "萨尔图区" → "萨尔图"). */
export function regionNameStem(name: string): string {
  const trimmed = name.trim();
  const suffix = SUFFIXES.find((s) => trimmed.endsWith(s) && trimmed.length > s.length + 1);
  return suffix ? trimmed.slice(0, -suffix.length) : trimmed;
}

/**
 * The code of the region a feature named `name` stands for, among `regions` (one city's districts and counties):
 * the region of that full name, else the one region sharing its short name (a county since made a district keeps
 * its place: 新津县 → 新津区). Null when none or more than one matches.
 */
export function matchRegionByName(name: string, regions: readonly { code: string; name: string }[]): string | null {
  const exact = regions.find((region) => region.name === name.trim());
  if (exact) return exact.code;
  const stem = regionNameStem(name);
  const matches = regions.filter((region) => regionNameStem(region.name) === stem);
  return matches.length === 1 ? (matches[0]?.code ?? null) : null;
}

/** The mean position of points (a zone's marker without a configured centre); null without points. */
export function meanPosition(points: readonly { longitude: number; latitude: number }[]): [number, number] | null {
  if (points.length === 0) return null;
  let lng = 0;
  let lat = 0;
  for (const point of points) {
    lng += point.longitude;
    lat += point.latitude;
  }
  return [lng / points.length, lat / points.length];
}

/** The prefecture-level city a region belongs to (itself for a city); null for a province. */
export function cityOfRegion(code: string): string | null {
  switch (regionLevel(code)) {
    case 'province':
      return null;
    case 'prefecture':
      return code;
    case 'county':
      return `${code.slice(0, 4)}00`;
  }
}

// The 55 nationalities whose names appear in autonomous counties' names (GB/T 3304), longest alternatives first
// where one is the start of another (土家 before 土).
const NATIONALITIES =
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 ' +
  '土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 ' +
  '鄂伦春 赫哲 门巴 珞巴 基诺';
const AUTONOMOUS = new RegExp(
  `^(.+?)(?:(?:${NATIONALITIES.split(' ')
    .sort((a, b) => b.length - a.length)
    .join('|')})族)+自治([县旗])$`,
);

/**
 * A district's label on the map, short enough for a phone: the city's name dropped from a zone's
 * ("大庆高新技术产业开发区" → "高新区"), development zones as officials shorten them, and an autonomous county
 * without its nationality ("杜尔伯特蒙古族自治县" → "杜尔伯特县"); other names as they are.
 */
export function regionMapLabel(name: string, cityName: string): string {
  const city = regionNameStem(cityName);
  let label = name.startsWith(city) && name.length > city.length + 2 ? name.slice(city.length) : name;
  label = label
    .replace(/高新技术产业开发区$/, '高新区')
    .replace(/经济技术开发区$/, '经开区')
    .replace(/经济开发区$/, '经开区');
  const autonomous = AUTONOMOUS.exec(label);
  return autonomous ? `${autonomous[1] ?? ''}${autonomous[2] ?? ''}` : label;
}
