/**
 * The PLAN custom functions, host-neutral: one spec per function (names, parameters with their kind,
 * default and range — like HyperFormula's argument specs —, descriptions in zh and en, how Excel
 * recalculates it, and the evaluation) that everything else reads: the JSDoc wrappers in functions.ts and
 * the README's function table are generated from these specs (npm run functions:generate; a test fails
 * when they are stale), the Chinese metadata (localizedMetadata.ts), the stand-in's spreadsheet engine and
 * the argument checks below. Arguments are turned into numbers and words here; every figure comes from
 * the core (indicatorMath, status, indicatorEvaluation).
 *
 * Two entry points per spec: `compute` is the function itself — bad input gives a CellError naming the
 * argument, and the property tests hold it to "never NaN, Infinity or an exception" directly; `evaluate`
 * (what Excel and the stand-in call) is `compute` behind a last-resort guard that turns a bug (an
 * exception, a non-finite number) into an error value that says so, and logs it: never silently.
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
  /**
   * For a reference to a template's header row (argument `argIndex`): the latest year with a figure that
   * can be read in that template's rows (null: no figure yet); null when the cell is in no template header.
   */
  dataYearAt?: (argIndex: number) => { year: number | null } | null;
}

export type PlanFunctionId =
  "GAP" | "GROWTH" | "STEP" | "PROGRESS" | "ELAPSED" | "EXPECTED" | "STATUS" | "EVALUATE" | "DATAYEAR";

/**
 * What an argument is, and so how it is read:
 * - number: a number as staff type it (１．４７, 1.47%, 12,345);
 * - year: a whole calendar year;
 * - direction: "up"/"down" (正向/逆向 …); binding: TRUE/FALSE (约束性/预期性 …); path: "linear"/"geometric" (线性/几何);
 * - share: a share of the whole, 0.1 = 10 % ("10%" as text too);
 * - field: one of PLAN.EVALUATE's field words;
 * - range: cells of the template, passed as a 2-D array (Excel's "matrix" dimensionality).
 */
export type ParameterKind = "number" | "year" | "direction" | "binding" | "path" | "share" | "field" | "range";

/** The bounds an argument must keep (HyperFormula's minValue/maxValue/greaterThan/lessThan); out of them is #NUM!. */
export interface ParameterRange {
  min?: number;
  max?: number;
  greaterThan?: number;
  lessThan?: number;
  integer?: boolean;
}

/** What an omitted optional argument means: a value the function uses, or a rule in words (for the docs). */
export type ParameterDefault = { value: number | string | boolean } | { rule: LocalizedText };

export interface ParameterSpec {
  /** en: the identifier in English metadata and JSDoc (base_year); zh: the name Chinese Excel shows. */
  name: LocalizedText;
  description: LocalizedText;
  kind: ParameterKind;
  /** May be left out in the value form. (Row-capable functions mark every parameter after the first optional in Excel's metadata, so `=PLAN.GAP(B5)` is accepted.) */
  optional: boolean;
  /** For an optional parameter: what leaving it out means. */
  default?: ParameterDefault;
  range?: ParameterRange;
}

/**
 * How Excel recalculates a function (custom-functions metadata options):
 * - "arguments": only when an argument's cells change (the default; PLAN.EVALUATE, the value forms);
 * - "stream": a streaming function (`stream: true`): Excel calls it once per argument change, and it pushes
 *   new results itself with setResult — the row form follows the row it reads (rowStreams.ts);
 * - "volatile": on every recalculation anywhere (what the row form used to be; no PLAN function is now).
 */
export type Recalculation = "arguments" | "stream" | "volatile";

