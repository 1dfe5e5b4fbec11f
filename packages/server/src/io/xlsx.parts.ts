/**
 * The fixed parts of an xlsx package (SpreadsheetML, ECMA-376) that the streaming writer puts around its
 * sheets, and the cell XML of a row. Only what an export needs: inline strings, numbers, dates as serial
 * numbers, one style per column kind, a bold filled header, frozen first row, column widths and an autofilter.
 */
import type { XlsxColumn, XlsxColumnKind } from './xlsx.writer.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Characters XML 1.0 cannot carry at all (a pasted control character must not break the file). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text escaped for XML content and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Custom number formats (ids from 164) and the cell style (index into cellXfs) of each column kind. */
const NUMBER_FORMAT_IDS = { '#,##0': 164, '#,##0.00': 165, '0.00%': 166, 'yyyy-mm-dd': 167 } as const;
/** cellXfs: 0 plain, 1 header, then one per number format in NUMBER_FORMAT_IDS order. */
export const HEADER_STYLE = 1;
export const KIND_STYLES: Record<XlsxColumnKind, number> = {
  text: 0,
  number: 0,
  integer: 2,
  money: 3,
  moneyYi: 3,
  percent: 4,
  date: 5,
};

/** The package parts other than the sheets (by path), and the paths the sheets go to. */
export function packageParts(sheetNames: readonly string[], columns: readonly (readonly XlsxColumn[])[]) {
  const sheetPaths = sheetNames.map((_, index) => `xl/worksheets/sheet${index + 1}.xml`);
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    sheetPaths.map((p) => `<Override PartName="/${p}" ContentType="${CT}.worksheet+xml"/>`).join('') +
    `</Types>`;
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  // The autofilter's range is also named, as Excel itself does, so that Excel shows the filter buttons.
  const filters = sheetNames.map((name, index) => {
    const last = columnLetter(Math.max(0, (columns[index]?.length ?? 1) - 1));
    const quoted = `'${name.replace(/'/g, "''")}'`;
    return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(quoted)}!$A$1:$${last}$1</definedName>`;
  });
  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheetNames
      .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
      .join('') +
    `</sheets><definedNames>${filters.join('')}</definedNames></workbook>`;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    sheetPaths
      .map((p, index) => `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="${p.slice(3)}"/>`)
      .join('') +
    `<Relationship Id="rId${sheetPaths.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rootRels,
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': workbookRels,
    'xl/styles.xml': stylesXml(),
  };
  return { files, sheetPaths };
}

function stylesXml(): string {
  const formats = Object.entries(NUMBER_FORMAT_IDS);
  const xf = (numFmtId: number) =>
    `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}/>`;
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="${formats.length}">` +
    formats.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('') +
    `</numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font>` +
    `<font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${2 + formats.length}">${xf(0)}` +
    `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">` +
    `<alignment vertical="center" wrapText="1"/></xf>` +
    formats.map(([, id]) => xf(id)).join('') +
    `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

/** The start of a sheet: frozen header row, column widths, and the opening of its data. */
export function sheetStart(columns: readonly XlsxColumn[]): string {
  const cols = columns
    .map((c, index) => `<col min="${index + 1}" max="${index + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

/** The end of a sheet: its autofilter over the header row. */
export function sheetEnd(columnCount: number): string {
  return `</sheetData><autoFilter ref="A1:${columnLetter(Math.max(0, columnCount - 1))}1"/></worksheet>`;
}

/** Excel's serial day number of a date (days since 30 December 1899, UTC). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** One cell's XML: a number, a date (as its serial number), or inline text; empty cells are left out. */
export function cellXml(ref: string, style: number, value: string | number | Date | null): string {
  if (value === null) return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${(value.getTime() - EXCEL_EPOCH) / 86_400_000}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}
