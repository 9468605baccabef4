/** Round-trip accounting: what each Excel.run cost, so tests and the preview can show it. */

export interface RunStats {
  /** Round trips: context.sync() calls (explicit or the implicit one at the end of Excel.run) that carried queued commands. */
  syncs: number;
  /** All context.sync() calls, including ones with nothing queued (Excel makes no round trip for those). */
  syncCalls: number;
  /** Cells in the 2-D arrays written (values, formulas, number formats). */
  cellsWritten: number;
  /** Request payload of the round trips: UTF-8 JSON of every command's arguments, plus 40 bytes a command (requestContext.ts). */
  requestBytes: number;
  /** The largest single request (also one refused as over the limit). */
  largestRequestBytes: number;
  /** Commands sent. */
  commands: number;
  mergeUndoGroup: boolean;
  delayForCellEdit: boolean;
  /** Set when the batch failed. */
  errorCode: string | null;
}

export function emptyRunStats(options: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean } = {}): RunStats {
  return {
    syncs: 0,
    syncCalls: 0,
    cellsWritten: 0,
    requestBytes: 0,
    largestRequestBytes: 0,
    commands: 0,
    mergeUndoGroup: options.mergeUndoGroup === true,
    delayForCellEdit: options.delayForCellEdit === true,
    errorCode: null,
  };
}

export class StatsBook {
  syncCount = 0;
  runCount = 0;
  lastRun: RunStats | null = null;
  readonly runs: RunStats[] = [];

  startRun(options: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean }): RunStats {
    const stats = emptyRunStats(options);
    this.runCount++;
    this.runs.push(stats);
    if (this.runs.length > 100) this.runs.shift();
    this.lastRun = stats;
    return stats;
  }

  /** Totals over runs started since `mark` (from `mark()`), for an operation that uses several Excel.run calls. */
  mark(): number {
    return this.runCount;
  }

  since(mark: number): RunStats {
    const recent = this.runs.slice(Math.max(0, this.runs.length - (this.runCount - mark)));
    const total = emptyRunStats();
    for (const r of recent) {
      total.syncs += r.syncs;
      total.syncCalls += r.syncCalls;
      total.cellsWritten += r.cellsWritten;
      total.requestBytes += r.requestBytes;
      total.largestRequestBytes = Math.max(total.largestRequestBytes, r.largestRequestBytes);
      total.commands += r.commands;
      total.errorCode ??= r.errorCode;
    }
    return total;
  }
}
