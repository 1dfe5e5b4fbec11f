import { describe, expect, it } from 'vitest';
import { hasProjectCodeShape } from './project-code.ts';
import { PROJECT_CODE_SCHEME, classificationOfSectors } from './oc4ids.codelists.ts';
import type { Oc4idsImportProject } from './oc4ids.contract.ts';
import { isImportTag, nationalProjectCode, planOc4idsImport, synthesizeProjectCode } from './oc4ids.import.ts';

/** The official example's project, cut to the fields the import reads. */
const m75: Oc4idsImportProject = {
  id: 'oc4ids-bu3kcz-m75-junctions-4-to-5-smart-motorway',
  identifiers: [{ id: 'M75/SM/4-5', scheme: 'internal' }],
  title: 'M75 Junctions 4 to 5 upgrade smart motorway',
  description: 'Upgrading the 5km stretch of the M75.',
  status: 'maintenance',
  sector: ['transport', 'transport.road'],
  period: { startDate: '2016-01-01T00:00:00Z', endDate: '2018-12-10T00:00:00Z' },
  assetLifetime: { startDate: '2018-07-01T00:00:00Z' },
  budget: { amount: { amount: 40_000_000, currency: 'GBP' } },
  locations: [
    {
      geometry: { type: 'Point', coordinates: [52.2571843, -0.1163333] },
      address: { streetAddress: 'Patcham Interchange, New Road', locality: 'Patcham', countryName: 'United Kingdom' },
    },
  ],
  publicAuthority: { name: 'Motorways UK', id: 'GB-GOR-XX1234' },
  parties: [{ name: 'Motorways UK', id: 'GB-GOR-XX1234', roles: ['publicAuthority'] }],
};

