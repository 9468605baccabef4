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
import type { Direction, Indicator, LocalizedText } from "../core/planSchema";
import type { ExcelErrorKind, Failure, Result } from "../core/result";
import { DEFAULT_TOLERANCE, evaluateStatus, impliedDirection, needsFixColumn, statusLabel } from "../core/status";
import type { BlockRow } from "../core/templateBlock";
import { columnHeader, isTemplateHeader, type EvaluateField } from "../core/templateLayout";
import {
  blockingProblems,
  latestEnteredYear,
  planOfRow,
  readTemplateRow,
  templateRowToIndicator,
  type TemplateRow,
} from "../core/templateRow";
import { parseBinding, parseDirection, parsePath } from "../core/templateWords";
import { functionMessage, type FunctionMessageCode } from "./functionMessages";

export type CellErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";
export type CellError = { error: CellErrorCode; message: string };
export type CellResult = number | string | boolean | CellError;

export interface FunctionContext {
  /** The workbook's language for messages and status labels. */
  lang: Lang;
  /** The template row of the cell referenced by argument `argIndex`, or null when it is not in one. */
  rowAt?: (argIndex: number) => BlockRow | null;
}

export type PlanFunctionId =
  "GAP" | "GROWTH" | "STEP" | "PROGRESS" | "ELAPSED" | "EXPECTED" | "STATUS" | "EVALUATE" | "DATAYEAR";

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
  /**
   * Recalculated on every edit anywhere (the row form reads cells that are not its arguments).
   * PLAN.EVALUATE, which the template uses, is not: its rows are its arguments.
   */
  volatile: boolean;
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

/** Evaluations by row object and year: the row functions of an indicator in one recalculation get the same row from the host. */
const evaluatedRows = new WeakMap<TemplateRow, Map<string, IndicatorEvaluation>>();

/** The indicator of a row, or a CellError naming the column that stops it. */
function rowIndicator(row: TemplateRow, lang: Lang): { indicator: Indicator; targetYear: number } {
  const model = templateRowToIndicator(row);
  if (!model.ok) {
    const column = row.headers[model.key] ?? columnHeader(model.key, lang);
    const indicator = rowLabel(row, lang);
    if (model.reason === "missing") stop("#N/A", functionMessage("row.cellMissing", lang, { indicator, column }));
    stop("#VALUE!", functionMessage("row.cellInvalid", lang, { indicator, column, text: model.text ?? "" }));
  }
  return model;
}

/**
 * The core's evaluation of a template row at `evaluationYear` (default: the row's latest entered
 * year), with the row its relative target refers to.
 */
export function evaluateRow(
  row: TemplateRow,
  lang: Lang,
  evaluationYear?: number,
  referenceRow: TemplateRow | null = null,
): IndicatorEvaluation {
  const key = `${evaluationYear ?? ""}|${referenceRow ? "r" : ""}`;
  const known = evaluatedRows.get(row)?.get(key);
  if (known && !referenceRow) return known;
  const own = rowIndicator(row, lang);
  const reference = referenceRow ? rowIndicator(referenceRow, lang).indicator : null;
  const plan = planOfRow(row, own, reference);
  const year = evaluationYear ?? row.enteredYears[row.enteredYears.length - 1];
  const evaluation = evaluateIndicator(plan, own.indicator, year !== undefined ? { evaluationYear: year } : {});
  if (!referenceRow) {
    let byYear = evaluatedRows.get(row);
    if (!byYear) evaluatedRows.set(row, (byYear = new Map()));
    byYear.set(key, evaluation);
  }
  return evaluation;
}

function rowReason(row: TemplateRow, lang: Lang, reason: string): never {
  return stop("#N/A", functionMessage("row.reason", lang, { indicator: rowLabel(row, lang), reason }));
}

function evaluationReason(ev: IndicatorEvaluation, lang: Lang): string {
  return message(ev.statusReason ?? "eval.noData", lang, ev.statusReasonArgs);
}

