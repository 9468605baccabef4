/** Issue 2 §4's bad-input list, each with the exact finding expected. */
import { describe, expect, it } from "vitest";
import { validateEntry, validatePlanData, type Finding } from "../../src/core/validation";
import { indicator, makePlan, only, seedRows, withActuals } from "./fixtures";

const plan = makePlan([
  withActuals(seedRows.rdIntensity, { "2021": 1.25, "2022": 1.3 }),
  seedRows.enterpriseRd,
  seedRows.hiTechFirms,
  seedRows.contracts,
  seedRows.rank,
  seedRows.patents,
  indicator({
    id: "ENERGY_CUT",
    kind: "percent",
    direction: "down",
    baseline: null,
    figures: "change",
    target: { kind: "cumulative", value: 13.5, mode: "reduction" },
  }),
]);

function entry(id: string, year: number, raw: unknown) {
  return validateEntry(plan, only(plan, id), year, raw);
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.code}`);
}

describe("validateEntry — what staff type", () => {
  it("a plain number is used with no findings", () => {
    expect(entry("RD_INTENSITY", 2023, 1.35)).toEqual({ value: 1.35, findings: [] });
  });

  it("a blank is missing, not an error", () => {
    expect(entry("RD_INTENSITY", 2023, "")).toEqual({ value: null, findings: [] });
    expect(entry("RD_INTENSITY", 2023, null)).toEqual({ value: null, findings: [] });
  });

  it("１．４７ is used as 1.47, with a warning that offers the fix", () => {
    const r = entry("RD_INTENSITY", 2023, "１．４７");
    expect(r.value).toBe(1.47);
    expect(r.findings).toEqual([
      {
        severity: "warning",
        code: "validate.normalised",
        message: {
          zh: "“１．４７”已按 1.47 读取（全角字符）。建议改为纯数字。",
          en: "“１．４７” was read as 1.47 (full-width characters). Consider entering the plain number.",
        },
        indicatorId: "RD_INTENSITY",
        year: 2023,
        field: "actual",
        fix: { value: 1.47, fixes: ["fullWidth"] },
      },
    ]);
  });

  it("1.47% in a percent indicator means 1.47", () => {
    const r = entry("RD_INTENSITY", 2023, "1.47%");
    expect(r.value).toBe(1.47);
    expect(r.findings.map((f) => [f.code, f.fix])).toEqual([
      ["validate.normalised", { value: 1.47, fixes: ["percentSign"] }],
    ]);
  });

  it("116家 in a count indicator is 116, with the unit removed as a fix", () => {
    const r = entry("HIGH_TECH_FIRMS", 2022, "116家");
    expect(r.value).toBe(116);
    expect(r.findings[0]?.fix).toEqual({ value: 116, fixes: ["unitSuffix"] });
    expect(r.findings[0]?.message.zh).toBe("“116家”已按 116 读取（去掉单位）。建议改为纯数字。");
  });

  it("24.51亿元 in an 亿元 indicator is 24.51; 2451万元 is refused with the multiplier code", () => {
    expect(entry("TECH_CONTRACTS", 2021, "24.51亿元").value).toBe(24.51);
    const r = entry("TECH_CONTRACTS", 2021, "2451万元");
    expect(r.value).toBeNull();
    expect(codes(r.findings)).toEqual(["error:parse.chineseMultiplier"]);
    expect(r.findings[0]?.message.zh).toBe("“2451万元”含“万”或“亿”：请按指标单位（亿元）填写完整数字，不要带数量级。");
  });

  it("#N/A is an error pointing at the cell", () => {
    const r = entry("RD_INTENSITY", 2023, "#N/A");
    expect(r.value).toBeNull();
    expect(r.findings).toEqual([
      {
        severity: "error",
        code: "parse.excelError",
        message: {
          zh: "单元格是错误值 #N/A，请先修正该单元格。",
          en: "The cell holds the error value #N/A; correct that cell first.",
        },
        indicatorId: "RD_INTENSITY",
        year: 2023,
        field: "actual",
      },
    ]);
  });

  it("arbitrary text is an error quoting it", () => {
    const r = entry("RD_INTENSITY", 2023, "待统计");
    expect(codes(r.findings)).toEqual(["error:parse.notANumber"]);
    expect(r.findings[0]?.message).toEqual({ zh: "“待统计”不是数字。", en: "“待统计” is not a number." });
  });

  it("TRUE, 0x10, 1,2 and 1e309 are refused with their own codes", () => {
    expect(codes(entry("RD_INTENSITY", 2023, true).findings)).toEqual(["error:parse.boolean"]);
    expect(codes(entry("HIGH_TECH_FIRMS", 2023, "0x10").findings)).toEqual(["error:parse.hex"]);
    expect(codes(entry("HIGH_TECH_FIRMS", 2023, "1,2").findings)).toEqual(["error:parse.thousandsSeparator"]);
    expect(codes(entry("TECH_CONTRACTS", 2023, "1e309").findings)).toEqual(["error:parse.outOfRange"]);
  });

  it("a negative count is an error; a fractional count too", () => {
    const r = entry("HIGH_TECH_FIRMS", 2022, -3);
    expect(r.value).toBeNull();
    expect(r.findings).toMatchObject([
      { severity: "error", code: "validate.countInvalid", message: { zh: "个数类指标应为不小于 0 的整数，现为 -3。" } },
    ]);
    expect(codes(entry("HIGH_TECH_FIRMS", 2022, 120.5).findings)).toEqual(["error:validate.countInvalid"]);
  });

  it("a rank must be a whole number ≥ 1", () => {
    expect(codes(entry("TECH_PROGRESS_RANK", 2022, 0).findings)).toEqual(["error:validate.rankInvalid"]);
    expect(codes(entry("TECH_PROGRESS_RANK", 2022, 2.5).findings)).toEqual(["error:validate.rankInvalid"]);
    expect(entry("TECH_PROGRESS_RANK", 2022, "2位")).toMatchObject({ value: 2 });
  });

  it("an amount cannot be negative", () => {
    expect(codes(entry("TECH_CONTRACTS", 2022, -1).findings)).toEqual(["error:validate.amountNegative"]);
  });

  it("a percentage above 100 or below 0 is an error; a yearly cut may be negative", () => {
    expect(codes(entry("RD_INTENSITY", 2023, 147).findings)).toEqual(["error:validate.percentOutOfRange"]);
    expect(codes(entry("RD_INTENSITY", 2023, -0.5).findings)).toEqual(["error:validate.percentOutOfRange"]);
    expect(entry("ENERGY_CUT", 2022, -0.4)).toEqual({ value: -0.4, findings: [] });
    expect(codes(entry("ENERGY_CUT", 2022, -140).findings)).toEqual(["error:validate.changeOutOfRange"]);
  });

  it("a bare 0.0147 in a percent indicator around 1–5 looks like a fraction: 1.47? (warning with the fix)", () => {
    const r = entry("RD_INTENSITY", 2023, 0.0147);
    expect(r.value).toBe(0.0147);
    expect(r.findings).toEqual([
      {
        severity: "warning",
        code: "validate.looksLikeFraction",
        message: {
          zh: "0.0147 看起来是小数形式的百分比：是否应为 1.47？（本表百分比直接填写百分数，如 1.47 表示 1.47%）",
          en: "0.0147 looks like a fraction: 1.47? (this table takes percentages as plain numbers, 1.47 for 1.47%)",
        },
        indicatorId: "RD_INTENSITY",
        year: 2023,
        field: "actual",
        fix: { value: 1.47, fixes: ["fractionToPercent"] },
      },
    ]);
  });

  it("0.8 in a percent indicator around 1.2–1.47 is plausible as it stands: no fraction warning", () => {
    expect(codes(entry("RD_INTENSITY", 2023, 0.8).findings)).toEqual([]);
  });

  it("a year outside the plan period is an impossible year; the indicator's 2019 baseline year is inside", () => {
    const r = entry("RD_INTENSITY", 2031, 1.4);
    expect(r.value).toBeNull();
    expect(r.findings).toMatchObject([
      {
        severity: "error",
        code: "validate.yearOutsidePlan",
        year: 2031,
        message: { zh: "2031 年不在规划期（2020—2025 年）内，年份不可能。" },
      },
    ]);
    expect(codes(entry("RD_INTENSITY", 2018, 1.1).findings)).toEqual(["error:validate.yearOutsidePlan"]);
    expect(entry("ENTERPRISE_RD_SHARE", 2019, 3.3)).toEqual({ value: 3.3, findings: [] });
  });

  it("a supplementary goal with its own target year (2035) takes figures up to that year", () => {
    const goal = { ...seedRows.hiTechFirms, supplementary: true, targetYear: 2035 };
    const p = makePlan([goal]);
    expect(validateEntry(p, only(p, "HIGH_TECH_FIRMS"), 2031, 200)).toEqual({ value: 200, findings: [] });
    expect(codes(validateEntry(p, only(p, "HIGH_TECH_FIRMS"), 2036, 200).findings)).toEqual([
      "error:validate.yearOutsidePlan",
    ]);
  });

  it("a year-on-year jump beyond ×3 is a warning naming the previous year", () => {
    const r = entry("HIGH_TECH_FIRMS", 2021, 400);
    expect(r.value).toBe(400);
    expect(r.findings).toMatchObject([
      {
        severity: "warning",
        code: "validate.implausibleJump",
        year: 2021,
        message: { zh: "与 2020 年（116）相比变化超过 3 倍，请核对。" },
      },
    ]);
    expect(codes(entry("RD_INTENSITY", 2023, 0.4).findings)).toEqual(["warning:validate.implausibleJump"]);
    expect(codes(entry("HIGH_TECH_FIRMS", 2021, 300).findings)).toEqual([]);
  });
});

describe("validatePlanData", () => {
  it("the fixture plan's own figures are clean", () => {
    expect(validatePlanData(plan)).toEqual([]);
  });

  it("sheet entries replace stored figures for the same year and are checked with the plan's", () => {
    const findings = validatePlanData(plan, [
      { indicatorId: "RD_INTENSITY", year: 2022, raw: "abc" },
      { indicatorId: "HIGH_TECH_FIRMS", year: 2022, raw: "１２０" },
      { indicatorId: "NOPE", year: 2022, raw: 1 },
    ]);
    expect(findings.map((f) => [f.indicatorId, f.year, f.code])).toEqual([
      ["NOPE", 2022, "validate.unknownIndicator"],
      ["RD_INTENSITY", 2022, "parse.notANumber"],
      ["HIGH_TECH_FIRMS", 2022, "validate.normalised"],
    ]);
  });

  it("stored figures, definitions and jumps are all checked", () => {
    const bad = makePlan([
      withActuals(seedRows.hiTechFirms, { "2021": 120, "2022": 500, "2030": 130 }),
      { ...seedRows.rank, baseline: 0 },
      { ...seedRows.contracts, baseline: null },
      {
        ...seedRows.rdIntensity,
        direction: "up",
        target: { kind: "level", value: 5.5, comparator: "<=", obligation: "reach" },
      },
    ]);
    expect(validatePlanData(bad).map((f) => `${f.indicatorId}:${f.field}:${f.code}`)).toEqual([
      "HIGH_TECH_FIRMS:actual:validate.implausibleJump",
      "HIGH_TECH_FIRMS:actual:validate.yearOutsidePlan",
      "TECH_PROGRESS_RANK:baseline:validate.rankInvalid",
      "TECH_CONTRACTS:baseline:validate.baselineMissing",
      "RD_INTENSITY:target:validate.ceilingWithUpDirection",
    ]);
  });
});

describe("validateEntry never throws", () => {
  it("whatever arrives from a cell", () => {
    const hostile = {
      toString(): string {
        throw new Error("boom");
      },
    };
    expect(entry("RD_INTENSITY", 2023, hostile)).toMatchObject({
      value: null,
      findings: [{ code: "parse.notANumber" }],
    });
    expect(entry("RD_INTENSITY", 2023, Symbol("x"))).toMatchObject({
      value: null,
      findings: [{ code: "parse.notANumber" }],
    });
  });
});
