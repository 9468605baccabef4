/**
 * The look of the template's rows, queued for a block of new rows (a fresh sheet, or indicators a
 * refresh appends): input cells filled light yellow, computed cells grey, technical codes in grey
 * text, and Excel's input validation on the input cells. Never applied to rows staff already use,
 * so their own formatting and validation rules stay as they made them.
 * Commands are per column block or per run of similar rows: their number does not grow with rows
 * in a typical plan, and all of them go out in the caller's one sync (or, past the request budget,
 * in as many requests as their size needs: see requestBudget.ts).
 */
import type { Lang } from "../core/messages";
import type { Indicator } from "../core/planSchema";
import type { ColumnKey, ColumnRole, TemplateColumn } from "../core/templateLayout";
import { blockRef } from "./a1";
import { manualStatusRule, yearCellRule, type InputRule } from "./inputValidation";
import type { RequestBatch } from "./requestBatch";
import { COMMAND_OVERHEAD, jsonBytes } from "./requestBudget";
import { COMPUTED_FILL, INPUT_FILL, TECHNICAL_FONT } from "./templateContent";

/** Column indices (0-based, sheet) of the columns for which `pick` holds, grouped into runs of adjacent columns. */
export function columnRuns(indices: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...indices].sort((a, b) => a - b);
  const runs: Array<{ first: number; count: number }> = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === i) last.count += 1;
    else runs.push({ first: i, count: 1 });
  }
  return runs;
}

/** Consecutive rows whose rule has the same key. */
export function rowRuns<T>(
  items: readonly T[],
  keyOf: (item: T) => string | null,
): Array<{ first: number; count: number; item: T }> {
  const runs: Array<{ first: number; count: number; item: T; key: string | null }> = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.count += 1;
    else runs.push({ first: i, count: 1, item, key });
  });
  return runs;
}

/** The request bytes of applyRule: the range, four properties and their texts. */
function ruleBytes(rule: InputRule): number {
  return 5 * COMMAND_OVERHEAD + jsonBytes(rule.rule) + jsonBytes(rule.alert) + jsonBytes(rule.prompt);
}

function applyRule(range: Excel.Range, rule: InputRule): void {
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.rule = rule.rule;
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: "Warning",
    title: rule.alert.title,
    message: rule.alert.message,
  };
  range.dataValidation.prompt = { showPrompt: true, title: rule.prompt.title, message: rule.prompt.message };
}

export interface RowBlock {
  sheet: Excel.Worksheet;
  columns: readonly TemplateColumn[];
  /** Sheet column index (0-based) of each template column key present in the table. */
  columnOf: (key: ColumnKey) => number | undefined;
  /** 1-based sheet row of the first row of the block. */
  firstRow: number;
  indicators: readonly Indicator[];
  lang: Lang;
}

function indicesOf(block: RowBlock, pick: (c: TemplateColumn) => boolean): number[] {
  return block.columns.filter(pick).flatMap((c) => {
    const i = block.columnOf(c.key);
    return i === undefined ? [] : [i];
  });
}

export async function formatNewRows(block: RowBlock, batch: RequestBatch): Promise<void> {
  const n = block.indicators.length;
  if (n === 0) return;
  const { sheet, firstRow } = block;
  const byRole = (role: ColumnRole) => indicesOf(block, (c) => c.role === role);
  await batch.fit(3 * block.columns.length * 2 * COMMAND_OVERHEAD);

  for (const run of columnRuns(byRole("input"))) {
    sheet.getRange(blockRef(run.first, firstRow, run.count, n)).format.fill.color = INPUT_FILL;
  }
  for (const run of columnRuns(byRole("computed"))) {
    sheet.getRange(blockRef(run.first, firstRow, run.count, n)).format.fill.color = COMPUTED_FILL;
  }
  for (const run of columnRuns(byRole("technical"))) {
    sheet.getRange(blockRef(run.first, firstRow, run.count, n)).format.font.color = TECHNICAL_FONT;
  }
  // Long names, units, notes and text targets wrap within their column (numbers never wrap), so a row stays
  // readable on screen and on paper without widening the page; the row grows to the text.
  const all = indicesOf(block, () => true);
  if (all.length > 0) {
    const first = Math.min(...all);
    const rows = sheet.getRange(blockRef(first, firstRow, Math.max(...all) - first + 1, n));
    rows.format.wrapText = true;
    rows.format.verticalAlignment = "Center";
    rows.format.autofitRows();
  }

  // Yearly figures: one rule per run of rows of the same kind, over the block of year columns.
  const yearRuns = columnRuns(indicesOf(block, (c) => c.year !== undefined));
  const rules = block.indicators.map((ind) => yearCellRule(ind, block.lang));
  for (const rowRun of rowRuns(rules, (r) => r?.key ?? null)) {
    if (!rowRun.item) continue;
    await batch.fit(yearRuns.length * ruleBytes(rowRun.item));
    for (const colRun of yearRuns) {
      applyRule(
        sheet.getRange(blockRef(colRun.first, firstRow + rowRun.first, colRun.count, rowRun.count)),
        rowRun.item,
      );
    }
  }
  const manual = block.columnOf("manualStatus");
  if (manual !== undefined) {
    const rule = manualStatusRule(block.lang);
    await batch.fit(ruleBytes(rule));
    applyRule(sheet.getRange(blockRef(manual, firstRow, 1, n)), rule);
  }
}