function rowFigure(row: TemplateRow, lang: Lang, ev: IndicatorEvaluation, figure: RowFigure): number {
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
  if ((figure === "requiredGrowth" || figure === "requiredStep") && ev.status?.code === "achieved")
    return rowReason(row, lang, functionMessage("row.targetMet", lang));
  if (figure === "requiredGrowth" || figure === "requiredStep")
    return rowReason(row, lang, functionMessage("row.growthNotApplicable", lang));
  return rowReason(row, lang, evaluationReason(ev, lang));
}

function rowStatus(row: TemplateRow, lang: Lang, ev: IndicatorEvaluation): string {
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
  return rowReason(row, lang, evaluationReason(ev, lang));
}

/**
 * The first unreadable cell of a row as the status column shows it: 待修正（2022年：约38）; for the row a
 * relative target refers to, with that indicator's name: 待修正（GDP增长 2022年：约38）.
 */
function needsFixLabel(row: TemplateRow, lang: Lang, reference = false): string | null {
  const problem = blockingProblems(row)[0];
  if (!problem) return null;
  const column = needsFixColumn(problem.header, reference ? (row.name ?? row.id ?? undefined) : undefined);
  return message("status.needsFix", lang, { column, text: problem.text });
}

/**
 * PLAN.EVALUATE's answer for one field of a row: what the template's computed columns show, so
 * the sheet reads exactly what the pane reads. Blank where the field does not apply or there are
 * no figures yet; an unreadable cell makes the status 待修正 and the figures #VALUE! with the cell named.
 */
function evaluateField(
  row: TemplateRow,
  field: EvaluateField,
  lang: Lang,
  evaluationYear: number | undefined,
  referenceRow: TemplateRow | null,
): CellResult {
  if (field === "status") {
    const fix = needsFixLabel(row, lang) ?? (referenceRow ? needsFixLabel(referenceRow, lang, true) : null);
    if (fix !== null) return fix;
  }
  const ev = evaluateRow(row, lang, evaluationYear, referenceRow);
  const blankWhenNoFigure = ev.latest === null;
  switch (field) {
    case "dataYear":
      return ev.latest?.year ?? "";
    case "value":
      return ev.latest?.value ?? "";
    case "elapsed":
      if (ev.timeProgress === null) return "";
      return fromResult(ev.timeProgress, lang);
    case "status":
      if (ev.status) return ev.status.label[lang];
      return "";
    case "gap":
    case "growth":
    case "step":
    case "progress": {
      const key = FIELD_FIGURE[field];
      const result = ev[key];
      if (result === null || blankWhenNoFigure) return "";
      return result.ok ? result.value : rowFigure(row, lang, ev, key);
    }
  }
}

const FIELD_FIGURE: Record<"gap" | "growth" | "step" | "progress", RowFigure> = {
  gap: "gap",
  growth: "requiredGrowth",
  step: "requiredStep",
  progress: "progress",
};

const FIELD_WORDS: Record<string, EvaluateField> = {
  datayear: "dataYear",
  数据年份: "dataYear",
  value: "value",
  实际值: "value",
  gap: "gap",
  差距: "gap",
  growth: "growth",
  年均需增长: "growth",
  step: "step",
  每年需提高: "step",
  progress: "progress",
  完成进度: "progress",
  elapsed: "elapsed",
  时间进度: "elapsed",
  status: "status",
  状态: "status",
};

