/**
 * The template's computed columns written as NATIVE Excel formulas, for the portable copy that people
 * without the add-in open (another bureau, Office 2019, WPS): the same numbers and the same words as
 * PLAN.EVALUATE (src/functions/planFunctions.ts over src/core/indicatorEvaluation.ts) for every target
 * form, at the template's evaluation year, with nothing that shows #NAME? where PLAN is unknown.
 *
 * What is live and what is read once. The formulas refer to the cells staff type in — every year's
 * figure, 基期年, 基期值, 修订基期值, 目标年, 目标值, 调整后目标, 人工状态 and the evaluation year — so the copy
 * follows edits of those as PLAN.EVALUATE would. What the row's hidden code columns and 属性 say (kind,
 * direction, target form, comparator, 约数 and its band, obligation, figure form, reference, yearly
 * targets, 修订基期年, attribute) is read when the copy is made, with the template's own reader
 * (templateRow.ts), and written into the formulas as constants; so are the words of a code cell that
 * cannot be read.
 *
 * Each formula repeats the core's arithmetic step for step (the same operations in the same order, the
 * same 1e-9 slack at every boundary, the same labels), so the two agree to the last bits except where
 * Excel has no twin of a JavaScript function (EXP(x)−1 for expm1, LN(1+x) for log1p): a rounding apart,
 * far inside the slack. Only functions every engine the copy meets has: IF, AND, OR, NOT, MIN, MAX, ABS,
 * INT, N, EXP, LN, CHOOSE, MATCH (over an array constant), FIND, LOWER, TRIM, CHAR, ISERROR, ISNUMBER,
 * ISTEXT, SUBSTITUTE and the error constants #N/A, #NUM!, #VALUE!. No LET, IFS or XLOOKUP
 * (Office 2019 volume licences lack them); no SUMPRODUCT over array expressions, no TRUE/FALSE, no ""
 * inside a string and no number in exponent notation (HyperFormula, the stand-in's engine, reads none
 * of them as Excel does).
 *
 * The computed cells of a row refer to each other: 数据年份 carries the row's error (a cell to fix,
 * a blank target year, an evaluation year that is not a year) and the latest year; 实际值, 差距, 年均需增长,
 * 每年需提高, 完成进度 and 时间进度 read it; 状态 reads them all. Text never becomes formula text: plan and
 * cell text appears only inside string literals this file composes (str), and header texts the same way.
 */
import { message, type Lang } from "./messages";
import type { Comparator, FigureForm, StatusCode } from "./planSchema";
import {
  approxBand,
  DEFAULT_APPROX_BAND,
  DEFAULT_IN_STEP_BAND,
  DEFAULT_TOLERANCE,
  needsFixColumn,
  statusLabel,
} from "./status";
import type { ColumnKey, EvaluateField } from "./templateLayout";
import type { TemplateRow } from "./templateRow";

/** The slack status.ts allows at its boundaries (its STATUS_EPSILON). */
const STATUS_EPSILON = 1e-9;

/** Excel's limit on the length of a formula ("Excel specifications and limits": 8,192 characters). */
export const MAX_FORMULA_LENGTH = 8192;

/** Excel's limit on nested functions in a formula ("Excel specifications and limits": 64 levels). */
export const MAX_NESTING_LEVELS = 64;

/**
 * How deep a formula's brackets go outside its string literals: every level counts, a function's and a
 * bare bracket's alike (at least as strict as Excel's count of nested functions).
 */
export function formulaNestingDepth(formula: string): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") deepest = Math.max(deepest, ++depth);
    else if (ch === ")") depth--;
  }
  return deepest;
}

/** Whether Excel accepts a formula of this size: its length and its nesting within Excel's limits. */
export function fitsExcel(formula: string): boolean {
  return formula.length <= MAX_FORMULA_LENGTH && formulaNestingDepth(formula) <= MAX_NESTING_LEVELS;
}

/** The computed columns of the template, in the order the native formulas read each other. */
export const NATIVE_FIELDS: readonly EvaluateField[] = [
  "dataYear",
  "value",
  "elapsed",
  "gap",
  "growth",
  "step",
  "progress",
  "status",
];

// ---------------------------------------------------------------------------------------------
// Literals

/**
 * A number as formula text in plain decimals, exactly the same double when read back (0.000000001,
 * not 1e-9: HyperFormula cannot parse exponents), negatives in brackets so they fit any context.
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const abs = Math.abs(x);
  let s = String(abs);
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m) {
    const digits = m[1]! + (m[2] ?? "");
    const point = m[1]!.length + Number(m[3]);
    if (point <= 0) s = `0.${"0".repeat(-point)}${digits}`;
    else if (point >= digits.length) s = digits + "0".repeat(point - digits.length);
    else s = `${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return x < 0 ? `(-${s})` : s;
}

/**
 * A string literal: the one way text gets into a formula. A quote inside is written CHAR(34), not
 * doubled: HyperFormula does not read "" inside a string (Excel and WPS read both).
 */
export function str(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  return `(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join("&CHAR(34)&")})`;
}

// ---------------------------------------------------------------------------------------------
// Expressions with constant folding, so conditions that the row's codes settle leave no trace

const TRUE_ = "(1=1)";
const FALSE_ = "(1=0)";

function or(...xs: string[]): string {
  const ys = xs.filter((x) => x !== FALSE_);
  if (ys.includes(TRUE_)) return TRUE_;
  if (ys.length === 0) return FALSE_;
  return ys.length === 1 ? ys[0]! : `OR(${ys.join(",")})`;
}

