/**
 * The report document: the official table's cells in the plan's notation, the counts, the summary, the notes
 * and the chart data, from the one evaluation (summarizePlan) the pane and the sheet show.
 */
import { describe, expect, it } from "vitest";
import {
  buildReportDocument,
  defaultEvaluationKind,
  numberText,
  reportSheetBaseName,
  targetNotation,
} from "../../src/core/evaluationReport";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import { plan as planSchema, type PlanInput } from "../../src/core/planSchema";
import type { ReportDocument } from "../../src/core/reportDocument";
import { MIDTERM_FIGURES, seedPlan, seedWith } from "./reportPlans";

/** The seed plan at 2023 with a binding indicator that lags, a revised baseline and an adjusted target. */
function midtermPlan() {
  return seedWith(MIDTERM_FIGURES, {
    HIGH_TECH_ENTERPRISES: { attribute: "binding", leadUnit: "市科技局" },
    RD_INTENSITY: { baselineRevisions: [{ value: 1.25 }] },
    HIGH_TECH_REVENUE_SHARE: {
      targetAdjustments: [
        {
          target: { kind: "level", value: 3.5, comparator: ">=", obligation: "reach" },
          document: "张政办发〔2023〕12号",
          date: "2023-06-30",
        },
      ],
    },
  });
}

function midtermReport(lang: "zh" | "en", extra: Partial<Parameters<typeof buildReportDocument>[2]> = {}) {
  const plan = midtermPlan();
  return buildReportDocument(plan, summarizePlan(plan, { evaluationYear: 2023 }), {
    kind: "midterm",
    lang,
    generatedOn: "2026-11-30",
    analysis: new Map([["HIGH_TECH_ENTERPRISES", "受市场需求影响，新认定企业少于预期"]]),
    ...extra,
  });
}

