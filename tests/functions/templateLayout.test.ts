/**
 * The template layout: header rows in zh and en, reading a row back by header text (moved and
 * missing columns), and the round trip plan → row cells → TemplateRow → indicator.
 */
import { describe, expect, it } from "vitest";
import type { Indicator, Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import {
  buildHeaderRow,
  columnHeader,
  findHeaderRowIndex,
  headerRowIndexes,
  indicatorRowValues,
  isTemplateHeader,
  mapHeaders,
  templateColumns,
  type ColumnKey,
} from "../../src/core/templateLayout";
import { readTemplateRow, templateRowToIndicator } from "../../src/core/templateRow";
import { parseBinding, parseDirection, parsePath } from "../../src/core/templateWords";

const plan = { baseYear: 2020, targetYear: 2025 };

function rowCells(headers: string[], values: Partial<Record<ColumnKey, string | number>>, p = plan): unknown[] {
  const keys = templateColumns(p).map((c) => c.key);
  return headers.map((_, i) => values[keys[i]!] ?? "");
}

const rd: Partial<Record<ColumnKey, string | number>> = {
  number: "2",
  category: "投入指标",
  name: "R&D经费支出与GDP比重",
  unit: "%",
  attribute: "预期性",
  baselineYear: 2020,
  baseline: 1.2,
  targetYear: 2025,
  target: 1.47,
  y2021: 1.25,
  y2022: "1.31%",
  y2023: "",
  id: "RD_INTENSITY",
  kind: "percent",
  direction: "up",
  targetForm: "level",
  comparator: ">=",
};

describe("layout", () => {
  it("orders the columns as the issue lists them, with one input column per plan year", () => {
    expect(buildHeaderRow(plan, "zh")).toEqual([
      "序号",
      "类型",
      "指标",
      "单位",
      "属性",
      "基期年",
      "基期值",
      "修订基期值",
      "目标年",
      "目标值",
      "调整后目标",
      "2021年",
      "2022年",
      "2023年",
      "2024年",
      "2025年",
      "人工状态",
      "说明",
      "牵头单位",
      "责任单位",
      "指标代码",
      "指标类别",
      "方向",
      "目标形式",
      "目标比较",
      "约数",
      "容差",
      "目标要求",
      "数据口径",
      "参照指标",
      "年度目标",
      "修订基期年",
      "数据年份",
      "实际值",
      "差距",
      "年均需增长",
      "每年需提高",
      "完成进度",
      "时间进度",
      "状态",
    ]);
    const en = buildHeaderRow(plan, "en");
    expect(en.slice(11, 16)).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    expect(en).toContain("Manual status");
    expect(new Set(en).size).toBe(en.length);
    expect(new Set(buildHeaderRow(plan, "zh")).size).toBe(en.length);
  });

  it("gives each column a role, the computed columns their PLAN.EVALUATE field, and puts them last (after all they read)", () => {
    const cols = templateColumns(plan);
    expect(cols.filter((c) => c.role === "input").map((c) => c.key)).toEqual([
      "y2021",
      "y2022",
      "y2023",
      "y2024",
      "y2025",
      "manualStatus",
      "manualNote",
    ]);
    expect(cols.filter((c) => c.field).map((c) => [c.key, c.field])).toEqual([
      ["latestYear", "dataYear"],
      ["latest", "value"],
      ["gap", "gap"],
      ["growth", "growth"],
      ["step", "step"],
      ["progress", "progress"],
      ["elapsed", "elapsed"],
      ["status", "status"],
    ]);
    const firstComputed = cols.findIndex((c) => c.role === "computed");
    expect(cols.slice(firstComputed).every((c) => c.role === "computed")).toBe(true);
    expect(cols.filter((c) => c.role === "plan")).toHaveLength(13);
    expect(cols.find((c) => c.key === "y2023")?.year).toBe(2023);
    expect(columnHeader("y2023", "zh")).toBe("2023年");
    expect(columnHeader("target", "en")).toBe("Target");
  });

  it("recognises header rows in either language, or mixed, and nothing else", () => {
    expect(isTemplateHeader(buildHeaderRow(plan, "zh"))).toBe(true);
    expect(isTemplateHeader(buildHeaderRow(plan, "en"))).toBe(true);
    expect(isTemplateHeader(["指标", "Target year", "目标值"])).toBe(true);
    expect(isTemplateHeader(["  TARGET ", "target year：", "ＩＮＤＩＣＡＴＯＲ"])).toBe(true);
    expect(isTemplateHeader(["指标", "目标值"])).toBe(false);
    expect(isTemplateHeader(["R&D经费支出与GDP比重", 1.2, 1.47])).toBe(false);
    expect(mapHeaders(["指标", 2021, "2022 年", "2023年"])).toEqual({ name: 0, y2021: 1, y2022: 2, y2023: 3 });
  });

  it("finds the header that governs a row: the nearest above, not across a blank row", () => {
    const header = buildHeaderRow(plan, "zh");
    const rows: unknown[][] = [
      ["张掖市“十四五”科技创新规划"],
      [""],
      header,
      ["1", "x"],
      ["2", "y"],
      ["", ""],
      ["注：*为2019年数据"],
    ];
    expect(headerRowIndexes(rows)).toEqual([null, null, null, 2, 2, null, null]);
    expect(findHeaderRowIndex(rows, 4)).toBe(2);
    expect(findHeaderRowIndex(rows, 2)).toBeNull();
    expect(findHeaderRowIndex(rows, 6)).toBeNull();
  });
});

describe("readTemplateRow", () => {
  const zh = buildHeaderRow(plan, "zh");
  const en = buildHeaderRow(plan, "en");

  it("still recognises the headers of the version 1 template (最新年份, 最新值)", () => {
    expect(mapHeaders(["指标", "最新年份", "最新值", "Latest year"])).toEqual({ name: 0, latestYear: 1, latest: 2 });
  });

  it("reads a row under Chinese headers", () => {
    const row = readTemplateRow(zh, rowCells(zh, rd))!;
    expect(row).toMatchObject({
      id: "RD_INTENSITY",
      name: "R&D经费支出与GDP比重",
      unit: "%",
      kind: "percent",
      direction: "up",
      attribute: "expected",
      binding: false,
      baselineYear: 2020,
      baseline: 1.2,
      targetYear: 2025,
      target: 1.47,
      targetForm: "level",
      comparator: ">=",
      manualStatus: null,
      problems: [],
    });
    // "1.31%" in a percent indicator is 1.31 (the table holds percentages as plain numbers)
    expect(row.actuals).toEqual([
      { year: 2021, value: 1.25 },
      { year: 2022, value: 1.31 },
    ]);
    expect(row.enteredYears).toEqual([2021, 2022]);
    expect(row.yearColumns).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it("reads the same row under English headers", () => {
    const row = readTemplateRow(en, rowCells(en, { ...rd, attribute: "binding" }))!;
    expect(row).toMatchObject({
      id: "RD_INTENSITY",
      target: 1.47,
      binding: true,
      attribute: "binding",
      actuals: [
        { year: 2021, value: 1.25 },
        { year: 2022, value: 1.31 },
      ],
    });
    expect(row.headers.target).toBe("Target");
  });

  it("survives moved columns: it reads by header, not position", () => {
    const cells = rowCells(zh, rd);
    const order = zh.map((_, i) => i).reverse();
    const row = readTemplateRow(
      order.map((i) => zh[i]),
      order.map((i) => cells[i]),
    )!;
    expect(row).toMatchObject({ id: "RD_INTENSITY", baseline: 1.2, target: 1.47, enteredYears: [2021, 2022] });
  });

  it("takes defaults for missing optional columns and reports what is unreadable", () => {
    const minimal = ["指标", "目标年", "目标值", "基期年", "基期值", "2021年"];
    const row = readTemplateRow(minimal, ["高新技术企业数", 2025, "１５０", 2020, 116, "abc"])!;
    expect(row).toMatchObject({
      name: "高新技术企业数",
      direction: "up",
      // Not stated: unknown, never 预期性 by default.
      attribute: null,
      binding: false,
      kind: null,
      targetForm: "level",
      comparator: null,
      obligation: null,
      figures: null,
      target: 150,
      actuals: [],
      enteredYears: [2021],
    });
    expect(row.problems).toEqual([{ key: "y2021", header: "2021年", text: "abc" }]);
  });

  it("reads Chinese direction and attribute words, manual statuses in either language", () => {
    const row = readTemplateRow(
      zh,
      rowCells(zh, { ...rd, direction: "逆向", attribute: "约束性", manualStatus: "滞后", manualNote: "统计口径调整" }),
    )!;
    expect(row).toMatchObject({
      direction: "down",
      binding: true,
      manualStatus: "lagging",
      manualNote: "统计口径调整",
    });
    expect(readTemplateRow(en, rowCells(en, { ...rd, manualStatus: "on track" }))!.manualStatus).toBe("onTrack");
    const bad = readTemplateRow(zh, rowCells(zh, { ...rd, manualStatus: "还行", direction: "sideways" }))!;
    expect(bad.problems.map((p) => p.key).sort()).toEqual(["direction", "manualStatus"]);
  });

  it("is null for a header row that is not the template's and for an empty row", () => {
    expect(readTemplateRow(["a", "b"], [1, 2])).toBeNull();
    expect(
      readTemplateRow(
        zh,
        zh.map(() => ""),
      ),
    ).toBeNull();
    expect(readTemplateRow(zh, [])).toBeNull();
  });
});

describe("vocabulary", () => {
  it("directions, bindings and paths in both languages", () => {
    expect(["up", "UP", "正向", "向上"].map(parseDirection)).toEqual(["up", "up", "up", "up"]);
    expect(["down", "逆向", "向下"].map(parseDirection)).toEqual(["down", "down", "down"]);
    expect([1, "x", null].map(parseDirection)).toEqual([null, null, null]);
    expect([true, false, 1, 0, "TRUE", "false", "约束性", "预期性", "binding", "expected"].map(parseBinding)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect([2, "maybe", null].map(parseBinding)).toEqual([null, null, null]);
    expect(["linear", "线性", "Geometric", "几何", "x"].map(parsePath)).toEqual([
      "linear",
      "linear",
      "geometric",
      "geometric",
      null,
    ]);
  });
});

describe("round trip: plan → cells → row → indicator", () => {
  const withData: Plan = {
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind, i): Indicator =>
      i === 1
        ? { ...ind, actuals: { "2021": { value: 1.25 }, "2023": { value: 1.38 } } }
        : i === 2
          ? { ...ind, override: { status: "ahead", note: "据统计公报" } }
          : ind,
    ),
  };

  for (const lang of ["zh", "en"] as const) {
    it(`keeps every indicator of the seed plan (${lang})`, () => {
      const headers = buildHeaderRow(withData, lang);
      const keys = templateColumns(withData).map((c) => c.key);
      for (const ind of withData.indicators) {
        const values = indicatorRowValues(withData, ind, lang);
        const row = readTemplateRow(
          headers,
          keys.map((k) => values[k] ?? ""),
        )!;
        expect(row.problems).toEqual([]);
        const model = templateRowToIndicator(row);
        expect(model.ok).toBe(true);
        if (!model.ok) continue;
        // A goal's own target year (the 2035 vision), else the plan's.
        expect(model.targetYear).toBe(ind.targetYear ?? withData.targetYear);
        const back = model.indicator;
        expect(back).toMatchObject({
          id: ind.id,
          name: { [lang]: ind.name[lang] },
          kind: ind.kind,
          direction: ind.direction,
          attribute: ind.attribute,
          baseline: ind.baseline,
          baselineYear: ind.baselineYear,
          target: ind.target.kind === "text" ? { kind: "text", text: { [lang]: ind.target.text[lang] } } : ind.target,
          actuals: ind.actuals,
        });
        expect(back.override?.status).toBe(ind.override?.status);
      }
    });
  }

  it("names the column that makes a row unusable; a blank base year is unknown, not a problem", () => {
    const headers = buildHeaderRow(plan, "zh");
    const missingTarget = readTemplateRow(headers, rowCells(headers, { ...rd, target: "" }))!;
    expect(templateRowToIndicator(missingTarget)).toEqual({ ok: false, reason: "missing", key: "target" });
    const badBaseline = readTemplateRow(headers, rowCells(headers, { ...rd, baseline: "n/a" }))!;
    expect(templateRowToIndicator(badBaseline)).toEqual({ ok: false, reason: "invalid", key: "baseline", text: "n/a" });
    const noYear = readTemplateRow(headers, rowCells(headers, { ...rd, baselineYear: "" }))!;
    expect(templateRowToIndicator(noYear)).toMatchObject({ ok: true, indicator: { baselineYear: null } });
    // A figure the kind does not allow (a share of 930 %) is a cell to fix, as in validation.
    const wild = readTemplateRow(headers, rowCells(headers, { ...rd, y2023: 930 }))!;
    expect(wild.problems).toEqual([{ key: "y2023", header: "2023年", text: "930" }]);
    expect(templateRowToIndicator(wild)).toEqual({ ok: false, reason: "invalid", key: "y2023", text: "930" });
  });

  it("reads the v2 columns: revised baseline, adjusted target, keep, 约, figures, reference, yearly targets, units", () => {
    const zh = buildHeaderRow(plan, "zh");
    const row = readTemplateRow(
      zh,
      rowCells(zh, {
        ...rd,
        revisedBaseline: 1.3,
        adjustedTarget: 1.5,
        obligation: "保持",
        approximate: "是",
        approxTolerance: 0.05,
        figures: "水平值",
        yearlyTargets: "2023:>=1.35; 2024:≈>=1.4±0.02",
        leadUnit: "市科技局",
        coUnits: "市统计局、市财政局",
      }),
    )!;
    expect(row.problems).toEqual([]);
    const model = templateRowToIndicator(row);
    if (!model.ok) throw new Error(model.key);
    expect(model.indicator).toMatchObject({
      baselineRevisions: [{ value: 1.3 }],
      target: { kind: "level", value: 1.47, comparator: ">=", obligation: "keep", approximate: true, band: 0.05 },
      targetAdjustments: [{ target: { kind: "level", value: 1.5, comparator: ">=", obligation: "keep" } }],
      figures: "level",
      yearlyTargets: {
        "2023": { value: 1.35, comparator: ">=" },
        "2024": { value: 1.4, comparator: ">=", approximate: true, band: 0.02 },
      },
      leadUnit: "市科技局",
      coUnits: ["市统计局", "市财政局"],
    });
    const relative = readTemplateRow(
      zh,
      rowCells(zh, { ...rd, targetForm: "relativeAbove", target: "高于GDP增长", reference: "GDP" }),
    )!;
    const rel = templateRowToIndicator(relative);
    expect(rel.ok && rel.indicator.target).toEqual({
      kind: "relative",
      relation: "above",
      reference: "GDP",
      text: { zh: "高于GDP增长", en: "高于GDP增长" },
    });
    const noRef = readTemplateRow(zh, rowCells(zh, { ...rd, targetForm: "relativeAbove", target: "高于GDP增长" }))!;
    expect(templateRowToIndicator(noRef)).toEqual({ ok: false, reason: "missing", key: "reference" });
    const badYearly = readTemplateRow(zh, rowCells(zh, { ...rd, yearlyTargets: "2023 about 1.35" }))!;
    expect(badYearly.problems.map((p) => p.key)).toEqual(["yearlyTargets"]);
  });
});
