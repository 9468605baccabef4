/**
 * The PLAN custom functions, host-neutral: one spec per function (names, parameters, descriptions in
 * zh and en, and the evaluation) that the Excel wrappers, the stand-in spreadsheet engine, the Chinese
 * metadata and the docs all read. Arguments are turned into numbers and words here; every figure
 * comes from the core (indicatorMath, status, indicatorEvaluation). Bad input gives a CellError,
 * never NaN, Infinity or an exception.
 *
 * Status labels use ctx.lang, the workbook's language (the WORKBOOK_LANGUAGE_SETTING written when the
 * template is inserted; zh when unset), not each user's Office language: a shared workbook then shows
 * the same label text whoever recalculates it.
 */
import { evaluateIndicator, type IndicatorEvaluation } from "../core/indicatorEvaluation";
import {
  completionProgress,
  expectedValue,
  gapToTarget,
  requiredAnnualGrowth,
  requiredAnnualStep,
  timeProgress,
} from "../core/indicatorMath";
import { message, type Lang, type MessageCode } from "../core/messages";
import { parseUserNumber } from "../core/numberParsing";
import type { Direction, LocalizedText, Plan } from "../core/planSchema";
import type { ExcelErrorKind, Failure, Result } from "../core/result";
import { DEFAULT_TOLERANCE, evaluateStatus, statusLabel } from "../core/status";
import {
  columnHeader,
  parseBinding,
  parseDirection,
  parsePath,
  templateRowToIndicator,
  type TemplateRow,
} from "../core/templateLayout";
import { functionMessage, type FunctionMessageCode } from "./functionMessages";

export type CellErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";
export type CellError = { error: CellErrorCode; message: string };
export type CellResult = number | string | boolean | CellError;

export interface FunctionContext {
  /** The workbook's language for messages and status labels. */
  lang: Lang;
  /** The template row of the cell referenced by argument `argIndex`, or null when it is not in one. */
  rowAt?: (argIndex: number) => TemplateRow | null;
}

export type PlanFunctionId = "GAP" | "GROWTH" | "STEP" | "PROGRESS" | "ELAPSED" | "EXPECTED" | "STATUS";

export interface ParameterSpec {
  /** en: the identifier in English metadata and JSDoc (base_year); zh: the name Chinese Excel shows. */
  name: LocalizedText;
  description: LocalizedText;
  /** May be left out in the value form. (Row-capable functions mark every parameter after the first optional in Excel's metadata, so `=PLAN.GAP(B5)` is accepted.) */
  optional: boolean;
}

export interface PlanFunctionSpec {
  /** The function's id and its name in Excel in every language: PLAN.GAP. */
  id: PlanFunctionId;
  /** What staff call it, for the pane and the docs (差距 / gap). */
  name: LocalizedText;
  description: LocalizedText;
  parameters: readonly ParameterSpec[];
  /** Accepts a single reference to a cell of a template row instead of values. */
  rowForm: boolean;
  /** What the number means, for docs and number formats: a fraction shows as a percentage. */
  result: "value" | "fraction" | "label";
  /** A worked example for the docs: the formula and what it returns. */
  example: { formula: string; result: string };
  evaluate(args: readonly unknown[], ctx: FunctionContext): CellResult;
}

// ---------------------------------------------------------------------------------------------
// Errors

const ERROR_OF_KIND: Record<ExcelErrorKind, CellErrorCode> = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
  div0: "#DIV/0!",
};

/** Thrown inside an evaluation to leave with a CellError; caught in `guarded`, never escapes. */
class ArgumentProblem {
  constructor(readonly cellError: CellError) {}
}