export interface PlanFunctionSpec {
  /** The function's id and its name in Excel in every language: PLAN.GAP. */
  id: PlanFunctionId;
  /** What staff call it, for the pane and the docs (差距 / gap). */
  name: LocalizedText;
  description: LocalizedText;
  parameters: readonly ParameterSpec[];
  /** Accepts a single reference to a cell of a template row instead of values. */
  rowForm: boolean;
  recalculation: Recalculation;
  /** Volatile in Excel's metadata: recalculation === "volatile" (kept for the stand-in's engine). */
  volatile: boolean;
  /** What the number means, for docs and number formats: a fraction shows as a percentage. */
  result: "value" | "fraction" | "label";
  /** The result in one line, for the README's function table (English, with the Chinese term where staff use it). */
  formula: string;
  /** A worked example for the docs: the formula and what it returns. */
  example: { formula: string; result: string };
  /** The function itself: a value, a label or a CellError naming the argument. A bug throws (tests hold it to never). */
  compute(args: readonly unknown[], ctx: FunctionContext): CellResult;
  /** `compute` behind the last-resort guard: what Excel and the stand-in call. Never throws, never NaN. */
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

/** Thrown inside a computation to leave with a CellError; caught in `strict`, never escapes. */
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

/** Runs a computation: an argument refused (stop) becomes its CellError; anything else — a bug — propagates. */
function strict(body: () => CellResult): CellResult {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentProblem) return e.cellError;
    throw e;
  }
}

/**
 * The last-resort guard around `compute`: a bug (an exception, a non-finite number) becomes an error value
 * that says it is one (#VALUE!/#NUM! "internal error in PLAN.X: …") and is logged. The property tests run
 * `compute` itself, so a bug this guard would hide fails them.
 */
