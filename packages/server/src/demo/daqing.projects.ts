/**
 * Turns slots, schedules and money into project records: template and owner, name, code, place, financing,
 * stage, statistics and contacts. Levels, tags and service officers are set afterwards by the generator.
 */
import { FEN_PER_WAN, type FinancingModel, type ProjectCategory, type ProjectNature } from '@keyprojects/core';
import { LEADERS, ROADS, personName, phoneNumber, regionOf } from './daqing.names.ts';
import type { OrganizationRegistry } from './daqing.orgs.ts';
import { dayOf, isoOf, roundWan, type Rng } from './daqing.random.ts';
import { AS_OF_2021, type Schedule } from './daqing.schedule.ts';
import type { Slot } from './daqing.slots.ts';
import { INDUSTRY_TEMPLATES, type ProjectTemplate } from './daqing.templates.ts';
import { ECOLOGY_TEMPLATES, INFRASTRUCTURE_TEMPLATES, SOCIAL_TEMPLATES } from './daqing.templates.public.ts';
import type { DemoFundingSource, DemoProject } from './daqing.types.ts';

/** The owner the demo owner account belongs to, with several projects in 让胡路区. */
export const DEMO_OWNER_NAME = '大庆银浪石化新材料有限公司';
export const DEMO_OWNER_REGION = '230604';
const DEMO_OWNER_PROJECTS = 4;

const TEMPLATES: Record<ProjectCategory, readonly ProjectTemplate[]> = {
  industry: INDUSTRY_TEMPLATES,
  infrastructure: INFRASTRUCTURE_TEMPLATES,
  social: SOCIAL_TEMPLATES,
  ecology: ECOLOGY_TEMPLATES,
  other: INFRASTRUCTURE_TEMPLATES,
};

const FINANCING: Record<ProjectCategory, readonly (readonly [FinancingModel, number])[]> = {
  industry: [
    ['self_funded', 9],
    ['epc', 1],
  ],
  infrastructure: [
    ['government', 35],
    ['epc', 20],
    ['epc_f', 15],
    ['ppp', 15],
    ['bot', 10],
    ['abo', 5],
  ],
  social: [
    ['government', 55],
    ['epc', 20],
    ['epc_f', 10],
    ['ppp', 15],
  ],
  ecology: [
    ['government', 40],
    ['ppp', 20],
    ['epc', 15],
    ['bot', 10],
    ['tot', 10],
    ['abo', 5],
  ],
  other: [['government', 1]],
};

const fen = (wan: number): bigint => BigInt(wan) * FEN_PER_WAN;
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const floor10 = (wan: number): number => Math.floor(wan / 10) * 10;

/** The project's nature in its latest plan year. */
export function natureOf(slot: Slot): ProjectNature {
  if (slot.group === 'N') return 'new';
  if (slot.group === 'C') return 'continuing';
  return slot.startYear === 2020 ? 'new' : 'continuing';
}

function fundingSources(rng: Rng, slot: Slot, model: FinancingModel): DemoFundingSource[] {
  if (slot.category === 'industry' || model === 'self_funded') return [];
  const sources: DemoFundingSource[] = [];
  const settled = slot.group !== 'N';
  if (slot.total >= 3000 && rng.chance(0.35)) {
    const applied = Math.min(slot.total, roundWan(slot.total * rng.between(0.3, 0.8)));
    const approved = floor10(applied * rng.between(0.5, 1));
    const issued = settled ? approved : floor10(approved * rng.between(0, 1));
    sources.push({ kind: 'special_bond', applied: fen(applied), approved: fen(approved), issued: fen(issued) });
  }
  if (rng.chance(0.25)) {
    const applied = Math.min(30_000, slot.total, roundWan(slot.total * rng.between(0.1, 0.4)));
    const approved = floor10(applied * rng.between(0.6, 1));
    const issued = floor10(approved * rng.between(0.5, 1));
    sources.push({ kind: 'central_budget', applied: fen(applied), approved: fen(approved), issued: fen(issued) });
  }
  return sources;
}

function stageOf(rng: Rng, slot: Slot, s: Schedule): string {
  if (slot.group === 'C') return 'construction';
  if (slot.group === 'N')
    return s.actualStart === null ? 'preparation' : s.actualStart >= dayOf('2021-05-01') ? 'started' : 'construction';
  if (!slot.industrial) return 'completed';
  return (s.actualProduction ?? 0) <= dayOf('2020-10-31') && rng.chance(0.5) ? 'full_capacity' : 'production';
}