function stop(error: CellErrorCode, message: string): never {
  throw new ArgumentProblem({ error, message });
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

function failWith(failure: Failure, lang: Lang): never {
  return stop(ERROR_OF_KIND[failure.error], message(failure.code, lang, failure.args));
}

function fromResult(result: Result<number>, lang: Lang): number {
  return result.ok ? result.value : failWith(result, lang);
}

/** Runs an evaluation so that nothing but a number, a label or a CellError comes out. */
function guarded(lang: Lang, body: () => CellResult): CellResult {
  try {
    const value = body();
    if (typeof value === "number" && !Number.isFinite(value))
      return { error: "#NUM!", message: message("math.overflow", lang) };
    return value;
  } catch (e) {
    if (e instanceof ArgumentProblem) return e.cellError;
    return { error: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments

/** Reads the arguments of one call by parameter index, with messages naming the parameter. */
class Args {
  constructor(
    private readonly spec: Pick<PlanFunctionSpec, "parameters" | "rowForm">,
    private readonly values: readonly unknown[],
    private readonly lang: Lang,
  ) {}

  private argName(i: number): string {
    return this.spec.parameters[i]?.name[this.lang] ?? `#${i + 1}`;
  }

  raw(i: number): unknown {
    const v = this.values[i];
    return v === undefined ? null : v;
  }

  /** An optional argument counts as omitted when null (Excel), undefined, or a blank string (an empty cell). */
  omitted(i: number): boolean {
    const v = this.raw(i);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  /** Only the first argument given: what a row-form call looks like. */
  onlyFirstGiven(): boolean {
    // A plain loop: this runs on every call of a row-capable function (no array copy per call).
    for (let i = 1; i < this.values.length; i++)
      if (this.values[i] !== null && this.values[i] !== undefined) return false;
    return true;
  }

  number(i: number): number {
    const parsed = parseUserNumber(this.raw(i));
    if (parsed.ok) return parsed.value;
    if (parsed.reason === "blank") {
      const code: FunctionMessageCode =
        this.spec.rowForm && i > 0 && this.onlyFirstGiven() ? "arg.missingOrRow" : "arg.missing";
      return stop("#N/A", functionMessage(code, this.lang, { arg: this.argName(i) }));
    }
    const reason = message(parsed.code, this.lang, parsed.args);
    return stop(
      ERROR_OF_KIND[parsed.error],
      functionMessage("arg.invalid", this.lang, { arg: this.argName(i), reason }),
    );
  }

  /** A calendar year: a whole number from 1900 to 2200. */
  year(i: number): number {
    const y = this.number(i);
    if (!Number.isInteger(y) || y < 1900 || y > 2200)
      stop("#NUM!", functionMessage("arg.year", this.lang, { arg: this.argName(i), value: y }));
    return y;
  }

  direction(i: number): Direction {
    if (this.omitted(i)) return "up";
    const d = parseDirection(this.raw(i));
    return (
      d ??
      stop(
        "#VALUE!",
        functionMessage("arg.direction", this.lang, { arg: this.argName(i), text: describe(this.raw(i)) }),
      )
    );
  }

  binding(i: number): boolean {
    if (this.omitted(i)) return false;
    const b = parseBinding(this.raw(i));
    return (
      b ??
      stop("#VALUE!", functionMessage("arg.binding", this.lang, { arg: this.argName(i), text: describe(this.raw(i)) }))
    );
  }

  path(i: number): "linear" | "geometric" {
    if (this.omitted(i)) return "linear";
    const p = parsePath(this.raw(i));
    return (
      p ??
      stop("#VALUE!", functionMessage("arg.path", this.lang, { arg: this.argName(i), text: describe(this.raw(i)) }))
    );
  }

  /** A share of the whole task (0.1 = 10 %); "10%" as text is read as 0.1. */
  tolerance(i: number, fallback: number): number {
    if (this.omitted(i)) return fallback;
    const t = this.number(i);
    if (t < 0 || t > 1) stop("#NUM!", functionMessage("arg.tolerance", this.lang, { arg: this.argName(i), value: t }));
    return t;
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value).toUpperCase();
  if (Array.isArray(value)) return "[…]";
  return typeof value;
}

// ---------------------------------------------------------------------------------------------
// The row form: a template row through the core's evaluateIndicator, the same numbers the pane shows

type RowFigure = "gap" | "requiredGrowth" | "requiredStep" | "progress";

function rowLabel(row: TemplateRow, lang: Lang): string {
  return row.name ?? row.id ?? functionMessage("row.unnamed", lang);
}

/** Evaluations by row object: the five row functions of an indicator in one recalculation get the same row from the host. */
const evaluatedRows = new WeakMap<TemplateRow, IndicatorEvaluation>();

function evaluateRow(row: TemplateRow, lang: Lang): IndicatorEvaluation {
  const known = evaluatedRows.get(row);
  if (known) return known;
  const model = templateRowToIndicator(row);
  if (!model.ok) {
    const column = row.headers[model.key] ?? columnHeader(model.key, lang);
    const indicator = rowLabel(row, lang);
    if (model.reason === "missing") stop("#N/A", functionMessage("row.cellMissing", lang, { indicator, column }));
    stop("#VALUE!", functionMessage("row.cellInvalid", lang, { indicator, column, text: model.text ?? "" }));
  }
  const { indicator, targetYear } = model;
  // evaluateIndicator reads the plan only for its target year; the row carries its own.
  const plan: Plan = {
    formatVersion: 1,
    id: "template-row",
    title: indicator.name,
    source: { document: indicator.name, issuer: indicator.name, date: "2000-01-01" },
    baseYear: indicator.baselineYear,
    targetYear,
    indicators: [indicator],
  };
  const evaluation = evaluateIndicator(plan, indicator);
  evaluatedRows.set(row, evaluation);
  return evaluation;
}

function rowReason(row: TemplateRow, lang: Lang, reason: string): never {
  return stop("#N/A", functionMessage("row.reason", lang, { indicator: rowLabel(row, lang), reason }));
}

function rowFigure(row: TemplateRow, lang: Lang, figure: RowFigure): number {
  const ev = evaluateRow(row, lang);
  const result = ev[figure];
  if (result) {
    if (result.ok) return result.value;
    return stop(
      ERROR_OF_KIND[result.error],
      functionMessage("row.reason", lang, {
        indicator: rowLabel(row, lang),
        reason: message(result.code, lang, result.args),
      }),
    );
  }
  // Not applicable: say why, most basic reason first.
  const why: MessageCode | null =
    ev.targetKind === "text" ? "eval.textTarget" : ev.latest === null ? "eval.noData" : null;
  if (why) return rowReason(row, lang, message(why, lang));
  if (ev.yearsLeft === 0 && (figure === "requiredGrowth" || figure === "requiredStep")) {
    return rowReason(row, lang, functionMessage("row.targetYearReached", lang));
  }
  if (figure === "requiredGrowth") return rowReason(row, lang, functionMessage("row.growthNotApplicable", lang));
  return rowReason(row, lang, message(ev.statusReason ?? "eval.noData", lang));
}

function rowStatus(row: TemplateRow, lang: Lang): string {
  const ev = evaluateRow(row, lang);
  if (ev.status) return ev.status.label[lang];
  const failure = ev.progress && !ev.progress.ok ? ev.progress : null;
  if (failure)
    return stop(
      ERROR_OF_KIND[failure.error],
      functionMessage("row.reason", lang, {
        indicator: rowLabel(row, lang),
        reason: message(failure.code, lang, failure.args),
      }),
    );
  return rowReason(row, lang, message(ev.statusReason ?? "eval.noData", lang));
}

// ---------------------------------------------------------------------------------------------
// The specs

const t = (zh: string, en: string): LocalizedText => ({ zh, en });
const param = (en: string, zh: string, descZh: string, descEn: string, optional = false): ParameterSpec => ({
  name: { zh, en },
  description: { zh: descZh, en: descEn },
  optional,
});

const ROW_HINT = t(
  "，或指标模板中某一行的任一单元格（只给这一个参数时按该行计算）",
  ", or any cell of an indicator row in the template (alone, it computes from that row)",
);

const P = {
  actual: param("actual", "实际值", "最新实际值" + ROW_HINT.zh + "。", "The latest actual value" + ROW_HINT.en + "."),
  current: param("current", "当前值", "当前值" + ROW_HINT.zh + "。", "The current value" + ROW_HINT.en + "."),
  baselineRow: param("baseline", "基期值", "基期值" + ROW_HINT.zh + "。", "The baseline value" + ROW_HINT.en + "."),
  baseline: param("baseline", "基期值", "基期值（规划起点的数值）。", "The baseline value (where the plan starts)."),
  actualPlain: param("actual", "实际值", "最新实际值。", "The latest actual value."),
  target: param("target", "目标值", "规划目标值。", "The plan's target value."),
  years: param("years", "年数", "距目标年份的剩余年数（大于 0）。", "Years left until the target year (more than 0)."),
  direction: param(
    "direction",
    "方向",
    '"up"（正向，越大越好，默认）或 "down"（逆向，越小越好）。',
    '"up" (higher is better, the default) or "down" (lower is better); 正向/逆向 also work.',
    true,
  ),
  baseYear: param("base_year", "基期年", "基期年份，如 2020。", "The baseline year, such as 2020."),
  targetYear: param("target_year", "目标年", "目标年份，如 2025。", "The target year, such as 2025."),
  year: param("year", "年份", "评估年份（最新数据所属年份）。", "The year evaluated (the year of the latest figure)."),
  path: param(
    "path",
    "路径",
    '"linear"（线性，默认）或 "geometric"（几何，按不变增长率）。',
    '"linear" (the default) or "geometric" (a constant growth rate); 线性/几何 also work.',
    true,
  ),
  binding: param(
    "binding",
    "约束性",
    "TRUE 表示约束性指标（不允许落后于时间进度），默认 FALSE（预期性）。",
    "TRUE for a binding indicator (may not fall behind the time line); FALSE (expected) by default.",
    true,
  ),
  tolerance: param(
    "tolerance",
    "容差",
    "预期性指标允许偏离时间进度的幅度，默认 0.1（10%）。",
    "How far an expected indicator may be from the time line, 0.1 (10%) by default.",
    true,
  ),
};

/** Row form when only the first argument is given and the host finds a template row there; else the value form. */
function rowCapable(
  spec: Pick<PlanFunctionSpec, "parameters" | "rowForm">,
  args: readonly unknown[],
  ctx: FunctionContext,
  byRow: (row: TemplateRow) => CellResult,
  byValue: (a: Args) => CellResult,
): CellResult {
  return guarded(ctx.lang, () => {
    const a = new Args(spec, args, ctx.lang);
    if (a.onlyFirstGiven()) {
      const row = ctx.rowAt?.(0) ?? null;
      if (row) return byRow(row);
    }
    return byValue(a);
  });
}

function valueOnly(
  spec: Pick<PlanFunctionSpec, "parameters" | "rowForm">,
  args: readonly unknown[],
  ctx: FunctionContext,
  byValue: (a: Args) => CellResult,
): CellResult {
  return guarded(ctx.lang, () => byValue(new Args(spec, args, ctx.lang)));
}

const GAP: PlanFunctionSpec = {
  id: "GAP",
  name: t("差距", "gap"),
  description: t(
    "实际值距目标值还差多少（指标本身单位，百分比指标为百分点）：正向为 目标值 − 实际值，逆向为 实际值 − 目标值；正数表示尚未达到。",
    "How far the actual value still is from the target, in the indicator's unit (percentage points for shares): up: target − actual; down: actual − target. Positive means still short.",
  ),
  parameters: [P.actual, P.target, P.direction],
  rowForm: true,
  result: "value",
  example: { formula: "=PLAN.GAP(1.2, 1.47)", result: "0.27" },
  evaluate(args, ctx) {
    return rowCapable(
      GAP,
      args,
      ctx,
      (row) => rowFigure(row, ctx.lang, "gap"),
      (a) => fromResult(gapToTarget(a.number(0), a.number(1), a.direction(2)), ctx.lang),
    );
  },
};

const GROWTH: PlanFunctionSpec = {
  id: "GROWTH",
  name: t("年均需增长", "required annual growth"),
  description: t(
    "从当前值到目标值所需的年均增长率（小数，0.0414 即 4.14%）：(目标值/当前值)^(1/年数) − 1，与 Excel 的 RRI(年数, 当前值, 目标值) 相同。",
    "The average annual growth rate needed to go from the current value to the target (a fraction: 0.0414 is 4.14%): (target/current)^(1/years) − 1, the same as Excel's RRI(years, current, target).",
  ),
  parameters: [P.current, P.target, P.years],
  rowForm: true,
  result: "fraction",
  example: { formula: "=PLAN.GROWTH(1.2, 1.47, 5)", result: "0.0414 (4.14%)" },
  evaluate(args, ctx) {
    return rowCapable(
      GROWTH,
      args,
      ctx,
      (row) => rowFigure(row, ctx.lang, "requiredGrowth"),
      (a) => fromResult(requiredAnnualGrowth(a.number(0), a.number(1), a.number(2)), ctx.lang),
    );
  },
};

const STEP: PlanFunctionSpec = {
  id: "STEP",
  name: t("每年需提高", "required annual step"),
  description: t(
    "从当前值到目标值每年需提高的量（指标本身单位，百分比指标为百分点）：(目标值 − 当前值) / 年数。",
    "How much the value must change each year to reach the target, in the indicator's unit (percentage points for shares): (target − current) / years.",
  ),
  parameters: [P.current, P.target, P.years],
  rowForm: true,
  result: "value",
  example: { formula: "=PLAN.STEP(116, 150, 5)", result: "6.8" },
  evaluate(args, ctx) {
    return rowCapable(
      STEP,
      args,
      ctx,
      (row) => rowFigure(row, ctx.lang, "requiredStep"),
      (a) => fromResult(requiredAnnualStep(a.number(0), a.number(1), a.number(2)), ctx.lang),
    );
  },
};

const PROGRESS: PlanFunctionSpec = {
  id: "PROGRESS",
  name: t("完成进度", "progress"),
  description: t(
    "完成进度（小数）：(实际值 − 基期值) / (目标值 − 基期值)；目标值等于基期值时，保持达标为 1，否则为 0。",
    "Completion progress (a fraction): (actual − baseline) / (target − baseline); when the target equals the baseline, 1 while it is met, else 0.",
  ),
  parameters: [P.baselineRow, P.actualPlain, P.target, P.direction],
  rowForm: true,
  result: "fraction",
  example: { formula: "=PLAN.PROGRESS(116, 133, 150)", result: "0.5 (50%)" },
  evaluate(args, ctx) {
    return rowCapable(
      PROGRESS,
      args,
      ctx,
      (row) => rowFigure(row, ctx.lang, "progress"),
      (a) => fromResult(completionProgress(a.number(0), a.number(1), a.number(2), a.direction(3)), ctx.lang),
    );
  },
};

const ELAPSED: PlanFunctionSpec = {
  id: "ELAPSED",
  name: t("时间进度", "time elapsed"),
  description: t(
    "时间进度（小数）：(年份 − 基期年) / (目标年 − 基期年)，限定在 0 到 1 之间。",
    "The share of the plan period that has passed (a fraction): (year − base_year) / (target_year − base_year), kept between 0 and 1.",
  ),
  parameters: [P.baseYear, P.targetYear, P.year],
  rowForm: false,
  result: "fraction",
  example: { formula: "=PLAN.ELAPSED(2020, 2025, 2023)", result: "0.6 (60%)" },
  evaluate(args, ctx) {
    return valueOnly(ELAPSED, args, ctx, (a) => fromResult(timeProgress(a.year(0), a.year(1), a.year(2)), ctx.lang));
  },
};

const EXPECTED: PlanFunctionSpec = {
  id: "EXPECTED",
  name: t("序时进度值", "expected value"),
  description: t(
    "按规划路径在该年份应达到的数值（序时进度）：线性为基期值与目标值之间按时间进度插值，几何为按不变增长率。",
    "The value the plan expects in the year: on the straight line from baseline to target (linear) or at a constant growth rate (geometric).",
  ),
  parameters: [P.baseline, P.target, P.baseYear, P.targetYear, P.year, P.path],
  rowForm: false,
  result: "value",
  example: { formula: "=PLAN.EXPECTED(116, 150, 2020, 2025, 2023)", result: "136.4" },
  evaluate(args, ctx) {
    return valueOnly(EXPECTED, args, ctx, (a) =>
      fromResult(expectedValue(a.number(0), a.number(1), a.year(2), a.year(3), a.year(4), a.path(5)), ctx.lang),
    );
  },
};

const STATUS: PlanFunctionSpec = {
  id: "STATUS",
  name: t("状态", "status"),
  description: t(
    "指标状态：提前实现/已完成、快于预期、基本符合预期、滞后或未完成（英文工作簿为 achieved、ahead、on track、lagging、missed），比较完成进度与时间进度得出。",
    "The indicator's status: achieved, ahead, on track, lagging or missed (提前实现/已完成, 快于预期, 基本符合预期, 滞后, 未完成 in a Chinese workbook), from progress compared with time elapsed.",
  ),
  parameters: [
    P.baselineRow,
    P.actualPlain,
    P.target,
    P.baseYear,
    P.targetYear,
    P.year,
    P.direction,
    P.binding,
    P.tolerance,
  ],
  rowForm: true,
  result: "label",
  example: { formula: "=PLAN.STATUS(116, 120, 150, 2020, 2025, 2023)", result: "滞后 (lagging)" },
  evaluate(args, ctx) {
    return rowCapable(
      STATUS,
      args,
      ctx,
      (row) => rowStatus(row, ctx.lang),
      (a) => {
        const baseline = a.number(0);
        const actual = a.number(1);
        const target = a.number(2);
        const baseYear = a.year(3);
        const targetYear = a.year(4);
        const year = a.year(5);
        const evaluation = evaluateStatus({
          baseline,
          actual,
          target,
          baseYear,
          targetYear,
          year,
          direction: a.direction(6),
          binding: a.binding(7),
          tolerance: a.tolerance(8, DEFAULT_TOLERANCE),
        });
        if (!evaluation.ok) return failWith(evaluation, ctx.lang);
        return statusLabel(evaluation.value.code, ctx.lang, { year, targetYear });
      },
    );
  },
};

export const PLAN_FUNCTIONS: ReadonlyArray<PlanFunctionSpec> = [GAP, GROWTH, STEP, PROGRESS, ELAPSED, EXPECTED, STATUS];

export function planFunction(id: PlanFunctionId): PlanFunctionSpec {
  const spec = PLAN_FUNCTIONS.find((f) => f.id === id);
  if (!spec) throw new Error(`No PLAN function ${id}`);
  return spec;
}
