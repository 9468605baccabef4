/**
 * Record an approved target adjustment (动态调整): the template's 调整后目标 cell of the indicator's row
 * shows the new value (PLAN.EVALUATE and the pane's status follow it), and the adjustment, with its
 * date, approving document (文号) and reason, is stored in the workbook's plan part next to the
 * original target, which stays in 目标值. Checked in the core first (src/core/targetAdjustment.ts).
 *
 * The cell is written only when it is blank or holds what the add-in wrote there (the stored plan's
 * last adjustment). When it already shows the new value only the record is added. When staff typed
 * another value there themselves nothing at all is written and the outcome says what the cell holds;
 * the pane asks, and calls again with `overwrite: true` only when staff confirm.
 *
 * The row's written-cells hash (ownedCells.ts) is not updated: a later template refresh treats the
 * adjusted cell as staff's and keeps it, rather than blanking it from a plan that lacks the adjustment.
 *
 * Round trips: 2 (read the table and the part; write the cell and the part), whatever the plan's size.
 */
import { parseUserNumber } from "../core/numberParsing";
import type { Indicator, Plan, TargetAdjustment } from "../core/planSchema";
import { readSheetRows } from "../core/sheetRows";
import { addTargetAdjustment, type AdjustmentInput, type AdjustmentProblem } from "../core/targetAdjustment";
import { mapHeaders, isBlankCell } from "../core/templateLayout";
import { numberOptions } from "../core/templateRow";
import { otherGoalsResult, queueOtherGoalsRead } from "./readTemplate";
import { columnLetters, parseRangeAddress } from "./a1";
import { HostOperationError, runWrite } from "./excelRun";
import { storedPlanOf, templatePlanId, type RecordBlock } from "./recordFigures";
import { targetFormat } from "./templateContent";
import { queueStateRead } from "./templateState";
import { finishPlanStoreRead, queuePlanStoreRead, queuePlanStoreWrite } from "./workbookPlanStore";

type Message = { zh: string; en: string };

export type AdjustTargetOutcome =
  | {
      kind: "adjusted";
      /** The 调整后目标 cell, e.g. "K8". */
      address: string;
      /** written: the cell was blank or the add-in's; shown: it already held the new value; replaced: staff's value, replaced on request. */
      cell: "written" | "shown" | "replaced";
      /** What the cell held before, when it was replaced. */
      replaced?: string;
      stored: Plan;
      indicator: Indicator;
      adjustment: TargetAdjustment;
    }
  | { kind: "invalid"; problems: AdjustmentProblem[] }
  /** The cell holds a value staff typed: nothing was written. */
  | { kind: "cellChanged"; address: string; current: string; message: Message }
  | { kind: "notFound"; message: Message }
  | { kind: "blocked"; block: RecordBlock };

export interface AdjustTargetOptions {
  /** Staff confirmed: replace the value they typed in the 调整后目标 cell. */
  overwrite?: boolean;
  now?: () => Date;
}

function display(v: unknown): string {
  if (typeof v === "string") return v.startsWith("'") ? v.slice(1) : v;
  return v === null || v === undefined ? "" : String(v);
}

