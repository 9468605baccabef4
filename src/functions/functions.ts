/**
 * The custom-functions entry (namespace PLAN, from the manifest): one thin JSDoc wrapper per PLAN
 * function. custom-functions-metadata-plugin reads the JSDoc to write functions.json and appends the
 * CustomFunctions.associate calls; the work is in planFunctions.ts, the same code the stand-in runs.
 * This entry imports no React or Fluent: it registers before the pane's UI loads.
 *
 * Parameters are `any` because Excel coerces number-typed parameters itself and the text staff type
 * (`１．４７`, `1.47%`) must reach the core's parser intact. Every parameter after the first of a
 * row-capable function is optional in the metadata so that `=PLAN.GAP(B5)` is accepted; the spec
 * reports a missing value when the first argument is not a template cell.
 *
 * Row-capable functions are @volatile: a row-form result depends on other cells of the row that are
 * not arguments, and Excel only recalculates a non-volatile function when its arguments change. The
 * cost: they recalculate on every edit in the workbook; all row-form calls of one recalculation
 * share one Excel.run with one context.sync (rowLookup.ts), and value-form calls are pure arithmetic.
 * The English descriptions here are the specs' (a test keeps them equal; the Chinese metadata is
 * generated from the specs by localizedMetadata.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes numbers, text, booleans or null; the core parses them */
import { runRowCapableFunction, runValueFunction } from "./excelHost";

/**
 * How far the actual value still is from the target, in the indicator's unit (percentage points for shares): up: target − actual; down: actual − target. Positive means still short.
 * @customfunction GAP
 * @param actual The latest actual value, or any cell of an indicator row in the template (alone, it computes from that row).
 * @param [target] The plan's target value.
 * @param [direction] "up" (higher is better, the default) or "down" (lower is better); 正向/逆向 also work.
 * @param invocation Excel's call details (the address of each argument).
 * @returns One cell (a 1×1 array, as @requiresParameterAddresses requires).
 * @volatile
 * @requiresParameterAddresses
 */
export function gap(
  actual: any,
  target: any,
  direction: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return runRowCapableFunction("GAP", [actual, target, direction], invocation);
}

/**
 * The average annual growth rate needed to go from the current value to the target (a fraction: 0.0414 is 4.14%): (target/current)^(1/years) − 1, the same as Excel's RRI(years, current, target).
 * @customfunction GROWTH
 * @param current The current value, or any cell of an indicator row in the template (alone, it computes from that row).
 * @param [target] The plan's target value.
 * @param [years] Years left until the target year (more than 0).
 * @param invocation Excel's call details (the address of each argument).
 * @returns One cell (a 1×1 array, as @requiresParameterAddresses requires).
 * @volatile
 * @requiresParameterAddresses
 */
export function growth(
  current: any,
  target: any,
  years: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return runRowCapableFunction("GROWTH", [current, target, years], invocation);
}

/**
 * How much the value must change each year to reach the target, in the indicator's unit (percentage points for shares): (target − current) / years.
 * @customfunction STEP
 * @param current The current value, or any cell of an indicator row in the template (alone, it computes from that row).
 * @param [target] The plan's target value.
 * @param [years] Years left until the target year (more than 0).
 * @param invocation Excel's call details (the address of each argument).
 * @returns One cell (a 1×1 array, as @requiresParameterAddresses requires).
 * @volatile
 * @requiresParameterAddresses
 */
export function step(current: any, target: any, years: any, invocation: CustomFunctions.Invocation): Promise<any[][]> {
  return runRowCapableFunction("STEP", [current, target, years], invocation);
}

/**
 * Completion progress (a fraction): (actual − baseline) / (target − baseline); when the target equals the baseline, 1 while it is met, else 0.
 * @customfunction PROGRESS
 * @param baseline The baseline value, or any cell of an indicator row in the template (alone, it computes from that row).
 * @param [actual] The latest actual value.
 * @param [target] The plan's target value.
 * @param [direction] "up" (higher is better, the default) or "down" (lower is better); 正向/逆向 also work.
 * @param invocation Excel's call details (the address of each argument).
 * @returns One cell (a 1×1 array, as @requiresParameterAddresses requires).
 * @volatile
 * @requiresParameterAddresses
 */
