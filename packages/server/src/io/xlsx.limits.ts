/**
 * Limits on uploaded workbooks, checked before a file is parsed. Generous for real ledgers (a city's
 * ledger has a few thousand rows and 30–40 columns), tight enough that a hostile file cannot exhaust memory.
 */

/** Largest upload accepted, compressed. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Most entries (files) inside the zip; a workbook has a dozen or two. */
export const MAX_ZIP_ENTRIES = 1_000;
/** Largest total of the entries' uncompressed sizes. */
export const MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024;
/** Highest compression ratio allowed for an entry larger than RATIO_CHECK_MIN_BYTES (spreadsheet XML reaches ~20:1; bombs 1000:1). */
export const MAX_COMPRESSION_RATIO = 100;
/** Entries smaller than this are not ratio-checked: tiny files compress oddly and cannot hurt. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** Most data rows of one sheet. */
export const MAX_ROWS = 20_000;
/** Rows allowed above the data (title and header rows). */
export const MAX_HEADER_ROWS = 10;
/** Most `<row>` elements of one sheet, counting those without cells (kept only for a height or style). */
export const MAX_RAW_ROWS = 5 * MAX_ROWS;
/** Most columns of one sheet. */
export const MAX_COLUMNS = 100;
/** Most cells over all sheets, which bounds the memory the parsed workbook takes. */
export const MAX_CELLS = 1_000_000;
