/**
 * The pane's store: the plan as the sheet holds it (read again CHANGE_DEBOUNCE_MS after the sheet stops
 * changing, so the summary follows what staff type), the cell staff select on the template's sheet, the
 * background recording of the figures they enter, ONE operation lock for every action (run/exclusive:
 * while an operation runs — a portable copy being written, a report, an insert — every other action is
 * refused, and the components disable their controls from `busy`; a recording running when the lock is
 * taken is waited for, and none starts until it is released), the notices, and the one reporter for
 * failures (shown in the notice area with the operation's name, logged with console.error).
 * Framework-free: tests drive it in node against the Excel stand-in.
 */
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import { canGroupUndo, toHostError } from "../../../excel/excelRun";
import { locateTemplate, readTemplate } from "../../../excel/readTemplate";
import { recordFigures } from "../../../excel/recordFigures";
import { failureText } from "../hostErrorText";
import { t } from "../i18n";
import { createStore, type Store } from "./createStore";
import { createFigureRecorder, IDLE_RECORDING, RECORD_DELAY_MS, type FigureRecorder } from "./figureRecorder";
import { logFailure, operationLabel, type OperationName } from "./operations";
import type { Notice, PaneState } from "./paneState";
import { evaluateSnapshot } from "./planState";
import { createSheetFollower } from "./sheetFollower";

export const CHANGE_DEBOUNCE_MS = 300;

export type Locked<T> = { ran: true; value: T } | { ran: false; running: OperationName };
export type RunOutcome = "done" | "failed" | "refused";

export interface PaneStore extends Store<PaneState> {
  /** Reads the template (and watches its sheet). Call once when the pane opens. */
  start(): Promise<void>;
  /** Stops watching the sheet; pending re-reads are dropped. */
  stop(): Promise<void>;
  /** Reads the template again now (`tableName`: the table to follow from now on). */
  reload(tableName?: string): Promise<void>;
  /**
   * Runs `work` under the operation lock; refused (not run) while another operation runs. Failures are
   * rethrown: for callers that show them in place (a form's own message).
   */
  exclusive<T>(op: OperationName, work: () => Promise<T>): Promise<Locked<T>>;
  /** exclusive, with a failure reported (notice + log) under the operation's name. */
  run(op: OperationName, work: () => Promise<void>): Promise<RunOutcome>;
  /**
   * Runs `work` that reads and writes the plan part outside the lock (the check when the pane opens): no
   * recording runs beside it.
   */
  withoutRecording<T>(work: () => Promise<T>): Promise<T>;
  /** The plan another operation just stored (a figure's record, a target adjustment): shown until the next recording. */
  showStored(plan: Plan): void;
  /** Replaces the notices (null or []: clears them). */
  notify(notices: Notice | Notice[] | null): void;
  dismiss(index: number): void;
  /**
   * The one reporter for failures: shown in the notice area with the operation's name, and logged.
   * `details`: what the operation had found before it failed (warnings), kept under the failure.
   */
  reportFailure(op: OperationName, err: unknown, details?: string[]): void;
}

export interface PaneStoreOptions {
  lang: Lang;
  /** The plan Insert template writes until staff choose another. */
  plan: Plan;
  debounceMs?: number;
  /** How long after the last reload the figures are recorded (RECORD_DELAY_MS). */
  recordDelayMs?: number;
}