/** Builds one project record per slot (same order), creating owners in the registry as needed. */
export function describeProjects(
  rng: Rng,
  slots: readonly Slot[],
  schedules: readonly Schedule[],
  registry: OrganizationRegistry,
): DemoProject[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  let demoOwnerProjects = 0;
  // The demo owner gets projects on the 2021 list: some already started and one still to start, so that the
  // owner has a report to file on the demo date.
  const demoOwnerQuota = { started: DEMO_OWNER_PROJECTS - 1, unstarted: 1 };
  return slots.map((slot, i) => {
    const s = schedules[i];
    if (!s) throw new RangeError(`no schedule for slot ${i}`);
    const region = regionOf(slot.regionCode);
    const named = slot.named;
    const quota = slot.started2021 === true ? 'started' : slot.started2021 === false ? 'unstarted' : null;
    const forDemoOwner =
      !named && slot.industrial && slot.regionCode === DEMO_OWNER_REGION && quota !== null && demoOwnerQuota[quota] > 0;
    if (forDemoOwner) {
      demoOwnerProjects += 1;
      demoOwnerQuota[quota] -= 1;
    }
    const pool = TEMPLATES[slot.category].filter((t) => !t.regions || t.regions.includes(slot.regionCode));
    const template = forDemoOwner
      ? INDUSTRY_TEMPLATES[demoOwnerProjects % 2 === 0 ? 0 : 1]
      : rng.weighted(pool.map((t) => [t, t.weight] as const));
    if (!template) throw new RangeError('no template');
    const owner = named
      ? registry.namedOwner(named.ownerName, named.ownerRegionCode ?? named.regionCode)
      : forDemoOwner
        ? registry.namedOwner(DEMO_OWNER_NAME, DEMO_OWNER_REGION)
        : registry.owner(template.sector, slot.regionCode);
    const town = named?.town ?? rng.pick(region.towns);

    let name = named?.name ?? '';
    let content = named?.content ?? '';
    for (let attempt = 0; !named && attempt < 6 && (name === '' || names.has(name)); attempt += 1) {
      const built = template.build({ rng, wan: slot.total, region, town, ownerName: owner.name });
      const prefixed = slot.industrial && owner.creditCode.startsWith('91') && (forDemoOwner || rng.chance(0.3));
      name = prefixed ? `${owner.name}${built.name}` : built.name;
      content = built.content;
    }
    for (let phase = 2; names.has(name); phase += 1)
      name = `${name.replace(/（[二三四五六七八九]期）$/, '')}（${'二三四五六七八九'.charAt(phase - 2)}期）`;
    names.add(name);

    const section = named?.section ?? template.section;
    const division = named?.division ?? template.division;
    const model =
      slot.category === 'industry' ? rng.weighted(FINANCING.industry) : rng.weighted(FINANCING[slot.category]);
    const approval =
      slot.category !== 'industry'
        ? '01'
        : (!named && ['energy', 'oil'].includes(template.sector)) || division === '25' || slot.total >= 200_000
          ? '02'
          : '03';
    let code = '';
    while (code === '' || codes.has(code)) {
      const issued = isoOf(s.plannedStart - rng.int(20, 300));
      code = `${issued.slice(2, 4)}${issued.slice(5, 7)}-${slot.regionCode}-${division}-${approval}-${rng.digits(6)}`;
    }
    codes.add(code);

    const [lon, lat] = named?.anchor ?? region.seat;
    const place = slot.industrial && !named && rng.chance(0.6) ? region.park : town;
    const road = region.urban && rng.chance(0.5) ? `${rng.pick(ROADS)}以${rng.pick(['东', '西', '南', '北'])}` : '';
    const statsDay = s.actualStart === null ? null : s.actualStart + rng.int(7, 50);
    const inStatistics = statsDay !== null && statsDay <= dayOf(AS_OF_2021);
    const iso = (day: number | null) => (day === null ? null : isoOf(day));

    return {
      key: `p${String(i + 1).padStart(3, '0')}`,
      code,
      name,
      ownerKey: owner.key,
      regionCode: slot.regionCode,
      levels: [],
      category: slot.category,
      industry: section,
      nature: natureOf(slot),
      constructionContent: content,
      address: `黑龙江省大庆市${region.name}${place}${road}`,
      longitude: round6(lon + rng.between(-1, 1) * region.spread[0]),
      latitude: round6(lat + rng.between(-1, 1) * region.spread[1]),
      totalInvestment: fen(slot.total),
      plannedStartDate: isoOf(s.plannedStart),
      plannedCompletionDate: isoOf(s.plannedCompletion),
      plannedProductionDate: iso(s.plannedProduction),
      actualStartDate: iso(s.actualStart),
      actualCompletionDate: iso(s.actualCompletion),
      actualProductionDate: iso(s.actualProduction),
      stage: stageOf(rng, slot, s),
      financingModel: model,
      tags: [],
      inStatistics,
      inStatisticsSince: inStatistics ? iso(statsDay) : null,
      responsibleLeader: rng.pick(LEADERS[slot.category]),
      contactPerson: personName(rng),
      contactPhone: phoneNumber(rng),
      fundingSources: fundingSources(rng, slot, model),
      serviceOfficerKey: null,
    };
  });
}