function and(...xs: string[]): string {
  const ys = xs.filter((x) => x !== TRUE_);
  if (ys.includes(FALSE_)) return FALSE_;
  if (ys.length === 0) return TRUE_;
  return ys.length === 1 ? ys[0]! : `AND(${ys.join(",")})`;
}

function not(x: string): string {
  if (x === TRUE_) return FALSE_;
  if (x === FALSE_) return TRUE_;
  return `NOT(${x})`;
}

function iff(condition: string, then: string, otherwise: string): string {
  if (condition === TRUE_) return then;
  if (condition === FALSE_) return otherwise;
  return `IF(${condition},${then},${otherwise})`;
}

const BLANK = '""';
const NA = "#N/A";
const NUM_ERROR = "#NUM!";
const VALUE_ERROR = "#VALUE!";
const EPS = num(STATUS_EPSILON);

// ---------------------------------------------------------------------------------------------
// The words of the status column

/**
 * The words a manual status (人工状态) may hold, by the status they mean, as status.ts's
 * parseStatusLabel reads them (after NFKC, trimming, collapsing spaces and lower-casing). A test
 * compares this list with status.ts's own, so the two cannot drift apart.
 */
export const MANUAL_STATUS_WORDS: ReadonlyArray<readonly [StatusCode, readonly string[]]> = [
  [
    "achieved",
    [
      "提前实现",
      "已提前实现",
      "提前完成",
      "已提前完成",
      "已完成",
      "完成",
      "已实现",
      "已达标",
      "achieved",
      "achieved early",
    ],
  ],
  ["ahead", ["快于预期", "高于预期", "超前", "ahead", "ahead of schedule"]],
  ["onTrack", ["基本符合预期", "符合预期", "达到预期进度", "ontrack", "on track", "on schedule"]],
  ["lagging", ["滞后", "进度滞后", "滞后于预期", "lagging", "behind"]],
  ["missed", ["未完成", "未实现", "missed"]],
];

/** "|提前实现|已提前实现|…|missed|": FIND of "|word|" in it tells a known word and, by position, its status. */
const MANUAL_WORDS_TEXT = `|${MANUAL_STATUS_WORDS.flatMap(([, words]) => words).join("|")}|`;
/** Where each status's words start in MANUAL_WORDS_TEXT (1-based, as FIND counts). */
const MANUAL_GROUP_STARTS = MANUAL_STATUS_WORDS.map(([, words]) => MANUAL_WORDS_TEXT.indexOf(`|${words[0]}|`) + 1);

/** Excel's TRIM: leading and trailing spaces removed, inner runs of spaces made one (only U+0020). */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** What the native formulas make of a manual status cell's text: the status, or null for an unknown word. */
export function nativeManualStatus(text: string): StatusCode | null {
  if (text.includes("|")) return null;
  const key = `|${excelTrim(text).toLowerCase()}|`;
  const at = MANUAL_WORDS_TEXT.indexOf(key);
  if (at < 0) return null;
  let code: StatusCode | null = null;
  MANUAL_STATUS_WORDS.forEach(([c], i) => {
    if (at + 1 >= MANUAL_GROUP_STARTS[i]!) code = c;
  });
  return code;
}

/** A message with placeholders, cut around them: the literal text before, between and after. */
function messageParts(code: "status.needsFix" | "status.stale", lang: Lang): string[] {
  const args: Record<string, string> =
    code === "status.needsFix" ? { column: "\u0001", text: "\u0001" } : { year: "\u0001" };
  return message(code, lang, args).split("\u0001");
}

// ---------------------------------------------------------------------------------------------
// One row's cells

/** A template row as the copy sees it: what it said when the copy was made, and where its cells are. */
export interface NativeRow {
  /** The row read with the template's reader over the header range PLAN.EVALUATE is given. */
  row: TemplateRow;
  /** A1 address (same sheet) of each column the header range holds. */
  cells: Partial<Record<ColumnKey, string>>;
}

export interface NativeRowInput {
  own: NativeRow;
  /** The row passed as PLAN.EVALUATE's reference row (relative targets), when it is not blank. */
  reference: NativeRow | null;
  /** The evaluation-year cell (PLAN.EVALUATE's 4th argument), e.g. $C$3. */
  yearCell: string;
  /** This row's computed cells, by field: the formulas read each other. */
  computed: Record<EvaluateField, string>;
  lang: Lang;
}

/** The keys a row's cells are read in (templateRow.ts's order), so the first cell to fix is the one PLAN names. */
const FROZEN_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "kind",
  "attribute",
  "targetForm",
  "figures",
  "yearlyTargets",
  "direction",
  "comparator",
  "approximate",
  "approxTolerance",
  "obligation",
  "revisedBaselineYear",
]);

function readingOrder(r: NativeRow): ColumnKey[] {
  const years = (Object.keys(r.cells) as ColumnKey[]).filter((k) => /^y\d{4}$/.test(k));
  return [
    "kind",
    "attribute",
    "targetForm",
    "target",
    "figures",
    ...years,
    "yearlyTargets",
    "direction",
    "baselineYear",
    "baseline",
    "revisedBaseline",
    "revisedBaselineYear",
    "targetYear",
    "adjustedTarget",
    "comparator",
    "approximate",
    "approxTolerance",
    "obligation",
    "manualStatus",
  ];
}

function figureFormOf(row: TemplateRow): FigureForm {
  return row.figures ?? (row.targetForm.startsWith("cumulative") ? "change" : "level");
}

