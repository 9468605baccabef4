/**
 * Records the sheet's figures in the workbook a little after staff stop typing (framework-free, so it
 * is tested in node): `schedule()` after every reload of the sheet, `flush()` to record at once
 * (when the pane opens). One recording at a time: a request that arrives while one runs makes it run
 * once more afterwards.
 *
 * The recorder works in the background, under the pane's one operation lock: the store runs every
 * operation through `exclusive` (paneStore.ts), which waits for a recording that is running and holds
 * new ones until the operation is done, so a recording never interleaves with an operation that reads
 * or writes the plan part (an insert, a portable copy, a saved figure record, a target adjustment, the
 * check when the pane opens). Staff's action waits the moment a recording takes; it is not refused.
 *
 * Recording late loses nothing: until a change is recorded the workbook keeps the previous value as
 * current, and the next recording moves it into the history.
 */
import type { Plan } from "../../../core/planSchema";
import { toHostError, type HostOperationError } from "../../../excel/excelRun";
import { logFailure } from "./operations";
import type { RecordFiguresOutcome } from "../../../excel/recordFigures";

export const RECORD_DELAY_MS = 1500;

export const IDLE_RECORDING: RecorderState = { stored: null, outcome: null, error: null, running: false };

export interface RecorderState {
  /** The plan the workbook records, after the latest recording (null before the first). */
  stored: Plan | null;
  /** The latest recording's outcome (a blocked part says why), or null. */
  outcome: RecordFiguresOutcome | null;
  /** The latest recording failed (Excel refused, the table is gone …); cleared by the next success. */
  error: HostOperationError | null;
  running: boolean;
}

export interface FigureRecorder {
  /** Records after the delay (restarting it): call after every reload of the sheet. */
  schedule(): void;
  /** Records now (a scheduled recording is done by it). */
  flush(): Promise<void>;
  /** The plan another operation just stored (setFigureRecord, adjustTarget): shown until the next recording. */
  setStored(plan: Plan): void;
  /**
   * Runs another operation that rewrites the plan part with no recording beside it (both read, then
   * write, the part: interleaved, one would write over the other): waits for a running recording,
   * holds new ones until `op` is done, then runs one that fell due.
   */
  exclusive<T>(op: () => Promise<T>): Promise<T>;
  state(): RecorderState;
  dispose(): void;
}

export interface FigureRecorderOptions {
  record: () => Promise<RecordFiguresOutcome>;
  onChange: (state: RecorderState) => void;
  delayMs?: number;
  /** Timers (tests pass their own). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createFigureRecorder(options: FigureRecorderOptions): FigureRecorder {
  const delay = options.delayMs ?? RECORD_DELAY_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let state: RecorderState = IDLE_RECORDING;
  let timer: unknown = null;
  let holds = 0;
  let due = false;
  let again = false;
  let disposed = false;
  let current: Promise<void> | null = null;

  const update = (patch: Partial<RecorderState>) => {
    state = { ...state, ...patch };
    if (!disposed) options.onChange(state);
  };

  async function runOnce(): Promise<void> {
    update({ running: true });
    try {
      const outcome = await options.record();
      update({
        outcome,
        error: null,
        ...(outcome.kind === "recorded" ? { stored: outcome.stored } : {}),
      });
    } catch (err) {
      // Shown by the history section (RecordingNotices) and logged.
      logFailure("recordFigures", err);
      update({ error: toHostError(err) });
    } finally {
      update({ running: false });
    }
  }

  function start(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    due = false;
    current = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again && !disposed && holds === 0);
      if (again) due = true; // asked again while held: runs when the hold ends
      current = null;
    })();
    return current;
  }

  function fire(): void {
    timer = null;
    if (disposed) return;
    if (holds > 0) due = true;
    else void start();
  }

  return {
    schedule() {
      if (disposed) return;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(fire, delay);
    },
    async flush() {
      if (disposed) return;
      if (holds > 0) {
        due = true;
        return;
      }
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      await start();
    },
    async exclusive<T>(op: () => Promise<T>): Promise<T> {
      holds++;
      try {
        while (current) await current;
        return await op();
      } finally {
        holds--;
        if (holds === 0 && due && !disposed) void start();
      }
    },
    setStored(plan: Plan) {
      update({ stored: plan });
    },
    state: () => state,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
