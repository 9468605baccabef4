/**
 * THE table of hostile inputs: what staff type (or paste, or Excel hands over) into a number cell or
 * a function argument. Every hardening test runs this one list through its layer: the parser, every
 * PLAN function in every argument position, validation, plan files, and the host through the stand-in.
 *
 * `plain` is what parseUserNumber must make of it with no options; `percent` in a percent indicator
 * (unit "%"); `unit` in an indicator whose unit is 家. Omitted contexts expect the same as `plain`.
 * `typed` is the text a person would type for it into a cell (null: cannot be typed, e.g. an object).
 */
import type { ParsedNumber } from "../../src/core/numberParsing";

export type Expectation = { value: number } | { refused: Extract<ParsedNumber, { ok: false }>["reason"] };

export interface HostileInput {
  label: string;
  value: unknown;
  plain: Expectation;
  percent?: Expectation;
  unit?: Expectation;
  typed: string | null;
}

export const HTML_PAYLOAD = "<img src=x onerror=alert(1)>";
export const SHEET_NAME_CHARACTERS = "[]:*?/\\";
export const LONG_TEXT = "长".repeat(50_000) + "x".repeat(50_000); // 100,000 characters
export const FORMULA_INJECTION = '=HYPERLINK("http://x.invalid","点我")';

const v = (value: number): Expectation => ({ value });
const no = (refused: Extract<Expectation, { refused: unknown }>["refused"]): Expectation => ({ refused });

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { label: "full-width digits and point", value: "１．４７", plain: v(1.47), typed: "１．４７" },
  { label: "full-width percent", value: "１２％", plain: v(0.12), percent: v(12), typed: "１２％" },
  { label: "。 as a decimal point", value: "1。47", plain: v(1.47), typed: "1。47" },
  { label: "U+2212 minus", value: "\u22125", plain: v(-5), typed: "\u22125" },
  { label: "full-width minus", value: "－５", plain: v(-5), typed: "－５" },
  { label: "thousands separators", value: "12,345", plain: v(12345), typed: "12,345" },
  { label: "full-width thousands separators", value: "１２，３４５", plain: v(12345), typed: "１２，３４５" },
  { label: "misplaced comma (a decimal comma)", value: "1,47", plain: no("notANumber"), typed: "1,47" },
  {
    label: "trailing unit",
    value: "116家",
    plain: v(116),
    unit: v(116),
    percent: no("notANumber"),
    typed: "116家",
  },
  { label: "trailing 万 multiplier", value: "12万", plain: no("notANumber"), typed: "12万" },
  { label: "1.47% as text", value: "1.47%", plain: v(0.0147), percent: v(1.47), typed: "1.47%" },
  { label: "full-width percent with a point", value: "３．１％", plain: v(0.031), percent: v(3.1), typed: "３．１％" },
  { label: "an approximate figure (约38)", value: "约38", plain: no("notANumber"), typed: "约38" },
  { label: "a figure with 左右", value: "38左右", plain: no("notANumber"), unit: no("notANumber"), typed: "38左右" },
  { label: "0.0147 as a number (a percent stored as a fraction)", value: 0.0147, plain: v(0.0147), typed: "0.0147" },
  { label: "blank as null", value: null, plain: no("blank"), typed: null },
  { label: "blank as undefined", value: undefined, plain: no("blank"), typed: null },
  { label: "blank as empty text", value: "", plain: no("blank"), typed: null },
  { label: "blank as spaces", value: "   ", plain: no("blank"), typed: "   " },
  { label: "blank arriving as 0 (older Excel desktop)", value: 0, plain: v(0), typed: "0" },
  { label: "#N/A as text", value: "#N/A", plain: no("excelError"), typed: "#N/A" },
  { label: "#DIV/0! as text", value: "#DIV/0!", plain: no("excelError"), typed: "#DIV/0!" },
  { label: "#N/A as an error object", value: { error: "#N/A" }, plain: no("excelError"), typed: null },
  {
    label: "#VALUE! as a CustomFunctions-style error",
    value: { code: "#VALUE!" },
    plain: no("excelError"),
    typed: null,
  },
  { label: "boolean TRUE", value: true, plain: no("boolean"), typed: "TRUE" },
  { label: "boolean FALSE", value: false, plain: no("boolean"), typed: "FALSE" },
  { label: "TRUE as text", value: "true", plain: no("boolean"), typed: null },
  { label: "1e308", value: 1e308, plain: v(1e308), typed: "1E+308" },
  { label: "1e308 as text", value: "1e308", plain: v(1e308), typed: null },
  { label: "1e309 as text (overflows a double)", value: "1e309", plain: no("outOfRange"), typed: null },
  { label: "400 digits (overflows a double)", value: "9".repeat(400), plain: no("outOfRange"), typed: null },
  { label: "Infinity", value: Number.POSITIVE_INFINITY, plain: no("outOfRange"), typed: null },
  { label: "NaN", value: Number.NaN, plain: no("notANumber"), typed: null },
  { label: "-0", value: -0, plain: v(0), typed: null },
  { label: "smallest subnormal", value: 5e-324, plain: v(5e-324), typed: null },
  { label: "very long text (100,000 characters)", value: LONG_TEXT, plain: no("notANumber"), typed: null },
  { label: "HTML payload", value: HTML_PAYLOAD, plain: no("notANumber"), typed: HTML_PAYLOAD },
  {
    label: "sheet-name characters",
    value: SHEET_NAME_CHARACTERS,
    plain: no("notANumber"),
    typed: SHEET_NAME_CHARACTERS,
  },
  { label: "hexadecimal", value: "0x10", plain: no("notANumber"), typed: "0x10" },
  { label: "formula text", value: "=1+1", plain: no("notANumber"), typed: null },
  { label: "a range where one value belongs", value: [[1, 2]], plain: no("notANumber"), typed: null },
  { label: "padded number", value: "  12  ", plain: v(12), typed: null },
  { label: "Arabic-Indic digits", value: "١٢", plain: no("notANumber"), typed: "١٢" },
];

/** Walks any value and returns the paths of NaN or ±Infinity numbers, and of strings that print them. */
export function nonFinitePaths(value: unknown, path = "$", seen = new Set<unknown>()): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (typeof value === "string") return /\bNaN\b|\bInfinity\b/.test(value) ? [`${path} = ${value.slice(0, 80)}`] : [];
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  if (value instanceof Map) {
    for (const [k, v] of value) out.push(...nonFinitePaths(v, `${path}.get(${String(k)})`, seen));
    return out;
  }
  for (const [k, v] of Object.entries(value)) out.push(...nonFinitePaths(v, `${path}.${k}`, seen));
  return out;
}

/**
 * A message staff can read: non-empty, every {placeholder} filled, no NaN/Infinity/undefined of its own
 * (quoting what arrived, “NaN”, is fine: that is the input, not a computed figure).
 */
export function isReadableMessage(text: unknown): boolean {
  if (typeof text !== "string" || text.trim().length === 0 || /\{\w+\}/.test(text)) return false;
  const unquoted = text.replace(/“[^”]*”/g, "“…”");
  return !/\bNaN\b|\bInfinity\b|\bundefined\b|\[object Object\]/.test(unquoted);
}

/** Chinese text present (a zh message is really Chinese). */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}
