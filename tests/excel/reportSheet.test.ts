/**
 * The evaluation report sheet against the stand-in: constant round trips and requests under the budget at
 * 11 and 1,000 indicators, the layout and numbers as numbers, text as text, regeneration that keeps staff's
 * 原因分析 by indicator and never overwrites their other cells, the two native charts and the page setup.
 */
import { describe, expect, it } from "vitest";
import type { Standin } from "../../dev/standin";
import { buildReportDocument, type ReportOptions } from "../../src/core/evaluationReport";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import type { Plan } from "../../src/core/planSchema";
import { plan as planSchema } from "../../src/core/planSchema";
import { REQUEST_BUDGET } from "../../src/excel/requestBudget";
import {
  A4_LANDSCAPE_WIDTH,
  MIN_SCALE,
  PATH_CHART_NAME,
  PRINTABLE_WIDTH,
  PROGRESS_CHART_NAME,
  readReportAnalysis,
  writeReportSheet,
} from "../../src/excel/reportSheet";
import { MIDTERM_FIGURES, seedWith } from "../core/reportPlans";
import { measure, syntheticPlan, useHost } from "./helpers";

const SHEET = "2023年中期评估";

function midtermPlan(): Plan {
  return seedWith(MIDTERM_FIGURES, {
    HIGH_TECH_ENTERPRISES: { attribute: "binding", leadUnit: "市科技局" },
    RD_INTENSITY: { baselineRevisions: [{ value: 1.25 }] },
  });
}

function report(plan: Plan, year: number, options: Partial<ReportOptions> = {}) {
  return buildReportDocument(plan, summarizePlan(plan, { evaluationYear: year }), {
    kind: "midterm",
    lang: "zh",
    generatedOn: "2026-11-30",
    ...options,
  });
}

/** Each round trip's request size (the stand-in's estimate) while `op` runs. */
async function requests<T>(standin: Standin, op: () => Promise<T>): Promise<{ result: T; sizes: number[] }> {
  const sizes: number[] = [];
  let run = standin.lastRun;
  let seen = run?.requestBytes ?? 0;
  const stop = standin.workbook.subscribe(() => {
    const now = standin.lastRun;
    if (!now) return;
    if (now !== run) {
      run = now;
      seen = 0;
    }
    if (now.requestBytes > seen) sizes.push(now.requestBytes - seen);
    seen = now.requestBytes;
  });
  try {
    const result = await op();
    await standin.whenIdle();
    return { result, sizes };
  } finally {
    stop();
  }
}

/** A chart series' values and categories as Excel reports them (ChartSeries.getDimensionValues). */
async function seriesDimensions(sheet: string, chart: string) {
  return Excel.run(async (context) => {
    const series = context.workbook.worksheets.getItem(sheet).charts.getItem(chart).series;
    series.load("items/name");
    await context.sync();
    const dims = series.items.map((s) => ({
      name: s,
      values: s.getDimensionValues(Excel.ChartSeriesDimension.values),
      categories: s.getDimensionValues(Excel.ChartSeriesDimension.categories),
    }));
    await context.sync();
    return dims.map((d) => ({ name: d.name.name, values: d.values.value, categories: d.categories.value }));
  });
}

