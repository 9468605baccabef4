/**
 * Inserting and refreshing the template against the stand-in: constant round trips whatever the
 * number of indicators, the layout staff see, and never losing what they typed.
 */
import { describe, expect, it } from "vitest";
import { plan as planSchema } from "../../src/core/planSchema";
import { buildHeaderRow } from "../../src/core/templateLayout";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { measure, seedPlan, syntheticPlan, useHost } from "./helpers";

const SHEET = "规划指标";

describe("insertTemplate: round trips", () => {
  const host = useHost();

  it("costs the same constant number of syncs (≤ 3) at 11 and at 1,000 indicators, for insert and for refresh", async () => {
    const small = seedPlan;
    const large = syntheticPlan(1000);
    const first = await measure(host.standin, () => insertTemplate(small, "zh"));
    const again = await measure(host.standin, () => insertTemplate(small, "zh"));
    const firstLarge = await measure(host.standin, () => insertTemplate(large, "zh"));
    const againLarge = await measure(host.standin, () => insertTemplate(large, "zh"));
    expect(first.result.created).toBe(true);
    expect(again.result.created).toBe(false);
    expect(firstLarge.result.created).toBe(true);
    expect(againLarge.result.created).toBe(false);
    expect(firstLarge.syncs).toBe(first.syncs);
    expect(againLarge.syncs).toBe(again.syncs);
    expect(Math.max(first.syncs, again.syncs)).toBeLessThanOrEqual(3);
    expect(host.standin.workbook.tables("规划指标 (2)")[0]?.address).toBe("A5:AD1005");
  }, 120_000);
});

describe("insertTemplate: the sheet", () => {
  const host = useHost();

  it("writes a title block, the header and one row per indicator, with input cells marked and validated", async () => {
    const result = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    expect(result).toMatchObject({ created: true, sheetName: SHEET, indicatorCount: seedPlan.indicators.length });
    expect(wb.cell(SHEET, "A1").text).toBe(seedPlan.title.zh);
    expect(wb.cell(SHEET, "A2").text).toContain("2021-12-30");
    expect(wb.cell(SHEET, "B3").fill).toBe(wb.cell(SHEET, "J6").ownFill); // legend swatch = input fill
    // The header is the layout's (its order is pinned in tests/functions/templateLayout.test.ts), every column.
    const headers = buildHeaderRow(seedPlan, "zh");
    headers.forEach((h, i) => expect(wb.cellAt(SHEET, 4, i).text).toBe(h));
    expect(wb.tables(SHEET)[0]?.address).toBe(`A5:AD${5 + seedPlan.indicators.length}`);
    // Inputs filled light and validated (warnings with an input message); computed cells grey formulas.
    expect(wb.cell(SHEET, "J7").ownFill).not.toBe(wb.cell(SHEET, "Q7").ownFill);
    expect(wb.cell(SHEET, "J7").validation?.prompt?.title).toBe("百分比（0–100）");
    expect(wb.checkInput(SHEET, "J7", "150")).toMatchObject({ ok: false, style: "Warning" });
    expect(wb.checkInput(SHEET, "J12", "1.5")).toMatchObject({ ok: false, style: "Warning" }); // 高新技术企业数: whole number
    expect(wb.checkInput(SHEET, "W7", "滞后")).toEqual({ ok: true });
    expect(wb.checkInput(SHEET, "W7", "还行")).toMatchObject({ ok: false, style: "Warning" });
    expect(wb.cell(SHEET, "Q7").input).toMatch(/^=IF\(P7="","",PLAN\.GAP\(P7,I7,"up"\)\)$/);
    expect(wb.cell(SHEET, "R7").numberFormat).toBe("0.0%");
    expect(wb.sheets().find((s) => s.name === SHEET)?.freeze).toMatchObject({ rows: 5 });
  });

  it("computes from the figures staff type, at the year of the latest figure", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, "J7", "1.3");
    wb.setCellInput(SHEET, "K7", "1.35");
    expect(wb.cell(SHEET, "O7").value).toBe(2022); // 最新年份
    expect(wb.cell(SHEET, "P7").value).toBe(1.35);
    expect(wb.cell(SHEET, "Q7").value).toBeCloseTo(0.12, 10);
    expect(wb.cell(SHEET, "U7").value).toBeCloseTo(0.4, 10); // (2022 − 2020) / 5
    expect(wb.cell(SHEET, "V7").text).toBe("快于预期");
    wb.setCellInput(SHEET, "L7", "1.2");
    expect(wb.cell(SHEET, "V7").text).toBe("滞后");
  });

  it("shows each target in the plan's own notation (前3位, 年均增长) while the cell keeps its number", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    const rowOf = (id: string) => 6 + seedPlan.indicators.findIndex((ind) => ind.id === id);
    const rank = wb.cell(SHEET, `I${rowOf("TECH_PROGRESS_RANK")}`);
    expect(rank).toMatchObject({ value: 3, text: "前3位" });
    const growthTarget = wb.cell(SHEET, `I${rowOf("HIGH_VALUE_PATENTS_PER_10K_GROWTH")}`);
    expect(growthTarget).toMatchObject({ value: 30, text: "年均增长 30.0%" });
    expect(wb.cell(SHEET, `I${rowOf("RD_INTENSITY")}`).text).toBe("1.47");
  });

  it("writes an English sheet in an English workbook, with the English status words", async () => {
    const result = await insertTemplate(seedPlan, "en");
    const wb = host.standin.workbook;
    expect(result.sheetName).toBe("Plan indicators");
    expect(wb.cell("Plan indicators", "C5").text).toBe("Indicator");
    wb.setCellInput("Plan indicators", "J7", "1.3");
    expect(wb.cell("Plan indicators", "V7").text).toBe("ahead");
    expect(wb.cell("Plan indicators", "I6").text).toBe("top 3"); // 综合科技进步水平, a rank
    const growthRow = 6 + seedPlan.indicators.findIndex((ind) => ind.id === "HIGH_VALUE_PATENTS_PER_10K_GROWTH");
    expect(wb.cell("Plan indicators", `I${growthRow}`).text).toBe("+30.0% a year");
  });

  it("never clobbers a sheet of the same name: the template gets the next free name", async () => {
    host.standin.workbook.addSheet(SHEET);
    host.standin.workbook.setCellInput(SHEET, "A1", "mine");
    const result = await insertTemplate(seedPlan, "zh");
    expect(result.sheetName).toBe("规划指标 (2)");
    expect(host.standin.workbook.cell(SHEET, "A1").text).toBe("mine");
  });
});

