/**
 * Inserting and refreshing the template against the stand-in: constant round trips whatever the
 * number of indicators, the layout staff see, and never losing what they typed.
 */
import { describe, expect, it } from "vitest";
import { plan as planSchema } from "../../src/core/planSchema";
import { buildHeaderRow, templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { measure, seedPlan, seedRow, syntheticPlan, useHost } from "./helpers";

const SHEET = "规划指标";
const columns = templateColumns(seedPlan);
/** The cell of a column (by key, from the layout) in a sheet row: never a hard-coded letter. */
const at = (key: ColumnKey, row: number) => `${columnLetters(columns.findIndex((c) => c.key === key))}${row}`;
const LAST = columnLetters(columns.length - 1);

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
    expect(host.standin.workbook.tables("规划指标 (2)")[0]?.address).toBe(`A5:${LAST}1005`);
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
    expect(wb.cell(SHEET, "E3").fill).toBe(wb.cell(SHEET, at("y2021", 6)).ownFill); // legend swatch = input fill
    // The evaluation year: B3 staff's (blank = automatic, an input), C3 the year in use (a formula).
    expect(wb.cell(SHEET, "A3").text).toBe("评估年份");
    expect(wb.cell(SHEET, "B3").ownFill).toBe(wb.cell(SHEET, at("y2021", 6)).ownFill);
    expect(wb.cell(SHEET, "C3").input).toBe(
      // The header row alone: PLAN.DATAYEAR reads the rows below itself (a figure typed does not make C3 dirty).
      `=IF(B3<>"",B3,IFERROR(PLAN.DATAYEAR($A$5:$${columnLetters(columns.findIndex((c) => c.role === "computed") - 1)}$5),""))`,
    );
    // The header is the layout's (its order is pinned in tests/functions/templateLayout.test.ts), every column.
    const headers = buildHeaderRow(seedPlan, "zh");
    headers.forEach((h, i) => expect(wb.cellAt(SHEET, 4, i).text).toBe(h));
    // The main table only: the supplementary goals are in their own block below it (otherGoals.test.ts).
    expect(wb.tables(SHEET)[0]?.address).toBe(`A5:${LAST}${seedRow("PROVINCIAL_RD_PLATFORMS")}`);
    // Inputs filled light and validated (warnings with an input message); computed cells grey formulas.
    expect(wb.cell(SHEET, at("y2021", 7)).ownFill).not.toBe(wb.cell(SHEET, at("gap", 7)).ownFill);
    expect(wb.cell(SHEET, at("y2021", 7)).validation?.prompt?.title).toBe("百分比（0–100）");
    expect(wb.checkInput(SHEET, at("y2021", 7), "150")).toMatchObject({ ok: false, style: "Warning" });
    // 高新技术企业数: a whole number
    expect(wb.checkInput(SHEET, at("y2021", 12), "1.5")).toMatchObject({ ok: false, style: "Warning" });
    expect(wb.checkInput(SHEET, at("manualStatus", 7), "滞后")).toEqual({ ok: true });
    expect(wb.checkInput(SHEET, at("manualStatus", 7), "还行")).toMatchObject({ ok: false, style: "Warning" });
    // Every computed cell is the one evaluation of its row, at C3's year: not volatile, no circular reference.
    const lastRead = columnLetters(columns.findIndex((c) => c.role === "computed") - 1);
    expect(wb.cell(SHEET, at("gap", 7)).input).toBe(`=PLAN.EVALUATE($A$5:$${lastRead}$5,$A7:$${lastRead}7,"gap",$C$3)`);
    expect(wb.cell(SHEET, at("status", 7)).input).toBe(
      `=PLAN.EVALUATE($A$5:$${lastRead}$5,$A7:$${lastRead}7,"status",$C$3)`,
    );
    expect(wb.cell(SHEET, at("growth", 7)).numberFormat).toBe("0.0%");
    expect(wb.sheets().find((s) => s.name === SHEET)?.freeze).toMatchObject({ rows: 5 });
  });

  it("computes from the figures staff type, at the evaluation year (C3: the latest year entered, or B3)", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 7), "1.3");
    wb.setCellInput(SHEET, at("y2022", 7), "1.35");
    // C3 streams the year: it arrives after the edit's change event, as in Excel (a setResult).
    await host.standin.whenIdle();
    expect(wb.cell(SHEET, "C3").value).toBe(2022);
    expect(wb.cell(SHEET, at("latestYear", 7)).value).toBe(2022); // 数据年份
    expect(wb.cell(SHEET, at("latest", 7)).value).toBe(1.35);
    expect(wb.cell(SHEET, at("gap", 7)).value).toBeCloseTo(0.12, 10);
    expect(wb.cell(SHEET, at("elapsed", 7)).value).toBeCloseTo(0.4, 10); // (2022 − 2020) / 5
    expect(wb.cell(SHEET, at("status", 7)).text).toBe("快于预期");
    wb.setCellInput(SHEET, at("y2023", 7), "1.2");
    await host.standin.whenIdle(); // a 2023 figure moves the year: C3 pushes it, every row is judged again
    expect(wb.cell(SHEET, at("status", 7)).text).toBe("滞后");
    // Another row reported in 2023 makes 2023 the year: a row last reported in 2022 is stale.
    wb.setCellInput(SHEET, at("y2023", 7), "");
    wb.setCellInput(SHEET, at("y2023", 12), "130");
    await host.standin.whenIdle();
    expect(wb.cell(SHEET, "C3").value).toBe(2023);
    expect(wb.cell(SHEET, at("status", 7)).text).toBe("数据滞后（2022年）");
    // Staff choose 2022 in B3: the row is judged again, and the 2023 figure waits.
    wb.setCellInput(SHEET, "B3", "2022");
    expect(wb.cell(SHEET, at("status", 7)).text).toBe("快于预期");
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("");
  });

  it("a figure neither the sheet nor the pane can read is a cell to fix, not another year's figure", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 7), "1.3");
    wb.setCellInput(SHEET, at("y2022", 7), "约1.35");
    expect(wb.cell(SHEET, at("status", 7)).text).toBe("待修正（2022年：约1.35）");
    expect(wb.cell(SHEET, at("gap", 7)).text).toBe("#VALUE!");
    expect(wb.cell(SHEET, at("gap", 7)).errorMessage).toContain("约1.35");
  });

  it("shows each target in the plan's own notation (前3位, 年均增长) while the cell keeps its number", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    const rowOf = seedRow;
    const rank = wb.cell(SHEET, at("target", rowOf("TECH_PROGRESS_RANK")));
    expect(rank).toMatchObject({ value: 3, text: "前3位" });
    const growthTarget = wb.cell(SHEET, at("target", rowOf("HIGH_VALUE_PATENTS_PER_10K_GROWTH")));
    expect(growthTarget).toMatchObject({ value: 30, text: "年均增长 30.0%" });
    expect(wb.cell(SHEET, at("target", rowOf("RD_INTENSITY"))).text).toBe("1.47");
  });

  it("writes an English sheet in an English workbook, with the English status words", async () => {
    const result = await insertTemplate(seedPlan, "en");
    const wb = host.standin.workbook;
    expect(result.sheetName).toBe("Plan indicators");
    expect(wb.cell("Plan indicators", "C5").text).toBe("Indicator");
    expect(wb.cell("Plan indicators", "A3").text).toBe("Evaluation year");
    wb.setCellInput("Plan indicators", at("y2021", 7), "1.3");
    expect(wb.cell("Plan indicators", at("status", 7)).text).toBe("ahead");
    expect(wb.cell("Plan indicators", at("target", 6)).text).toBe("top 3"); // 综合科技进步水平, a rank
    const growthRow = seedRow("HIGH_VALUE_PATENTS_PER_10K_GROWTH");
    expect(wb.cell("Plan indicators", at("target", growthRow)).text).toBe("+30.0% a year");
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
    wb.setCellInput(SHEET, at("y2021", 7), "1.3");
    wb.setCellInput(SHEET, at("y2022", 12), "130");
    wb.setCellInput(SHEET, at("manualStatus", 8), "滞后");
    wb.setCellInput(SHEET, at("manualNote", 8), "统计口径调整");
    wb.setCellInput(SHEET, "B3", "2021");
    // The plan's own update: a new target for R&D intensity.
    const updated = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((i) =>
        i.id === "RD_INTENSITY"
          ? { ...i, target: { kind: "level", value: 1.6, comparator: ">=", obligation: "reach" } }
          : i,
      ),
    });
    const result = await insertTemplate(updated, "zh");
    expect(result).toMatchObject({ created: false, sheetName: SHEET, added: 0, kept: [] });
    expect(wb.cell(SHEET, at("y2021", 7)).value).toBe(1.3);
    expect(wb.cell(SHEET, at("y2022", 12)).value).toBe(130);
    expect(wb.cell(SHEET, at("manualStatus", 8)).text).toBe("滞后");
    expect(wb.cell(SHEET, at("manualNote", 8)).text).toBe("统计口径调整");
    expect(wb.cell(SHEET, "B3").value).toBe(2021);
    expect(wb.cell(SHEET, at("target", 7)).value).toBe(1.6);
    expect(wb.cell(SHEET, at("gap", 7)).value).toBeCloseTo(0.3, 10);
    expect(wb.sheets().map((s) => s.name)).toEqual(["Sheet1", SHEET]);
  });

  it("never overwrites a non-empty cell the add-in did not write, and says which it kept", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("gap", 7), "见说明"); // typed over a computed cell
    wb.setCellInput(SHEET, at("target", 8), "'5.5左右"); // a target rewritten by hand
    const result = await insertTemplate(seedPlan, "zh");
    expect(wb.cell(SHEET, at("gap", 7)).text).toBe("见说明");
    expect(wb.cell(SHEET, at("target", 8)).text).toBe("5.5左右");
    expect(result.kept.map((k) => k.address).sort()).toEqual([at("gap", 7), at("target", 8)].sort());
    expect(result.kept.find((k) => k.address === at("target", 8))).toMatchObject({
      indicatorId: "ENTERPRISE_RD_SHARE",
      header: "目标值",
      current: "5.5左右",
      planned: "5.2",
    });
  });

  it("refresh: C3 in an earlier form (the body as an argument) is brought up to date; a formula staff typed there stays", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    const current = String(wb.cell(SHEET, "C3").input);
    const lastRead = columnLetters(columns.findIndex((c) => c.role === "computed") - 1);
    const older = current.replace(
      /PLAN\.DATAYEAR\(([^)]*)\)/,
      (_m, header: string) => `PLAN.DATAYEAR(${header},$A$6:$${lastRead}$16)`,
    );
    expect(older).not.toBe(current);
    wb.setCellInput(SHEET, "C3", older);
    await insertTemplate(seedPlan, "zh");
    expect(wb.cell(SHEET, "C3").input).toBe(current);
    wb.setCellInput(SHEET, "C3", "=2023");
    await insertTemplate(seedPlan, "zh");
    expect(wb.cell(SHEET, "C3").input).toBe("=2023");
  });

  it("appends indicators the plan gained, without touching the rows staff use", async () => {
    const fewer = planSchema.parse({ ...seedPlan, indicators: seedPlan.indicators.slice(0, 3) });
    await insertTemplate(fewer, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 6), "3");
    const result = await insertTemplate(seedPlan, "zh");
    expect(result.added).toBe(seedPlan.indicators.length - 3);
    expect(wb.cell(SHEET, at("y2021", 6)).value).toBe(3);
    expect(wb.cell(SHEET, "C9").text).toBe(seedPlan.indicators[3]!.name.zh);
    expect(wb.tables(SHEET)[0]?.address).toBe(`A5:${LAST}${5 + seedPlan.indicators.length}`);
    expect(wb.cell(SHEET, at("y2021", 9)).validation?.prompt).not.toBeNull();
    // C3 reads the rows under the header, so the appended rows count for the evaluation year.
    const lastRead = columnLetters(columns.findIndex((c) => c.role === "computed") - 1);
    expect(wb.cell(SHEET, "C3").input).toContain(`PLAN.DATAYEAR($A$5:$${lastRead}$5)`);
    wb.setCellInput(SHEET, at("y2024", 5 + seedPlan.indicators.length), "1");
    await host.standin.whenIdle();
    expect(wb.cell(SHEET, "C3").value).toBe(2024);
  });
});