describe("writeReportSheet: round trips and request sizes", () => {
  const host = useHost();

  it("costs the same 2 round trips (≤ 3) at 11 and at 1,000 indicators, new or regenerated, every request under 4 MB", async () => {
    const small = report(midtermPlan(), 2023);
    const big = syntheticPlan(1000);
    const large = buildReportDocument(big, summarizePlan(big, { evaluationYear: 2021 }), {
      kind: "annual",
      lang: "zh",
      generatedOn: "2026-11-30",
    });
    expect(large.rows).toHaveLength(1000);
    const runs: Record<string, { syncs: number; sizes: number[] }> = {};
    for (const [name, doc] of [
      ["small", small],
      ["small again", small],
      ["large", large],
      ["large again", large],
    ] as const) {
      const measured = await requests(host.standin, () => measure(host.standin, () => writeReportSheet(doc)));
      runs[name] = { syncs: measured.result.syncs, sizes: measured.sizes };
    }
    expect(Object.values(runs).map((r) => r.syncs)).toEqual([2, 2, 2, 2]);
    for (const [name, r] of Object.entries(runs)) {
      expect(Math.max(...r.sizes), name).toBeLessThan(REQUEST_BUDGET);
    }
    // The 1,000-row write is large but one request: well over the 11-row one, well under the budget.
    expect(Math.max(...runs.large!.sizes)).toBeGreaterThan(10 * Math.max(...runs.small!.sizes));
    expect(host.standin.workbook.sheets().map((s) => s.name)).toEqual(["Sheet1", SHEET, "2021年年度监测"]);
    expect(host.standin.workbook.cell("2021年年度监测", "B1007").text).toBe("指标1000");
  }, 120_000);

  it("splits a write over a lowered budget into row blocks, each request within it, with the same sheet", async () => {
    const big = syntheticPlan(300);
    const doc = buildReportDocument(big, summarizePlan(big, { evaluationYear: 2021 }), {
      kind: "annual",
      lang: "zh",
      generatedOn: "2026-11-30",
    });
    const budget = 60_000;
    const split = await requests(host.standin, () => writeReportSheet(doc, { requestBudget: budget }));
    expect(split.sizes.length).toBeGreaterThan(2);
    expect(Math.max(...split.sizes)).toBeLessThanOrEqual(budget);
    const wb = host.standin.workbook;
    expect(wb.cell(split.result.sheetName, "B307").text).toBe("指标300");
    expect(wb.cell(split.result.sheetName, "M307").text).toBe("IND_300");
  }, 60_000);
});

