/**
 * PLAN calls per edit (issue #13 item 5): how many PLAN cells one edit makes Excel evaluate again, counted in
 * the stand-in as Excel recalculates (every dirty PLAN cell is one invocation; a streaming call's later
 * setResult is one push — planFunctionPlugin.ts). After an insert, with a row-form cell typed by staff beside
 * the table (=PLAN.GAP(C<row>)):
 *
 * - an edit outside the template (another sheet; the template's sheet beside the table) re-runs no PLAN cell;
 * - an edit of one figure re-runs only that indicator's PLAN cells, and the row form following that row
 *   pushes at most once;
 * - a figure in a new latest year moves the evaluation year: C3 (PLAN.DATAYEAR of the header row) pushes
 *   once, and every computed cell, which takes $C$3, is evaluated again — that is the edit's meaning (the
 *   edited row twice: for its figure, then for the new year).
 *
 * Shared by the benchmark (npm run bench, its "PLAN calls per edit" section) and the vitest tests
 * (tests/functions/recalculation.test.ts), so both count the same thing. Standalone:
 *   tsx scripts/bench/recalculation.ts 11 1000     prints the table, exit code 1 when a budget is exceeded
 */
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { columnLetters } from "../../src/excel/a1";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { BENCH_BASE_YEAR, syntheticPlan } from "./plans";

/** Figures for 2016–2023 (8 years): a 2024 figure then moves the evaluation year. */
const YEARS_WITH_FIGURES = 8;
const LAST_FIGURE_YEAR = BENCH_BASE_YEAR + YEARS_WITH_FIGURES;

export interface EditCount {
  edit: string;
  invocations: number;
  pushes: number;
  /** What the edit may cost at most (the budget): invocations and pushes. */
  budget: { invocations: number; pushes: number };
  /** Invocations by function, "EVALUATE 8, GAP 0 …" (functions called at least once). */
  byFunction: Record<string, { invocations: number; pushes: number }>;
}

export interface RecalculationRun {
  indicators: number;
  /** PLAN cells the template holds: the computed cells of each row, and C3. */
  planCells: number;
  planCellsPerRow: number;
  edits: EditCount[];
  /**
   * The typed row-form cell's value before and after the edit of its row (it must follow), and the template's
   * own 差距 cell of that row after it (the row form evaluates the row as PLAN.EVALUATE does).
   */
  rowForm: { before: unknown; after: unknown; templateGap: unknown; address: string };
}

/**
 * The edits that went over their budget, and the typed row form if it did not follow its row (cheap because it
 * stopped working would be no saving); [] when all is well.
 */
export function overBudget(run: RecalculationRun): string[] {
  const out = run.edits
    .filter((e) => e.invocations > e.budget.invocations || e.pushes > e.budget.pushes)
    .map(
      (e) =>
        `${run.indicators} indicators, ${e.edit}: ${e.invocations} calls / ${e.pushes} pushes (budget ${e.budget.invocations} / ${e.budget.pushes})`,
    );
  const { before, after, templateGap, address } = run.rowForm;
  if (Object.is(after, before) || !Object.is(after, templateGap)) {
    out.push(
      `${run.indicators} indicators, ${address} did not follow its row: ${String(before)} → ${String(after)}, the row's 差距 ${String(templateGap)}`,
    );
  }
  return out;
}

function planCellsIn(standin: Standin, sheet: string, firstRow: number, rows: number, cols: number): number[] {
  const perRow: number[] = [];
  for (let r = firstRow; r < firstRow + rows; r++) {
    let n = 0;
    for (let c = 0; c < cols; c++) if (/^=.*\bPLAN\./i.test(standin.workbook.cellAt(sheet, r, c).input)) n++;
    perRow.push(n);
  }
  return perRow;
}

/**
 * Inserts a synthetic plan of `count` indicators in a fresh stand-in and counts the PLAN calls of each edit.
 * `standin` lets a test pass its own (already installed) stand-in; otherwise one is made and removed.
 */
