/**
 * Timing helpers for the benchmarks. The machine is shared and noisy (other processes take whole
 * cores for seconds), so every figure is sampled in several rounds and reported twice: the best
 * round (what the code costs when it has a core to itself — the figure budgets are checked on) and
 * the median (what it cost on this machine while the bench ran). Only the bench uses these; tests
 * never assert on time.
 */
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Sampled {
  best: number;
  median: number;
}

export function summarise(values: readonly number[], better: "higher" | "lower"): Sampled {
  return { best: better === "higher" ? Math.max(...values) : Math.min(...values), median: median(values) };
}

let sink = 0;
function consume(v: unknown): void {
  if (v !== undefined) sink++;
}

/** How many calls take about `roundMs` (after warming the call up). */
export function calibrate(call: (i: number) => unknown, roundMs = 150): number {
  let batch = 1000;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) consume(call(i));
    const ms = performance.now() - t0;
    if (ms >= roundMs / 4 || batch > 1e8) return Math.max(1000, Math.round((batch * roundMs) / Math.max(ms, 1)));
    batch *= 4;
  }
}

/** Calls per second of one batch. */
export function batchRate(call: (i: number) => unknown, batch: number): number {
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) consume(call(i));
  return (batch * 1000) / (performance.now() - t0);
}

/** Calls per second over `rounds` rounds of one call. */
export function callsPerSecond(call: (i: number) => unknown, rounds = 7, roundMs = 150): Sampled {
  const batch = calibrate(call, roundMs);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) rates.push(batchRate(call, batch));
  if (sink < 0) console.log(sink); // keeps results alive
  return summarise(rates, "higher");
}

/** Async variant: `call(i)` returns a promise; a batch is awaited together (as Excel's recalculation does). */
export async function asyncBatchRate(call: (i: number) => Promise<unknown>, batch = 20000): Promise<number> {
  const t0 = performance.now();
  const pending: Array<Promise<unknown>> = new Array(batch);
  for (let i = 0; i < batch; i++) pending[i] = call(i).catch(() => null);
  await Promise.all(pending);
  return (batch * 1000) / (performance.now() - t0);
}

/** Milliseconds of `work()` over `rounds` runs, after one warm-up run. */
export function sampleMs(work: () => unknown, rounds = 7): Sampled {
  work();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return summarise(times, "lower");
}