/** The indicator id templateRow.ts gives a row (a blank id cell reads as TEMPLATE_ROW). */
function idOf(row: TemplateRow): string {
  return row.id ?? "TEMPLATE_ROW";
}

function isWordsTarget(row: TemplateRow): boolean {
  return row.targetForm === "text" || row.targetForm === "relativeAbove" || row.targetForm === "relativeInStep";
}

/** Everything about one row the formulas need, as expressions. */
class RowExpr {
  readonly row: TemplateRow;
  readonly figures: FigureForm;
  /** Years of the year columns, ascending, with their cells. */
  readonly years: Array<{ year: number; cell: string }>;

  constructor(
    readonly source: NativeRow,
    /** The plan's base year PLAN.EVALUATE assumes (own row's): MIN(first year column − 1, target year − 1). */
    private readonly planBaseYear: string,
  ) {
    this.row = source.row;
    this.figures = figureFormOf(source.row);
    this.years = (Object.keys(source.cells) as ColumnKey[])
      .filter((k) => /^y\d{4}$/.test(k))
      .map((k) => ({ year: Number(k.slice(1)), cell: source.cells[k]! }))
      .sort((a, b) => a.year - b.year);
  }

  cell(key: ColumnKey): string | null {
    return this.source.cells[key] ?? null;
  }

  filled(key: ColumnKey): string {
    const c = this.cell(key);
    return c ? `${c}<>""` : FALSE_;
  }

  blank(key: ColumnKey): string {
    const c = this.cell(key);
    return c ? `${c}=""` : TRUE_;
  }

  /** 目标年 (the row's own target year). */
  get targetYear(): string {
    return this.cell("targetYear")!;
  }

  /** The baseline year in use: the revision's, else the published one, else the plan's base year. */
  get baselineYear(): string {
    const by = this.cell("baselineYear");
    const base = by ? `IF(${by}<>"",${by},${this.planBaseYear})` : this.planBaseYear;
    // 修订基期年 is a code column: its year is read when the copy is made; the revised value stays live.
    const rb = this.cell("revisedBaseline");
    const rby = this.row.revisedBaselineYear;
    return rb && rby !== null ? `IF(${rb}<>"",${num(rby)},${base})` : base;
  }

  /**
   * Where the row's period starts (indicatorEvaluation.ts periodStart): the baseline year for level
   * figures; for yearly rates or changes not before the plan's base year (MIN(first year column − 1,
   * target year − 1), as planOfRow gives it). The time line, "not started", the 年均 years and the
   * totals count from here.
   */
  get start(): string {
    return this.figures === "level" ? this.baselineYear : `MAX(${this.baselineYear},${this.planBaseYear})`;
  }

  /** Whether there is a baseline (revised or published). */
  get hasBaseline(): string {
    return or(this.filled("revisedBaseline"), this.filled("baseline"));
  }

  /** The baseline in use (only where hasBaseline holds). */
  get baseline(): string {
    const rb = this.cell("revisedBaseline");
    const b = this.cell("baseline");
    if (rb && b) return `IF(${rb}<>"",${rb},${b})`;
    return rb ?? b ?? "0";
  }

  /** The target in use: the adjusted one when 调整后目标 holds one. */
  get target(): string {
    const k = this.cell("adjustedTarget");
    const j = this.cell("target") ?? "0";
    return k ? `IF(${k}<>"",${k},${j})` : j;
  }

  /** The figure of the year `year` (an expression for a year column's year), "" when blank. */
  figureAt(year: string): string {
    const ys = this.years;
    if (ys.length === 0) return BLANK;
    const first = ys[0]!.year;
    const consecutive = ys.every((y, i) => y.year === first + i);
    if (consecutive) return `CHOOSE(${year}-${num(first - 1)},${ys.map((y) => y.cell).join(",")})`;
    let out = BLANK;
    for (const y of ys) out = `IF(${year}=${y.year},${y.cell},${out})`;
    return out;
  }

  /**
   * The latest year with anything in its cell, else `otherwise` (figures of a readable row are all numbers).
   * One flat MAX, not an IF nested per year (a 15-year plan's status would pass Excel's 64 levels): every year
   * column is after `otherwise` (the plan's base year), so the largest is the latest year entered, or
   * `otherwise` when none is. (`otherwise` is negative only when the target year is blank, and that row
   * shows its #N/A before this is read.)
   */
  latestEntered(otherwise: string): string {
    if (this.years.length === 0) return otherwise;
    return `MAX(${otherwise},${this.years.map((y) => `IF(${y.cell}<>"",${y.year},0)`).join(",")})`;
  }

  /**
   * Whether a year in (start, to] has no figure (figureSeries.consecutiveFigures): a blank year cell, a
   * year between the year columns that has none, or a year before the first year column. Every year
   * column (and every year between them) is after the plan's base year, so "after the start" is "after
   * the baseline year" there: the terms compare with the shorter baselineYear, only the last with start.
   */
  missingYears(to: string): string {
    const ys = this.years;
    if (ys.length === 0) return TRUE_;
    const from = this.baselineYear;
    const terms = ys.map((y) => `AND(${y.year}>${from},${y.year}<=${to},${y.cell}="")`);
    const have = new Set(ys.map((y) => y.year));
    for (let g = ys[0]!.year; g <= ys[ys.length - 1]!.year; g++)
      if (!have.has(g)) terms.push(`AND(${g}>${from},${g}<=${to})`);
    terms.push(`${this.start}<${num(ys[0]!.year - 1)}`);
    return or(...terms);
  }

