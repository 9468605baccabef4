/**
 * Read the template table and the state stored with it in ONE sync: header, body values and
 * value types, the body's address, the sheet's name, the stored state and the plan (from the
 * workbook's plan part, or from the settings of an earlier version). Everything the pane
 * shows or checks is computed from this snapshot by the core.
 */
import { HostOperationError, runRead } from "./excelRun";
import { parseRangeAddress, type Block } from "./a1";
import { bodyRows, isEvaluationYearLabel } from "../core/templateBlock";
import { EVALUATION_YEAR_INPUT, otherGoalsName } from "./templateContent";
import { queueStateRead, readStateResult, STATE_KEY, type StateRead } from "./templateState";

export interface TemplateSnapshot {
  tableName: string;
  sheetName: string;
  /** Where the body is: first row (1-based) and first column (0-based) of the data rows. */
  body: Block;
  headers: unknown[];
  values: unknown[][];
  /** Excel's type per cell ("Error" tells a real #N/A from the text "#N/A"). */
  valueTypes: string[][];
  stored: StateRead;
  /** What the title block's evaluation-year input (B3) holds: a year, or blank for the latest year with figures. */
  evaluationYearInput: unknown;
  /** The other-goals block below the table (templateLayout.ts OTHER_GOALS_CAPTION), null when the sheet has none. */
  otherGoals: OtherGoalsSnapshot | null;
}

/** The other-goals block as read: its header row and its rows (to the first blank row), laid out like the table's. */
export interface OtherGoalsSnapshot {
  headers: unknown[];
  /** First row (1-based) and first column (0-based) of the block's rows (the header is the row above). */
  body: Block;
  values: unknown[][];
}

/** Queues the read of the other-goals block of table `tableName`: found by its workbook name, wherever rows moved it. */
export function queueOtherGoalsRead(
  context: Excel.RequestContext,
  tableName: string,
  withFormulas = false,
): Excel.Range {
  const range = context.workbook.names.getItemOrNullObject(otherGoalsName(tableName)).getRangeOrNullObject();
  // Literal property lists: the requirement-set check reads them (tests/shell/requirementSets.test.ts).
  return withFormulas ? range.load(["address", "values", "formulas"]) : range.load(["address", "values"]);
}

/** The block from its queued read: the header, and the rows under it up to the first blank one. */
export function otherGoalsResult(range: Excel.Range): OtherGoalsSnapshot | null {
  if (range.isNullObject) return null;
  const at = parseRangeAddress(range.address);
  const rows = bodyRows(range.values, 0);
  return {
    headers: range.values[0] ?? [],
    body: { ...at, firstRow: at.firstRow + 1, rowCount: rows.length },
    values: rows.map((r) => [...r]),
  };
}

/** Where the template is, from the workbook's stored state (one sync); null when none was inserted. */
export async function locateTemplate(): Promise<{ tableName: string } | null> {
  return runRead(async (context) => {
    const setting = queueStateRead(context);
    await context.sync();
    const stored = readStateResult(setting);
    if (stored.kind === "invalid") throw new HostOperationError("stateInvalid");
    return stored.kind === "ok" ? { tableName: stored.state.tableName } : null;
  });
}

export async function readTemplate(tableName: string): Promise<TemplateSnapshot> {
  return runRead(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load(["address", "values", "valueTypes"]);
    const sheet = table.worksheet.load("name");
    // A3 is the label 评估年份 in templates that have an evaluation year (an earlier layout had its legend there).
    const yearInput = table.worksheet.getRange(`A3:${EVALUATION_YEAR_INPUT}`).load("values");
    const setting = queueStateRead(context, true);
    const other = queueOtherGoalsRead(context, tableName);
    await context.sync();
    return {
      tableName,
      sheetName: sheet.name,
      body: parseRangeAddress(body.address),
      headers: header.values[0] ?? [],
      values: body.values,
      valueTypes: body.valueTypes as string[][],
      stored: readStateResult(setting),
      evaluationYearInput: isEvaluationYearLabel(yearInput.values[0]?.[0]) ? (yearInput.values[0]?.[1] ?? "") : "",
      otherGoals: otherGoalsResult(other),
    };
  });
}

export { STATE_KEY };
