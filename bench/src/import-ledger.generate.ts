/**
 * A synthetic project ledger for the import benchmark: `count` rows of a realistic city ledger (21 columns:
 * codes, names, owners, districts, labels, 万元 amounts, real dates and date text), owners registered first
 * so every row is valid. Deterministic, so every run reads the same file.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { creditCodeCheckChar } from '@keyprojects/core';
import type { DB } from '../../packages/server/src/db/schema.ts';

const DISTRICTS = ['萨尔图区', '龙凤区', '让胡路区', '红岗区', '大同区', '肇州县', '肇源县', '林甸县'];
const DISTRICT_CODES = ['230602', '230603', '230604', '230605', '230606', '230621', '230622', '230623'];
const CATEGORIES = ['产业项目', '基础设施', '民生社会事业', '生态环保'];
const INDUSTRIES = ['制造业', '建筑业', '交通运输、仓储和邮政业', '信息传输、软件和信息技术服务业', '教育'];
const STAGES = ['前期', '开工', '在建', '竣工'];
const FINANCING = ['企业自筹', '政府直接投资', 'EPC', 'PPP'];
/** The generated ledger's headers. */
export const LEDGER_HEADERS = [
  '序号',
  '投资项目统一代码',
  '项目名称',
  '项目单位',
  '所属区域',
  '项目级别',
  '项目类别',
  '所属行业',
  '建设性质',
  '建设内容',
  '建设地点',
  '总投资（万元）',
  '2021年计划投资（万元）',
  '计划开工日期',
  '计划竣工日期',
  '计划投产日期',
  '建设阶段',
  '融资模式',
  '联系人',
  '联系电话',
  '是否入统',
];

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Registers `count` owner organisations and returns their names. */
export async function seedLedgerOwners(db: Kysely<DB>, count = 200): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const first17 = `91230600L${String(i).padStart(8, '0')}`;
    return {
      kind: 'owner',
      name: `基准台账业主${i}有限公司`,
      credit_code: `${first17}${creditCodeCheckChar(first17) ?? '0'}`,
      region_code: DISTRICT_CODES[i % DISTRICT_CODES.length] ?? '230602',
    };
  });
  await db.insertInto('organizations').values(rows).execute();
  return rows.map((row) => row.name);
}

/** Builds the ledger workbook as an xlsx buffer; `first` numbers the codes, so ledgers can hold distinct projects. */
export async function generateLedger(count: number, owners: readonly string[], first = 0): Promise<Buffer> {
  const random = lcg(2021);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目台账');
  sheet.addRow(LEDGER_HEADERS);
  for (let n = first; n < first + count; n += 1) {
    const district = Math.floor(random() * DISTRICTS.length);
    const total = Math.round((500 + random() ** 3 * 500_000) * 100) / 100;
    const month = 1 + (n % 12);
    sheet.addRow([
      n - first + 1,
      `21${String(month).padStart(2, '0')}-${DISTRICT_CODES[district] ?? '230602'}-04-01-${String(n).padStart(6, '0')}`,
      `基准台账项目${n}号${pick(['厂房', '道路', '学校', '管网', '医院'])}建设工程`,
      owners[n % owners.length] ?? '',
      DISTRICTS[district] ?? '萨尔图区',
      n % 10 === 0 ? '省重点、市重点' : '市重点',
      pick(CATEGORIES),
      pick(INDUSTRIES),
      n % 2 === 0 ? '新建' : '续建',
      '新建生产厂房及配套设施，购置生产设备，建设道路管网等附属工程',
      `${DISTRICTS[district] ?? ''}经济开发区`,
      total,
      Math.round(total * 30) / 100,
      new Date(Date.UTC(2021, month - 1, 1 + (n % 28))),
      `2023/${month}/${1 + (n % 28)}`,
      n % 3 === 0 ? null : `2024-${String(month).padStart(2, '0')}-15`,
      pick(STAGES),
      pick(FINANCING),
      `联系人${n % 97}`,
      `0459-${String(4_000_000 + n).slice(-7)}`,
      n % 4 === 0 ? '否' : '是',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
