import { describe, expect, it } from 'vitest';
import { wan } from './money.ts';
import { oc4idsSectorsOf, oc4idsStatusOf } from './oc4ids.codelists.ts';
import { buildOc4idsPackage, progressMetrics, projectToOc4ids, type Oc4idsSourceProject } from './oc4ids.export.ts';
import { cnyToFen, fenToCny } from './oc4ids.money.ts';

const project: Oc4idsSourceProject = {
  code: '2103-230602-04-01-544060',
  name: '大庆石化炼油结构调整转型升级项目',
  ownerOrgId: 7,
  ownerName: '大庆石化公司',
  ownerCreditCode: '91230600MA1BXXXX0X',
  regionCode: '230602',
  regionName: '萨尔图区',
  category: 'industry',
  industry: 'C',
  constructionContent: '新建120万吨/年乙烯装置',
  address: '萨尔图区石化路1号',
  longitude: 125.1,
  latitude: 46.6,
  totalInvestment: '12500.55',
  plannedStartDate: '2021-04-01',
  plannedCompletionDate: '2022-10-31',
  plannedProductionDate: '2022-12-01',
  actualStartDate: '2021-04-18',
  actualCompletionDate: null,
  actualProductionDate: null,
  stage: 'construction',
  tags: ['重中之重'],
  updatedAt: '2021-05-20T02:00:00.000Z',
};

describe('CNY amounts', () => {
  it('turns fen into a JSON number with at most two decimals, exactly', () => {
    expect(fenToCny(wan('12500.55'))).toBe(125_005_500);
    expect(fenToCny(12_345n)).toBe(123.45);
    expect(JSON.stringify(fenToCny(10n))).toBe('0.1');
    expect(fenToCny(0n)).toBe(0);
  });

  it('refuses an amount no double prints exactly rather than publish a rounded one', () => {
    expect(fenToCny(10n ** 19n - 1n)).toBeNull();
  });

  it('reads CNY back to fen through the decimal text, rounding sub-fen digits', () => {
    expect(cnyToFen(40_000_000)).toBe(4_000_000_000n);
    expect(cnyToFen(0.1)).toBe(10n);
    expect(cnyToFen(123.455)).toBe(12_346n);
    expect(cnyToFen(1e21)).toBe(10n ** 23n);
    expect(cnyToFen(Number.NaN)).toBeNull();
  });
});

describe('codelist mappings', () => {
  it('maps our default stages to projectStatus and keeps an imported status kept as a tag', () => {
    expect(oc4idsStatusOf('reserve', [])).toBe('identification');
    expect(oc4idsStatusOf('started', [])).toBe('implementation');
    expect(oc4idsStatusOf('full_capacity', [])).toBe('maintenance');
    expect(oc4idsStatusOf('production', ['原状态:cancelled'])).toBe('cancelled');
    expect(oc4idsStatusOf('city_own_stage', [])).toBeUndefined();
    expect(oc4idsStatusOf('constructor', [])).toBeUndefined();
  });

  it('maps industry and category to projectSector codes', () => {
    expect(oc4idsSectorsOf('infrastructure', 'G')).toEqual(['transport']);
    expect(oc4idsSectorsOf('industry', 'C')).toEqual(['economy']);
    expect(oc4idsSectorsOf('ecology', 'N')).toEqual(['waterAndWaste', 'naturalResources']);
    expect(oc4idsSectorsOf('other', null)).toEqual([]);
  });
});

