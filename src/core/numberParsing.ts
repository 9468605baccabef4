/**
 * parseUserNumber: what staff really type into a number cell, read strictly.
 * Accepted with a reported fix: full-width digits (１．４７), "。" between digits, U+2212/U+FF0D minus,
 * %/％, thousands separators placed every three digits, the indicator's unit as a suffix (116家).
 * Refused with a code: blanks (missing, not an error), Excel error values, booleans, hex, 万/亿
 * multipliers, misplaced commas, a figure with 约/左右/超过/以上… (approximate or a bound: staff are told to write
 * the figure alone, never guessed), any other text, numbers too large for a double. Never throws.
 *
 * Percent rule: in a percent indicator "1.47%" means 1.47 (the table holds percentages as plain numbers);
 * anywhere else a trailing % divides by 100, as Excel itself does when you type 1.47%.
 */
import type { ExcelErrorKind } from "./result";
import type { MessageCode } from "./messages";

export type NumberFix =
  | "fullWidth"
  | "percentSign"
  | "thousandsSeparator"
  | "unitSuffix"
  | "ideographicPoint"
  | "unicodeMinus"
  /** Only suggested by validation (0.0147 → 1.47 in a percent indicator); the parser never applies it. */
  | "fractionToPercent";

export type ParsedNumber =
  | { ok: true; value: number; fixes: NumberFix[] }
  | {
      ok: false;
      reason: "blank" | "excelError" | "boolean" | "notANumber" | "outOfRange";
      error: ExcelErrorKind;
      code: MessageCode;
      args?: Record<string, string | number>;
    };

export interface ParseOptions {
  /** The indicator is a percentage (kind "percent"): a trailing % is dropped, not divided out. */
  percent?: boolean;
  /** The indicator's unit as printed (家, 亿元, %): accepted as a suffix. */
  unit?: string;
}

/** Excel's error values as they arrive in text (Range.values, pasted text, CSV). */
const EXCEL_ERRORS: Record<string, ExcelErrorKind> = {
  "#N/A": "na",
  "#DIV/0!": "div0",
  "#NUM!": "num",
  "#VALUE!": "value",
  "#REF!": "value",
  "#NAME?": "value",
  "#NULL!": "value",
  "#SPILL!": "value",
  "#CALC!": "value",
  "#FIELD!": "value",
  "#BUSY!": "na",
  "#GETTING_DATA": "na",
  "#CONNECT!": "value",
  "#BLOCKED!": "value",
  "#UNKNOWN!": "value",
};

