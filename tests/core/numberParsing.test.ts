/** Every row of the B3 table (performance-reliability-style.md) and issue 2 §4's list of what staff type. */
import { describe, expect, it } from "vitest";
import { parseUserNumber, type ParsedNumber } from "../../src/core/numberParsing";

type Case = [
  input: unknown,
  expected: ParsedNumber | Partial<ParsedNumber>,
  opts?: { percent?: boolean; unit?: string },
];

const accepted: Case[] = [
  [12, { ok: true, value: 12, fixes: [] }],
  [-0, { ok: true, value: 0, fixes: [] }],
  [1e308, { ok: true, value: 1e308, fixes: [] }],
  ["1.47", { ok: true, value: 1.47, fixes: [] }],
  ["  1.47  ", { ok: true, value: 1.47, fixes: [] }],
  ["1e3", { ok: true, value: 1000, fixes: [] }],
  ["1e308", { ok: true, value: 1e308, fixes: [] }],
  ["-5", { ok: true, value: -5, fixes: [] }],
  ["+5", { ok: true, value: 5, fixes: [] }],
  [".5", { ok: true, value: 0.5, fixes: [] }],
  ["１２", { ok: true, value: 12, fixes: ["fullWidth"] }],
  ["１．４７", { ok: true, value: 1.47, fixes: ["fullWidth"] }],
  ["１２，３４５", { ok: true, value: 12345, fixes: ["fullWidth", "thousandsSeparator"] }],
  ["12,345", { ok: true, value: 12345, fixes: ["thousandsSeparator"] }],
  ["1,234,567.5", { ok: true, value: 1234567.5, fixes: ["thousandsSeparator"] }],
  ["12。5", { ok: true, value: 12.5, fixes: ["ideographicPoint"] }],
  ["1。47", { ok: true, value: 1.47, fixes: ["ideographicPoint"] }],
  ["−5", { ok: true, value: -5, fixes: ["unicodeMinus"] }],
  ["－５", { ok: true, value: -5, fixes: ["unicodeMinus", "fullWidth"] }],
  ["116家", { ok: true, value: 116, fixes: ["unitSuffix"] }, { unit: "家" }],
  ["116 家", { ok: true, value: 116, fixes: ["unitSuffix"] }, { unit: "家" }],
  ["116家", { ok: true, value: 116, fixes: ["unitSuffix"] }],
  ["24.51亿元", { ok: true, value: 24.51, fixes: ["unitSuffix"] }, { unit: "亿元" }],
  ["3位", { ok: true, value: 3, fixes: ["unitSuffix"] }, { unit: "位" }],
  // In a percent indicator the table holds percentages as plain numbers: 1.47% is 1.47.
  ["1.47%", { ok: true, value: 1.47, fixes: ["percentSign"] }, { percent: true, unit: "%" }],
  ["1.47％", { ok: true, value: 1.47, fixes: ["fullWidth", "percentSign"] }, { percent: true, unit: "%" }],
  ["１２．５％", { ok: true, value: 12.5, fixes: ["fullWidth", "percentSign"] }, { percent: true }],
  // Anywhere else a trailing % divides by 100, as Excel does.
  ["12%", { ok: true, value: 0.12, fixes: ["percentSign"] }],
  ["１２％", { ok: true, value: 0.12, fixes: ["fullWidth", "percentSign"] }],
  ["1.47%", { ok: true, value: 0.0147, fixes: ["percentSign"] }],
];