describe("writeReportSheet: the sheet", () => {
  const host = useHost();

  it("writes title, date, counts, summary and the table; numbers as numbers with the plan's notation shown", async () => {
    const doc = report(midtermPlan(), 2023);
    const result = await writeReportSheet(doc, { planId: "zhangye-sti-14th-fyp" });
    const wb = host.standin.workbook;
    expect(result).toMatchObject({ sheetName: SHEET, created: true, indicatorCount: 11, keptCells: [] });
    expect(wb.cell(SHEET, "A1")).toMatchObject({
      text: "张掖市“十四五”科技创新规划主要指标2023年中期评估",
      bold: true,
      fontSize: 16,
    });
    expect(wb.cell(SHEET, "A2").text).toBe("评估年份：2023年　　报告日期：2026年11月30日");
    expect(wb.cell(SHEET, "A3").text).toBe("《张掖市“十四五”科技创新规划》（张掖市人民政府办公室，2021-12-30）");
    expect(wb.cell(SHEET, "A4").text).toBe(
      "指标总数11项：提前实现1项，快于预期1项，基本符合预期5项，滞后2项，数据滞后1项，无法评估1项",
    );
    expect(wb.cell(SHEET, "A5")).toMatchObject({ text: doc.summary[0], wrapText: true, verticalAlignment: "Top" });
    expect(wb.merges(SHEET).slice(0, 5)).toEqual(
      [1, 2, 3, 4, 5].map((r) => ({ row: r - 1, col: 0, rows: 1, cols: 12 })),
    );
    expect(wb.rowHeight(SHEET, 4)).toBeGreaterThan(40); // the summary runs to several lines
    const header = Array.from({ length: 13 }, (_, c) => wb.cellAt(SHEET, 6, c).text);
    expect(header).toEqual([
      "序号",
      "指标",
      "属性",
      "单位",
      "基期值",
      "目标值",
      "2023年实际值",
      "完成进度",
      "时间进度",
      "评估结论",
      "牵头单位",
      "原因分析及下一步措施",
      "indicatorId",
    ]);
    // Row 9: R&D intensity. The revised baseline keeps its number and shows the published one.
    expect(wb.cell(SHEET, "E9")).toMatchObject({ value: 1.25, text: "1.25（原1.2）" });
    expect(wb.cell(SHEET, "F9")).toMatchObject({ value: 1.47, text: "1.47" });
    expect(wb.cell(SHEET, "G9")).toMatchObject({ value: 1.38, text: "1.38" });
    expect(wb.cell(SHEET, "H9").value).toBeCloseTo(0.13 / 0.22, 12);
    expect(wb.cell(SHEET, "H9")).toMatchObject({ text: "59.1%", numberFormat: "0.0%" });
    expect(wb.cell(SHEET, "I9")).toMatchObject({ value: 0.6, text: "60.0%" });
    expect(wb.cell(SHEET, "J9").text).toBe("基本符合预期");
    expect(wb.cell(SHEET, "M9").text).toBe("RD_INTENSITY");
    // Row 8: the rank with no figure: target 前3位 from the number 3, progress blank (a gap in the chart).
    expect(wb.cell(SHEET, "F8")).toMatchObject({ value: 3, text: "前3位" });
    expect(wb.cell(SHEET, "H8").valueType).toBe("Empty");
    expect(wb.cell(SHEET, "J8").text).toBe("—（尚无实际值）");
    // Row 14: the binding indicator that lags, its lead unit; row 16: the stale figure with its year.
    expect(wb.cell(SHEET, "C14").text).toBe("约束性");
    expect(wb.cell(SHEET, "J14").text).toBe("滞后");
    expect(wb.cell(SHEET, "K14").text).toBe("市科技局");
    expect(wb.cell(SHEET, "G16")).toMatchObject({ value: 28.6, text: "28.6（2022年）" });
    expect(wb.cell(SHEET, "J16").text).toBe("数据滞后（2022年）");
    // The analysis column is the one to fill in; the notes follow the table.
    expect(wb.cell(SHEET, "L9").ownFill).toBe("#FFF4CE");
    expect(wb.cell(SHEET, "A20").text).toBe("注：");
    expect(wb.cell(SHEET, "A21").text).toBe(doc.notes[0]);
    expect(wb.cell(SHEET, `A${20 + doc.notes.length}`).text).toBe(doc.notes[doc.notes.length - 1]);
    expect(wb.cell(SHEET, "H7").borders.bottom).not.toBeNull();
  });

  it("writes text as text: a name like =SUM(A1) stays that text, never a formula", async () => {
    const plan = seedWith(MIDTERM_FIGURES, {
      RD_INTENSITY: { name: { zh: "=SUM(A1)", en: "=SUM(A1)" }, leadUnit: "+1-2" },
      ENTERPRISE_RD_SHARE: { name: { zh: "'quoted", en: "'quoted" } },
    });
    const doc = report(plan, 2023, { analysis: new Map([["RD_INTENSITY", '=HYPERLINK("http://x")']]) });
    await writeReportSheet(doc);
    const wb = host.standin.workbook;
    expect(wb.cell(SHEET, "B9")).toMatchObject({ value: "=SUM(A1)", valueType: "String" });
    expect(wb.cell(SHEET, "K9")).toMatchObject({ value: "+1-2", valueType: "String" });
    expect(wb.cell(SHEET, "L9")).toMatchObject({ value: '=HYPERLINK("http://x")', valueType: "String" });
    expect(wb.cell(SHEET, "B10")).toMatchObject({ value: "'quoted", valueType: "String" });
    expect(wb.cell(SHEET, "A5").text).toContain("（=SUM(A1)、");
  });

  it("adds a clustered bar chart over the progress and time-progress columns and a line chart of the path", async () => {
    const doc = report(midtermPlan(), 2023);
    await writeReportSheet(doc);
    const wb = host.standin.workbook;
    const charts = wb.charts(SHEET);
    expect(charts.map((c) => [c.name, c.chartType, c.title])).toEqual([
      [PROGRESS_CHART_NAME, "BarClustered", "图1 各指标完成进度与时间进度"],
      [PATH_CHART_NAME, "LineMarkers", "图2 高新技术企业数：实际值与规划路径"],
    ]);
    const progress = await seriesDimensions(SHEET, PROGRESS_CHART_NAME);
    expect(progress.map((s) => s.name)).toEqual(["完成进度", "时间进度"]);
    expect(progress[0]!.categories).toEqual(doc.rows.map((r) => r.cells.name));
    const expected = doc.progressChart.map((b) =>
      b.progress === null ? "" : String(Number(b.progress.toPrecision(15))),
    );
    expect(progress[0]!.values).toEqual(expected);
    expect(progress[0]!.values[6]).toBe(String(Number((12 / 34).toPrecision(15))));
    expect(progress[1]!.values).toEqual([
      "0.6",
      "0.6",
      "0.666666666666667",
      "0.666666666666667",
      "0.6",
      "0.6",
      "0.6",
      "0.6",
      "0.666666666666667",
      "0.6",
      "0.6",
    ]);
    const path = await seriesDimensions(SHEET, PATH_CHART_NAME);
    expect(path).toEqual([
      {
        name: "实际值",
        values: ["116", "120", "124", "128", "", ""],
        categories: ["2020", "2021", "2022", "2023", "2024", "2025"],
      },
      {
        name: "规划路径",
        values: ["116", "122.8", "129.6", "136.4", "143.2", "150"],
        categories: ["2020", "2021", "2022", "2023", "2024", "2025"],
      },
    ]);
    // The data block beside the table, its title naming the indicator.
    expect(wb.cell(SHEET, "O6").text).toBe("图2数据：高新技术企业数（家）");
    expect(wb.cell(SHEET, "O8")).toMatchObject({ value: 2020, text: "2020" });
    // Both charts sit below the notes, across the printed width, one under the other.
    const notesEnd = wb.rowTop(SHEET, 20 + doc.notes.length);
    expect(charts[0]!.top).toBeGreaterThanOrEqual(notesEnd);
    expect(charts[1]!.top).toBeGreaterThanOrEqual(charts[0]!.top + charts[0]!.height);
    expect(charts[0]!.left).toBe(0);
    expect(charts[0]!.width).toBeCloseTo(wb.columnLeft(SHEET, 12), 6);
    // The values follow the cells: staff correcting a figure moves the bar.
    wb.setCellInput(SHEET, "H9", "0.7");
    expect((await seriesDimensions(SHEET, PROGRESS_CHART_NAME))[0]!.values[1]).toBe("0.7");
  });

  it("prints on A4 landscape at 90 % (≥ 80 %), the header row on every page, title and date above, page numbers below", async () => {
    const doc = report(midtermPlan(), 2023);
    const result = await writeReportSheet(doc);
    const layout = host.standin.workbook.pageLayout(SHEET);
    expect(layout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 90 },
      printTitleRows: "7:7",
      leftMargin: 36,
      rightMargin: 36,
      centerHorizontally: true,
    });
    expect(result.zoomScale).toBe(90);
    expect(result.zoomScale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(layout.printArea).toMatch(/^A1:L\d+$/);
    expect(layout.headersFooters.defaultForAllPages).toMatchObject({
      centerHeader: "张掖市“十四五”科技创新规划主要指标2023年中期评估",
      rightHeader: "2026年11月30日",
      centerFooter: "第 &P 页，共 &N 页",
    });
    // The table's columns fit the printable width at the scale.
    const widths = Array.from({ length: 12 }, (_, c) => host.standin.workbook.columnWidth(SHEET, c));
    const total = widths.reduce((a, b) => a + b, 0);
    expect((total * layout.zoom.scale!) / 100).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(total * 0.8).toBeLessThanOrEqual(A4_LANDSCAPE_WIDTH - 72);
    expect(widths[1]).toBeGreaterThan(widths[0]! * 4); // the name column is the wide one
  });

  it("escapes & in the page header (R&D would start a header code)", async () => {
    const plan = planSchema.parse({ ...midtermPlan(), title: { zh: "R&D投入规划", en: "R&D plan" } });
    await writeReportSheet(report(plan, 2023, { lang: "en" }));
    const layout = host.standin.workbook.pageLayout("2023 mid-term evaluation");
    expect(layout.headersFooters.defaultForAllPages.centerHeader).toBe(
      "R&&D plan: Mid-term evaluation of the main indicators, 2023",
    );
    expect(layout.headersFooters.defaultForAllPages.centerFooter).toBe("Page &P of &N");
  });

  it("never takes a sheet staff have: a new report gets the next free name", async () => {
    host.standin.workbook.addSheet(SHEET);
    host.standin.workbook.setCellInput(SHEET, "A1", "我的草稿");
    const result = await writeReportSheet(report(midtermPlan(), 2023));
    expect(result.sheetName).toBe(`${SHEET} (2)`);
    expect(host.standin.workbook.cell(SHEET, "A1").text).toBe("我的草稿");
  });
});

