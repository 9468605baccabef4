/**
 * The pane's store: the plan as the sheet holds it (read again CHANGE_DEBOUNCE_MS after the sheet stops
 * changing, so the summary follows what staff type), ONE operation lock for every action (run/exclusive:
 * while an operation runs — a portable copy being written, a report, an insert — every other action is
 * refused, and the components disable their controls from `busy`), the notices, and the one reporter
 * for failures (shown in the notice area with the operation's name, logged with console.error).
 * Framework-free: tests drive it in node against the Excel stand-in.
 */
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import { canGroupUndo, toHostError } from "../../../excel/excelRun";
import { locateTemplate, readTemplate } from "../../../excel/readTemplate";
import { watchSheet } from "../../../excel/watchChanges";
import { failureText } from "../hostErrorText";
import { t } from "../i18n";
import { createStore, type Store } from "./createStore";
import { logFailure, operationLabel, type OperationName } from "./operations";
import type { Notice, PaneState } from "./paneState";
import { evaluateSnapshot } from "./planState";

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
  });
  const debounceMs = options.debounceMs ?? CHANGE_DEBOUNCE_MS;
  let tableName: string | null = null;
  let watchedSheet: string | null = null;
  let unwatch: (() => Promise<void>) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let alive = true;

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
  async function follow(sheetName: string): Promise<void> {
    if (watchedSheet === sheetName) return;
    const previous = unwatch;
    unwatch = null;
    watchedSheet = sheetName;
    await previous?.();
    const stop = await watchSheet(sheetName, schedule);
    // Stopped while registering: unregister at once rather than leave a handler behind.
    if (alive) unwatch = stop;
    else await stop();
  }

  async function reload(table?: string): Promise<void> {
    try {
      if (table) tableName = table;
      if (!tableName) {
        const found = await locateTemplate();
        if (!found) {
          if (alive) store.setState({ plan: { kind: "none" } });
          return;
        }
        tableName = found.tableName;
      }
      const snapshot = await readTemplate(tableName);
      if (!alive) return;
      store.setState({ plan: { kind: "ready", snapshot, ...evaluateSnapshot(snapshot) } });
      await follow(snapshot.sheetName);
    } catch (err) {
      const error = toHostError(err);
      if (error.code === "templateNotFound") {
        tableName = null;
        if (alive) store.setState({ plan: { kind: "none" } });
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
    try {
      return { ran: true, value: await work() };
    } finally {
      store.setState({ busy: null });
    }
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
      const stop = unwatch;
      unwatch = null;
      await stop?.();
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
    notify,
    dismiss(index) {
      store.setState((s) => ({ notices: s.notices.filter((_n, i) => i !== index) }));
    },
    reportFailure,
  };
}