export function guard(id: PlanFunctionId, ctx: FunctionContext, compute: () => CellResult): CellResult {
  try {
    const value = compute();
    if (typeof value === "number" && !Number.isFinite(value)) {
      console.error(`PLAN.${id} computed ${value}`);
      return { error: "#NUM!", message: functionMessage("internal", ctx.lang, { id, detail: String(value) }) };
    }
    return value;
  } catch (e) {
    console.error(`PLAN.${id} failed`, e);
    const detail = e instanceof Error ? e.message : String(e);
    return { error: "#VALUE!", message: functionMessage("internal", ctx.lang, { id, detail }) };
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments

/**
 * Reads the arguments of one call by parameter index, as the spec's parameters say: their kind, the value an
 * omitted optional one takes (its default) and the range it must keep — with messages naming the parameter.
 */
class Args {
  constructor(
    private readonly spec: Pick<PlanFunctionSpec, "parameters" | "rowForm">,
    private readonly values: readonly unknown[],
    private readonly lang: Lang,
  ) {}

  private argName(i: number): string {
    return this.spec.parameters[i]?.name[this.lang] ?? `#${i + 1}`;
  }

  private param(i: number): ParameterSpec | undefined {
    return this.spec.parameters[i];
  }

  /** The spec's default value for parameter i (the caller's fallback when the spec states none). */
  private defaultOf<T>(i: number, fallback: T): T {
    const d = this.param(i)?.default;
    return d && "value" in d ? (d.value as T) : fallback;
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

  /** A number as staff type it, within the parameter's range. */
  number(i: number): number {
    const parsed = parseUserNumber(this.raw(i));
    if (parsed.ok) return this.inRange(i, parsed.value);
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

  /** `value` if it keeps the parameter's range, else #NUM! saying which bound (years: the calendar-year message). */
  private inRange(i: number, value: number): number {
    const range = this.param(i)?.range;
    if (!range || withinRange(value, range)) return value;
    const arg = this.argName(i);
    const kind = this.param(i)?.kind;
    if (kind === "year") return stop("#NUM!", functionMessage("arg.year", this.lang, { arg, value }));
    if (kind === "share") return stop("#NUM!", functionMessage("arg.tolerance", this.lang, { arg, value }));
    return stop(
      "#NUM!",
      functionMessage("arg.range", this.lang, { arg, value, range: describeRange(range, this.lang) }),
    );
  }

  /** A calendar year: a whole number within the parameter's range (1900–2200). */
  year(i: number): number {
    return this.number(i);
  }

  direction(i: number): Direction {
    if (this.omitted(i)) return this.defaultOf<Direction>(i, "up");
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
    if (this.omitted(i)) return this.defaultOf(i, false);
    const b = parseBinding(this.raw(i));
    return (
      b ??
      stop("#VALUE!", functionMessage("arg.binding", this.lang, { arg: this.argName(i), text: describe(this.raw(i)) }))
    );
  }

  path(i: number): "linear" | "geometric" {
    if (this.omitted(i)) return this.defaultOf<"linear" | "geometric">(i, "linear");
    const p = parsePath(this.raw(i));
    return (
      p ??
      stop("#VALUE!", functionMessage("arg.path", this.lang, { arg: this.argName(i), text: describe(this.raw(i)) }))
    );
  }

  /** A share of the whole task (0.1 = 10 %); "10%" as text is read as 0.1. */
  share(i: number): number {
    if (this.omitted(i)) return this.defaultOf(i, 0);
    return this.number(i);
  }
}

/** Whether `value` keeps `range`. */
export function withinRange(value: number, range: ParameterRange): boolean {
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.min !== undefined && value < range.min) return false;
  if (range.max !== undefined && value > range.max) return false;
  if (range.greaterThan !== undefined && !(value > range.greaterThan)) return false;
  if (range.lessThan !== undefined && !(value < range.lessThan)) return false;
  return true;
}

/** "a whole number from 1900 to 2200", "more than 0" … in the language asked for. */
export function describeRange(range: ParameterRange, lang: Lang): string {
  const zh = lang === "zh";
  const parts: string[] = [];
  if (range.min !== undefined && range.max !== undefined)
    parts.push(zh ? `在 ${range.min} 到 ${range.max} 之间` : `from ${range.min} to ${range.max}`);
  else if (range.min !== undefined) parts.push(zh ? `不小于 ${range.min}` : `at least ${range.min}`);
  else if (range.max !== undefined) parts.push(zh ? `不大于 ${range.max}` : `at most ${range.max}`);
  if (range.greaterThan !== undefined) parts.push(zh ? `大于 ${range.greaterThan}` : `more than ${range.greaterThan}`);
  if (range.lessThan !== undefined) parts.push(zh ? `小于 ${range.lessThan}` : `less than ${range.lessThan}`);
  const bounds = parts.join(zh ? "且" : " and ");
  if (range.integer) return zh ? `为整数${bounds ? `，${bounds}` : ""}` : `a whole number${bounds ? ` ${bounds}` : ""}`;
  return bounds;
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

interface ParamOptions {
  optional?: boolean;
  default?: ParameterDefault;
  range?: ParameterRange;
}

const param = (
  kind: ParameterKind,
  en: string,
  zh: string,
  descZh: string,
  descEn: string,
  options: ParamOptions = {},
): ParameterSpec => ({
  name: { zh, en },
  description: { zh: descZh, en: descEn },
  kind,
  optional: options.optional ?? false,
  ...(options.default ? { default: options.default } : {}),
  ...(options.range ? { range: options.range } : {}),
});

/** A calendar year, as every year argument takes it. */
const YEAR_RANGE: ParameterRange = { integer: true, min: 1900, max: 2200 };

const ROW_HINT = t(
  "，或指标模板中某一行的任一单元格（只给这一个参数时按该行计算）",
  ", or any cell of an indicator row in the template (alone, it computes from that row)",
);

const IMPLIED_DIRECTION = t("由基期值指向目标值", "from the baseline towards the target");

const P = {
  actual: param(
    "number",
    "actual",
    "实际值",
    "最新实际值" + ROW_HINT.zh + "。",
    "The latest actual value" + ROW_HINT.en + ".",
  ),
  current: param("number", "current", "当前值", "当前值" + ROW_HINT.zh + "。", "The current value" + ROW_HINT.en + "."),
  baselineRow: param(
    "number",
    "baseline",
    "基期值",
    "基期值" + ROW_HINT.zh + "。",
    "The baseline value" + ROW_HINT.en + ".",
  ),
  baseline: param(
    "number",
    "baseline",
    "基期值",
    "基期值（规划起点的数值）。",
    "The baseline value (where the plan starts).",
  ),
  actualPlain: param("number", "actual", "实际值", "最新实际值。", "The latest actual value."),
  target: param("number", "target", "目标值", "规划目标值。", "The plan's target value."),
  years: param(
    "number",
    "years",
    "年数",
    "距目标年份的剩余年数（大于 0）。",
    "Years left until the target year (more than 0).",
    { range: { greaterThan: 0 } },
  ),
  direction: param(
    "direction",
    "direction",
    "方向",
    '"up"（正向，越大越好，默认）或 "down"（逆向，越小越好）。',
    '"up" (higher is better, the default) or "down" (lower is better); 正向/逆向 also work.',
    { optional: true, default: { value: "up" } },
  ),
  impliedDirection: param(
    "direction",
    "direction",
    "方向",
    '"up"（正向，越大越好）或 "down"（逆向，越小越好）；省略时由基期值指向目标值。',
    '"up" (higher is better) or "down" (lower is better); 正向/逆向 also work. Omitted: from the baseline towards the target.',
    { optional: true, default: { rule: IMPLIED_DIRECTION } },
  ),
  baseYear: param("year", "base_year", "基期年", "基期年份，如 2020。", "The baseline year, such as 2020.", {
    range: YEAR_RANGE,
  }),
  targetYear: param("year", "target_year", "目标年", "目标年份，如 2025。", "The target year, such as 2025.", {
    range: YEAR_RANGE,
  }),
  year: param(
    "year",
    "year",
    "年份",
    "评估年份（最新数据所属年份）。",
    "The year evaluated (the year of the latest figure).",
    { range: YEAR_RANGE },
  ),
  path: param(
    "path",
    "path",
    "路径",
    '"linear"（线性，默认）或 "geometric"（几何，按不变增长率）。',
    '"linear" (the default) or "geometric" (a constant growth rate); 线性/几何 also work.',
    { optional: true, default: { value: "linear" } },
  ),
  binding: param(
    "binding",
    "binding",
    "约束性",
    "TRUE 表示约束性指标（不允许落后于时间进度），默认 FALSE（预期性）。",
    "TRUE for a binding indicator (may not fall behind the time line); FALSE (expected) by default.",
    { optional: true, default: { value: false } },
  ),
  tolerance: param(
    "share",
    "tolerance",
    "容差",
    "预期性指标允许偏离时间进度的幅度，默认 0.1（10%）。",
    "How far an expected indicator may be from the time line, 0.1 (10%) by default.",
    { optional: true, default: { value: DEFAULT_TOLERANCE }, range: { min: 0, max: 1 } },
  ),
};

/** A spec from its computation: `evaluate` is `compute` behind the guard, bound so hosts may pass it around. */
function define(spec: Omit<PlanFunctionSpec, "evaluate" | "volatile">): PlanFunctionSpec {
  const full: PlanFunctionSpec = {
    ...spec,
    volatile: spec.recalculation === "volatile",
    evaluate: (args, ctx) => guard(spec.id, ctx, () => full.compute(args, ctx)),
  };
  return full;
}

/** Row form when only the first argument is given and the host finds a template row there; else the value form. */
function rowCapable(
  spec: Pick<PlanFunctionSpec, "parameters" | "rowForm">,
  args: readonly unknown[],
  ctx: FunctionContext,
  byRow: (row: TemplateRow, ev: IndicatorEvaluation) => CellResult,
  byValue: (a: Args) => CellResult,
): CellResult {
  return strict(() => {
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
  return strict(() => byValue(new Args(spec, args, ctx.lang)));
}

const GAP: PlanFunctionSpec = define({
  id: "GAP",
  recalculation: "stream",
  name: t("差距", "gap"),
  description: t(
    "实际值距目标值还差多少（指标本身单位，百分比指标为百分点）：正向为 目标值 − 实际值，逆向为 实际值 − 目标值；正数表示尚未达到。",
    "How far the actual value still is from the target, in the indicator's unit (percentage points for shares): up: target − actual; down: actual − target. Positive means still short.",
  ),
  parameters: [P.actual, P.target, P.direction],
  rowForm: true,
  result: "value",
  formula: "up: target − actual; down: actual − target. Positive = still short 尚差",
  example: { formula: "=PLAN.GAP(1.2, 1.47)", result: "0.27" },
  compute(args, ctx) {
    return rowCapable(
      GAP,
      args,
      ctx,
      (row, ev) => rowFigure(row, ctx.lang, ev, "gap"),
      (a) => fromResult(gapToTarget(a.number(0), a.number(1), a.direction(2)), ctx.lang),
    );
  },
});

const GROWTH: PlanFunctionSpec = define({
  id: "GROWTH",
  recalculation: "stream",
  name: t("年均需增长", "required annual growth"),
  description: t(
    "从当前值到目标值所需的年均增长率（小数，0.0414 即 4.14%）：(目标值/当前值)^(1/年数) − 1，与 Excel 的 RRI(年数, 当前值, 目标值) 相同。",
    "The average annual growth rate needed to go from the current value to the target (a fraction: 0.0414 is 4.14%): (target/current)^(1/years) − 1, the same as Excel's RRI(years, current, target).",
  ),
  parameters: [P.current, P.target, P.years],
  rowForm: true,
  result: "fraction",
  formula: "(target / current)^(1/years) − 1, the same as Excel's `RRI(years, current, target)`; values > 0",
  example: { formula: "=PLAN.GROWTH(1.2, 1.47, 5)", result: "0.0414 (4.14%)" },
  compute(args, ctx) {
    return rowCapable(
      GROWTH,
      args,
      ctx,
      (row, ev) => rowFigure(row, ctx.lang, ev, "requiredGrowth"),
      (a) => fromResult(requiredAnnualGrowth(a.number(0), a.number(1), a.number(2)), ctx.lang),
    );
  },
});

const STEP: PlanFunctionSpec = define({
  id: "STEP",
  recalculation: "stream",
  name: t("每年需提高", "required annual step"),
  description: t(
    "从当前值到目标值每年需提高的量（指标本身单位，百分比指标为百分点）：(目标值 − 当前值) / 年数。",
    "How much the value must change each year to reach the target, in the indicator's unit (percentage points for shares): (target − current) / years.",
  ),
  parameters: [P.current, P.target, P.years],
  rowForm: true,
  result: "value",
  formula: "(target − current) / years, in the indicator's unit (百分点 for shares)",
  example: { formula: "=PLAN.STEP(116, 150, 5)", result: "6.8" },
  compute(args, ctx) {
    return rowCapable(
      STEP,
      args,
      ctx,
      (row, ev) => rowFigure(row, ctx.lang, ev, "requiredStep"),
      (a) => fromResult(requiredAnnualStep(a.number(0), a.number(1), a.number(2)), ctx.lang),
    );
  },
});

const PROGRESS: PlanFunctionSpec = define({
  id: "PROGRESS",
  recalculation: "stream",
  name: t("完成进度", "progress"),
  description: t(
    "完成进度（小数）：(实际值 − 基期值) / (目标值 − 基期值)；目标值等于基期值时，保持达标为 1，否则为 0。",
    "Completion progress (a fraction): (actual − baseline) / (target − baseline); when the target equals the baseline, 1 while it is met, else 0.",
  ),
  parameters: [P.baselineRow, P.actualPlain, P.target, P.impliedDirection],
  rowForm: true,
  result: "fraction",
  formula: "(actual − baseline) / (target − baseline); target = baseline: 1 while met, else 0",
  example: { formula: "=PLAN.PROGRESS(116, 133, 150)", result: "0.5 (50%)" },
  compute(args, ctx) {
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
});

const ELAPSED: PlanFunctionSpec = define({
  id: "ELAPSED",
  recalculation: "arguments",
  name: t("时间进度", "time elapsed"),
  description: t(
    "时间进度（小数）：(年份 − 基期年) / (目标年 − 基期年)，限定在 0 到 1 之间。",
    "The share of the plan period that has passed (a fraction): (year − base_year) / (target_year − base_year), kept between 0 and 1.",
  ),
  parameters: [P.baseYear, P.targetYear, P.year],
  rowForm: false,
  result: "fraction",
  formula: "(year − base_year) / (target_year − base_year), kept between 0 and 1; target_year > base_year",
  example: { formula: "=PLAN.ELAPSED(2020, 2025, 2023)", result: "0.6 (60%)" },
  compute(args, ctx) {
    return valueOnly(ELAPSED, args, ctx, (a) => fromResult(timeProgress(a.year(0), a.year(1), a.year(2)), ctx.lang));
  },
});

const EXPECTED: PlanFunctionSpec = define({
  id: "EXPECTED",
  recalculation: "arguments",
  name: t("序时进度值", "expected value"),
  description: t(
    "按规划路径在该年份应达到的数值（序时进度）：线性为基期值与目标值之间按时间进度插值，几何为按不变增长率。",
    "The value the plan expects in the year: on the straight line from baseline to target (linear) or at a constant growth rate (geometric).",
  ),
  parameters: [P.baseline, P.target, P.baseYear, P.targetYear, P.year, P.path],
  rowForm: false,
  result: "value",
  formula: "the value due in `year` on the planned path (序时进度值)",
  example: { formula: "=PLAN.EXPECTED(116, 150, 2020, 2025, 2023)", result: "136.4" },
  compute(args, ctx) {
    return valueOnly(EXPECTED, args, ctx, (a) =>
      fromResult(expectedValue(a.number(0), a.number(1), a.year(2), a.year(3), a.year(4), a.path(5)), ctx.lang),
    );
  },
});

const STATUS: PlanFunctionSpec = define({
  id: "STATUS",
  recalculation: "stream",
  name: t("状态", "status"),
  description: t(
    "指标状态：提前实现/已完成、快于预期、基本符合预期、滞后或未完成（英文工作簿为 achieved early/achieved、ahead、on track、lagging、missed），比较完成进度与时间进度得出。",
    "The indicator's status: achieved early/achieved, ahead, on track, lagging or missed (提前实现/已完成, 快于预期, 基本符合预期, 滞后, 未完成 in a Chinese workbook), from progress compared with time elapsed.",
  ),
  parameters: [
    P.baselineRow,
    P.actualPlain,
    P.target,
    P.baseYear,
    P.targetYear,
    P.year,
    P.impliedDirection,
    P.binding,
    P.tolerance,
  ],
  rowForm: true,
  result: "label",
  formula:
    "提前实现/已完成, 快于预期, 基本符合预期, 滞后, 未完成 (English workbooks: achieved early/achieved, ahead, on track, lagging, missed); a year before the base year is #N/A “not started”",
  example: { formula: "=PLAN.STATUS(116, 120, 150, 2020, 2025, 2023)", result: "滞后 (lagging)" },
  compute(args, ctx) {
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
          tolerance: a.share(8),
        });
        if (!evaluation.ok) return failWith(evaluation, ctx.lang);
        return statusLabel(evaluation.value.code, ctx.lang, { year, targetYear });
      },
    );
  },
});

const FIELD_LIST = "status, gap, progress, elapsed, growth, step, value, dataYear";

const EVALUATE: PlanFunctionSpec = define({
  id: "EVALUATE",
  // Its header row, the indicator's row, the year cell and the reference row are its arguments: Excel
  // recalculates it exactly when one of their cells changes. The template's computed columns use it.
  recalculation: "arguments",
  name: t("评估", "evaluate"),
  description: t(
    "按指标模板的一行评估指标，返回所要的一项：status（状态）、gap（差距）、progress（完成进度）、elapsed（时间进度）、growth（年均需增长）、step（每年需提高）、value（实际值）或 dataYear（数据年份）。与任务窗格使用同一套读数和规则。",
    "Evaluates an indicator from a row of the template and returns one field: status, gap, progress, elapsed, growth, step, value or dataYear. The same reading and rules as the task pane.",
  ),
  parameters: [
    param(
      "range",
      "header_row",
      "表头行",
      "模板的表头行（含“指标”“目标值”“目标年”等列）。",
      "The template's header row (with the 指标, 目标值 and 目标年 columns).",
    ),
    param(
      "range",
      "row",
      "指标行",
      "要评估的指标行，与表头行同宽。",
      "The indicator's row, as wide as the header row.",
    ),
    param("field", "field", "项目", `要返回的项目：${FIELD_LIST}。`, `What to return: ${FIELD_LIST}.`),
    param(
      "year",
      "evaluation_year",
      "评估年份",
      "评估年份；省略时取该行最新填写数据的年份。",
      "The year evaluated; when omitted, the row's latest year with a figure.",
      {
        optional: true,
        default: { rule: t("该行最新填写数据的年份", "the row's latest year with a figure") },
        range: YEAR_RANGE,
      },
    ),
    param(
      "range",
      "reference_row",
      "参照指标行",
      "相对目标（如“高于GDP增长”）所参照的指标行。",
      "For a relative target (higher than GDP growth), the row of the indicator it refers to.",
      { optional: true, default: { rule: t("无参照行", "no reference row") } },
    ),
  ],
  rowForm: false,
  result: "label",
  formula: "the one evaluation of that row at that year, every target form; what the template's computed columns hold",
  example: { formula: '=PLAN.EVALUATE($A$5:$AK$5,$A6:$AK6,"status",$C$3)', result: "基本符合预期 (on track)" },
  compute(args, ctx) {
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
});

const DATAYEAR: PlanFunctionSpec = define({
  id: "DATAYEAR",
  // With the header row alone (the template's C3) it reads the rows below through the host and pushes a
  // new year only when the year changes, so a figure typed does not recalculate every computed cell
  // through C3. With the rows given (earlier templates) Excel recalculates it when one of them changes.
  recalculation: "stream",
  name: t("数据年份", "data year"),
  description: t(
    "指标模板中最新填写了可读数据的年份（默认评估年份）。只给表头行时，加载项自行读取其下的指标行，并在其变化时更新。",
    "The latest year with a figure that can be read in the template (the default evaluation year). Given the header row alone, the add-in reads the rows below it itself and updates when they change.",
  ),
  parameters: [
    param("range", "header_row", "表头行", "模板的表头行。", "The template's header row."),
    param(
      "range",
      "rows",
      "指标行",
      "模板的全部指标行；省略时读取表头行之下的指标行。",
      "All indicator rows of the template; when omitted, the rows below the header row.",
      {
        optional: true,
        default: {
          rule: t("表头行之下的指标行，随其变化更新", "the rows below the header row, followed as they change"),
        },
      },
    ),
  ],
  rowForm: false,
  result: "value",
  formula: "the latest year with a figure that can be read (the default evaluation year)",
  example: { formula: "=PLAN.DATAYEAR($A$5:$AK$5)", result: "2023" },
  compute(args, ctx) {
    return valueOnly(DATAYEAR, args, ctx, (a) => {
      const headers = firstRow(a.raw(0));
      if (!headers || !isTemplateHeader(headers))
        return stop(
          "#VALUE!",
          functionMessage("row.notTemplate", ctx.lang, { arg: DATAYEAR.parameters[0]!.name[ctx.lang] }),
        );
      if (a.omitted(1)) {
        // The header row alone: the host reads the rows below it (and follows them).
        const found = ctx.dataYearAt?.(0);
        if (!found)
          return stop(
            "#N/A",
            functionMessage("arg.missing", ctx.lang, { arg: DATAYEAR.parameters[1]!.name[ctx.lang] }),
          );
        return found.year ?? stop("#N/A", message("eval.noData", ctx.lang));
      }
      const body = a.raw(1);
      const rows = Array.isArray(body) ? body.map((r) => (Array.isArray(r) ? r : [r])) : [];
      const year = latestEnteredYear(headers, rows);
      return year ?? stop("#N/A", message("eval.noData", ctx.lang));
    });
  },
});

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