  /** Σ term(cell) over the years in (start, to], in year order (the core adds in year order). */
  sumOver(to: string, term: (cell: string) => string): string {
    const ys = this.years;
    if (ys.length === 0) return "0";
    const from = this.baselineYear;
    return ys.map((y) => `IF(AND(${y.year}>${from},${y.year}<=${to}),${term(y.cell)},0)`).join("+");
  }

  /** Π factor(cell) over the years in (start, to], in year order. */
  productOver(to: string, factor: (cell: string) => string): string {
    const ys = this.years;
    if (ys.length === 0) return "1";
    const from = this.baselineYear;
    return ys.map((y) => `IF(AND(${y.year}>${from},${y.year}<=${to}),${factor(y.cell)},1)`).join("*");
  }

  // -------------------------------------------------------------------------------------------
  // Cells that cannot be read (templateRow.ts's problems), checked as Excel sees the cell

  /** A figure cell (year columns, baselines): a number the kind and figure form allow (figureRules.ts). */
  private figureBad(c: string): string {
    const kind = this.row.kind;
    // N(c) is the number, 0 for a blank or text (text is caught by ISTEXT); 0 is in range for all but ranks.
    const n = `N(${c})`;
    let range: string | null = null;
    if (this.figures === "rate") range = `${n}<=-100`;
    else if (this.figures === "change") range = kind === "percent" ? `${n}<-100,${n}>100` : null;
    else if (kind === "percent") range = `${n}<0,${n}>100`;
    else if (kind === "count") range = `${n}<>INT(${n}),${n}<0`;
    else if (kind === "rank") return `IF(ISNUMBER(${c}),OR(${c}<>INT(${c}),${c}<1),ISTEXT(${c}))`;
    else if (kind === "amount") range = `${n}<0`;
    return range ? `OR(ISTEXT(${c}),${range})` : `ISTEXT(${c})`;
  }

  private static yearBad(c: string): string {
    return `IF(ISNUMBER(${c}),OR(${c}<>INT(${c}),${c}<1900,${c}>2200),ISTEXT(${c}))`;
  }

  /** FIND's position of the manual status's word in MANUAL_WORDS_TEXT (an error for an unknown word). */
  manualPosition(q: string): string {
    return `FIND("|"&LOWER(TRIM(${q}))&"|",${str(MANUAL_WORDS_TEXT)})`;
  }

  private manualBad(q: string): string {
    return `IF(ISNUMBER(${this.manualPosition(q)}),ISNUMBER(FIND("|",${q})),${q}<>"")`;
  }

  /**
   * Each check in reading order: when `bad` holds, the row shows `label` (待修正（列：原文）). For the row a
   * relative target refers to, the column is named after that indicator (待修正（GDP增长 2022年：约38）),
   * as PLAN.EVALUATE names it: its name (else its id) as the copy was made.
   */
  checks(lang: Lang, asReference = false): Array<{ bad: string; label: string }> {
    const [before, between, after] = messageParts("status.needsFix", lang);
    const referenceName = asReference ? (this.row.name ?? this.row.id ?? undefined) : undefined;
    const column = (header: string) => needsFixColumn(header, referenceName);
    const words = isWordsTarget(this.row);
    const out: Array<{ bad: string; label: string }> = [];
    for (const key of readingOrder(this.source)) {
      if (FROZEN_KEYS.has(key)) {
        const problem = this.row.problems.find((p) => p.key === key);
        if (problem)
          out.push({
            bad: TRUE_,
            label: str(message("status.needsFix", lang, { column: column(problem.header), text: problem.text })),
          });
        continue;
      }
      const c = this.cell(key);
      if (!c) continue;
      let bad: string;
      if (key === "target" || key === "adjustedTarget") {
        if (words) continue;
        bad = `ISTEXT(${c})`;
      } else if (key === "baselineYear" || key === "targetYear") {
        bad = RowExpr.yearBad(c);
      } else if (key === "manualStatus") {
        bad = this.manualBad(c);
      } else bad = this.figureBad(c);
      const header = this.row.headers[key] ?? key;
      out.push({ bad, label: `${str(`${before}${column(header)}${between}`)}&TRIM(${c})&${str(after!)}` });
    }
    return out;
  }

  invalid(lang: Lang): string {
    return or(...this.checks(lang).map((c) => c.bad));
  }

  /** The label chain: the first cell to fix, else `rest`. */
  fixChain(lang: Lang, rest: string, asReference = false): string {
    return this.checks(lang, asReference).reduceRight((acc, c) => iff(c.bad, c.label, acc), rest);
  }

  /** A blank target year, or a blank target (a blank reference code for a relative target). */
  get missing(): string {
    const targetMissing = isWordsTarget(this.row)
      ? this.row.targetForm !== "text" && !this.row.reference
        ? TRUE_
        : FALSE_
      : this.blank("target");
    return or(this.cell("targetYear") ? this.blank("targetYear") : TRUE_, targetMissing);
  }
}

// ---------------------------------------------------------------------------------------------
// The row's evaluation

interface FormParts {
  gap: string | null;
  growth: string | null;
  step: string | null;
  progress: string | null;
  /** The status code's label, evaluated where the row has a figure and the year is after the baseline year. */
  code: string;
}

interface Labels {
  achieved: string;
  done: string;
  ahead: string;
  onTrack: string;
  lagging: string;
  missed: string;
}

