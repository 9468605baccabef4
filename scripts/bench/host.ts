/**
 * Host cost through the Excel stand-in: for each operation of src/excel, the round trips
 * (context.sync() calls that carried commands), the cells written, the commands sent and the
 * largest single request, at a given number of indicators. What the pane does, in the order it
 * does it: insert, store the plan part, re-insert (refresh), read for the summary, the pane
 * opening (restore + diagnose the stored plan), validate, apply fixes, record figures, highlight
 * on/off, evaluation report sheet, export, portable copy (native formulas, values), go to a cell.
 * The stand-in refuses a request over 5 MB as Excel on the web does: such an operation is listed
 * with its error, and the bench fails.
 */
import { performance } from "node:perf_hooks";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import type { Plan } from "../../src/core/planSchema";
import { applyFixes } from "../../src/excel/applyFixes";
import { buildReportDocument } from "../../src/core/evaluationReport";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import { exportWorkbookPlan } from "../../src/excel/exportPlan";
import { applyHighlights, removeHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { recordFigures } from "../../src/excel/recordFigures";
import { writeReportSheet } from "../../src/excel/reportSheet";
import { mirrorSettingsToPart, readWorkbookPlan } from "../../src/excel/workbookPlanStore";
import { onPaneOpen } from "../../src/taskpane/app/travel/storedCopy";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { locateTemplate, readTemplate } from "../../src/excel/readTemplate";
import { selectRange } from "../../src/excel/selectCell";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { buildFindings, fixesOf } from "../../src/taskpane/app/validationView";
import { syntheticPlan } from "./plans";

/** Excel on the web refuses a request (or response) above 5 MB (RequestPayloadSizeLimitExceeded). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface OperationCost {
  operation: string;
  syncs: number;
  cellsWritten: number;
  commands: number;
  /** Largest single round trip's request, as the stand-in measures it (UTF-8 JSON of the commands' arguments). */
  largestRequest: number;
  /** All the operation's requests together, to tell round trips added by the 4 MB split from per-row ones. */
  totalRequest: number;
  ms: number;
  /** Set when the operation threw: the bench reports it and fails. */
  error?: string;
}

export interface HostRun {
  indicators: number;
  operations: OperationCost[];
}

/** Watches every sync of the stand-in and remembers the largest request one carried. */
function requestWatcher(standin: Standin) {
  let lastRun = standin.lastRun;
  let lastBytes = lastRun?.requestBytes ?? 0;
  let largest = 0;
  const unsubscribe = standin.workbook.subscribe(() => {
    const run = standin.lastRun;
    if (!run) return;
    if (run !== lastRun) {
      lastRun = run;
      lastBytes = 0;
    }
    largest = Math.max(largest, run.requestBytes - lastBytes);
    lastBytes = run.requestBytes;
  });
  return {
    reset() {
      largest = 0;
      lastRun = standin.lastRun;
      lastBytes = lastRun?.requestBytes ?? 0;
    },
    get largest() {
      return largest;
    },
    stop: unsubscribe,
  };
}

async function measure<T>(
  standin: Standin,
  watcher: ReturnType<typeof requestWatcher>,
  operation: string,
  op: () => Promise<T>,
  out: OperationCost[],
): Promise<T> {
  watcher.reset();
  const mark = standin.stats.mark();
  const t0 = performance.now();
  const result = await op();
  const ms = performance.now() - t0;
  await standin.whenIdle();
  const cost = standin.stats.since(mark);
  if (cost.errorCode) throw new Error(`${operation}: the batch failed with ${cost.errorCode}`);
  out.push({
    operation,
    syncs: cost.syncs,
    cellsWritten: cost.cellsWritten,
    commands: cost.commands,
    largestRequest: Math.max(watcher.largest, cost.largestRequestBytes),
    totalRequest: cost.requestBytes,
    ms,
  });
  return result;
}

/** Like measure, but a failure is recorded in the table instead of ending the run. */
async function attempt(
  standin: Standin,
  watcher: ReturnType<typeof requestWatcher>,
  operation: string,
  op: () => Promise<unknown>,
  out: OperationCost[],
): Promise<void> {
  try {
    await measure(standin, watcher, operation, op, out);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await standin.whenIdle();
    out.push({
      operation,
      syncs: 0,
      cellsWritten: 0,
      commands: 0,
      // A request the stand-in refused (over 5 MB) is still the largest the operation tried to send.
      largestRequest: standin.lastRun?.largestRequestBytes ?? 0,
      totalRequest: 0,
      ms: 0,
      error: message.slice(0, 300),
    });
  }
}