export function progress(
  baseline: any,
  actual: any,
  target: any,
  direction: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return runRowCapableFunction("PROGRESS", [baseline, actual, target, direction], invocation);
}

/**
 * The share of the plan period that has passed (a fraction): (year − base_year) / (target_year − base_year), kept between 0 and 1.
 * @customfunction ELAPSED
 * @param base_year The baseline year, such as 2020.
 * @param target_year The target year, such as 2025.
 * @param year The year evaluated (the year of the latest figure).
 */
export function elapsed(base_year: any, target_year: any, year: any): any {
  return runValueFunction("ELAPSED", [base_year, target_year, year]);
}

/**
 * The value the plan expects in the year: on the straight line from baseline to target (linear) or at a constant growth rate (geometric).
 * @customfunction EXPECTED
 * @param baseline The baseline value (where the plan starts).
 * @param target The plan's target value.
 * @param base_year The baseline year, such as 2020.
 * @param target_year The target year, such as 2025.
 * @param year The year evaluated (the year of the latest figure).
 * @param [path] "linear" (the default) or "geometric" (a constant growth rate); 线性/几何 also work.
 */
export function expected(baseline: any, target: any, base_year: any, target_year: any, year: any, path: any): any {
  return runValueFunction("EXPECTED", [baseline, target, base_year, target_year, year, path]);
}

/**
 * The indicator's status: achieved, ahead, on track, lagging or missed (提前实现/已完成, 快于预期, 基本符合预期, 滞后, 未完成 in a Chinese workbook), from progress compared with time elapsed.
 * @customfunction STATUS
 * @param baseline The baseline value, or any cell of an indicator row in the template (alone, it computes from that row).
 * @param [actual] The latest actual value.
 * @param [target] The plan's target value.
 * @param [base_year] The baseline year, such as 2020.
 * @param [target_year] The target year, such as 2025.
 * @param [year] The year evaluated (the year of the latest figure).
 * @param [direction] "up" (higher is better, the default) or "down" (lower is better); 正向/逆向 also work.
 * @param [binding] TRUE for a binding indicator (may not fall behind the time line); FALSE (expected) by default.
 * @param [tolerance] How far an expected indicator may be from the time line, 0.1 (10%) by default.
 * @param invocation Excel's call details (the address of each argument).
 * @returns One cell (a 1×1 array, as @requiresParameterAddresses requires).
 * @volatile
 * @requiresParameterAddresses
 */
export function status(
  baseline: any,
  actual: any,
  target: any,
  base_year: any,
  target_year: any,
  year: any,
  direction: any,
  binding: any,
  tolerance: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return runRowCapableFunction(
    "STATUS",
    [baseline, actual, target, base_year, target_year, year, direction, binding, tolerance],
    invocation,
  );
}

// Not volatile: the header row, the indicator's row and the reference row are its arguments, so Excel
// recalculates it exactly when one of their cells changes. The template's computed columns use it.
/**
 * Evaluates an indicator from a row of the template and returns one field: status, gap, progress, elapsed, growth, step, value or dataYear. The same reading and rules as the task pane.
 * @customfunction EVALUATE
 * @param {any[][]} header_row The template's header row (with the 指标, 目标值 and 目标年 columns).
 * @param {any[][]} row The indicator's row, as wide as the header row.
 * @param {any} field What to return: status, gap, progress, elapsed, growth, step, value, dataYear.
 * @param {any} [evaluation_year] The year evaluated; when omitted, the row's latest year with a figure.
 * @param {any[][]} [reference_row] For a relative target (higher than GDP growth), the row of the indicator it refers to.
 * @returns {any} The field's value.
 */
export function evaluate(
  header_row: any[][],
  row: any[][],
  field: any,
  evaluation_year?: any,
  reference_row?: any[][],
): any {
  return runValueFunction("EVALUATE", [header_row, row, field, evaluation_year ?? null, reference_row ?? null]);
}

/**
 * The latest year anything is entered in the template (the default evaluation year).
 * @customfunction DATAYEAR
 * @param {any[][]} header_row The template's header row.
 * @param {any[][]} rows All indicator rows of the template.
 * @returns {any} A year.
 */
export function datayear(header_row: any[][], rows: any[][]): any {
  return runValueFunction("DATAYEAR", [header_row, rows]);
}
