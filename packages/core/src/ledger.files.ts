/**
 * The spreadsheet files a ledger may be uploaded as, by name: the web's file picker offers them and refuses others
 * early. The server does not trust the name; it tells the format by the file's first bytes.
 */

/** .xlsx (Excel 2007+, WPS), .xls (Excel 97–2003, WPS), .et (WPS 表格), .xml (Excel 2003 XML). */
export const LEDGER_FILE_EXTENSIONS = ['.xlsx', '.xls', '.et', '.xml'] as const;

/** MIME types browsers give those files, for the picker's `accept`. */
export const LEDGER_FILE_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
] as const;

/** True when a file name ends in an accepted extension (any case). */
export function isLedgerFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return LEDGER_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