describe('a project in OC4IDS', () => {
  it('carries id, code identifier, title, description, status, sector, periods and budget in CNY', () => {
    const result = projectToOc4ids(project);
    expect(result).toMatchObject({
      id: 'oc4ids-kpcn-2103-230602-04-01-544060',
      language: 'zh',
      identifiers: [{ id: '2103-230602-04-01-544060', scheme: 'GB/T 40058-2021' }],
      title: project.name,
      description: project.constructionContent,
      status: 'implementation',
      sector: ['economy'],
      additionalClassifications: [{ scheme: 'GB/T 4754-2017', id: 'C', description: '制造业' }],
      period: {
        startDate: '2021-04-01T00:00:00+08:00',
        endDate: '2022-10-31T00:00:00+08:00',
        durationInDays: 578,
      },
      implementationPeriod: { startDate: '2021-04-18T00:00:00+08:00' },
      assetLifetime: { startDate: '2022-12-01T00:00:00+08:00' },
      budget: { amount: { amount: 125_005_500, currency: 'CNY' } },
    });
    expect(result.metrics).toBeUndefined();
  });

  it('places the project by [longitude, latitude] with its region name as the address', () => {
    expect(projectToOc4ids(project).locations).toEqual([
      {
        id: '1',
        geometry: { type: 'Point', coordinates: [125.1, 46.6] },
        address: { streetAddress: '萨尔图区石化路1号', region: '萨尔图区', countryName: '中国' },
      },
    ]);
    const unplaced = projectToOc4ids({ ...project, longitude: null, latitude: null, address: null });
    expect(unplaced.locations).toEqual([{ id: '1', address: { region: '萨尔图区', countryName: '中国' } }]);
  });

  it('names the owner as public authority and buyer by credit code, and the DRC as administrative entity', () => {
    const drc = { id: 2, name: '大庆市发展和改革委员会', creditCode: null };
    const result = projectToOc4ids(project, { drc });
    expect(result.publicAuthority).toEqual({ id: 'CN-USCC-91230600MA1BXXXX0X', name: '大庆石化公司' });
    expect(result.parties).toEqual([
      {
        id: 'CN-USCC-91230600MA1BXXXX0X',
        name: '大庆石化公司',
        identifier: { scheme: 'CN-USCC', id: '91230600MA1BXXXX0X', legalName: '大庆石化公司' },
        roles: ['publicAuthority', 'buyer'],
      },
      { id: 'kpcn-org-2', name: drc.name, roles: ['administrativeEntity'] },
    ]);
  });

  it('leaves out what is unknown instead of writing empty values', () => {
    const bare = projectToOc4ids({
      ...project,
      industry: null,
      category: 'other',
      constructionContent: '',
      plannedStartDate: null,
      plannedCompletionDate: null,
      plannedProductionDate: null,
      actualStartDate: null,
      stage: 'city_own_stage',
    });
    for (const key of ['description', 'status', 'sector', 'additionalClassifications', 'period'] as const)
      expect(bare[key], key).toBeUndefined();
    expect(bare.implementationPeriod).toBeUndefined();
    expect(bare.assetLifetime).toBeUndefined();
  });

  it('keeps an imported project’s own OC4IDS id, identifiers and currency', () => {
    const result = projectToOc4ids(
      { ...project, regionCode: '990100', regionName: 'OC4IDS 示例', tags: ['OC4IDS', '原币种:GBP'] },
      { external: { oc4idsId: 'oc4ids-bu3kcz-m75', identifiers: [{ scheme: 'internal', id: 'M75/SM/4-5' }] } },
    );
    expect(result.id).toBe('oc4ids-bu3kcz-m75');
    expect(result.language).toBeUndefined();
    expect(result.identifiers).toEqual([{ scheme: 'internal', id: 'M75/SM/4-5' }]);
    expect(result.budget).toEqual({ amount: { amount: 125_005_500, currency: 'GBP' } });
    expect(result.locations?.[0]?.address).toEqual({ streetAddress: '萨尔图区石化路1号', region: 'OC4IDS 示例' });
  });
});

describe('progress metrics', () => {
  it('writes financial progress against the annual plan and physical progress when supplied', () => {
    const metrics = progressMetrics({
      asOf: '2021-05-31',
      financial: { year: 2021, completed: wan('945'), planned: wan('5775') },
      physicalPercent: '35.5',
    });
    expect(metrics.map((m) => m.id)).toEqual(['financialProgress', 'physicalProgress']);
    expect(metrics[0]?.observations).toEqual([
      expect.objectContaining({ id: '2021-planned', value: { amount: 57_750_000, currency: 'CNY' } }),
      expect.objectContaining({
        id: '2021-completed',
        period: { startDate: '2021-01-01T00:00:00+08:00', endDate: '2021-05-31T00:00:00+08:00' },
        value: { amount: 9_450_000, currency: 'CNY' },
      }),
      expect.objectContaining({
        id: '2021-rate',
        measure: '16.36',
        unit: { name: 'percent', scheme: 'UNCEFACT', id: 'P1' },
      }),
    ]);
    expect(metrics[1]?.observations[0]).toMatchObject({ measure: '35.5' });
    expect(projectToOc4ids(project, { progress: { asOf: '2021-05-31', physicalPercent: '10' } }).metrics).toHaveLength(
      1,
    );
  });

  it('gives no rate when the year has no plan', () => {
    const [financial] = progressMetrics({ asOf: '2021-05-31', financial: { year: 2021, completed: 5n, planned: 0n } });
    expect(financial?.observations.map((o) => o.id)).toEqual(['2021-planned', '2021-completed']);
  });
});

describe('the package', () => {
  it('is dated by its latest project change and declares schema version 0.9', () => {
    const older = projectToOc4ids({
      ...project,
      code: '2103-230602-04-01-000001',
      updatedAt: '2021-01-01T00:00:00.000Z',
    });
    const result = buildOc4idsPackage({
      uri: 'https://example.org/oc4ids.json',
      publisher: { name: '大庆市发展和改革委员会' },
      projects: [older, projectToOc4ids(project)],
      fallbackDate: '2030-01-01T00:00:00.000Z',
    });
    expect(result.publishedDate).toBe(project.updatedAt);
    expect(result.version).toBe('0.9');
    expect(
      buildOc4idsPackage({ ...result, projects: [], fallbackDate: '2030-01-01T00:00:00.000Z' }).publishedDate,
    ).toBe('2030-01-01T00:00:00.000Z');
  });
});