/** A range argument as its first row of cells (Excel passes ranges as 2-D arrays). */
function firstRow(value: unknown): unknown[] | null {
  if (!Array.isArray(value)) return null;
  const row = value[0];
  return Array.isArray(row) ? row : (value as unknown[]);
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
  byRow: (row: TemplateRow, ev: IndicatorEvaluation) => CellResult,
  byValue: (a: Args) => CellResult,
): CellResult {
  return guarded(ctx.lang, () => {
    const a = new Args(spec, args, ctx.lang);
    if (a.onlyFirstGiven()) {
      const found = ctx.rowAt?.(0) ?? null;
      if (found) {
        if (found.evaluationYearInvalid !== null)
          stop(
            "#VALUE!",
            functionMessage("arg.year", ctx.lang, {
              arg: EVALUATION_YEAR_NAME[ctx.lang],
              value: found.evaluationYearInvalid,
            }),
          );
        return byRow(found.row, evaluateRow(found.row, ctx.lang, found.evaluationYear, found.reference));
      }
    }
    return byValue(a);
  });
}

const EVALUATION_YEAR_NAME = { zh: "评估年份", en: "Evaluation year" } as const;

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
  volatile: true,
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
      (row, ev) => rowFigure(row, ctx.lang, ev, "gap"),
      (a) => fromResult(gapToTarget(a.number(0), a.number(1), a.direction(2)), ctx.lang),
    );
  },
};

const GROWTH: PlanFunctionSpec = {
  id: "GROWTH",
  volatile: true,
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
      (row, ev) => rowFigure(row, ctx.lang, ev, "requiredGrowth"),
      (a) => fromResult(requiredAnnualGrowth(a.number(0), a.number(1), a.number(2)), ctx.lang),
    );
  },
};

const STEP: PlanFunctionSpec = {
  id: "STEP",
  volatile: true,
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
      (row, ev) => rowFigure(row, ctx.lang, ev, "requiredStep"),
      (a) => fromResult(requiredAnnualStep(a.number(0), a.number(1), a.number(2)), ctx.lang),
    );
  },
};

const PROGRESS: PlanFunctionSpec = {
  id: "PROGRESS",
  volatile: true,
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
      (row, ev) => rowFigure(row, ctx.lang, ev, "progress"),
      (a) => {
        const baseline = a.number(0);
        const target = a.number(2);
        // Without a direction the target says which way is better: 10 → 6 is a cut, so 8 is half way.
        const direction = a.omitted(3) ? impliedDirection(baseline, target) : a.direction(3);
        return fromResult(completionProgress(baseline, a.number(1), target, direction), ctx.lang);
      },
    );
  },
};

const ELAPSED: PlanFunctionSpec = {
  id: "ELAPSED",
  volatile: false,
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
  volatile: false,
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
  volatile: true,
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
      (row, ev) => rowStatus(row, ctx.lang, ev),
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
          ...(a.omitted(6) ? {} : { direction: a.direction(6) }),
          binding: a.binding(7),
          tolerance: a.tolerance(8, DEFAULT_TOLERANCE),
        });
        if (!evaluation.ok) return failWith(evaluation, ctx.lang);
        return statusLabel(evaluation.value.code, ctx.lang, { year, targetYear });
      },
    );
  },
};

const FIELD_LIST = "status, gap, progress, elapsed, growth, step, value, dataYear";

