/** Summary of repeated timings: the median is what we report, min/max show the noise. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), samples: samples.map(round) };
}

/** Runs `task` `times` times in sequence and summarizes the milliseconds it returns. */
export async function repeat(times: number, task: (rep: number) => Promise<number> | number): Promise<Summary> {
  const samples: number[] = [];
  for (let rep = 0; rep < times; rep++) samples.push(await task(rep));
  return summarize(samples);
}

/** Wall-clock milliseconds from a `process.hrtime.bigint()` start. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Two decimals are plenty for ms figures and keep results.json readable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
