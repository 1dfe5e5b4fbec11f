/**
 * Types for the two parts of @e965/xlsx (SheetJS CE) that its declarations leave as `any`: the compound-file
 * reader (CFB) and the number-format library (SSF). Only what this code uses, so lint can check every call.
 */
import { CFB, SSF } from '@e965/xlsx';

/** A stream inside an OLE2 compound file. */
export interface CompoundEntry {
  content: Uint8Array;
  size: number;
}

/** The compound-file API (cfb): read a container, find a stream by path or name, write it back. */
export interface CompoundFileApi {
  read(data: Buffer, options: { type: 'buffer' }): object;
  find(container: object, path: string): CompoundEntry | null;
  write(container: object, options: { type: 'buffer' }): unknown;
  /** Adds a stream (tests build odd containers with it). */
  utils: { cfb_add(container: object, path: string, content: Buffer): void };
}

/** SheetJS's compound-file reader and writer. */
export const compoundFile = CFB as CompoundFileApi;

/** True when an Excel number format shows a date or time (as `yyyy-mm-dd`, `m/d/yy`, `[$-F800]`…). */
export const isDateFormat = (SSF as { is_date: (format: string) => boolean }).is_date;
