/**
 * Organisations of the demo: project owners (invented companies, public platforms, bureaus, hospitals), the
 * city's responsible units and the DRC offices, each with a valid 统一社会信用代码 (GB 32100-2015).
 */
import { creditCodeCheckChar, type OrganizationKind } from '@keyprojects/core';
import {
  BRANDS,
  CITY_CODE,
  CITY_PUBLIC_OWNERS,
  REGIONS,
  RESPONSIBLE_UNITS,
  SECTOR_FIXED_OWNERS,
  SECTOR_WORDS,
  drcName,
  regionOf,
  type RegionInfo,
} from './daqing.names.ts';
import type { Rng } from './daqing.random.ts';
import type { DemoOrganization } from './daqing.types.ts';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11714 check character of an eight-character organisation code body. */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const ch = body.charAt(i);
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Who registered the organisation: company (91), public institution (12) or government body (11). */
export type Registrant = '91' | '12' | '11';

/**
 * A valid credit code: registrant prefix, the six-digit registry area, a nine-character organisation code
 * (recent companies' start "MA") and the check character computed by core.
 */
export function makeCreditCode(rng: Rng, registrant: Registrant, area: string): string {
  const recent = registrant === '91' && rng.chance(0.6);
  const body = recent
    ? `MA${rng.pick(['1', '1', '2'])}${Array.from({ length: 5 }, () => rng.pick(CODE_ALPHABET.split(''))).join('')}`
    : registrant === '91'
      ? `${rng.pick(['12', '55', '57', '66', '67', '69', '70', '73', '74', '76', '78', '79'])}${rng.digits(6)}`
      : `${registrant === '11' ? '0' : '4'}${rng.digits(7)}`;
  const first17 = `${registrant}${area}${body}${orgCodeCheckChar(body)}`;
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new RangeError(`bad credit code body ${first17}`);
  return first17 + check;
}

/** Public owner roles and the chance that a project in an urban district is carried by the city-level body. */
const CITY_LEVEL_CHANCE: Record<string, number> = {
  urbanInvest: 0.4,
  transport: 0.5,
  education: 0.4,
  health: 0.55,
  housing: 0.2,
  water: 0.7,
  heat: 0.7,
  gas: 0.8,
  civil: 0.4,
  culture: 0.4,
  agri: 0.3,
};

/** The name and registrant of a region's own public owner of a role. */
function districtPublicOwner(role: string, region: RegionInfo): [string, Registrant] {
  const hiTech = region.code === '230671';
  switch (role) {
    case 'urbanInvest':
      if (hiTech) return ['大庆高新区国有资产运营有限公司', '91'];
      return [region.urban ? `大庆市${region.name}城市建设投资有限公司` : `${region.name}城乡建设投资有限公司`, '91'];
    case 'transport':
      return [`${region.name}交通运输局`, '11'];
    case 'education':
      return [hiTech ? '大庆高新区社会事业局' : `${region.name}教育局`, '11'];
    case 'health':
      return hiTech
        ? ['大庆高新区社会事业局', '11']
        : region.urban
          ? [`${region.name}卫生健康局`, '11']
          : [`${region.name}人民医院`, '12'];
    case 'housing':
      return [hiTech ? '大庆高新区规划建设局' : `${region.name}住房和城乡建设局`, '11'];
    case 'water':
      return hiTech ? ['大庆高新区国有资产运营有限公司', '91'] : [`${region.name}水务局`, '11'];
    case 'heat':
      return [`${region.label}热力有限公司`, '91'];
    case 'gas':
      return [`${region.label}城镇燃气有限公司`, '91'];
    case 'civil':
      return [`${region.label}民政局`, '11'];
    case 'culture':
      return [`${region.label}文体广电和旅游局`, '11'];
    case 'agri':
      return [`${region.label}农业农村局`, '11'];
    default:
      throw new RangeError(`unknown public role ${role}`);
  }
}

/** Builds and remembers the demo's organisations; owners are created on demand and reused. */
export class OrganizationRegistry {
  readonly organizations: DemoOrganization[] = [];
  private readonly byName = new Map<string, DemoOrganization>();
  private readonly bySector = new Map<string, DemoOrganization[]>();
  private readonly codes = new Set<string>();
  private ownerCount = 0;

