/**
 * Keeps each round trip of one Excel.run under the request budget (requestBudget.ts). Writers tell
 * it what they are about to queue; it sends what is already queued first only when the two
 * together would pass the budget. For ordinary plans that never happens, and the operation keeps
 * its constant round trips; the caller still makes its own final sync, which carries the rest.
 */
import { COMMAND_OVERHEAD, REQUEST_BUDGET, rowBytes, splitRows, writeBytes } from "./requestBudget";

export class RequestBatch {
  private queued = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number = REQUEST_BUDGET,
  ) {}

  /** Bytes counted in the request being built. */
  get pending(): number {
    return this.queued;
  }

  /** Call before queueing commands of about `bytes`: may send what is queued so far (one sync). */
  async fit(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) {
      await this.context.sync();
      this.queued = 0;
    }
    this.queued += bytes;
  }

  /** The caller synced: the next request starts empty. */
  synced(): void {
    this.queued = 0;
  }
}

/** Parallel 2-D arrays written to the same block, in this order (number formats before formulas). */
export interface RowWrite {
  numberFormat?: unknown[][];
  formulas?: unknown[][];
  values?: unknown[][];
}

/**
 * Writes `cells` (all arrays `rows` long) to the block `rangeAt(0, rows)`: as one write when it
 * fits the budget, else as row blocks `rangeAt(first, count)` that each fit, one request each.
 */
export async function writeRows(
  batch: RequestBatch,
  rows: number,
  rangeAt: (first: number, count: number) => Excel.Range,
  cells: RowWrite,
): Promise<void> {
  if (rows === 0) return;
  const arrays = (["numberFormat", "formulas", "values"] as const).filter((k) => cells[k] !== undefined);
  const sizes = rowBytes(arrays.map((k) => cells[k]!));
  const total = writeBytes(sizes, arrays.length);
  const blocks =
    total <= batch.budget
      ? [{ first: 0, count: rows }]
      : splitRows(sizes, batch.budget - arrays.length * (COMMAND_OVERHEAD + 2));
  for (const block of blocks) {
    const whole = blocks.length === 1;
    await batch.fit(whole ? total : writeBytes(sizes.slice(block.first, block.first + block.count), arrays.length));
    const range = rangeAt(block.first, block.count);
    for (const key of arrays) {
      const part = whole ? cells[key]! : cells[key]!.slice(block.first, block.first + block.count);
      if (key === "numberFormat") range.numberFormat = part as string[][];
      else if (key === "formulas") range.formulas = part;
      else range.values = part;
    }
  }
}