export async function benchHost(count: number): Promise<HostRun> {
  const plan: Plan = syntheticPlan(count);
  const standin = createStandin({ displayLanguage: "zh-CN" });
  const uninstall = installStandin(standin);
  const watcher = requestWatcher(standin);
  const ops: OperationCost[] = [];
  try {
    const inserted = await measure(standin, watcher, "insert (new sheet)", () => insertTemplate(plan, "zh"), ops);
    // The plan part, as the pane stores it after every insert (afterInsert): the whole plan with its figures.
    await attempt(
      standin,
      watcher,
      "store the plan part (after insert)",
      async () => {
        const saved = await mirrorSettingsToPart({}, { plan });
        if (!saved.saved) throw new Error("the plan part was not saved");
      },
      ops,
    );
    await measure(standin, watcher, "re-insert (refresh)", () => insertTemplate(plan, "zh"), ops);
    const { tableName, sheetName } = inserted;
    await attempt(
      standin,
      watcher,
      "read the plan part",
      async () => {
        const { read } = await readWorkbookPlan();
        if (read.kind !== "ok" || read.doc.plan.indicators.length !== count) throw new Error(`read ${read.kind}`);
      },
      ops,
    );
    await attempt(
      standin,
      watcher,
      "pane opens (restore + diagnose the stored plan)",
      async () => {
        const opened = await onPaneOpen();
        if (opened.proposal.kind !== "none") throw new Error(`stored plan: ${opened.proposal.kind}`);
      },
      ops,
    );

    const snapshot = await measure(
      standin,
      watcher,
      "summary read (locate + read)",
      async () => {
        const found = await locateTemplate();
        const snap = await readTemplate(found?.tableName ?? tableName);
        const { summary } = evaluateSnapshot(snap);
        if (summary.evaluations.length !== count) throw new Error("summary lost indicators");
        return snap;
      },
      ops,
    );

    // Staff type figures with full-width digits into a few cells: validation offers fixes for them.
    const typed = Math.min(10, count);
    const yearColumn = snapshot.headers.findIndex((h) => /2024/.test(String(h)));
    for (let i = 0; i < typed; i++) {
      const address = `${columnOf(snapshot.body.firstColumn + yearColumn)}${snapshot.body.firstRow + i}`;
      standin.workbook.setCellInput(sheetName, address, "１２３");
    }
    await standin.whenIdle();

    const findings = await measure(
      standin,
      watcher,
      "validate (read + check)",
      async () => {
        const snap = await readTemplate(tableName);
        return buildFindings(evaluateSnapshot(snap).sheet, "zh");
      },
      ops,
    );
    const fixes = fixesOf(findings);
    await measure(standin, watcher, `apply fixes (${fixes.length} cells)`, () => applyFixes(tableName, fixes), ops);
    // The figures just fixed are new: recording them rewrites the plan part (entry dates).
    await attempt(
      standin,
      watcher,
      "record figures (plan part rewritten)",
      async () => {
        const recorded = await recordFigures(tableName, { today: "2026-11-30" });
        if (recorded.kind !== "recorded" || !recorded.saved) throw new Error(`record figures: ${recorded.kind}`);
      },
      ops,
    );

    const fresh = await readTemplate(tableName);
    await measure(standin, watcher, "highlight on", () => applyHighlights(fresh), ops);
    const lit = await readTemplate(tableName);
    await measure(standin, watcher, "highlight off", () => removeHighlights(lit), ops);
    await attempt(
      standin,
      watcher,
      "evaluation report sheet",
      async () => {
        const snap = await readTemplate(tableName);
        const { sheet } = evaluateSnapshot(snap);
        const year = sheet.evaluationYear ?? plan.targetYear;
        const doc = buildReportDocument(sheet.plan, summarizePlan(sheet.plan, { evaluationYear: year }), {
          kind: "midterm",
          lang: "zh",
          generatedOn: "2026-11-30",
        });
        await writeReportSheet(doc);
      },
      ops,
    );
    await attempt(
      standin,
      watcher,
      "export plan file",
      async () => {
        const exported = await exportWorkbookPlan(tableName);
        if (!exported.ok) throw new Error(`export refused: ${JSON.stringify(exported).slice(0, 200)}`);
      },
      ops,
    );
    // Written last but one: a failure here (reported) leaves the template as the other operations need it.
    await attempt(
      standin,
      watcher,
      "portable copy (native formulas)",
      () => writePortableCopy(tableName, "native"),
      ops,
    );
    await attempt(standin, watcher, "portable copy (values)", () => writePortableCopy(tableName, "values"), ops);
    await measure(standin, watcher, "go to cell", () => selectRange(sheetName, `C${snapshot.body.firstRow}`), ops);
    return { indicators: count, operations: ops };
  } finally {
    watcher.stop();
    uninstall();
  }
}

function columnOf(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