class Builder {
  readonly own: RowExpr;
  readonly ref: RowExpr | null;
  /** The evaluation-year cell as given ($C$3). */
  readonly yearCell: string;
  /** The year evaluated, where the row has a figure (D is not blank). */
  readonly Y: string;
  /** The year evaluated anywhere: with no figure and a blank year cell, the plan's first year (or the reference's data year). */
  readonly yearAnyway: string;
  readonly planBaseYear: string;
  readonly D: string;
  readonly V: string;
  readonly E: string;
  readonly P: string;
  readonly TY: string;
  /** Where the row's period starts (RowExpr.start). */
  readonly S: string;
  readonly labels: Labels;
  /** 提前实现 before the target year, 已完成 from it. */
  readonly achievedAt: (year: string) => string;

  constructor(readonly input: NativeRowInput) {
    const ownRow = input.own.row;
    const ty = input.own.cells.targetYear ?? "0";
    const first = ownRow.yearColumns[0];
    const planBaseYear = first !== undefined ? `MIN(${num(first - 1)},${ty}-1)` : `${ty}-1`;
    this.planBaseYear = planBaseYear;
    this.own = new RowExpr(input.own, planBaseYear);
    this.ref = input.reference ? new RowExpr(input.reference, planBaseYear) : null;
    this.yearCell = input.yearCell;
    this.D = input.computed.dataYear;
    // A blank evaluation year (C3 before the first figure): PLAN.EVALUATE takes the row's latest
    // entered year, which is the data year wherever the row has a figure.
    this.Y = `IF(${this.yearCell}="",${this.D},${this.yearCell})`;
    const alternative =
      this.ref && idOf(this.ref.row) !== idOf(ownRow) ? this.ref.latestEntered(this.planBaseYear) : null;
    this.yearAnyway = `IF(${this.yearCell}="",IF(${this.D}<>"",${this.D},${alternative ?? `${this.planBaseYear}+1`}),${this.yearCell})`;
    this.V = input.computed.value;
    this.E = input.computed.elapsed;
    this.P = input.computed.progress;
    this.TY = ty;
    this.S = this.own.start;
    const lang = input.lang;
    const label = (code: StatusCode, early: boolean) =>
      str(statusLabel(code, lang, early ? { year: 0, targetYear: 1 } : { year: 1, targetYear: 1 }));
    const early = label("achieved", true);
    const done = label("achieved", false);
    this.achievedAt = (year: string) => (early === done ? done : `IF(${year}<${this.TY},${early},${done})`);
    this.labels = {
      achieved: this.achievedAt(this.Y),
      done,
      ahead: label("ahead", false),
      onTrack: label("onTrack", false),
      lagging: label("lagging", false),
      missed: label("missed", false),
    };
  }

  /** status.ts keepVerdict: held → on track (已完成 from the target year), else lagging (未完成). */
  keepVerdict(held: string): string {
    const l = this.labels;
    const late = `${this.Y}>=${this.TY}`;
    return iff(held, `IF(${late},${l.done},${l.onTrack})`, `IF(${late},${l.missed},${l.lagging})`);
  }

  /** status.ts scheduleVerdict on the row's progress and elapsed cells; `held` lifts lagging to on track. */
  schedule(held: string = FALSE_): string {
    const tol = num(DEFAULT_TOLERANCE);
    const floor = this.own.row.binding ? `${this.E}-${EPS}` : `${this.E}-${tol}-${EPS}`;
    const l = this.labels;
    return `IF(${this.P}>=${this.E}+${tol}-${EPS},${l.ahead},IF(${or(`${this.P}>=${floor}`, held)},${l.onTrack},${l.lagging}))`;
  }

  /** status.ts isMet: the value meets the target with the 约/左右 band and the 1e-9 slack. */
  met(value: string, target: string, comparator: Comparator, approximate: boolean, band: number | null): string {
    const eps = `${EPS}*MAX(1,ABS(${target}))`;
    const slack = approximate
      ? `(${band !== null ? num(band) : `ABS(${target})*${num(DEFAULT_APPROX_BAND)}`}+${eps})`
      : eps;
    return comparator === ">=" ? `${value}>=${target}-${slack}` : `${value}<=${target}+${slack}`;
  }

  /** 年均需增长 (indicatorMath.requiredAnnualGrowth): #NUM! from a non-positive value or a negative target. */
  static requiredGrowth(current: string, target: string, years: string): string {
    return `IF(OR(${current}<=0,${target}<0),${NUM_ERROR},IF(${target}=0,-1,EXP((LN(${target})-LN(${current}))/${years})-1))`;
  }

  get left(): string {
    return `(${this.TY}-${this.D})`;
  }

  get band(): number | null {
    const t = this.own.row.approxTolerance;
    return t === null ? null : Math.abs(t);
  }

  // -------------------------------------------------------------------------------------------

  level(): FormParts {
    const row = this.own.row;
    const comparator: Comparator = row.comparator ?? (row.direction === "down" ? "<=" : ">=");
    const T = this.own.target;
    const V = this.V;
    const B = this.own.baseline;
    const met = (v: string) => this.met(v, T, comparator, row.approximate, this.band);
    const metV = met(V);
    const metB = met(B);
    const left = this.left;
    const noBaseline = not(this.own.hasBaseline);
    const gap = comparator === "<=" ? `${V}-${T}` : `${T}-${V}`;
    const notNeeded = `OR(${left}<=0,${metV})`;
    const growth = row.kind === "rank" ? null : `IF(${notNeeded},"",${Builder.requiredGrowth(V, T, left)})`;
    const step = `IF(${notNeeded},"",${T}/${left}-${V}/${left})`;
    const l = this.labels;
    const reachProgress = iff(
      noBaseline,
      BLANK,
      `IF(ISERROR(${this.E}),"",IF(${metB},IF(${metV},1,0),(${V}-${B})/(${T}-${B})))`,
    );
    const reachCode = iff(
      noBaseline,
      `IF(${metV},${l.achieved},"")`,
      // A target met is met, even where no time line can be drawn (the target year not after the start).
      `IF(${metV},${l.achieved},IF(ISERROR(${this.E}),"",IF(${this.Y}>=${this.TY},${l.missed},IF(${metB},${l.lagging},${this.schedule()}))))`,
    );
    const keepCode = this.keepVerdict(metV);
    const keep =
      row.obligation === "keep"
        ? TRUE_
        : row.obligation === "reach"
          ? FALSE_
          : // Not stated: a bound the baseline already meets is kept (status.ts inferObligation).
            and(this.own.hasBaseline, metB);
    return {
      gap,
      growth,
      step,
      progress: iff(keep, BLANK, reachProgress),
      code: iff(keep, keepCode, reachCode),
    };
  }

