/**
 * Which kind of spreadsheet an upload is, told by its first bytes and never by its name: offices rename files, and
 * WPS saves an .et or .xls that is really one format or the other. Only the three kinds below are read at all.
 */

/** xlsx: an OOXML zip (Excel 2007+, and WPS's .xlsx); ole2: a compound file (.xls Excel 97–2003, WPS .et/.xls); xml: Excel 2003 XML. */
export type SpreadsheetFormat = 'xlsx' | 'ole2' | 'xml';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** How far into an XML file its root element may start (a prolog and the mso-application instruction come first). */
const XML_SNIFF_BYTES = 4096;
/** The Excel 2003 XML namespace, or Excel's processing instruction naming the program that opens the file. */
const SPREADSHEET_ML =
  /urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application\s+progid\s*=\s*["']Excel\.Sheet["']/i;

/** The format of a file by its signature, or null when it is none of the spreadsheets we read. */
export function detectSpreadsheetFormat(buffer: Buffer): SpreadsheetFormat | null {
  if (startsWith(buffer, ZIP)) return 'xlsx';
  if (startsWith(buffer, OLE2)) return 'ole2';
  const text = buffer.subarray(startsWith(buffer, UTF8_BOM) ? UTF8_BOM.length : 0, XML_SNIFF_BYTES).toString('utf8');
  if (/^\s*<\?xml[\s?]/.test(text) && SPREADSHEET_ML.test(text)) return 'xml';
  return null;
}

function startsWith(buffer: Buffer, signature: Buffer): boolean {
  return buffer.length >= signature.length && buffer.subarray(0, signature.length).equals(signature);
}