export async function measureRecalculation(count: number, given?: Standin): Promise<RecalculationRun> {
  const standin = given ?? createStandin({ displayLanguage: "zh-CN" });
  const uninstall = given ? () => undefined : installStandin(standin);
  try {
    const plan = syntheticPlan(count, YEARS_WITH_FIGURES);
    const { sheetName } = await insertTemplate(plan, "zh");
    await standin.whenIdle();
    const table = standin.workbook.tables(sheetName)[0];
    if (!table) throw new Error("no table after insert");
    const [first, last] = table.address.replace(/\$/g, "").split(":") as [string, string];
    const firstCell = standin.workbook.cell(sheetName, first);
    const lastCell = standin.workbook.cell(sheetName, last);
    const headerRow = firstCell.row;
    const bodyRows = lastCell.row - headerRow;
    const cols = lastCell.col + 1;
    const perRow = planCellsIn(standin, sheetName, headerRow + 1, bodyRows, cols);
    const c3 = /^=.*PLAN\.DATAYEAR/i.test(standin.workbook.cell(sheetName, "C3").input) ? 1 : 0;
    const planCells = perRow.reduce((a, b) => a + b, 0) + c3;
    const planCellsPerRow = Math.max(...perRow);

    const headers = Array.from({ length: cols }, (_, c) =>
      String(standin.workbook.cellAt(sheetName, headerRow, c).value),
    );
    const yearCol = (year: number) => {
      const c = headers.findIndex((h) => h.startsWith(String(year)));
      if (c < 0) throw new Error(`no ${year} column in ${headers.join(" | ")}`);
      return c;
    };
    const bodyRow = (i: number) => headerRow + 1 + i; // 0-based sheet row of indicator i
    const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
    const followed = Math.floor(count / 2); // the indicator the staff-typed row form follows
    const other = followed === 0 ? Math.min(1, count - 1) : 0;

    // A row-form cell typed by staff beside the table (two blank columns between: not part of it), following
    // the indicator `followed` through its cell in column C: =PLAN.GAP(C7).
    const rowFormAddress = a1(bodyRow(followed), cols + 4);
    const target = a1(bodyRow(followed), firstCell.col + 2);
    standin.workbook.setCellInput(sheetName, rowFormAddress, `=PLAN.GAP(${target})`);
    await standin.whenIdle();
    const rowFormValue = () => standin.workbook.cell(sheetName, rowFormAddress).value;
    const gapColumn = headers.findIndex((h) => h.startsWith("差距"));
    const templateGap = () => standin.workbook.cellAt(sheetName, bodyRow(followed), gapColumn).value;
    const before = rowFormValue();

    const edits: EditCount[] = [];
    const measure = async (edit: string, budget: EditCount["budget"], act: () => void) => {
      standin.resetFunctionCalls();
      act();
      await standin.whenIdle();
      const calls = standin.functionCalls;
      edits.push({
        edit,
        invocations: calls.invocations,
        pushes: calls.pushes,
        budget,
        byFunction: structuredClone(calls.byFunction),
      });
    };
    const figure = (i: number, year: number, value: number) => () =>
      standin.workbook.setCellInput(sheetName, a1(bodyRow(i), yearCol(year)), String(value));
    const latest = (i: number) =>
      Number(standin.workbook.cellAt(sheetName, bodyRow(i), yearCol(LAST_FIGURE_YEAR)).value);

    await measure("a cell on another sheet", { invocations: 0, pushes: 0 }, () =>
      standin.workbook.setCellInput("Sheet1", "A1", "12"),
    );
    await measure("a cell of the template's sheet beside the table", { invocations: 0, pushes: 0 }, () =>
      standin.workbook.setCellInput(sheetName, a1(bodyRow(other), cols + 2), "备注"),
    );
    await measure(
      `a ${LAST_FIGURE_YEAR} figure of another indicator`,
      { invocations: perRow[other]!, pushes: 0 },
      figure(other, LAST_FIGURE_YEAR, latest(other) + 1),
    );
    await measure(
      `a ${LAST_FIGURE_YEAR} figure of the indicator the typed =PLAN.GAP(…) follows`,
      { invocations: perRow[followed]!, pushes: 1 },
      figure(followed, LAST_FIGURE_YEAR, latest(followed) + 1),
    );
    const after = rowFormValue();
    const templateGapAfter = templateGap();
    await measure(
      `a ${LAST_FIGURE_YEAR + 1} figure (the evaluation year moves)`,
      // Every computed cell once for the new year (they take $C$3), the edited row once more before: Excel
      // evaluates the row for its figure first, then C3's stream hears of the edit and pushes the year.
      { invocations: planCells - c3 + perRow[other]!, pushes: c3 + 1 },
      figure(other, LAST_FIGURE_YEAR + 1, latest(other) + 2),
    );
    return {
      indicators: count,
      planCells,
      planCellsPerRow,
      edits,
      rowForm: { before, after, templateGap: templateGapAfter, address: `${rowFormAddress}: =PLAN.GAP(${target})` },
    };
  } finally {
    uninstall();
  }
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** The "PLAN calls per edit" table for BENCHMARKS.md. */
export function recalculationTable(runs: RecalculationRun[]): string[] {
  const lines = [
    "| edit (after insert) | " +
      runs.map((r) => `${fmt(r.indicators)} indicators: calls / pushes (budget)`).join(" | ") +
      " |",
    `|---|${runs.map(() => "---").join("|")}|`,
  ];
  const names = runs[0]?.edits.map((e) => e.edit) ?? [];
  for (const [i, name] of names.entries()) {
    const cells = runs.map((r) => {
      const e = r.edits[i]!;
      const ok = e.invocations <= e.budget.invocations && e.pushes <= e.budget.pushes;
      return `${fmt(e.invocations)} / ${fmt(e.pushes)} (≤ ${fmt(e.budget.invocations)} / ${fmt(e.budget.pushes)}) ${ok ? "✅" : "❌"}`;
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    `PLAN cells in the template: ${runs.map((r) => `${fmt(r.planCells)} at ${fmt(r.indicators)} indicators (${r.planCellsPerRow} a row and C3)`).join("; ")}. ` +
      "Calls = PLAN cells Excel evaluates again (every dirty PLAN cell, as Excel marks them); pushes = results a streaming call sets afterwards (C3's year, the typed row form). " +
      "A volatile function would be called for every PLAN cell on every edit.",
  );
  return lines;
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const runs: RecalculationRun[] = [];
  for (const size of sizes.length ? sizes : [11, 1000]) {
    process.stderr.write(`  PLAN calls per edit: ${size} indicators…\n`);
    runs.push(await measureRecalculation(size));
  }
  if (process.argv.includes("--json")) process.stdout.write(JSON.stringify(runs));
  else process.stdout.write(recalculationTable(runs).join("\n") + "\n");
  const over = runs.flatMap(overBudget);
  for (const line of over) process.stderr.write(`over budget: ${line}\n`);
  process.exitCode = over.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2); // 1 means "measured, over budget" (run.ts still reads the table then)
  });
}