  cumulative(): FormParts {
    const row = this.own.row;
    const mode =
      row.targetForm === "cumulativeReduction"
        ? "reduction"
        : row.targetForm === "cumulativeIncrease"
          ? "increase"
          : "decrease";
    const T = this.own.target;
    const V = this.V;
    const B = this.own.baseline;
    const D = this.D;
    const S = this.S;
    let fail: string;
    let soFar: string;
    if (this.own.figures === "level") {
      fail = or(not(this.own.hasBaseline), mode === "reduction" ? `${B}<=0` : FALSE_);
      soFar = mode === "increase" ? `${V}-${B}` : mode === "decrease" ? `${B}-${V}` : `(1-${V}/${B})*100`;
    } else {
      fail = or(this.own.missingYears(D), this.own.figures === "rate" && mode !== "reduction" ? TRUE_ : FALSE_);
      if (mode === "reduction") {
        const factor = this.own.figures === "rate" ? (c: string) => `(1+${c}/100)` : (c: string) => `(1-${c}/100)`;
        soFar = `(1-${this.own.productOver(D, factor)})*100`;
      } else soFar = `(${this.own.sumOver(D, (c) => c)})`;
    }
    // cumulativeSoFar: nothing yet while the latest figure is not after the period's start.
    const FAIL = fail === FALSE_ ? FALSE_ : `AND(${D}>${S},${fail})`;
    const SO = `IF(${D}<=${S},0,${soFar})`;
    const met = this.met(SO, T, ">=", row.approximate, this.band);
    const left = this.left;
    const required =
      mode === "reduction"
        ? `IF(OR(${SO}>=100,${T}>=100),${NUM_ERROR},-(EXP((LN(1-${T}/100)-LN(1-${SO}/100))/${left})-1)*100)`
        : `${T}/${left}-${SO}/${left}`;
    const l = this.labels;
    return {
      gap: iff(FAIL, BLANK, `${T}-${SO}`),
      growth: null,
      step: iff(FAIL, BLANK, `IF(OR(${left}<=0,${met}),"",${required})`),
      progress: iff(FAIL, BLANK, `IF(ISERROR(${this.E}),"",IF(${T}=0,IF(${met},1,0),${SO}/${T}))`),
      code: iff(
        FAIL,
        BLANK,
        // A total met is met, even where no time line can be drawn (as for levels).
        `IF(${met},${l.achieved},IF(ISERROR(${this.E}),"",IF(${this.Y}>=${this.TY},${l.missed},IF(${T}=0,${l.lagging},${this.schedule()}))))`,
      ),
    };
  }

  /** figureSeries.realisedLogGrowth of a row over (its start, to]: the failure condition and the log. */
  private logGrowth(r: RowExpr, to: string, latest: string): { fail: string; log: string } {
    if (r.figures === "rate") return { fail: r.missingYears(to), log: `(${r.sumOver(to, (c) => `LN(1+${c}/100)`)})` };
    if (r.figures === "change") return { fail: TRUE_, log: "0" };
    const B = r.baseline;
    return { fail: or(not(r.hasBaseline), `${B}<=0`, `${latest}<=0`), log: `(LN(${latest})-LN(${B}))` };
  }

  annualGrowth(): FormParts {
    const row = this.own.row;
    const comparator: Comparator = row.comparator ?? ">=";
    const g = this.own.target;
    const D = this.D;
    const S = this.S;
    const { fail, log } = this.logGrowth(this.own, D, this.V);
    // realisedAnnualGrowthRate: no years since the period's start is no rate.
    const FAIL = or(`${D}<=${S}`, fail);
    const realised = `(EXP(${log}/(${D}-${S}))-1)*100`;
    const held = this.met(realised, g, comparator, row.approximate, this.band);
    const left = this.left;
    const goalLog = `((${this.TY}-${S})*LN(1+${g}/100))`;
    const l = this.labels;
    const late = `${this.Y}>=${this.TY}`;
    return {
      gap: iff(FAIL, BLANK, comparator === ">=" ? `${g}-${realised}` : `${realised}-${g}`),
      growth:
        comparator === ">="
          ? iff(FAIL, BLANK, `IF(AND(${left}>0,${g}>-100),EXP((${goalLog}-${log})/${left})-1,"")`)
          : null,
      step: null,
      progress:
        comparator === ">="
          ? iff(FAIL, BLANK, `IF(ISERROR(${this.E}),"",IF(${this.Y}>=${this.TY},"",IF(${g}>0,${log}/${goalLog},"")))`)
          : null,
      // held is tested once: the verdict with it, and without it.
      code: iff(
        FAIL,
        BLANK,
        `IF(ISERROR(${this.E}),"",IF(${held},IF(${late},${l.done},${
          comparator === "<=" ? l.onTrack : `IF(${g}>0,${this.schedule(TRUE_)},${l.onTrack})`
        }),IF(${late},${l.missed},${comparator === "<=" ? l.lagging : `IF(${g}>0,${this.schedule()},${l.lagging})`})))`,
      ),
    };
  }

