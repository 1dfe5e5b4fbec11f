/**
 * Reading a ledger in each accepted format: `npm run bench:formats -w @keyprojects/bench [-- --rows 10000]`.
 * Generates the city-scale ledger of import.bench.ts as .xlsx, saves it again as .xls (BIFF8) and Excel 2003 XML,
 * and times the import's reading step (readSpreadsheet: inspection or conversion, then the sheet's grid) three
 * times each, printing medians and file sizes. No database: this is the file → rows step only.
 */
import { parseArgs } from 'node:util';
import { legacyCopy } from '../../packages/server/src/io/spreadsheet.fixtures.ts';
import { readSpreadsheet } from '../../packages/server/src/io/spreadsheet.reader.ts';
import { pickSheet, readGrid } from '../../packages/server/src/io/xlsx.reader.ts';
import { generateLedger } from './import-ledger.generate.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const rows = Number(values.rows);
const RUNS = 3;
const owners = Array.from({ length: 200 }, (_, i) => `基准测试单位${i + 1}有限公司`);

const xlsx = await generateLedger(rows, owners);
const files = { xlsx, xls: legacyCopy(xlsx, 'biff8'), xml: legacyCopy(xlsx, 'xlml') };
console.log(`reading a ledger of ${rows} rows, median of ${RUNS} runs`);
for (const [format, file] of Object.entries(files)) {
  const times: number[] = [];
  let count = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const grid = readGrid(pickSheet(await readSpreadsheet(file), ['项目台账'], []));
    times.push(performance.now() - start);
    count = grid.rows.length;
  }
  const median = times.sort((a, b) => a - b)[RUNS >> 1] ?? 0;
  const size = (file.length / 1024 / 1024).toFixed(1);
  console.log(`${format.padEnd(5)} ${size.padStart(5)} MB  ${median.toFixed(0).padStart(6)} ms  ${count} rows read`);
}