describe("insertTemplate: running it again", () => {
  const host = useHost();

  it("keeps every value staff entered and refreshes the plan columns", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, "J7", "1.3");
    wb.setCellInput(SHEET, "K12", "130");
    wb.setCellInput(SHEET, "W8", "滞后");
    wb.setCellInput(SHEET, "X8", "统计口径调整");
    // The plan's own update: a new target for R&D intensity.
    const updated = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((i) =>
        i.id === "RD_INTENSITY" ? { ...i, target: { kind: "level", value: 1.6, comparator: ">=" } } : i,
      ),
    });
    const result = await insertTemplate(updated, "zh");
    expect(result).toMatchObject({ created: false, sheetName: SHEET, added: 0, kept: [] });
    expect(wb.cell(SHEET, "J7").value).toBe(1.3);
    expect(wb.cell(SHEET, "K12").value).toBe(130);
    expect(wb.cell(SHEET, "W8").text).toBe("滞后");
    expect(wb.cell(SHEET, "X8").text).toBe("统计口径调整");
    expect(wb.cell(SHEET, "I7").value).toBe(1.6);
    expect(wb.cell(SHEET, "Q7").value).toBeCloseTo(0.3, 10);
    expect(wb.sheets().map((s) => s.name)).toEqual(["Sheet1", SHEET]);
  });

  it("never overwrites a non-empty cell the add-in did not write, and says which it kept", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, "Q7", "见说明"); // typed over a computed cell
    wb.setCellInput(SHEET, "I8", "'5.5左右"); // a target rewritten by hand
    const result = await insertTemplate(seedPlan, "zh");
    expect(wb.cell(SHEET, "Q7").text).toBe("见说明");
    expect(wb.cell(SHEET, "I8").text).toBe("5.5左右");
    expect(result.kept.map((k) => k.address).sort()).toEqual(["I8", "Q7"]);
    expect(result.kept.find((k) => k.address === "I8")).toMatchObject({
      indicatorId: "ENTERPRISE_RD_SHARE",
      header: "目标值",
      current: "5.5左右",
      planned: "5.2",
    });
  });

  it("appends indicators the plan gained, without touching the rows staff use", async () => {
    const fewer = planSchema.parse({ ...seedPlan, indicators: seedPlan.indicators.slice(0, 3) });
    await insertTemplate(fewer, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, "J6", "3");
    const result = await insertTemplate(seedPlan, "zh");
    expect(result.added).toBe(seedPlan.indicators.length - 3);
    expect(wb.cell(SHEET, "J6").value).toBe(3);
    expect(wb.cell(SHEET, "C9").text).toBe(seedPlan.indicators[3]!.name.zh);
    expect(wb.tables(SHEET)[0]?.address).toBe(`A5:AD${5 + seedPlan.indicators.length}`);
    expect(wb.cell(SHEET, "J9").validation?.prompt).not.toBeNull();
  });
});