const EVALUATE: PlanFunctionSpec = {
  id: "EVALUATE",
  volatile: false,
  name: t("评估", "evaluate"),
  description: t(
    "按指标模板的一行评估指标，返回所要的一项：status（状态）、gap（差距）、progress（完成进度）、elapsed（时间进度）、growth（年均需增长）、step（每年需提高）、value（实际值）或 dataYear（数据年份）。与任务窗格使用同一套读数和规则。",
    "Evaluates an indicator from a row of the template and returns one field: status, gap, progress, elapsed, growth, step, value or dataYear. The same reading and rules as the task pane.",
  ),
  parameters: [
    param(
      "header_row",
      "表头行",
      "模板的表头行（含“指标”“目标值”“目标年”等列）。",
      "The template's header row (with the 指标, 目标值 and 目标年 columns).",
    ),
    param("row", "指标行", "要评估的指标行，与表头行同宽。", "The indicator's row, as wide as the header row."),
    param("field", "项目", `要返回的项目：${FIELD_LIST}。`, `What to return: ${FIELD_LIST}.`),
    param(
      "evaluation_year",
      "评估年份",
      "评估年份；省略时取该行最新填写数据的年份。",
      "The year evaluated; when omitted, the row's latest year with a figure.",
      true,
    ),
    param(
      "reference_row",
      "参照指标行",
      "相对目标（如“高于GDP增长”）所参照的指标行。",
      "For a relative target (higher than GDP growth), the row of the indicator it refers to.",
      true,
    ),
  ],
  rowForm: false,
  result: "label",
  example: { formula: '=PLAN.EVALUATE($A$5:$AK$5,$A6:$AK6,"status",$C$3)', result: "基本符合预期 (on track)" },
  evaluate(args, ctx) {
    return valueOnly(EVALUATE, args, ctx, (a) => {
      const headers = firstRow(a.raw(0));
      if (!headers || !isTemplateHeader(headers))
        return stop(
          "#VALUE!",
          functionMessage("row.notTemplate", ctx.lang, { arg: EVALUATE.parameters[0]!.name[ctx.lang] }),
        );
      const row = readTemplateRow(headers, firstRow(a.raw(1)) ?? [a.raw(1)]);
      if (!row) return "";
      const fieldText = a.raw(2);
      const field =
        typeof fieldText === "string" ? FIELD_WORDS[fieldText.normalize("NFKC").trim().toLowerCase()] : undefined;
      if (!field)
        return stop(
          "#VALUE!",
          functionMessage("arg.field", ctx.lang, {
            arg: EVALUATE.parameters[2]!.name[ctx.lang],
            text: describe(fieldText),
          }),
        );
      const year = a.omitted(3) ? undefined : a.year(3);
      const refCells = a.omitted(4) ? null : firstRow(a.raw(4));
      const reference = refCells ? readTemplateRow(headers, refCells) : null;
      return evaluateField(row, field, ctx.lang, year, reference);
    });
  },
};

const DATAYEAR: PlanFunctionSpec = {
  id: "DATAYEAR",
  volatile: false,
  name: t("数据年份", "data year"),
  description: t(
    "指标模板中最新填写了数据的年份（默认评估年份）。",
    "The latest year anything is entered in the template (the default evaluation year).",
  ),
  parameters: [
    param("header_row", "表头行", "模板的表头行。", "The template's header row."),
    param("rows", "指标行", "模板的全部指标行。", "All indicator rows of the template."),
  ],
  rowForm: false,
  result: "value",
  example: { formula: "=PLAN.DATAYEAR($A$5:$AK$5,$A$6:$AK$16)", result: "2023" },
  evaluate(args, ctx) {
    return valueOnly(DATAYEAR, args, ctx, (a) => {
      const headers = firstRow(a.raw(0));
      if (!headers || !isTemplateHeader(headers))
        return stop(
          "#VALUE!",
          functionMessage("row.notTemplate", ctx.lang, { arg: DATAYEAR.parameters[0]!.name[ctx.lang] }),
        );
      const body = a.raw(1);
      const rows = Array.isArray(body) ? body.map((r) => (Array.isArray(r) ? r : [r])) : [];
      const year = latestEnteredYear(headers, rows);
      return year ?? stop("#N/A", message("eval.noData", ctx.lang));
    });
  },
};

export const PLAN_FUNCTIONS: ReadonlyArray<PlanFunctionSpec> = [
  GAP,
  GROWTH,
  STEP,
  PROGRESS,
  ELAPSED,
  EXPECTED,
  STATUS,
  EVALUATE,
  DATAYEAR,
];

export function planFunction(id: PlanFunctionId): PlanFunctionSpec {
  const spec = PLAN_FUNCTIONS.find((f) => f.id === id);
  if (!spec) throw new Error(`No PLAN function ${id}`);
  return spec;
}