/** 1,234 or 12,345,678.9: groups of exactly three after the first; "1,2" and "1,23,456" are refused. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:e[+-]?\d+)?$/i;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** A number at the start (digits, commas, point, exponent), then whatever follows (%, a unit). */
const LEADING_NUMBER = /^([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(.*)$/is;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/**
 * Words that make a figure approximate or a bound, as statistics bulletins and plans write them (约38, 38左右,
 * 超过38, 38以上, ≥38): the cell takes the published figure alone. After NFKC (～ → ~, ＞ → >).
 */
const APPROX_BEFORE = /^(大约|约为|约|近|接近|超过|逾|≈|~|>=|<=|≥|≤|>|<)\s*/;
const APPROX_AFTER = /\s*(左右|上下|以上|以下|多|余)$/;

type Failed = Extract<ParsedNumber, { ok: false }>;

function refused(
  reason: Failed["reason"],
  error: ExcelErrorKind,
  code: MessageCode,
  args?: Record<string, string | number>,
): Failed {
  return args ? { ok: false, reason, error, code, args } : { ok: false, reason, error, code };
}

function fromNumber(n: number): ParsedNumber {
  if (Number.isNaN(n)) return refused("notANumber", "value", "parse.notANumber", { text: "NaN" });
  if (!Number.isFinite(n)) return refused("outOfRange", "num", "parse.outOfRange");
  return { ok: true, value: n === 0 ? 0 : n, fixes: [] };
}

/** Error objects some hosts hand over instead of strings: { error: "#N/A" }, { code: "#N/A" }, { type: "#N/A" }. */
function errorTextOf(input: object): string | null {
  for (const key of ["error", "code", "type"] as const) {
    const v = (input as Record<string, unknown>)[key];
    if (typeof v === "string" && EXCEL_ERRORS[v.toUpperCase()] !== undefined) return v.toUpperCase();
  }
  return null;
}

/** Normalise the characters staff type in Chinese input modes, recording each kind of change. */
function normalise(text: string, fixes: Set<NumberFix>): string {
  let s = text;
  if (/[\u2212\uFF0D\uFE63]/.test(s)) {
    fixes.add("unicodeMinus");
    s = s.replace(/[\u2212\uFF0D\uFE63]/g, "-");
  }
  const nfkc = s.normalize("NFKC");
  if (nfkc !== s) fixes.add("fullWidth");
  s = nfkc;
  // NFKC leaves the ideographic full stop alone; between digits it is a mistyped decimal point.
  if (/\d。\d/.test(s)) {
    fixes.add("ideographicPoint");
    s = s.replace(/(\d)。(?=\d)/g, "$1.");
  }
  return s.trim();
}

function unitMatches(rest: string, unit: string | undefined): boolean {
  if (!unit) return false;
  const u = unit
    .normalize("NFKC")
    .trim()
    .replace(/^[(（]|[)）]$/g, "");
  return u.length > 0 && rest === u;
}

/** 约38 → { words: "约", figure: "38" }: a number hedged by approximation or bound words; null for anything else. */
function approximateFigure(s: string): { words: string; figure: string } | null {
  const before = APPROX_BEFORE.exec(s);
  const after = APPROX_AFTER.exec(s);
  if (!before && !after) return null;
  const figure = s.slice(before ? before[0].length : 0, after ? s.length - after[0].length : s.length).trim();
  const numeral = figure.endsWith("%") ? figure.slice(0, -1).trim() : figure;
  if (!PLAIN.test(numeral) && !GROUPED.test(numeral)) return null;
  const words = [before?.[1], after?.[1]].filter((w): w is string => w !== undefined).join("”“");
  return { words, figure };
}

function parseText(raw: string, opts: ParseOptions): ParsedNumber {
  const text = raw.trim();
  if (text === "") return refused("blank", "na", "parse.blank");
  const upper = text.toUpperCase();
  const errorKind = EXCEL_ERRORS[upper];
  if (errorKind !== undefined) return refused("excelError", errorKind, "parse.excelError", { value: upper });
  if (upper === "TRUE" || upper === "FALSE") return refused("boolean", "value", "parse.boolean");

  const fixes = new Set<NumberFix>();
  const s = normalise(text, fixes);
  if (/^[+-]?0[xbo]/i.test(s)) return refused("notANumber", "value", "parse.hex", { text });
  const approximate = approximateFigure(s);
  if (approximate) return refused("notANumber", "value", "parse.approximate", { text, ...approximate });
  const m = LEADING_NUMBER.exec(s);
  if (!m) return refused("notANumber", "value", "parse.notANumber", { text });
  let numeral = m[1] ?? "";
  const rest = (m[2] ?? "").trim();

  if (numeral.includes(",")) {
    if (!GROUPED.test(numeral)) return refused("notANumber", "value", "parse.thousandsSeparator", { text });
    fixes.add("thousandsSeparator");
    numeral = numeral.replace(/,/g, "");
  }
  if (!PLAIN.test(numeral)) return refused("notANumber", "value", "parse.notANumber", { text });

  let divisor = 1;
  if (rest === "%") {
    fixes.add("percentSign");
    if (!opts.percent) divisor = 100;
  } else if (rest !== "") {
    if (unitMatches(rest, opts.unit) || (!opts.unit && HAN_ONLY.test(rest) && !/^[万亿]/.test(rest))) {
      fixes.add("unitSuffix");
    } else if (/^[万亿]/.test(rest)) {
      return refused("notANumber", "value", "parse.chineseMultiplier", { text, unit: opts.unit ?? "" });
    } else if (opts.unit && HAN_ONLY.test(rest)) {
      return refused("notANumber", "value", "parse.unitMismatch", { text, unit: opts.unit });
    } else {
      return refused("notANumber", "value", "parse.notANumber", { text });
    }
  }

  const n = Number(numeral);
  if (!Number.isFinite(n)) return refused("outOfRange", "num", "parse.outOfRange");
  const value = n / divisor;
  return { ok: true, value: value === 0 ? 0 : value, fixes: [...fixes] };
}

export function parseUserNumber(input: unknown, opts: ParseOptions = {}): ParsedNumber {
  try {
    if (input === null || input === undefined) return refused("blank", "na", "parse.blank");
    if (typeof input === "number") return fromNumber(input);
    if (typeof input === "boolean") return refused("boolean", "value", "parse.boolean");
    if (typeof input === "bigint") return fromNumber(Number(input));
    if (typeof input === "string") return parseText(input, opts);
    if (typeof input === "object") {
      const err = errorTextOf(input);
      if (err) return refused("excelError", EXCEL_ERRORS[err] ?? "value", "parse.excelError", { value: err });
    }
    return refused("notANumber", "value", "parse.notANumber", { text: describe(input) });
  } catch {
    // A hostile object (throwing getters, toString) must not crash a custom function.
    return refused("notANumber", "value", "parse.notANumber", { text: "?" });
  }
}

function describe(input: unknown): string {
  if (Array.isArray(input)) return "[…]";
  if (typeof input === "object") return "{…}";
  return typeof input;
}