function rowOf(doc: ReportDocument, id: string) {
  const row = doc.rows.find((r) => r.indicatorId === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

describe("buildReportDocument: the seed plan's 11 main indicators at a mid-term evaluation", () => {
  it("titles, dates and columns as official tables have them", () => {
    const doc = midtermReport("zh");
    expect(doc).toMatchObject({
      lang: "zh",
      kind: "midterm",
      evaluationYear: 2023,
      title: "张掖市“十四五”科技创新规划主要指标2023年中期评估",
      source: "《张掖市“十四五”科技创新规划》（张掖市人民政府办公室，2021-12-30）",
      generatedOn: "2026-11-30",
      dateText: "2026年11月30日",
    });
    expect(doc.columns.map((c) => c.header)).toEqual([
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
    ]);
    expect(doc.rows.map((r) => r.cells.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    // The supplementary goals are not in the main table.
    expect(doc.rows.some((r) => r.indicatorId === "HIGH_VALUE_PATENTS_TOTAL")).toBe(false);
    const en = midtermReport("en");
    expect(en.title).toBe(
      "Zhangye Science and Technology Innovation Plan for the 14th Five-Year Plan Period (2021–2025): Mid-term evaluation of the main indicators, 2023",
    );
    expect(en.dateText).toBe("30 November 2026");
    expect(en.columns[6]!.header).toBe("2023 actual");
  });

  it("a plan typed into Excel (no source document) is named by its title, the source said to be unstated", () => {
    const { source: _published, ...typed } = midtermPlan();
    const options = { kind: "annual" as const, generatedOn: "2026-11-30" };
    const summary = summarizePlan(typed, { evaluationYear: 2023 });
    expect(buildReportDocument(typed, summary, { ...options, lang: "zh" }).source).toBe(
      "《张掖市“十四五”科技创新规划》（来源未注明）",
    );
    expect(buildReportDocument(typed, summary, { ...options, lang: "en" }).source).toMatch(/\(source not stated\)$/);
  });

  it("counts by verdict, zero counts left out", () => {
    expect(midtermReport("zh").counts).toEqual([
      { verdict: "achieved", label: "提前实现", count: 1 },
      { verdict: "ahead", label: "快于预期", count: 1 },
      { verdict: "onTrack", label: "基本符合预期", count: 4 },
      { verdict: "lagging", label: "滞后", count: 3 },
      { verdict: "stale", label: "数据滞后", count: 1 },
      { verdict: "none", label: "无法评估", count: 1 },
    ]);
  });

  it("writes the summary paragraph in official phrasing, the binding indicator that lags named first", () => {
    expect(midtermReport("zh").summary).toEqual([
      "11项主要指标中，提前实现1项（每万名从业人员中R&D人员数），快于预期1项（技术市场合同成交额），基本符合预期4项（R&D经费支出与GDP比重、万人高价值发明专利拥有量、省级以上科技企业孵化器、省级以上企业技术中心、重点实验室、工程中心等），滞后3项（高新技术企业数、规模以上企业R&D投入占主营业务收入比重、高技术产业营业收入占工业营业收入比重）。其中，约束性指标高新技术企业数滞后。总体看，6项指标超过或达到规划序时进度要求。另有1项指标2023年数据尚未发布（新产品销售收入占企业主营业务收入比重）。还有1项指标暂无法评估（综合科技进步水平）。",
    ]);
    expect(midtermReport("en").summary).toEqual([
      "Of the 11 main indicators, 1 was achieved early (R&D personnel per 10,000 employed persons), 1 is ahead of schedule (Turnover of technology market contracts), 4 are broadly on track (R&D expenditure as a share of GDP, High-value invention patents per 10,000 population, Technology business incubators at provincial level or above, Enterprise technology centres, key laboratories, engineering centres and similar platforms at provincial level or above) and 3 are lagging (Number of high-tech enterprises, R&D spending of enterprises above designated size as a share of their main business revenue, High-tech industry revenue as a share of industrial revenue). Among them, the binding indicator Number of high-tech enterprises is lagging. In all, 6 indicators met or exceeded the time-based progress requirement. For 1 more indicator the 2023 figure has not been published yet (New-product sales as a share of enterprises' main business revenue). 1 more indicator cannot be assessed yet (Overall level of scientific and technological progress).",
    ]);
  });

  it("fills each cell: revised baseline with the published one, adjusted target with the original, stale figure with its year", () => {
    const doc = midtermReport("zh");
    expect(rowOf(doc, "RD_INTENSITY").cells).toEqual({
      number: "2",
      name: "R&D经费支出与GDP比重",
      attribute: "预期性",
      unit: "%",
      baseline: "1.25（原1.2）",
      target: "1.47",
      actual: "1.38",
      progress: "59.1%",
      timeProgress: "60.0%",
      verdict: "基本符合预期",
      leadUnit: "—",
      analysis: "",
    });
    expect(rowOf(doc, "HIGH_TECH_ENTERPRISES")).toMatchObject({
      binding: true,
      verdict: "lagging",
      cells: {
        attribute: "约束性",
        baseline: "116",
        target: "150",
        actual: "128",
        progress: "35.3%",
        timeProgress: "60.0%",
        verdict: "滞后",
        leadUnit: "市科技局",
        analysis: "受市场需求影响，新认定企业少于预期",
      },
    });
    expect(rowOf(doc, "HIGH_TECH_REVENUE_SHARE").cells).toMatchObject({
      target: "3.5（原3.29）",
      progress: "49.5%",
      verdict: "滞后",
    });
    expect(rowOf(doc, "NEW_PRODUCT_SALES_SHARE").cells).toMatchObject({
      baseline: "28.2*",
      actual: "28.6（2022年）",
      timeProgress: "66.7%",
      verdict: "数据滞后（2022年）",
    });
    expect(rowOf(doc, "NEW_PRODUCT_SALES_SHARE").verdict).toBe("stale");
    expect(rowOf(doc, "TECH_PROGRESS_RANK").cells).toMatchObject({
      baseline: "3",
      target: "前3位",
      actual: "—",
      progress: "—",
      verdict: "—（尚无实际值）",
    });
    expect(rowOf(doc, "TECH_PROGRESS_RANK").verdict).toBe("none");
    expect(rowOf(doc, "RD_PERSONNEL_PER_10K").cells).toMatchObject({ baseline: "32*", verdict: "提前实现" });
    const en = midtermReport("en");
    expect(rowOf(en, "RD_INTENSITY").cells.baseline).toBe("1.25 (published 1.2)");
    expect(rowOf(en, "HIGH_TECH_REVENUE_SHARE").cells.target).toBe("3.5 (originally 3.29)");
    expect(rowOf(en, "NEW_PRODUCT_SALES_SHARE").cells).toMatchObject({
      actual: "28.6 (2022)",
      verdict: "data stale (2022)",
    });
    expect(rowOf(en, "TECH_PROGRESS_RANK").cells).toMatchObject({
      target: "top 3",
      verdict: "— (No actual value yet)",
      attribute: "expected",
    });
  });

  it("keeps the number behind every figure, and its text is the cell's text", () => {
    const doc = midtermReport("zh");
    expect(rowOf(doc, "RD_INTENSITY").numbers).toEqual({
      baseline: { value: 1.25, decimals: 2, suffix: "（原1.2）" },
      target: { value: 1.47, decimals: 2 },
      actual: { value: 1.38, decimals: 2 },
      progress: { value: (1.38 - 1.25) / (1.47 - 1.25), decimals: 1, percent: true },
      timeProgress: { value: 0.6, decimals: 1, percent: true },
    });
    let checked = 0;
    for (const row of doc.rows) {
      for (const [key, n] of Object.entries(row.numbers ?? {})) {
        expect(numberText(n), `${row.indicatorId} ${key}`).toBe(row.cells[key as keyof typeof row.cells]);
        checked += 1;
      }
    }
    // 11 rows × 5 figures, less the rank indicator's actual and progress (no figure yet).
    expect(checked).toBe(53);
  });

  it("notes adjusted targets and revised baselines (未注明 where the plan does not say), other baseline years, stale rows and the method", () => {
    const doc = midtermReport("zh");
    expect(doc.notes.slice(0, 4)).toEqual([
      "“高技术产业营业收入占工业营业收入比重”目标值经批准由3.29调整为3.5（文号：张政办发〔2023〕12号；批准日期：2023-06-30；原因：未注明）。",
      "“R&D经费支出与GDP比重”基期值由公布的1.2修订为1.25（原因：未注明；来源：未注明；日期：未注明），完成进度按修订值计算。",
      "基期值带*的指标以2019年为基期：规模以上企业R&D投入占主营业务收入比重、每万名从业人员中R&D人员数、新产品销售收入占企业主营业务收入比重。",
      "以下指标2023年数据尚未发布，实际值为最新年份数据（括注年份），评估结论为数据滞后，不作进度判断：新产品销售收入占企业主营业务收入比重（2022年）。",
    ]);
    expect(doc.notes).toHaveLength(5);
    expect(doc.notes[4]).toMatch(/^完成进度 =（实际值 − 基期值）÷（目标值 − 基期值）/);
    expect(doc.notes[4]).toContain("预期性指标完成进度高于时间进度10个百分点以上为快于预期");
    const en = midtermReport("en");
    expect(en.notes[0]).toBe(
      "The target of “High-tech industry revenue as a share of industrial revenue” was adjusted from 3.29 to 3.5 (document: 张政办发〔2023〕12号; approved: 2023-06-30; reason: not stated).",
    );
  });

  it("gives the progress chart's fractions and the path chart of the binding indicator that lags", () => {
    const doc = midtermReport("zh");
    expect(doc.progressChart).toHaveLength(11);
    expect(doc.progressChart.find((b) => b.indicatorId === "HIGH_TECH_ENTERPRISES")).toEqual({
      indicatorId: "HIGH_TECH_ENTERPRISES",
      label: "高新技术企业数",
      progress: 12 / 34,
      timeProgress: 0.6,
      verdict: "lagging",
    });
    expect(doc.progressChart[0]).toEqual({
      indicatorId: "TECH_PROGRESS_RANK",
      label: "综合科技进步水平",
      progress: null,
      timeProgress: 0.6,
      verdict: "none",
    });
    expect(doc.pathChart).toEqual({
      indicatorId: "HIGH_TECH_ENTERPRISES",
      title: "高新技术企业数",
      unit: "家",
      points: [
        { year: 2020, actual: 116, planned: 116 },
        { year: 2021, actual: 120, planned: 122.8 },
        { year: 2022, actual: 124, planned: 129.6 },
        { year: 2023, actual: 128, planned: 136.4 },
        { year: 2024, actual: null, planned: 143.2 },
        { year: 2025, actual: null, planned: 150 },
      ],
      target: { year: 2025, value: 150, label: "150" },
    });
    const chosen = midtermReport("zh", { pathIndicatorId: "RD_INTENSITY" }).pathChart!;
    expect(chosen.indicatorId).toBe("RD_INTENSITY");
    expect(chosen.points.slice(0, 4)).toEqual([
      { year: 2020, actual: 1.25, planned: 1.25 },
      { year: 2021, actual: 1.25, planned: 1.294 },
      { year: 2022, actual: 1.31, planned: 1.338 },
      { year: 2023, actual: 1.38, planned: 1.382 },
    ]);
  });

  it("without a binding indicator that lags, charts the first indicator with figures; without figures, none", () => {
    const plan = seedWith(MIDTERM_FIGURES);
    const doc = buildReportDocument(plan, summarizePlan(plan, { evaluationYear: 2023 }), {
      kind: "annual",
      lang: "zh",
      generatedOn: "2026-11-30",
    });
    expect(doc.pathChart?.indicatorId).toBe("RD_INTENSITY");
    const empty = buildReportDocument(seedPlan, summarizePlan(seedPlan, { evaluationYear: 2023 }), {
      kind: "annual",
      lang: "zh",
      generatedOn: "2026-11-30",
    });
    expect(empty.pathChart).toBeNull();
    expect(empty.summary).toEqual([
      "11项主要指标中，11项指标暂无法评估（综合科技进步水平、R&D经费支出与GDP比重、规模以上企业R&D投入占主营业务收入比重、每万名从业人员中R&D人员数、万人高价值发明专利拥有量等）。",
    ]);
  });
});

describe("buildReportDocument: the final evaluation", () => {
  it("counts 已完成 / 未完成 at the target year", () => {
    const plan = seedWith({
      TECH_PROGRESS_RANK: { "2025": 2 },
      RD_INTENSITY: { "2025": 1.5 },
      ENTERPRISE_RD_SHARE: { "2025": 5 },
      RD_PERSONNEL_PER_10K: { "2025": 42 },
      HIGH_VALUE_PATENTS_PER_10K: { "2025": 0.85 },
      TECH_CONTRACT_TURNOVER: { "2025": 40 },
      HIGH_TECH_ENTERPRISES: { "2025": 148 },
      HIGH_TECH_REVENUE_SHARE: { "2025": 3.3 },
      NEW_PRODUCT_SALES_SHARE: { "2024": 29.5 },
      PROVINCIAL_INCUBATORS: { "2025": 10 },
      PROVINCIAL_RD_PLATFORMS: { "2025": 30 },
    });
    const summary = summarizePlan(plan, { evaluationYear: 2025 });
    const zh = buildReportDocument(plan, summary, { kind: "final", lang: "zh", generatedOn: "2026-03-01" });
    expect(zh.title).toBe("张掖市“十四五”科技创新规划主要指标2025年总结评估");
    expect(zh.summary).toEqual([
      "11项主要指标中，8项已完成（综合科技进步水平、R&D经费支出与GDP比重、每万名从业人员中R&D人员数、万人高价值发明专利拥有量、技术市场合同成交额等），2项未完成（规模以上企业R&D投入占主营业务收入比重、高新技术企业数）。另有1项指标2025年数据尚未发布（新产品销售收入占企业主营业务收入比重）。",
    ]);
    expect(zh.counts).toEqual([
      { verdict: "achieved", label: "已完成", count: 8 },
      { verdict: "missed", label: "未完成", count: 2 },
      { verdict: "stale", label: "数据滞后", count: 1 },
    ]);
    expect(rowOf(zh, "RD_INTENSITY").cells.verdict).toBe("已完成");
    expect(rowOf(zh, "TECH_PROGRESS_RANK").cells).toMatchObject({ actual: "2", verdict: "已完成" });
    const en = buildReportDocument(plan, summary, { kind: "final", lang: "en", generatedOn: "2026-03-01" });
    expect(en.summary).toEqual([
      "Of the 11 main indicators, 8 have been achieved (Overall level of scientific and technological progress, R&D expenditure as a share of GDP, R&D personnel per 10,000 employed persons, High-value invention patents per 10,000 population, Turnover of technology market contracts and 3 others) and 2 were missed (R&D spending of enterprises above designated size as a share of their main business revenue, Number of high-tech enterprises). For 1 more indicator the 2025 figure has not been published yet (New-product sales as a share of enterprises' main business revenue).",
    ]);
    expect(en.dateText).toBe("1 March 2026");
  });
});

/** A small plan with every target notation. */
function notationPlan() {
  const common = {
    category: { zh: "类", en: "Group" },
    unit: { zh: "%", en: "%" },
    kind: "percent" as const,
    direction: "up" as const,
    baselineYear: 2020,
  };
  const indicators: PlanInput["indicators"] = [
    {
      ...common,
      id: "GDP",
      name: { zh: "地区生产总值增长", en: "GDP growth" },
      kind: "index",
      figures: "rate",
      baseline: 100,
      target: { kind: "annualGrowth", value: 7, comparator: ">=" },
      attribute: "expected",
      actuals: { "2021": { value: 8 }, "2022": { value: 6 } },
    },
    {
      ...common,
      id: "ENERGY",
      name: { zh: "单位GDP能耗降低", en: "Energy intensity reduction" },
      figures: "change",
      direction: "down",
      baseline: null,
      target: { kind: "cumulative", value: 13.5, mode: "reduction" },
      attribute: "binding",
      actuals: { "2021": { value: 2.7 }, "2022": { value: 0.1 } },
    },
    {
      ...common,
      id: "UNEMPLOYMENT",
      name: { zh: "城镇调查失业率", en: "Surveyed urban unemployment" },
      direction: "down",
      baseline: 5.2,
      target: { kind: "level", value: 5.5, comparator: "<=", obligation: "keep" },
      attribute: "expected",
      actuals: { "2022": { value: 5.6 } },
    },
    {
      ...common,
      id: "RD",
      name: { zh: "研发投入强度", en: "R&D intensity" },
      baseline: 1.2,
      target: { kind: "level", value: 1.47, comparator: ">=", obligation: "reach", approximate: true },
      attribute: null,
      actuals: { "2022": { value: 1.3 } },
    },
    {
      ...common,
      id: "INCOME",
      name: { zh: "居民人均可支配收入增长", en: "Disposable income growth" },
      figures: "rate",
      baseline: 100,
      target: {
        kind: "relative",
        relation: "inStep",
        reference: "GDP",
        text: { zh: "与经济增长基本同步", en: "in step with GDP" },
      },
      attribute: "expected",
      actuals: { "2021": { value: 9 }, "2022": { value: 5 } },
    },
    {
      ...common,
      id: "QUALITY",
      name: { zh: "科技进步贡献率", en: "Contribution of S&T progress" },
      baseline: null,
      target: { kind: "text", text: { zh: "明显提升", en: "rise markedly" } },
      attribute: "expected",
      actuals: {},
      override: { status: "onTrack", note: "专家评议" },
    },
  ];
  return planSchema.parse({ ...seedPlan, id: "notation", indicators });
}

describe("buildReportDocument: targets in the plan's notation", () => {
  const plan = notationPlan();
  const summary = summarizePlan(plan, { evaluationYear: 2022 });
  const zh = buildReportDocument(plan, summary, { kind: "annual", lang: "zh", generatedOn: "2023-05-01" });
  const en = buildReportDocument(plan, summary, { kind: "annual", lang: "en", generatedOn: "2023-05-01" });

  it("〔13.5〕, 年均增长7%, ≤5.5, 1.47左右, relative and text targets as printed", () => {
    expect(zh.rows.map((r) => r.cells.target)).toEqual([
      "年均增长7%",
      "〔13.5〕",
      "≤5.5",
      "1.47左右",
      "与经济增长基本同步",
      "明显提升",
    ]);
    expect(en.rows.map((r) => r.cells.target)).toEqual([
      "+7% a year",
      "〔13.5〕",
      "≤5.5",
      "~1.47",
      "in step with GDP",
      "rise markedly",
    ]);
    expect(zh.rows.map((r) => r.cells.attribute)).toEqual(["预期性", "约束性", "预期性", "未注明", "预期性", "预期性"]);
  });

  it("shows what is compared: the realised average growth, the 〔〕 total so far, the figure", () => {
    const gdp = rowOf(zh, "GDP");
    // (1.08 × 1.06)^(1/2) − 1 = 6.995 %
    expect(gdp.cells.actual).toBe("年均7.00%");
    expect(gdp.numbers?.actual).toMatchObject({ decimals: 2, prefix: "年均", suffix: "%" });
    expect(gdp.numbers?.actual?.value).toBeCloseTo((Math.sqrt(1.08 * 1.06) - 1) * 100, 10);
    expect(rowOf(en, "GDP").cells.actual).toBe("7.00% a year");
    // 1 − (1 − 0.027)(1 − 0.001) = 2.7973 %
    expect(rowOf(zh, "ENERGY").cells).toMatchObject({ baseline: "—", actual: "〔2.80〕", progress: "20.7%" });
    expect(rowOf(zh, "UNEMPLOYMENT").cells).toMatchObject({ actual: "5.6", progress: "—", verdict: "滞后" });
    expect(rowOf(zh, "QUALITY").cells).toMatchObject({
      actual: "—",
      timeProgress: "—",
      verdict: "基本符合预期（人工判定：专家评议）",
    });
    expect(rowOf(en, "QUALITY").cells.verdict).toBe("on track (manual verdict: 专家评议)");
  });

  it("notes an attribute the plan does not state and manual verdicts", () => {
    expect(zh.notes).toContain("规划未注明属性的指标按预期性指标评估：研发投入强度。");
    expect(zh.notes).toContain("评估结论注明“人工判定”的，为有关部门根据实际情况作出的判断，括注其理由。");
  });

  it("charts a supplementary goal with its own target year (2035) toward that year", () => {
    const withGoal = seedWith(
      { HIGH_VALUE_PATENTS_TOTAL: { "2022": 60 } },
      { HIGH_VALUE_PATENTS_TOTAL: { targetYear: 2035 } },
    );
    const chart = buildReportDocument(withGoal, summarizePlan(withGoal, { evaluationYear: 2023 }), {
      kind: "annual",
      lang: "zh",
      generatedOn: "2023-05-01",
      includeSupplementary: true,
      pathIndicatorId: "HIGH_VALUE_PATENTS_TOTAL",
    }).pathChart!;
    expect(chart.indicatorId).toBe("HIGH_VALUE_PATENTS_TOTAL");
    expect(chart.target).toMatchObject({ year: 2035, value: 100 });
    expect(chart.points[chart.points.length - 1]!.year).toBe(2035);
  });

  it("charts a 〔〕 total as the total so far against its planned share, and yearly rates against the target rate", () => {
    const energy = buildReportDocument(plan, summary, {
      kind: "annual",
      lang: "zh",
      generatedOn: "2023-05-01",
      pathIndicatorId: "ENERGY",
    }).pathChart!;
    expect(energy.points).toEqual([
      { year: 2020, actual: 0, planned: 0 },
      { year: 2021, actual: 2.7, planned: 2.7 },
      { year: 2022, actual: 2.7973, planned: 5.4 },
      { year: 2023, actual: null, planned: 8.1 },
      { year: 2024, actual: null, planned: 10.8 },
      { year: 2025, actual: null, planned: 13.5 },
    ]);
    expect(energy.target).toEqual({ year: 2025, value: 13.5, label: "〔13.5〕" });
    const gdp = buildReportDocument(plan, summary, {
      kind: "annual",
      lang: "en",
      generatedOn: "2023-05-01",
      pathIndicatorId: "GDP",
    }).pathChart!;
    expect(gdp.points.slice(0, 3)).toEqual([
      { year: 2020, actual: null, planned: null },
      { year: 2021, actual: 8, planned: 7 },
      { year: 2022, actual: 6, planned: 7 },
    ]);
    expect(gdp.target?.label).toBe("+7% a year");
    // The binding 〔〕 target is behind its time line (20.7 % of the total at 40 % of the time): the default.
    expect(zh.pathChart?.indicatorId).toBe("ENERGY");
  });

  it("targetNotation: a rank, a ceiling on growth, an approximate 〔〕 total", () => {
    const ind = plan.indicators[0]!;
    expect(
      targetNotation({ ...ind, kind: "rank" }, { kind: "level", value: 3, comparator: "<=", obligation: "keep" }, "zh")
        .text,
    ).toBe("前3位");
    expect(targetNotation(ind, { kind: "annualGrowth", value: 6.5, comparator: "<=" }, "zh").text).toBe(
      "年均增长≤6.5%",
    );
    expect(
      targetNotation(ind, { kind: "annualGrowth", value: 6, comparator: ">=", approximate: true }, "zh").text,
    ).toBe("年均增长6%左右");
    expect(
      targetNotation(ind, { kind: "cumulative", value: 18, mode: "reduction", approximate: true }, "zh").text,
    ).toBe("〔约18〕");
  });
});

describe("buildReportDocument: rows that cannot be read", () => {
  it("says 待修正 with the cell and counts it as not assessed", () => {
    const plan = seedWith(MIDTERM_FIGURES);
    const blocked = new Map([["RD_INTENSITY", { header: "2023", text: "1.3８x" }]]);
    const summary = summarizePlan(plan, { evaluationYear: 2023, blocked });
    const doc = buildReportDocument(plan, summary, { kind: "annual", lang: "zh", generatedOn: "2024-01-05" });
    expect(rowOf(doc, "RD_INTENSITY")).toMatchObject({ verdict: "none", cells: { verdict: "待修正（2023：1.3８x）" } });
    expect(doc.summary[0]).toContain("还有1项指标数据待修正（R&D经费支出与GDP比重）。");
  });
});

describe("defaultEvaluationKind and the sheet name", () => {
  it("the target year is 总结评估, the middle years 中期评估, others 年度监测", () => {
    const fiveYears = { baseYear: 2020, targetYear: 2025 };
    expect([2021, 2022, 2023, 2024, 2025, 2026].map((y) => defaultEvaluationKind(fiveYears, y))).toEqual([
      "annual",
      "midterm",
      "midterm",
      "annual",
      "final",
      "final",
    ]);
    const tenYears = { baseYear: 2020, targetYear: 2030 };
    expect([2023, 2024, 2025, 2026, 2027].map((y) => defaultEvaluationKind(tenYears, y))).toEqual([
      "annual",
      "midterm",
      "midterm",
      "midterm",
      "annual",
    ]);
    expect(reportSheetBaseName("final", 2025, "zh")).toBe("2025年总结评估");
    expect(reportSheetBaseName("midterm", 2023, "en")).toBe("2023 mid-term evaluation");
  });
});

describe("buildReportDocument at 1,000 indicators", () => {
  it("builds every row, caps the names in the summary, and stays fast", () => {
    const indicators = Array.from({ length: 1000 }, (_, i) => ({
      id: `IND_${i + 1}`,
      category: { zh: "类", en: "Group" },
      name: { zh: `指标${i + 1}`, en: `Indicator ${i + 1}` },
      unit: { zh: "个", en: "units" },
      kind: "count" as const,
      direction: "up" as const,
      baseline: 100,
      baselineYear: 2020,
      target: { kind: "level" as const, value: 200, comparator: ">=" as const, obligation: "reach" as const },
      attribute: i % 3 === 0 ? ("binding" as const) : ("expected" as const),
      actuals: { "2023": { value: 100 + (i % 100) } },
    }));
    const plan = planSchema.parse({ ...seedPlan, id: "big", indicators });
    const started = performance.now();
    const doc = buildReportDocument(plan, summarizePlan(plan, { evaluationYear: 2023 }), {
      kind: "midterm",
      lang: "zh",
      generatedOn: "2024-01-05",
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(doc.rows).toHaveLength(1000);
    expect(doc.progressChart).toHaveLength(1000);
    expect(doc.summary[0]!.length).toBeLessThan(400);
    expect(doc.summary[0]).toMatch(/^1000项主要指标中，快于预期\d+项（指标\d+、/);
    expect(doc.summary[0]).toContain("其中，约束性指标指标1、指标4、指标7、指标10、指标13等滞后。");
  });
});