export function createPaneStore(options: PaneStoreOptions): PaneStore {
  const store = createStore<PaneState>({
    lang: options.lang,
    plan: { kind: "loading" },
    busy: null,
    notices: [],
    findings: null,
    chosenPlan: options.plan,
    openedWith: options.plan,
    repair: null,
    undoGrouped: canGroupUndo(),
    selectedId: null,
    filter: null,
    unitFilter: { kind: "all" },
    groupedByUnit: false,
    open: { travel: false, report: false },
    selection: null,
    selectionError: null,
    recording: IDLE_RECORDING,
  });
  const debounceMs = options.debounceMs ?? CHANGE_DEBOUNCE_MS;
  let tableName: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let alive = true;
  let recorder: FigureRecorder | null = null;
  let recordedTable: string | null = null;
  /** Resolves when the operation holding the lock ends (null while none runs). */
  let lockReleased: Promise<void> | null = null;

  const notify = (notices: Notice | Notice[] | null) =>
    store.setState({ notices: notices === null ? [] : Array.isArray(notices) ? notices : [notices] });

  const reportFailure = (op: OperationName, err: unknown, details: string[] = []) => {
    logFailure(op, err);
    const { lang } = store.getState();
    notify({
      intent: "error",
      title: t(lang, "errorTitleOf", { operation: operationLabel(op, lang) }),
      text: failureText(err, lang),
      ...(details.length > 0 ? { details } : {}),
    });
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void reload();
    }, debounceMs);
  };

  /** Follows the template's sheet: several edits in a row are one re-read, debounceMs after the last. */
  const follower = createSheetFollower({
    onEdit: schedule,
    onSelect: (selection) => store.setState({ selection }),
    onSelectionError: (selectionError) => store.setState({ selectionError }),
  });

  /**
   * Records the figures of `table` (null: there is no template): a little after each reload of the same
   * table, at once for a new one — or, when the new table came from an operation (an insert wrote a new
   * sheet), as soon as that operation releases the lock.
   */
  function followRecording(table: string | null): void {
    if (table === recordedTable) {
      recorder?.schedule();
      return;
    }
    recorder?.dispose();
    recorder = null;
    recordedTable = table;
    store.setState({ recording: IDLE_RECORDING });
    if (table === null || !alive) return;
    const next = createFigureRecorder({
      record: () => recordFigures(table),
      onChange: (recording) => {
        if (recorder === next) store.setState({ recording });
      },
      delayMs: options.recordDelayMs ?? RECORD_DELAY_MS,
    });
    recorder = next;
    const released = lockReleased;
    if (released) void next.exclusive(() => released);
    void next.flush();
  }

  async function reload(table?: string): Promise<void> {
    try {
      if (table) tableName = table;
      if (!tableName) {
        const found = await locateTemplate();
        if (!found) {
          if (alive) store.setState({ plan: { kind: "none" } });
          followRecording(null);
          return;
        }
        tableName = found.tableName;
      }
      const snapshot = await readTemplate(tableName);
      if (!alive) return;
      store.setState({ plan: { kind: "ready", snapshot, ...evaluateSnapshot(snapshot) } });
      followRecording(snapshot.tableName);
      await follower.follow(snapshot.sheetName);
    } catch (err) {
      const error = toHostError(err);
      if (error.code === "templateNotFound") {
        tableName = null;
        if (alive) store.setState({ plan: { kind: "none" } });
        followRecording(null);
        return;
      }
      // Shown where the plan would be (PlanStateMessages) and logged; not a notice: no operation failed.
      logFailure("readSheet", err);
      if (alive) store.setState({ plan: { kind: "error", error } });
    }
  }

  async function exclusive<T>(op: OperationName, work: () => Promise<T>): Promise<Locked<T>> {
    // Checked and taken in one synchronous step: nothing can start in between.
    const running = store.getState().busy;
    if (running !== null) {
      const { lang } = store.getState();
      // Controls are disabled while an operation runs; an action that still arrives is refused, and said so.
      notify({
        intent: "info",
        text: t(lang, "refusedBusy", { running: operationLabel(running, lang), operation: operationLabel(op, lang) }),
      });
      return { ran: false, running };
    }
    store.setState({ busy: op });
    let release = () => {};
    lockReleased = new Promise<void>((resolve) => (release = resolve));
    try {
      // Waits for a recording that is running; none starts until the work is done.
      return { ran: true, value: await withoutRecording(work) };
    } finally {
      lockReleased = null;
      release();
      store.setState({ busy: null });
    }
  }

  function withoutRecording<T>(work: () => Promise<T>): Promise<T> {
    return recorder ? recorder.exclusive(work) : work();
  }

  return {
    ...store,
    async start() {
      await reload();
    },
    async stop() {
      alive = false;
      if (timer) clearTimeout(timer);
      timer = null;
      recorder?.dispose();
      recorder = null;
      await follower.stop();
    },
    reload,
    exclusive,
    async run(op, work) {
      try {
        return (await exclusive(op, work)).ran ? "done" : "refused";
      } catch (err) {
        reportFailure(op, err);
        return "failed";
      }
    },
    withoutRecording,
    showStored(plan) {
      recorder?.setStored(plan);
    },
    notify,
    dismiss(index) {
      store.setState((s) => ({ notices: s.notices.filter((_n, i) => i !== index) }));
    },
    reportFailure,
  };
}