const refused: Case[] = [
  ["", { ok: false, reason: "blank", error: "na", code: "parse.blank" }],
  [" ", { ok: false, reason: "blank", error: "na", code: "parse.blank" }],
  ["\u3000", { ok: false, reason: "blank", error: "na", code: "parse.blank" }],
  [null, { ok: false, reason: "blank", error: "na", code: "parse.blank" }],
  [undefined, { ok: false, reason: "blank", error: "na", code: "parse.blank" }],
  ["#N/A", { ok: false, reason: "excelError", error: "na", code: "parse.excelError", args: { value: "#N/A" } }],
  [
    "#VALUE!",
    { ok: false, reason: "excelError", error: "value", code: "parse.excelError", args: { value: "#VALUE!" } },
  ],
  ["#DIV/0!", { ok: false, reason: "excelError", error: "div0", code: "parse.excelError", args: { value: "#DIV/0!" } }],
  ["#NUM!", { ok: false, reason: "excelError", error: "num", code: "parse.excelError", args: { value: "#NUM!" } }],
  ["#REF!", { ok: false, reason: "excelError", error: "value", code: "parse.excelError", args: { value: "#REF!" } }],
  ["#name?", { ok: false, reason: "excelError", error: "value", code: "parse.excelError", args: { value: "#NAME?" } }],
  [
    { error: "#N/A", message: "" },
    { ok: false, reason: "excelError", error: "na", code: "parse.excelError" },
  ],
  [true, { ok: false, reason: "boolean", error: "value", code: "parse.boolean" }],
  ["FALSE", { ok: false, reason: "boolean", error: "value", code: "parse.boolean" }],
  [Number.NaN, { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  [Infinity, { ok: false, reason: "outOfRange", error: "num", code: "parse.outOfRange" }],
  ["1e309", { ok: false, reason: "outOfRange", error: "num", code: "parse.outOfRange" }],
  ["-1e309", { ok: false, reason: "outOfRange", error: "num", code: "parse.outOfRange" }],
  ["Infinity", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["NaN", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["0x10", { ok: false, reason: "notANumber", error: "value", code: "parse.hex" }],
  ["0b101", { ok: false, reason: "notANumber", error: "value", code: "parse.hex" }],
  ["１２万", { ok: false, reason: "notANumber", error: "value", code: "parse.chineseMultiplier" }],
  ["2.4亿", { ok: false, reason: "notANumber", error: "value", code: "parse.chineseMultiplier" }, { unit: "元" }],
  ["24.51亿元", { ok: false, reason: "notANumber", error: "value", code: "parse.chineseMultiplier" }],
  ["1,2", { ok: false, reason: "notANumber", error: "value", code: "parse.thousandsSeparator" }],
  ["1,23,456", { ok: false, reason: "notANumber", error: "value", code: "parse.thousandsSeparator" }],
  ["12,34.5", { ok: false, reason: "notANumber", error: "value", code: "parse.thousandsSeparator" }],
  ["116人", { ok: false, reason: "notANumber", error: "value", code: "parse.unitMismatch" }, { unit: "家" }],
  ["abc", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["约30", { ok: false, reason: "notANumber", error: "value", code: "parse.approximate" }],
  ["1.2.3", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["1 234", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["12abc", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["--5", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  ["5‰", { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  [[1], { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  [{}, { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
  [new Date(0), { ok: false, reason: "notANumber", error: "value", code: "parse.notANumber" }],
];

describe("parseUserNumber accepts what staff type, reporting the safe fixes", () => {
  it.each(accepted)("%j → %j", (input, expected, opts) => {
    expect(parseUserNumber(input, opts)).toEqual(expected);
  });
});

describe("parseUserNumber refuses with a stable code and an Excel error kind", () => {
  it.each(refused)("%j → %j", (input, expected, opts) => {
    expect(parseUserNumber(input, opts)).toMatchObject(expected);
  });
});

describe("parseUserNumber traps from the B3 table", () => {
  it("blank text is missing, not Number('') === 0", () => {
    expect(parseUserNumber("").ok).toBe(false);
  });
  it("'１２，３４５' is 12345, not parseFloat's silent 12", () => {
    expect(parseUserNumber("１２，３４５")).toMatchObject({ ok: true, value: 12345 });
  });
  it("never throws on a hostile object", () => {
    const hostile = {
      get error(): string {
        throw new Error("boom");
      },
    };
    expect(parseUserNumber(hostile)).toMatchObject({ ok: false, reason: "notANumber" });
  });
});
