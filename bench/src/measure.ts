/** Timing helpers for benchmarks: run a function repeatedly and report median and p95 in milliseconds. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** Times `fn` `runs` times after `warmup` unmeasured runs; `before` runs untimed ahead of each. */
export async function time(
  fn: () => Promise<unknown>,
  runs = 30,
  warmup = 3,
  before: () => Promise<unknown> = () => Promise.resolve(),
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await before();
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