  relative(): FormParts {
    const row = this.own.row;
    // The indicator the row names: the reference row PLAN.EVALUATE is given, or the row itself
    // (planOfRow keeps one indicator when both have the same id, and the row's comes first).
    const ownId = idOf(row);
    const ref = row.reference === ownId ? this.own : this.ref && idOf(this.ref.row) === row.reference ? this.ref : null;
    if (!ref) return { gap: null, growth: null, step: null, progress: null, code: BLANK };
    const D = this.D;
    // Each row's realised average over its own period, from its own start to the row's data year.
    const own = this.logGrowth(this.own, D, this.V);
    const refLatest = ref.figureAt(D);
    const theirs = ref === this.own ? own : this.logGrowth(ref, D, refLatest);
    const refStart = ref === this.own ? this.S : ref.start;
    const FAIL = or(`${D}<=${this.S}`, `${refLatest}=""`, own.fail, `${D}<=${refStart}`, theirs.fail);
    const mine = `(EXP(${own.log}/(${D}-${this.S}))-1)*100`;
    const other = ref === this.own ? mine : `(EXP(${theirs.log}/(${D}-${refStart}))-1)*100`;
    const band = row.targetForm === "relativeInStep" ? (this.band ?? DEFAULT_IN_STEP_BAND) : 0;
    const less = band === 0 ? "" : `-${num(band)}`;
    return {
      gap: iff(FAIL, BLANK, `${other}${less}-${mine}`),
      growth: null,
      step: null,
      progress: null,
      code: iff(FAIL, BLANK, this.keepVerdict(`${mine}>=${other}${less}-${EPS}`)),
    };
  }

  /** Text targets: the evaluation year's own target (年度目标) against that year's figure. */
  text(): FormParts {
    let code = BLANK;
    const entries = Object.entries(this.own.row.yearlyTargets).sort(([a], [b]) => Number(b) - Number(a));
    for (const [year, t] of entries) {
      const cell = this.own.cell(`y${Number(year)}` as ColumnKey);
      if (!cell) continue;
      const slack = approxBand(t.value, t.approximate, t.band) + STATUS_EPSILON * Math.max(1, Math.abs(t.value));
      const met = t.comparator === ">=" ? `${cell}>=${num(t.value - slack)}` : `${cell}<=${num(t.value + slack)}`;
      code = `IF(${this.Y}=${Number(year)},IF(${cell}="","",${this.keepVerdict(met)}),${code})`;
    }
    return { gap: null, growth: null, step: null, progress: null, code };
  }

  parts(): FormParts {
    switch (this.own.row.targetForm) {
      case "level":
        return this.level();
      case "cumulativeReduction":
      case "cumulativeIncrease":
      case "cumulativeDecrease":
        return this.cumulative();
      case "annualGrowth":
        return this.annualGrowth();
      case "relativeAbove":
      case "relativeInStep":
        return this.relative();
      case "text":
        return this.text();
    }
  }

  // -------------------------------------------------------------------------------------------

  /** An evaluation-year cell PLAN.EVALUATE refuses: its error, #VALUE! for text, #NUM! for a number that is not a year (blank is fine). */
  yearGuard(rest: string): string {
    const Y = this.yearCell;
    return `IF(ISERROR(${Y}),${Y},IF(IF(ISNUMBER(${Y}),OR(${Y}<>INT(${Y}),${Y}<1900,${Y}>2200),${Y}<>""),IF(ISNUMBER(${Y}),${NUM_ERROR},${VALUE_ERROR}),${rest}))`;
  }

  /** The latest year up to the evaluation year with a figure (any year when the year cell is blank), "" when none. */
  latestYear(): string {
    let out = BLANK;
    const Y = this.yearCell;
    for (const y of this.own.years) out = `IF(AND(${y.cell}<>"",OR(${Y}="",${Y}>=${y.year})),${y.year},${out})`;
    return out;
  }

  formulas(): Record<EvaluateField, string> {
    const lang = this.input.lang;
    const own = this.own;
    const ref = this.ref;
    const D = this.D;
    const whenRow = (body: string) => `IF(ISERROR(${D}),${D},${body})`;
    const nothingYet = `OR(${D}="",${this.Y}<=${this.S})`;
    const field = (body: string | null) =>
      `=${whenRow(body === null || body === BLANK ? BLANK : `IF(${nothingYet},"",${body})`)}`;

    const dataYear =
      "=" +
      this.yearGuard(
        iff(
          own.invalid(lang),
          VALUE_ERROR,
          iff(
            own.missing,
            NA,
            iff(ref ? ref.invalid(lang) : FALSE_, VALUE_ERROR, iff(ref ? ref.missing : FALSE_, NA, this.latestYear())),
          ),
        ),
      );
    const value = `=${whenRow(`IF(${D}="","",${own.figureAt(D)})`)}`;
    const isText = own.row.targetForm === "text";
    const S = this.S;
    const elapsed = `=${whenRow(
      isText ? BLANK : `IF(${this.TY}<=${S},${NUM_ERROR},MIN(1,MAX(0,(${this.yearAnyway}-${S})/(${this.TY}-${S}))))`,
    )}`;

    const parts = this.parts();
    const [staleBefore, staleAfter] = messageParts("status.stale", lang);
    const q = own.cell("manualStatus");
    const l = this.labels;
    const computed = `IF(${D}="","",IF(AND(${this.yearCell}<>"",${D}<${this.yearCell}),${str(staleBefore!)}&${D}&${str(staleAfter!)},IF(${this.Y}<=${S},"",${parts.code})))`;
    const withManual = q
      ? `IF(${q}<>"",CHOOSE(MATCH(${own.manualPosition(q)},{${MANUAL_GROUP_STARTS.join(",")}},1),${this.achievedAt(this.yearAnyway)},${l.ahead},${l.onTrack},${l.lagging},${l.missed}),${computed})`
      : computed;
    const afterFixes = whenRow(withManual);
    const status = "=" + this.yearGuard(own.fixChain(lang, ref ? ref.fixChain(lang, afterFixes, true) : afterFixes));

    return {
      dataYear,
      value,
      elapsed,
      gap: field(parts.gap),
      growth: field(parts.growth),
      step: field(parts.step),
      progress: field(parts.progress),
      status,
    };
  }
}