describe('planning an import', () => {
  it('maps title, description, status, sector, periods and the owner', () => {
    const plan = planOc4idsImport(m75);
    expect(plan.oc4idsId).toBe(m75.id);
    expect(plan.ownerName).toBe('Motorways UK');
    expect(plan.identifiers).toEqual([{ scheme: 'internal', id: 'M75/SM/4-5' }]);
    expect(plan.fields).toMatchObject({
      name: m75.title,
      constructionContent: m75.description,
      regionCode: '990100',
      stage: 'production',
      nature: 'continuing',
      category: 'infrastructure',
      industry: 'G',
      plannedStartDate: '2016-01-01',
      plannedCompletionDate: '2018-12-10',
      plannedProductionDate: '2018-07-01',
      address: 'Patcham Interchange, New Road, Patcham, United Kingdom',
    });
  });

  it('keeps a foreign budget unconverted with its currency as a tag and a detail', () => {
    const plan = planOc4idsImport(m75);
    expect(plan.fields.totalInvestment).toBe('4000.00');
    expect(plan.fields.tags).toEqual(['OC4IDS', '原币种:GBP']);
    expect(plan.details.budget).toEqual({ amount: 40_000_000, currency: 'GBP' });
  });

  it('converts a CNY budget to 万元 exactly and tags nothing but the import', () => {
    const plan = planOc4idsImport({ ...m75, budget: { amount: { amount: 125_005_500.5, currency: 'CNY' } } });
    expect(plan.fields.totalInvestment).toBe('12500.55005');
    expect(plan.fields.tags).toEqual(['OC4IDS']);
    expect(plan.details.budget).toBeUndefined();
  });

  it('takes a point in China as coordinates and keeps any other geometry aside', () => {
    expect(planOc4idsImport(m75).fields).toMatchObject({ longitude: null, latitude: null });
    expect(planOc4idsImport(m75).details.geometry).toEqual(m75.locations?.[0]?.geometry);
    const inChina = planOc4idsImport({
      ...m75,
      locations: [{ geometry: { type: 'Point', coordinates: [125.1, 46.6] } }],
    });
    expect(inChina.fields).toMatchObject({ longitude: 125.1, latitude: 46.6, address: null });
    expect(inChina.details.geometry).toBeUndefined();
  });

  it('keeps a status our lifecycle lacks as a tag', () => {
    const plan = planOc4idsImport({ ...m75, status: 'cancelled' });
    expect(plan.fields).toMatchObject({ stage: 'reserve', nature: 'reserve' });
    expect(plan.fields.tags).toContain('原状态:cancelled');
    expect(plan.details.status).toBe('cancelled');
  });

  it('falls back to the id for a missing title and to a placeholder owner, and cuts long text', () => {
    const plan = planOc4idsImport({ id: 'oc4ids-x-1', description: 'x'.repeat(2500) });
    expect(plan.fields.name).toBe('oc4ids-x-1');
    expect(plan.ownerName).toBe('未注明项目单位');
    expect(plan.fields.constructionContent).toHaveLength(2000);
    expect(plan.details.truncated).toEqual(['description']);
    expect(plan.fields).toMatchObject({
      stage: 'preparation',
      nature: 'reserve',
      totalInvestment: '0',
      category: 'other',
    });
  });

  it('finds the owner by the public authority reference, then by role', () => {
    const parties = [
      { id: 'a', name: 'Supplier Ltd', roles: ['supplier'] },
      { id: 'b', name: 'Roads Agency', roles: ['buyer'] },
    ];
    expect(planOc4idsImport({ id: 'p', parties, publicAuthority: { id: 'a' } }).ownerName).toBe('Supplier Ltd');
    expect(planOc4idsImport({ id: 'p', parties }).ownerName).toBe('Roads Agency');
  });

  it('never stores a second OC4IDS id among the other identifiers', () => {
    const plan = planOc4idsImport({ ...m75, identifiers: [{ id: 'x', scheme: 'oc4ids' }, { id: 'y' }, { id: 'y' }] });
    expect(plan.identifiers).toEqual([{ scheme: '', id: 'y' }]);
  });

  it('knows which tags are its own', () => {
    expect(['OC4IDS', '原币种:GBP', '原状态:cancelled', '重中之重'].map(isImportTag)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('maps sectors back to category and industry, sub-sectors by their parent', () => {
    expect(classificationOfSectors(['transport.road'])).toEqual({ category: 'infrastructure', industry: 'G' });
    expect(classificationOfSectors(['unknown', 'health'])).toEqual({ category: 'social', industry: 'Q' });
    expect(classificationOfSectors(['constructor'])).toEqual({ category: 'other', industry: null });
  });
});

describe('synthesised project codes', () => {
  it("have our 24-character shape, the sandbox area and the import's date, and are the same for the same id", () => {
    const code = synthesizeProjectCode(m75.id, '2021-05-20');
    expect(code).toHaveLength(24);
    expect(hasProjectCodeShape(code)).toBe(true);
    expect(code.slice(0, 4)).toBe('2105');
    expect(code.slice(5, 11)).toBe('990100');
    expect(synthesizeProjectCode(m75.id, '2021-05-20')).toBe(code);
    expect(synthesizeProjectCode(m75.id, '2021-11-02').slice(0, 4)).toBe('2111');
  });

  it('differ between ids and between attempts', () => {
    const codes = new Set(
      Array.from({ length: 500 }, (_, i) => synthesizeProjectCode(`oc4ids-x-${i.toString()}`, '2021-05-20')),
    );
    expect(codes.size).toBe(500);
    expect(synthesizeProjectCode(m75.id, '2021-05-20', 1)).not.toBe(synthesizeProjectCode(m75.id, '2021-05-20'));
  });
});

describe('the national code an imported project keeps', () => {
  const known = (area: string) => area.startsWith('2306');
  const code = (id: string, scheme = PROJECT_CODE_SCHEME) => [{ scheme, id }];

  it('keeps a well-formed GB/T 40058 code issued in a known area before the import', () => {
    expect(nationalProjectCode('x', code('2011-230605-04-01-880033'), '2021-05-20', known)).toBe(
      '2011-230605-04-01-880033',
    );
    // Issued in the month of the import.
    expect(nationalProjectCode('x', code('2105-230602-04-01-000001'), '2021-05-20', known)).not.toBeNull();
  });

  it('finds the code under another scheme name and inside an id we minted', () => {
    expect(nationalProjectCode('x', code('2011-230605-04-01-880033', '项目代码'), '2021-05-20', known)).toBe(
      '2011-230605-04-01-880033',
    );
    expect(nationalProjectCode('oc4ids-kpcn-2011-230605-04-01-880033', [], '2021-05-20', known)).toBe(
      '2011-230605-04-01-880033',
    );
  });

  it('refuses impossible dates, unknown areas and other shapes', () => {
    expect(nationalProjectCode('x', code('2113-230605-04-01-880033'), '2021-05-20', known)).toBeNull();
    expect(nationalProjectCode('x', code('2106-230605-04-01-880033'), '2021-05-20', known)).toBeNull();
    expect(nationalProjectCode('x', code('2011-110105-04-01-880033'), '2021-05-20', known)).toBeNull();
    expect(nationalProjectCode('x', code('P-2019-0042'), '2021-05-20', known)).toBeNull();
    expect(nationalProjectCode('x', [], '2021-05-20', known)).toBeNull();
  });
});