describe("insertTemplate: on paper (A4 landscape, ≥ 70 %, technical columns out, indicator columns frozen)", () => {
  const host = useHost();
  /** A4 landscape (841.89 pt) less the 0.25 in margins the template sets left and right. */
  const PRINTABLE = 841.89 - 18 - 18;

  /** The scale Excel's "fit to 1 page wide" gives for the sheet as written: printed (visible) columns of the print area. */
  function fitToWidthScale(sheet: string, lastColumn: number): number {
    const wb = host.standin.workbook;
    let sum = 0;
    for (let c = 0; c <= lastColumn; c++) if (!wb.columnHidden(sheet, c)) sum += wb.columnWidth(sheet, c);
    return Math.min(100, Math.floor((PRINTABLE * 100) / sum));
  }

  it("the seed plan: A4 landscape at Excel's fit-to-width scale ≥ 70 %, technical columns hidden, titles repeated, header and indicator columns frozen", async () => {
    const result = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    const layout = wb.pageLayout(SHEET);
    expect(layout.orientation).toBe("Landscape");
    expect(layout.paperSize).toBe("A4");
    expect([layout.leftMargin, layout.rightMargin]).toEqual([18, 18]);
    // Over the other goals' block too (its last row is the 2035 vision's).
    expect(layout.printArea).toBe(`A1:${LAST}${seedRow("VISION_2035")}`);
    // Only the technical columns (ids and codes staff never read) are hidden, so only they stay off the paper.
    columns.forEach((c, i) => expect(wb.columnHidden(SHEET, i), c.key).toBe(c.role === "technical"));
    expect(layout.zoom.scale).toBeGreaterThanOrEqual(70);
    expect(layout.zoom.scale).toBe(fitToWidthScale(SHEET, columns.length - 1));
    expect(result.print).toMatchObject({ pagesWide: 1, scale: layout.zoom.scale, note: null });
    expect(layout.printTitleRows).toBe("5:5");
    expect(layout.printTitleColumns).toBe("A:C"); // 序号, 类型, 指标
    expect(wb.sheets().find((s) => s.name === SHEET)?.freeze).toEqual({ rows: 5, cols: 3 });
    expect(layout.headersFooters.defaultForAllPages.centerHeader).toBe(seedPlan.title.zh);
    expect(layout.headersFooters.defaultForAllPages.centerFooter).toBe("第 &P 页，共 &N 页");
    // Long names wrap (the row grows) instead of widening the page.
    const name = columns.findIndex((c) => c.key === "name");
    expect(wb.cell(SHEET, at("name", 7)).wrapText).toBe(true);
    expect(wb.columnWidth(SHEET, name)).toBeLessThan(140);
  });

  it("a 15-year plan prints 2 pages wide at ≥ 70 %, the indicator columns on each page, and the footer says why", async () => {
    const long = planSchema.parse({ ...seedPlan, targetYear: 2035 });
    const result = await insertTemplate(long, "zh");
    const layout = host.standin.workbook.pageLayout(SHEET);
    const width = templateColumns(long).length;
    expect(fitToWidthScale(SHEET, width - 1)).toBeLessThan(70);
    expect(layout.zoom.scale).toBeGreaterThanOrEqual(70);
    expect(result.print?.pagesWide).toBe(2);
    expect(layout.printTitleColumns).toBe("A:C");
    expect(layout.headersFooters.defaultForAllPages.leftFooter).toBe(result.print?.note?.zh);
    expect(result.print?.note?.zh).toContain("2 页宽");
  });

  it("running it again extends the print area over appended rows, and leaves a print area staff set", async () => {
    const fewer = planSchema.parse({ ...seedPlan, indicators: seedPlan.indicators.slice(0, 3) });
    await insertTemplate(fewer, "zh");
    const syncs = await measure(host.standin, () => insertTemplate(seedPlan, "zh"));
    expect(host.standin.workbook.pageLayout(SHEET).printArea).toBe(`A1:${LAST}${5 + seedPlan.indicators.length}`);
    expect(syncs.syncs).toBe(3);

    // Staff print only part of the sheet: the next refresh leaves their print area as they set it.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).pageLayout.setPrintArea("A1:D8");
      await context.sync();
    });
    const extra = { ...seedPlan.indicators[0]!, id: "EXTRA", name: { zh: "新增指标", en: "Added" } };
    await insertTemplate(planSchema.parse({ ...seedPlan, indicators: [...seedPlan.indicators, extra] }), "zh");
    expect(host.standin.workbook.pageLayout(SHEET).printArea).toBe("A1:D8");
  });
});
