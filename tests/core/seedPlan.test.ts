/**
 * The seed plan must say exactly what the plan document says. The table is read from the committed
 * copy of the source (seeds/source/), not re-typed here, so a wrong cell in the JSON fails.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { serializePlanFile } from "../../src/core/planFile";

const seedsDir = resolve(__dirname, "../../seeds");
const sourceText = readFileSync(resolve(seedsDir, "source/zhangye-sti-14th-fyp-goals.txt"), "utf8");
const seedText = readFileSync(resolve(seedsDir, "zhangye-sti-14th-fyp.plan.json"), "utf8");

interface TableRow {
  category: string;
  number: string;
  indicator: string;
  y2020: string;
  y2025: string;
  attribute: string;
}

/** Reads the tab-separated table under its "表:" title up to the next blank line; blank 类型 cells inherit. */
function parseTable(text: string): { header: string[]; rows: TableRow[]; note: string } {
  const lines = text.split(/\r?\n/);
  let i = lines.findIndex((l) => l.startsWith("表:张掖市“十四五”科技创新体系主要指标"));
  if (i < 0) throw new Error("table title not found in the source copy");
  for (i++; i < lines.length && (lines[i] ?? "").trim() === ""; i++);
  const header = (lines[i++] ?? "").split("\t");
  const rows: TableRow[] = [];
  let category = "";
  for (; i < lines.length && (lines[i] ?? "").trim() !== ""; i++) {
    const cells = (lines[i] ?? "").split("\t");
    if (cells.length !== header.length)
      throw new Error(`table line ${i + 1} has ${cells.length} cells, expected ${header.length}`);
    const [cat = "", number = "", indicator = "", y2020 = "", y2025 = "", attribute = ""] = cells;
    if (cat.trim() !== "") category = cat.trim();
    rows.push({ category, number, indicator, y2020, y2025, attribute });
  }
  const note = lines.slice(i).find((l) => l.startsWith("注")) ?? "";
  return { header, rows, note };
}

const table = parseTable(sourceText);
const mainRows = seedPlan.indicators.filter((ind) => !ind.supplementary);
const attributes: Record<string, string> = { 预期性: "expected", 约束性: "binding" };
const squash = (s: string) => s.replace(/\s+/g, "");

describe("seed plan: 张掖市“十四五”科技创新体系主要指标", () => {
  it("reads the table as the document prints it", () => {
    expect(table.header).toEqual(["类型", "序号", "指标", "2020年", "2025年", "属性"]);
    expect(table.rows).toHaveLength(11);
    expect(table.note).toBe("注: *为2019年数据");
  });

  it("has the 11 table rows first, in order, then only supplementary goals", () => {
    expect(mainRows).toHaveLength(table.rows.length);
    expect(seedPlan.indicators.slice(0, 11)).toEqual(mainRows);
  });

  table.rows.forEach((cell, i) => {
    it(`row ${cell.number} matches cell for cell: ${cell.indicator}`, () => {
      const ind = mainRows[i]!;
      expect(ind.category.zh).toBe(cell.category);
      expect(ind.number).toBe(cell.number);
      expect(`${ind.name.zh}(${ind.unit.zh})`).toBe(cell.indicator);
      const starred = cell.y2020.endsWith("*");
      expect(ind.baseline).toBe(Number(cell.y2020.replace(/\*$/, "")));
      expect(ind.baselineYear).toBe(starred ? 2019 : 2020);
      expect(ind.target).toMatchObject({ kind: "level", value: Number(cell.y2025) });
      expect(ind.attribute).toBe(attributes[cell.attribute]);
      expect(ind.actuals).toEqual({});
    });
  });

  it("treats the rank row as lower-is-better, staying 3rd or better", () => {
    const rank = mainRows[0]!;
    expect(rank).toMatchObject({
      kind: "rank",
      direction: "down",
      target: { kind: "level", value: 3, comparator: "<=" },
    });
    expect(mainRows.slice(1).every((ind) => ind.direction === "up")).toBe(true);
  });

  it("quotes the plan's own words in every note and text target", () => {
    const source = squash(sourceText);
    for (const ind of seedPlan.indicators) {
      for (const quoted of (ind.note?.zh ?? "").matchAll(/“([^”]+)”/g)) expect(source).toContain(squash(quoted[1]!));
      if (ind.target.kind === "text") expect(source).toContain(squash(ind.target.text.zh));
    }
  });

  it("keeps the goals stated only in the text as supplementary indicators", () => {
    const supplementary = seedPlan.indicators.filter((ind) => ind.supplementary);
    expect(supplementary.map((ind) => [ind.id, ind.target])).toEqual([
      ["HIGH_VALUE_PATENTS_TOTAL", { kind: "level", value: 100, comparator: ">=", obligation: "reach" }],
      ["HIGH_VALUE_PATENTS_PER_10K_GROWTH", { kind: "annualGrowth", value: 30, comparator: ">=" }],
      ["TECH_PROGRESS_CONTRIBUTION", { kind: "text", text: { zh: "明显提升", en: "rise markedly" } }],
      ["VISION_2035", expect.objectContaining({ kind: "text" })],
    ]);
    expect(squash(sourceText)).toContain("有效高价值发明专利增长到100件以上，每万人口拥有量年均增长30%");
    expect(squash(sourceText)).toContain("科技进步贡献率明显提升");
  });

  it("records the plan's source and period", () => {
    expect(seedPlan).toMatchObject({
      formatVersion: 2,
      title: { zh: "张掖市“十四五”科技创新规划" },
      source: { issuer: { zh: "张掖市人民政府办公室" }, date: "2021-12-30" },
      baseYear: 2020,
      targetYear: 2025,
    });
  });

  it("keeps the indicator ids other code and workbooks refer to", () => {
    const ids = seedPlan.indicators.map((ind) => ind.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "TECH_PROGRESS_RANK",
      "RD_INTENSITY",
      "ENTERPRISE_RD_SHARE",
      "RD_PERSONNEL_PER_10K",
      "HIGH_VALUE_PATENTS_PER_10K",
      "TECH_CONTRACT_TURNOVER",
      "HIGH_TECH_ENTERPRISES",
      "HIGH_TECH_REVENUE_SHARE",
      "NEW_PRODUCT_SALES_SHARE",
      "PROVINCIAL_INCUBATORS",
      "PROVINCIAL_RD_PLATFORMS",
      "HIGH_VALUE_PATENTS_TOTAL",
      "HIGH_VALUE_PATENTS_PER_10K_GROWTH",
      "TECH_PROGRESS_CONTRIBUTION",
      "VISION_2035",
    ]);
  });

  it("loads through the schema and is stored in the canonical file form", () => {
    expect(plan.safeParse(JSON.parse(seedText)).success).toBe(true);
    expect(serializePlanFile(seedPlan)).toBe(seedText);
  });
});
