/**
 * Keeping a long streamed export's garbage from growing the process. Each batch of an export (1,000 rows read,
 * presented and written as XML) leaves a few MB of garbage that V8 collects lazily: over 50,000 projects the
 * heap grew by ~120 MB before the old generation was collected, which on the embedded database (the process
 * already at ~300 MB with PGlite open) put the peak past 450 MB. A full collection when the heap has grown by
 * HEAP_GROWTH_BOUND since the export began keeps the peak near where it started, at the cost of a collection
 * every few batches (BENCHMARKS.md, "Ledger import and export").
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How far the heap may grow during an export before a full collection. */
export const HEAP_GROWTH_BOUND = 16 * 1024 * 1024;

/**
 * V8's `gc()`: exposed by the flag set at run time and taken from a fresh context (the flag only reaches
 * contexts created after it), so the server needs no `--expose-gc` on its command line.
 */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('gc() is not exposed');
  return gc as () => void;
}

let collect: (() => void) | null = null;
const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/** The batches of `source`, a full collection between two of them whenever the heap has grown past the bound. */
export async function* heapBounded<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const start = heapUsed();
  for await (const batch of source) {
    yield batch;
    if (heapUsed() - start > HEAP_GROWTH_BOUND) (collect ??= collector())();
  }
}