describe("writeReportSheet: regenerating for the same kind and year", () => {
  const host = useHost();

  it("replaces the report and keeps each indicator's 原因分析, matched by id when the rows reorder", async () => {
    const plan = midtermPlan();
    await writeReportSheet(report(plan, 2023));
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, "L14", "受市场需求影响，新认定企业少于预期"); // 高新技术企业数
    wb.setCellInput(SHEET, "L9", "研发投入统计口径调整"); // R&D intensity
    wb.setCellInput(SHEET, "J16", "人工改过的结论"); // a cell the add-in wrote: replaced
    // The plan changes: new figures, and the rows come in another order.
    const figures = {
      ...MIDTERM_FIGURES,
      HIGH_TECH_ENTERPRISES: { ...MIDTERM_FIGURES.HIGH_TECH_ENTERPRISES, "2023": 140 },
    };
    const changed = seedWith(figures, { HIGH_TECH_ENTERPRISES: { attribute: "binding" } });
    const reordered = planSchema.parse({ ...changed, indicators: [...changed.indicators].reverse() });
    const again = await writeReportSheet(report(reordered, 2023, { pathIndicatorId: "HIGH_TECH_ENTERPRISES" }));
    expect(again).toMatchObject({
      sheetName: SHEET,
      created: false,
      keptAnalysis: 2,
      keptCells: [],
      droppedAnalysis: [],
    });
    expect(wb.sheets().map((s) => s.name)).toEqual(["Sheet1", SHEET]);
    // Main rows now run 11 → 1: 高新技术企业数 (7th) on row 12, R&D intensity (2nd) on row 17.
    expect(wb.cell(SHEET, "M12").text).toBe("HIGH_TECH_ENTERPRISES");
    expect(wb.cell(SHEET, "L12").text).toBe("受市场需求影响，新认定企业少于预期");
    expect(wb.cell(SHEET, "G12").value).toBe(140);
    expect(wb.cell(SHEET, "J12").text).toBe("快于预期");
    expect(wb.cell(SHEET, "M17").text).toBe("RD_INTENSITY");
    expect(wb.cell(SHEET, "L17").text).toBe("研发投入统计口径调整");
    expect(wb.cell(SHEET, "E17").text).toBe("1.2"); // the revision is gone from the plan
    expect(wb.cell(SHEET, "L14").text).toBe(""); // another indicator's row now
    expect(wb.cell(SHEET, "M16").text).toBe("ENTERPRISE_RD_SHARE");
    expect(wb.cell(SHEET, "J16").text).toBe("滞后"); // the add-in's cell, replaced
    expect(again.analysis).toEqual(
      new Map([
        ["HIGH_TECH_ENTERPRISES", "受市场需求影响，新认定企业少于预期"],
        ["RD_INTENSITY", "研发投入统计口径调整"],
      ]),
    );
    expect(await readReportAnalysis("midterm", 2023)).toEqual(again.analysis);
    // Still two charts (the old ones replaced), the new figure in the path chart of the chosen indicator.
    expect(wb.charts(SHEET).map((c) => c.name)).toEqual([PROGRESS_CHART_NAME, PATH_CHART_NAME]);
    expect(wb.charts(SHEET)[1]!.series[0]!.values).toEqual([116, 120, 124, 140, null, null]);
  });

  it("never overwrites a cell the add-in did not write: kept where it is and reported", async () => {
    const few = planSchema.parse({ ...midtermPlan(), indicators: midtermPlan().indicators.slice(0, 5) });
    await writeReportSheet(report(few, 2023));
    const wb = host.standin.workbook;
    // Rows 8–12 the table, 13 blank, 14 注：
    expect(wb.cell(SHEET, "A14").text).toBe("注：");
    wb.setCellInput(SHEET, "N9", "旁注"); // beside the table, in a column the add-in leaves blank
    wb.setCellInput(SHEET, "C13", "=1+1"); // the blank row: where the full report's table will go
    wb.setCellInput(SHEET, "T40", "远处的笔记");
    const again = await writeReportSheet(report(midtermPlan(), 2023));
    expect(again.created).toBe(false);
    expect(wb.cell(SHEET, "N9").text).toBe("旁注");
    expect(wb.cell(SHEET, "C13")).toMatchObject({ input: "=1+1", value: 2 });
    expect(wb.cell(SHEET, "T40").text).toBe("远处的笔记");
    expect(again.keptCells).toEqual([{ address: "C13", text: "2" }]);
    // Everything else of the longer report is there.
    expect(wb.cell(SHEET, "B15").text).toBe("高技术产业营业收入占工业营业收入比重");
    expect(wb.cell(SHEET, "B18").text).toBe("省级以上企业技术中心、重点实验室、工程中心等");
  });

  it("says which 原因分析 texts have no row any more", async () => {
    await writeReportSheet(report(midtermPlan(), 2023));
    host.standin.workbook.setCellInput(SHEET, "L17", "孵化器建设进展顺利"); // 省级以上科技企业孵化器
    const fewer = planSchema.parse({
      ...midtermPlan(),
      indicators: midtermPlan().indicators.filter((i) => i.id !== "PROVINCIAL_INCUBATORS"),
    });
    const again = await writeReportSheet(report(fewer, 2023));
    expect(again.droppedAnalysis).toEqual([{ indicatorId: "PROVINCIAL_INCUBATORS", text: "孵化器建设进展顺利" }]);
    expect(host.standin.workbook.cell(SHEET, "M17").text).toBe("PROVINCIAL_RD_PLATFORMS");
    expect(host.standin.workbook.cell(SHEET, "L17").text).toBe("");
  });

  it("writes a new sheet when the report was rearranged by hand, and leaves the old one alone", async () => {
    await writeReportSheet(report(midtermPlan(), 2023));
    // Staff move the table: the hidden id header is no longer where the report put it.
    host.standin.workbook.setCellInput(SHEET, "M7", "编号");
    const again = await writeReportSheet(report(midtermPlan(), 2023));
    expect(again).toMatchObject({ created: true, previousLayoutChanged: true, sheetName: `${SHEET} (2)` });
    expect(host.standin.workbook.cell(SHEET, "M7").text).toBe("编号");
  });

  it("a report of another kind or year goes on its own sheet", async () => {
    await writeReportSheet(report(midtermPlan(), 2023));
    const annual = await writeReportSheet(report(midtermPlan(), 2022, { kind: "annual" }));
    expect(annual).toMatchObject({ sheetName: "2022年年度监测", created: true });
    expect(host.standin.workbook.sheets().map((s) => s.name)).toEqual(["Sheet1", SHEET, "2022年年度监测"]);
  });
});