export async function adjustTarget(
  tableName: string,
  indicatorId: string,
  input: AdjustmentInput,
  options: AdjustTargetOptions = {},
): Promise<AdjustTargetOutcome> {
  return runWrite(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load(["address", "values"]);
    const settings = queueStateRead(context);
    const q = queuePlanStoreRead(context);
    const otherRange = queueOtherGoalsRead(context, tableName);
    await context.sync();
    const store = await finishPlanStoreRead(context, q);
    const { read } = store;
    const storedPlan = storedPlanOf(read, templatePlanId(settings));
    if (!storedPlan.ok) return { kind: "blocked", block: storedPlan.block };
    const stored = storedPlan.plan;

    // The indicator's row: in the table, else in the other goals' block below it (its own header).
    const other = otherGoalsResult(otherRange);
    const rowIn = (headers: readonly unknown[], values: readonly (readonly unknown[])[]) => {
      const id = mapHeaders(headers).id;
      return id === undefined ? -1 : values.findIndex((row) => display(row[id]).trim() === indicatorId);
    };
    const inOther = rowIn(header.values[0] ?? [], body.values) < 0 && other !== null;
    const headers = inOther ? other.headers : (header.values[0] ?? []);
    const values = inOther ? other.values : body.values;
    const map = mapHeaders(headers);
    const block = inOther ? other.body : parseRangeAddress(body.address);
    const idColumn = map.id;
    const adjustedColumn = map.adjustedTarget;
    if (idColumn === undefined || adjustedColumn === undefined) throw new HostOperationError("templateChanged");
    const r = rowIn(headers, values);
    const storedInd = stored.indicators.find((i) => i.id === indicatorId);
    if (r < 0 || !storedInd)
      return {
        kind: "notFound",
        message: {
          zh: `模板中没有指标代码为“${indicatorId}”的行，或工作簿保存的规划中没有该指标。`,
          en: `The template has no row with the indicator ID “${indicatorId}”, or the plan stored in the workbook has no such indicator.`,
        },
      };
    const sheetRow = block.firstRow + r;
    const address = `${columnLetters(block.firstColumn + adjustedColumn)}${sheetRow}`;
    const cells = values[r]!;

    // Checked against the indicator as staff see it (the sheet's row with the stored records) …
    // A value typed by hand in 调整后目标 is not an approval: checked against the stored adjustments only.
    const [reading] = readSheetRows(stored, headers, [cells], sheetRow, { otherGoals: inOther });
    const { targetAdjustments: _typed, ...sheetInd } = reading?.indicator ?? storedInd;
    const seen: Indicator = {
      ...sheetInd,
      ...(storedInd.targetAdjustments ? { targetAdjustments: storedInd.targetAdjustments } : {}),
    };
    const checkPlan: Plan = { ...stored, indicators: stored.indicators.map((i) => (i === storedInd ? seen : i)) };
    const checked = addTargetAdjustment(checkPlan, indicatorId, input);
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const adjustment = checked.adjustment;
    const value = "value" in adjustment.target ? adjustment.target.value : null;
    if (value === null) return { kind: "invalid", problems: [] }; // checkAdjustment never gives a target without a number

    // … and stored after the stored plan's own adjustments.
    const indicator: Indicator = {
      ...storedInd,
      targetAdjustments: [...(storedInd.targetAdjustments ?? []), adjustment],
    };
    const next: Plan = { ...stored, indicators: stored.indicators.map((i) => (i === storedInd ? indicator : i)) };

    const current = cells[adjustedColumn];
    const parsed = parseUserNumber(current, numberOptions(seen.kind, seen.unit.zh));
    const shown = parsed.ok ? parsed.value : null;
    const storedAdjustments = storedInd.targetAdjustments ?? [];
    const lastStored = storedAdjustments[storedAdjustments.length - 1]?.target;
    const written = lastStored && "value" in lastStored ? lastStored.value : null;
    let cell: "written" | "shown" | "replaced";
    if (isBlankCell(current) || (shown !== null && shown === written)) cell = "written";
    else if (shown === value) cell = "shown";
    else if (options.overwrite) cell = "replaced";
    else
      return {
        kind: "cellChanged",
        address,
        current: display(current),
        message: {
          zh: `单元格 ${address}（调整后目标）已有手工填写的值“${display(current)}”，未作任何更改。确认替换后再记录此次调整。`,
          en: `Cell ${address} (Adjusted target) holds a value typed by hand, “${display(current)}”; nothing was changed. Confirm to replace it, then the adjustment is recorded.`,
        },
      };

    // A plan kept in pieces sends them first: the cell goes with the main part, in the last request.
    await queuePlanStoreWrite(context, store, {
      plan: next,
      state: storedPlan.state,
      savedAt: (options.now ?? (() => new Date()))().toISOString(),
    });
    if (cell !== "shown") {
      const range = table.worksheet.getRange(address);
      range.numberFormat = [[targetFormat(seen, storedPlan.state.lang, adjustment.target)]];
      range.values = [[value]];
    }
    await context.sync();
    return {
      kind: "adjusted",
      address,
      cell,
      ...(cell === "replaced" ? { replaced: display(current) } : {}),
      stored: next,
      indicator,
      adjustment,
    };
  });
}