  constructor(private readonly rng: Rng) {
    this.add('org-drc-230600', 'drc', drcName(CITY_CODE), CITY_CODE, '11');
    for (const region of REGIONS) this.add(`org-drc-${region.code}`, 'drc', drcName(region.code), region.code, '11');
    for (const [suffix, name, company] of RESPONSIBLE_UNITS) {
      this.add(`org-unit-${suffix}`, 'responsible_unit', name, CITY_CODE, company ? '91' : '11');
    }
  }

  /** An owner with this exact name, created in `regionCode` when new. */
  namedOwner(name: string, regionCode: string, registrant: Registrant = '91'): DemoOrganization {
    const known = this.byName.get(name);
    if (known) return known;
    this.ownerCount += 1;
    return this.add(`org-owner-${String(this.ownerCount).padStart(3, '0')}`, 'owner', name, regionCode, registrant);
  }

  /** An owner for a project of `sector` in `regionCode`: a public body for public roles, else a company. */
  owner(sector: string, regionCode: string): DemoOrganization {
    const fixed = SECTOR_FIXED_OWNERS[sector];
    if (fixed) return this.namedOwner(this.rng.pick(fixed), CITY_CODE);
    const cityOwners = CITY_PUBLIC_OWNERS[sector];
    if (cityOwners) {
      const region = regionOf(regionCode);
      const cityChance = region.urban
        ? (CITY_LEVEL_CHANCE[sector] ?? 0.3)
        : ['education', 'health'].includes(sector)
          ? 0
          : 0.1;
      if (this.rng.chance(cityChance)) {
        const name = this.rng.pick(cityOwners);
        return this.namedOwner(name, CITY_CODE, registrantOf(name));
      }
      const [name, registrant] = districtPublicOwner(sector, region);
      return this.namedOwner(name, regionCode, registrant);
    }
    return this.company(sector, regionCode);
  }

  /** A company of the sector in the region: an existing one now and then (owners with several projects), else a new one. */
  company(sector: string, regionCode: string): DemoOrganization {
    const key = `${regionCode}|${sector}`;
    const known = this.bySector.get(key) ?? [];
    if (known.length > 0 && this.rng.chance(0.55)) return this.rng.pick(known);
    const words = SECTOR_WORDS[sector];
    if (!words) throw new RangeError(`unknown sector ${sector}`);
    const region = regionOf(regionCode);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const brand = this.rng.pick(BRANDS);
      const word = this.rng.pick(words);
      const suffix = this.rng.weighted([
        ['有限公司', 6],
        ['股份有限公司', 1],
        ['有限责任公司', 2],
      ] as const);
      const prefix = region.urban
        ? this.rng.weighted([
            ['大庆', 5],
            ['大庆市', 2],
            ['黑龙江', 2],
            ['黑龙江省', 1],
            ['', 1],
          ] as const)
        : this.rng.weighted([
            [region.name, 3],
            ['大庆', 2],
            ['黑龙江', 1],
          ] as const);
      const name = prefix === '' ? `${brand}（大庆）${word}${suffix}` : `${prefix}${brand}${word}${suffix}`;
      if (this.byName.has(name)) continue;
      const owner = this.namedOwner(name, regionCode);
      this.bySector.set(key, [...known, owner]);
      return owner;
    }
    throw new RangeError('ran out of company names');
  }

  private add(
    key: string,
    kind: OrganizationKind,
    name: string,
    regionCode: string,
    registrant: Registrant,
  ): DemoOrganization {
    let creditCode = makeCreditCode(this.rng, registrant, regionCode);
    while (this.codes.has(creditCode)) creditCode = makeCreditCode(this.rng, registrant, regionCode);
    this.codes.add(creditCode);
    const organization: DemoOrganization = { key, kind, name, creditCode, regionCode };
    this.organizations.push(organization);
    this.byName.set(name, organization);
    return organization;
  }
}

/** Government bodies (…局, …委员会) register as 11, hospitals and centres as 12, the rest as companies. */
function registrantOf(name: string): Registrant {
  if (/(局|委员会)$/.test(name)) return '11';
  if (/(医院|保健院|中心|学校)$/.test(name)) return '12';
  return '91';
}