/**
 * Every computed cell of a template row as native formula text ("=…"): the same results as the row's
 * PLAN.EVALUATE cells, which they replace in the portable copy.
 */
export function nativeRowFormulas(input: NativeRowInput): Record<EvaluateField, string> {
  return new Builder(input).formulas();
}

/** A blank table row: PLAN.EVALUATE gives "" (or the evaluation year's error, which reaches every call). */
export function nativeBlankRowFormula(yearCell: string): string {
  return `=IF(ISERROR(${yearCell}),${yearCell},"")`;
}

/**
 * Whether a year cell of a row holds a figure the template's reader can read (templateRow.ts with
 * figureRules.ts): a number, in the range the row's kind and figure form allow. Text, a blank, an
 * error value or TRUE/FALSE is not one; the cell is read only once it is a number.
 */
function readableFigure(row: TemplateRow | null, c: string): string {
  const kind = row?.kind ?? null;
  const figures = row ? figureFormOf(row) : "level";
  let range: string | null = null;
  if (figures === "rate") range = `${c}>-100`;
  else if (figures === "change") range = kind === "percent" ? `AND(${c}>=-100,${c}<=100)` : null;
  else if (kind === "percent") range = `AND(${c}>=0,${c}<=100)`;
  else if (kind === "count") range = `AND(${c}=INT(${c}),${c}>=0)`;
  else if (kind === "rank") range = `AND(${c}=INT(${c}),${c}>=1)`;
  else if (kind === "amount") range = `${c}>=0`;
  return range ? `IF(ISNUMBER(${c}),${range})` : `ISNUMBER(${c})`;
}

/**
 * One row's latest year with a figure that can be read, 0 when none (the row's part of PLAN.DATAYEAR,
 * templateRow.ts latestEnteredYear): the portable copy keeps it in a hidden column after the table, one
 * cell per body row, and C3 takes the largest. `row` is the row as read when the copy was made (its kind
 * and figure form are codes, read once), null for a blank row (any number is a figure there).
 */
export function nativeReadableYearFormula(
  row: TemplateRow | null,
  yearCells: ReadonlyArray<{ year: number; cell: string }>,
): string {
  // One flat MAX over the years (not an IF nested per year, which passes Excel's 64 levels in a long plan).
  const terms = [...yearCells]
    .sort((a, b) => a.year - b.year)
    .map((y) => `IF(${readableFigure(row, y.cell)},${y.year},0)`);
  return `=MAX(0${terms.map((t) => `,${t}`).join("")})`;
}

/** The years whose cells nativeReadableYearFormula reads as figures, for values as they are now. */
export function nativeReadableYears(row: TemplateRow | null, cells: ReadonlyArray<{ year: number; value: unknown }>) {
  const kind = row?.kind ?? null;
  const figures = row ? figureFormOf(row) : "level";
  return cells
    .filter(({ value: v }) => {
      if (typeof v !== "number" || !Number.isFinite(v)) return false;
      if (figures === "rate") return v > -100;
      if (figures === "change") return kind !== "percent" || (v >= -100 && v <= 100);
      if (kind === "percent") return v >= 0 && v <= 100;
      if (kind === "count") return Number.isInteger(v) && v >= 0;
      if (kind === "rank") return Number.isInteger(v) && v >= 1;
      if (kind === "amount") return v >= 0;
      return true;
    })
    .map((c) => c.year)
    .sort((a, b) => a - b);
}

/**
 * The template's evaluation year (C3): the year typed in `input` (B3; "2023年" typed as text is read as
 * 2023, as PLAN reads it), else the latest year any row has a figure that can be read (PLAN.DATAYEAR:
 * the largest of the rows' nativeReadableYearFormula cells, in `readableYears`, e.g. "$AU$6:$AU$20"),
 * else blank (or #N/A, for templates written before C3 was blank without figures).
 */
export function nativeEvaluationYearFormula(
  input: string,
  readableYears: string,
  /** What the template shows before the first figure: blank (IFERROR(PLAN.DATAYEAR(…),"")) or #N/A. */
  beforeData: "blank" | "error" = "blank",
): string {
  const latest = `MAX(${readableYears})`;
  const none = beforeData === "blank" ? BLANK : NA;
  return `=IF(${input}<>"",IF(ISNUMBER(${input}),${input},--SUBSTITUTE(TRIM(${input}),"年","")),IF(${latest}>0,${latest},${none}))`;
}
