/**
 * Building a plan from a plan's indicator table as printed: the seed's own table (read from its
 * source text) gives back the seed's indicators exactly; each target form real plans print is read;
 * what cannot be read is listed with its text and blocks the plan until staff decide; and, for any
 * cell text at all, the reader never throws, never drops a named row, and never loses a target cell.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedPlan } from "../../src/core/seedPlan";
import {
  draftBlockers,
  guessKind,
  isEmptyCell,
  parsePlanTable,
  periodOf,
  planFromDrafts,
  readTableNotes,
  readTargetCell,
  splitIndicatorName,
  type IndicatorDraft,
  type TableImportResult,
  type TargetContext,
} from "../../src/core/planTableImport";

/** The seed's table as it would be selected in a sheet: tab-separated lines → rows of cells. */
function seedTableRows(): string[][] {
  const text = fs.readFileSync(path.resolve(__dirname, "../../seeds/source/zhangye-sti-14th-fyp-goals.txt"), "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("类型\t"));
  return lines.slice(start).map((l) => l.split("\t"));
}

function parsed(rows: unknown[][]): TableImportResult {
  const r = parsePlanTable(rows);
  if (!r.ok) throw new Error(r.message.en);
  return r;
}

const meta = {
  id: "imported",
  title: "导入的规划",
  issuer: "—",
  date: "2021-12-30",
  baseYear: 2020,
  targetYear: 2025,
};

describe("parsePlanTable: the seed's table", () => {
  const result = parsed(seedTableRows());

  it("finds the header, the period, the * year and the 11 indicators, with nothing to warn about", () => {
    expect(result.baseYear).toBe(2020);
    expect(result.targetYear).toBe(2025);
    expect(result.starYear).toBe(2019);
    expect(result.tableNote).toBe("注: *为2019年数据");
    expect(result.drafts).toHaveLength(11);
    expect(result.warnings).toEqual([]);
    expect(result.drafts.flatMap((d) => d.problems)).toEqual([]);
  });

  it("reads what the seed plan says for every indicator of its main table", () => {
    const main = seedPlan.indicators.slice(0, 11);
    result.drafts.forEach((d, i) => {
      const ind = main[i]!;
      expect(
        {
          number: d.number,
          name: d.name,
          unit: d.unit,
          category: d.category,
          kind: d.kind,
          direction: d.direction,
          figures: d.figures,
          baseline: d.baseline,
          baselineYear: d.baselineYear,
          target: d.target,
          attribute: d.attribute,
        },
        ind.id,
      ).toEqual({
        number: ind.number,
        name: ind.name.zh,
        unit: ind.unit.zh,
        category: ind.category.zh,
        kind: ind.kind,
        direction: ind.direction,
        figures: ind.figures,
        baseline: ind.baseline,
        baselineYear: ind.baselineYear,
        target: ind.target,
        attribute: ind.attribute,
      });
    });
  });

  it("keeps the original text of every cell it read, with its column's header", () => {
    const third = result.drafts[2]!;
    expect(third.cells.map((c) => [c.role, c.header, c.text])).toEqual([
      ["category", "类型", "投入指标"],
      ["number", "序号", "3"],
      ["name", "指标", "规模以上企业R&D投入占主营业务收入比重(%)"],
      ["baseline", "2020年", "3.3*"],
      ["targetYear", "2025年", "5.2"],
      ["attribute", "属性", "预期性"],
    ]);
    expect(third.targetText).toBe("5.2");
    expect(third.targetCell).toBe("targetYear");
  });

  it("makes a valid version 2 plan from the confirmed drafts; a wrong draft gets a message naming field and row", () => {
    const made = planFromDrafts(result.drafts, { ...meta, note: result.tableNote });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.plan.formatVersion).toBe(2);
    expect(made.notes).toEqual([]);
    expect(made.plan.source?.note).toBe("注: *为2019年数据");
    const broken = planFromDrafts(
      result.drafts.map((d, i) => (i === 4 ? { ...d, baselineYear: 2030 } : d)),
      meta,
    );
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.issues[0]?.row).toBe(5);
    expect(broken.issues[0]?.message.zh).toMatch(/第5行指标.*baselineYear|第5行指标.*基期年/);
  });
});

const ctx = (over: Partial<TargetContext> = {}): TargetContext => ({
  name: "指标",
  unit: "%",
  kind: "percent",
  baseline: null,
  column: "targetYear",
  ...over,
});
const inAverage = { column: "cumulative" as const, columnMeans: { average: true, total: true } };

describe("readTargetCell: every target form of real plan tables", () => {
  it("bounds: <5.5 kept from a baseline under it, >6.5 reached, 90以上, ≥8, 控制在…以内 kept, a bare number reached", () => {
    expect(readTargetCell("<5.5", ctx({ name: "城镇调查失业率", baseline: 5.2 }))).toMatchObject({
      state: "read",
      target: { kind: "level", value: 5.5, comparator: "<=", obligation: "keep" },
      direction: "down",
      figures: "level",
    });
    expect(readTargetCell(">6.5", ctx({ name: "粮食综合生产能力", unit: "亿吨", kind: "amount" }))).toMatchObject({
      target: { kind: "level", value: 6.5, comparator: ">=", obligation: "reach" },
    });
    expect(readTargetCell("90以上", ctx())).toMatchObject({ target: { value: 90, comparator: ">=" } });
    expect(readTargetCell("≥8", ctx({ unit: "亿亩" }))).toMatchObject({ target: { value: 8, comparator: ">=" } });
    expect(readTargetCell("控制在5.5%以内", ctx({ name: "失业率" }))).toMatchObject({
      target: { kind: "level", value: 5.5, comparator: "<=", obligation: "keep" },
    });
    expect(readTargetCell("不低于95", ctx())).toMatchObject({ target: { comparator: ">=", obligation: "keep" } });
    expect(readTargetCell("65", ctx({ baseline: 60.6 }))).toMatchObject({
      target: { kind: "level", value: 65, comparator: ">=", obligation: "reach" },
    });
    // A bare number on a lower-is-better indicator is a ceiling.
    expect(readTargetCell("0.01", ctx({ name: "生产安全事故死亡率", unit: "人/亿元" }))).toMatchObject({
      target: { comparator: "<=" },
      direction: "down",
    });
  });

  it("approximate: 15左右, 约18, 5%左右; a 左右 target the baseline already meets is kept", () => {
    expect(readTargetCell("15左右", ctx({ name: "地下水质量极差比例", baseline: 15.74 }))).toMatchObject({
      target: { kind: "level", value: 15, comparator: "<=", obligation: "keep", approximate: true },
    });
    expect(readTargetCell("约18", ctx())).toMatchObject({ target: { value: 18, approximate: true } });
    expect(readTargetCell("70左右", ctx({ baseline: 70.5 }))).toMatchObject({
      target: { value: 70, comparator: ">=", obligation: "keep", approximate: true },
    });
  });

  it("〔〕 totals: reductions with change figures, increases of a level with level figures, new areas with change figures", () => {
    expect(readTargetCell("〔13.5〕", ctx({ name: "单位GDP能源消耗降低", column: "cumulative" }))).toMatchObject({
      target: { kind: "cumulative", value: 13.5, mode: "reduction" },
      figures: "change",
      direction: "down",
    });
    expect(
      readTargetCell("〔1〕", ctx({ name: "人均预期寿命", unit: "岁", kind: "amount", ...inAverage })),
    ).toMatchObject({
      target: { kind: "cumulative", value: 1, mode: "increase" },
      figures: "level",
      direction: "up",
    });
    expect(readTargetCell("[20]", ctx({ name: "单位建设用地生产总值提升", ...inAverage }))).toMatchObject({
      target: { kind: "cumulative", value: 20, mode: "increase" },
      figures: "change",
    });
    expect(readTargetCell("［10］", ctx({ name: "新增水土流失治理面积", unit: "万平方公里" }))).toMatchObject({
      target: { kind: "cumulative", value: 10, mode: "increase" },
      figures: "change",
    });
    expect(readTargetCell("〔5〕", ctx({ name: "PM2.5浓度下降", unit: "微克/立方米" }))).toMatchObject({
      target: { mode: "decrease" },
    });
    expect(
      readTargetCell("[累计达到1000]", ctx({ name: "跨国公司地区总部数量", unit: "家", ...inAverage })),
    ).toMatchObject({
      target: { kind: "level", value: 1000, comparator: ">=", obligation: "reach" },
      figures: "level",
    });
  });

  it("年均: >7 on a growth rate is 年均增长 with rate figures; <5.5 in the same column on a level is a bound; a clause is kept", () => {
    expect(readTargetCell(">7", ctx({ name: "全社会研发经费投入增长", ...inAverage }))).toMatchObject({
      target: { kind: "annualGrowth", value: 7, comparator: ">=" },
      figures: "rate",
      clause: null,
    });
    expect(readTargetCell("5左右", ctx({ name: "全市生产总值年均增长率", ...inAverage }))).toMatchObject({
      target: { kind: "annualGrowth", value: 5, comparator: ">=", approximate: true },
    });
    const unemployment = readTargetCell("<5.5", ctx({ name: "城镇调查失业率", baseline: 5.2, ...inAverage }));
    expect(unemployment).toMatchObject({ target: { kind: "level", comparator: "<=", obligation: "keep" } });
    expect(unemployment.state === "read" && unemployment.notes[0]?.zh).toMatch(/不是增长率/);
    const withClause = readTargetCell(
      ">7、力争投入强度高于“十三五”时期实际",
      ctx({ name: "全社会研发经费投入增长", ...inAverage }),
    );
    expect(withClause).toMatchObject({
      state: "read",
      target: { kind: "annualGrowth", value: 7 },
      clause: "力争投入强度高于“十三五”时期实际",
      doubts: [],
    });
    // A clause with a number in it is kept, and said to be a note only.
    const numbered = readTargetCell("6以上、力争7", ctx({ name: "研发经费投入增长", ...inAverage }));
    expect(numbered).toMatchObject({ state: "read", clause: "力争7" });
    expect(numbered.state === "read" && numbered.doubts).toHaveLength(1);
    // A quantity with a growth target: the yearly figures are its levels.
    expect(readTargetCell("年均增长7%以上", ctx({ name: "研发经费", unit: "亿元", kind: "amount" }))).toMatchObject({
      target: { kind: "annualGrowth", value: 7 },
      figures: "level",
    });
  });

  it("thousands separators, U+2212 minus and the unit after the number are read", () => {
    expect(readTargetCell("2,800左右", ctx({ unit: "万亿元", kind: "amount" }))).toMatchObject({
      state: "read",
      target: { value: 2800, approximate: true },
      clause: null,
    });
    expect(readTargetCell("46亿吨标准煤以上", ctx({ unit: "亿吨标准煤", kind: "amount" }))).toMatchObject({
      target: { value: 46, comparator: ">=" },
    });
    expect(readTargetCell("≥−2", ctx())).toMatchObject({ target: { value: -2, comparator: ">=" } });
    expect(readTargetCell("−", ctx())).toEqual({ state: "none" });
  });

  it("提高6个百分点 is a rise in points over the period (level figures); 前3位 a rank", () => {
    expect(readTargetCell("提高6个百分点", ctx({ name: "3岁以下婴幼儿入托率", ...inAverage }))).toMatchObject({
      target: { kind: "cumulative", value: 6, mode: "increase" },
      figures: "level",
    });
    expect(
      readTargetCell("前3位", ctx({ name: "综合科技进步水平", unit: "", kind: "index", baseline: 3 })),
    ).toMatchObject({
      target: { kind: "level", value: 3, comparator: "<=", obligation: "keep" },
      kind: "rank",
      direction: "down",
    });
  });

  it("relative: 高于GDP增长 above, 与经济增长基本同步 / 与GDP增长基本同步 in step, with the words of the reference", () => {
    expect(readTargetCell("高于GDP增长", ctx({ name: "全员劳动生产率增长", ...inAverage }))).toEqual({
      state: "relative",
      relation: "above",
      referenceText: "GDP增长",
      figures: "rate",
    });
    expect(readTargetCell("与经济增长基本同步", ctx({ name: "居民人均可支配收入增长", ...inAverage }))).toMatchObject({
      state: "relative",
      relation: "inStep",
      referenceText: "经济增长",
    });
    expect(readTargetCell("与GDP增长基本同步", ctx({ name: "居民人均可支配收入增长" }))).toMatchObject({
      relation: "inStep",
      referenceText: "GDP增长",
    });
  });

  it("words are a text target kept as printed; numbers it cannot place are unread, never text", () => {
    expect(
      readTargetCell("保持在合理区间、各年度视情提出", ctx({ name: "国内生产总值增长", ...inAverage })),
    ).toMatchObject({
      state: "read",
      target: { kind: "text", text: { zh: "保持在合理区间、各年度视情提出" } },
      figures: "rate",
    });
    expect(readTargetCell("[确保完成国家要求]", ctx({ name: "单位生产总值能源消耗降低", ...inAverage }))).toMatchObject(
      {
        target: { kind: "text", text: { zh: "[确保完成国家要求]" } },
        figures: "change",
      },
    );
    for (const unreadable of [
      "[成片:五年累计约110 零星:五年累计约20]",
      "翻一番",
      "5-6",
      "〔<10〕",
      "7万",
      "分别达到2.5%、2%、1%",
    ])
      expect(readTargetCell(unreadable, ctx()), unreadable).toMatchObject({ state: "unread" });
    for (const empty of ["", "—", "-", "－", "/", "——", "  "])
      expect(readTargetCell(empty, ctx())).toEqual({ state: "none" });
  });
});

describe("names, units, notes and periods", () => {
  it("splits numbering, the unit in brackets and footnote marks off a name, keeping its printed characters", () => {
    expect(splitIndicatorName("1.国内生产总值（GDP）增长（%）")).toEqual({
      number: "1",
      name: "国内生产总值（GDP）增长",
      unit: "%",
      footnotes: [],
      starred: false,
    });
    expect(splitIndicatorName("（1）地表水达到或好于Ⅲ类水体比例（%）")).toMatchObject({
      number: "(1)",
      name: "地表水达到或好于Ⅲ类水体比例",
    });
    expect(splitIndicatorName("20.能源综合生产能力（亿吨标准煤）").unit).toBe("亿吨标准煤");
    expect(splitIndicatorName("近岸海域水质优良(一、二类)比例(%)")).toMatchObject({
      name: "近岸海域水质优良(一、二类)比例",
      unit: "%",
    });
    expect(splitIndicatorName("大气常规污染物年均浓度(PM2.5、PM10、SO2、NO2、O3、CO)").unit).toBe("");
    const notes = new Set(["1", "2", "3", "4"]);
    expect(splitIndicatorName("地级及以上城市2空气质量优良天数比率(%)", { footnoteNumbers: notes })).toMatchObject({
      name: "地级及以上城市空气质量优良天数比率",
      footnotes: ["2"],
    });
    expect(splitIndicatorName("重点地区重点行业挥发性有机物4", { footnoteNumbers: notes }).footnotes).toEqual(["4"]);
    // A quantity is not a footnote, and nor is a digit with no note of that number.
    expect(splitIndicatorName("12.每千人口拥有3岁以下婴幼儿托位数（个）", { footnoteNumbers: notes }).name).toBe(
      "每千人口拥有3岁以下婴幼儿托位数",
    );
    expect(splitIndicatorName("城市9空气", { footnoteNumbers: notes }).name).toBe("城市9空气");
    expect(splitIndicatorName("每万人口高价值发明专利拥有量[1]")).toMatchObject({
      name: "每万人口高价值发明专利拥有量",
      footnotes: ["1"],
    });
  });

  it("guesses the kind from the unit: 万张/万个/亿吨标准煤/岁/年 amounts, 人/件/个 counts unless per head, 位 rank", () => {
    expect(guessKind("万张", "养老床位")).toBe("amount");
    expect(guessKind("万个", "5G基站")).toBe("amount");
    expect(guessKind("亿吨标准煤", "能源综合生产能力")).toBe("amount");
    expect(guessKind("岁", "人均预期寿命")).toBe("amount");
    expect(guessKind("年", "平均受教育年限")).toBe("amount");
    expect(guessKind("人", "每千人口拥有执业医师数")).toBe("amount");
    expect(guessKind("人", "科技特派员")).toBe("count");
    expect(guessKind("件", "有效发明专利")).toBe("count");
    expect(guessKind("件", "万人高价值发明专利拥有量")).toBe("amount");
    expect(guessKind("万元/人", "全员劳动生产率")).toBe("amount");
    expect(guessKind("位", "综合科技进步水平")).toBe("rank");
    expect(guessKind("%", "城镇化率")).toBe("percent");
    expect(guessKind("", "生态环境状况指数")).toBe("index");
  });

  it("reads the note lines: the * year and numbered, circled and bracketed notes", () => {
    const national = readTableNotes([
      "注：①〔〕内为5年累计数。②带*的为2019年数据。③能源综合生产能力指煤炭、石油之和。",
    ]);
    expect(national.starYear).toBe(2019);
    expect([...national.footnotes]).toEqual([
      ["1", "〔〕内为5年累计数。"],
      ["2", "带*的为2019年数据。"],
      ["3", "能源综合生产能力指煤炭、石油之和。"],
    ]);
    const eco = readTableNotes([
      "注：1.〔〕内为五年累计数。2.空气质量评价覆盖全国338个城市。3.断面数量由972个增加到1940个。",
    ]);
    expect(eco.starYear).toBeNull();
    expect(eco.footnotes.get("3")).toBe("断面数量由972个增加到1940个。");
    expect(readTableNotes(["[1] 指每万人口居民拥有的发明专利数量。"]).footnotes.get("1")).toBe(
      "指每万人口居民拥有的发明专利数量。",
    );
    expect(readTableNotes(["注：带*的为2024年数据。"]).starYear).toBe(2024);
    expect(readTableNotes(["注: *为2019年数据"]).starYear).toBe(2019);
  });

  it("knows the plan periods by name", () => {
    expect(periodOf("“十四五”目标")).toEqual({ baseYear: 2020, targetYear: 2025 });
    expect(periodOf("“十五五”时期")).toEqual({ baseYear: 2025, targetYear: 2030 });
    expect(periodOf("十三五")).toEqual({ baseYear: 2015, targetYear: 2020 });
    expect(periodOf("2025年")).toBeNull();
  });
});

describe("parsePlanTable: nothing dropped or defaulted silently", () => {
  const header = ["类别", "指标", "2020年", "2025年", "年均/累计", "属性"];

  it("a blank 属性 is 未注明 (null), never 预期性; an unknown word is listed", () => {
    const r = parsed([
      header,
      ["经济", "城镇化率（%）", "60", "65", "—", ""],
      ["", "托位数（个）", "1", "2", "—", "重要"],
    ]);
    expect(r.drafts[0]!.attribute).toBeNull();
    expect(r.drafts[0]!.problems).toEqual([]);
    expect(r.drafts[1]!.attribute).toBeNull();
    expect(r.drafts[1]!.problems).toMatchObject([
      {
        field: "attribute",
        text: "重要",
        blocking: false,
        message: { zh: expect.stringMatching(/第3行“托位数”.*重要/) },
      },
    ]);
  });

  it("属性 printed as 约束性指标 or [预期性] is read", () => {
    const r = parsed([
      header,
      ["", "城镇化率（%）", "60", "65", "—", "约束性指标"],
      ["", "托位数（个）", "1", "2", "—", "[预期性]"],
    ]);
    expect(r.drafts.map((d) => [d.attribute, d.problems.length])).toEqual([
      ["binding", 0],
      ["expected", 0],
    ]);
  });

  it("a baseline printed — is unknown (null), never 0; one that is not a number is listed with its text", () => {
    const r = parsed([
      header,
      ["", "能耗降低（%）", "—", "—", "〔13.5〕", "约束性"],
      ["", "床位（张）", "约一千", "1200", "", "预期性"],
    ]);
    expect(r.drafts[0]).toMatchObject({ baseline: null, baselineYear: 2020, problems: [] });
    expect(r.drafts[1]!.baseline).toBeNull();
    expect(r.drafts[1]!.problems[0]).toMatchObject({ field: "baseline", text: "约一千", blocking: false });
  });

  it("a * baseline without a note line keeps its value, leaves the year empty and says so", () => {
    const r = parsed([header, ["", "森林覆盖率（%）", "23.2*", "24.1", "", "约束性"]]);
    expect(r.drafts[0]).toMatchObject({ baseline: 23.2, baselineYear: null });
    expect(r.drafts[0]!.problems[0]).toMatchObject({ field: "baseline", text: "23.2*", blocking: false });
    expect(r.warnings[0]!.zh).toMatch(/\*/);
  });

  it("an unread target blocks the plan with its text; staff marking it a text target, or choosing a value, unblocks it", () => {
    const r = parsed([
      header,
      ["", "改造面积（万平方米）", "—", "—", "[成片:五年累计约110 零星:五年累计约20]", "约束性"],
      ["", "城镇化率（%）", "60", "65", "—", "预期性"],
    ]);
    const d = r.drafts[0]!;
    expect(d.target).toBeNull();
    expect(d.problems).toMatchObject([
      { field: "target", header: "年均/累计", text: "[成片:五年累计约110 零星:五年累计约20]", blocking: true },
    ]);
    expect(d.problems[0]!.message.en).toMatch(/^Row 2 “改造面积”/);
    expect(draftBlockers(d, r.drafts)).toHaveLength(1);
    const refused = planFromDrafts(r.drafts, meta);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0]).toMatchObject({ row: 1, path: "indicators[0].target" });

    const asText: IndicatorDraft = {
      ...d,
      textByStaff: true,
      target: { kind: "text", text: { zh: d.targetText, en: d.targetText } },
    };
    expect(planFromDrafts([asText, r.drafts[1]!], meta).ok).toBe(true);
    // Not by anyone else: a text target put on an unread row without staff's mark is refused.
    expect(planFromDrafts([{ ...asText, textByStaff: false }, r.drafts[1]!], meta).ok).toBe(false);
    // Staff may also leave a row out on purpose.
    expect(planFromDrafts([{ ...d, excluded: true }, r.drafts[1]!], meta).ok).toBe(true);
  });

  it("a row with no target at all is unread too", () => {
    const r = parsed([header, ["", "城镇化率（%）", "60", "", "", "预期性"]]);
    expect(r.drafts[0]!.target).toBeNull();
    expect(r.drafts[0]!.problems[0]).toMatchObject({ field: "target", blocking: true });
  });

  it("a relative target finds its row by name (GDP增长, 经济增长); with no such row it blocks, and an excluded reference blocks", () => {
    const r = parsed([
      header,
      ["", "国内生产总值增长（%）", "2.3", "—", "保持在合理区间", "预期性"],
      ["", "劳动生产率增长（%）", "2.5", "—", "高于GDP增长", "预期性"],
      ["", "收入增长（%）", "2.1", "—", "高于全国平均水平", "预期性"],
    ]);
    expect(r.drafts[1]!.target).toEqual({
      kind: "relative",
      relation: "above",
      reference: "IND_01",
      text: { zh: "高于GDP增长", en: "高于GDP增长" },
    });
    expect(r.drafts[2]!.target).toBeNull();
    expect(r.drafts[2]!.relativeHint).toEqual({ relation: "above", referenceText: "全国平均水平" });
    expect(r.drafts[2]!.problems[0]).toMatchObject({ field: "reference", blocking: true });
    const withoutGdp = r.drafts.map((d, i) => (i === 0 ? { ...d, excluded: true } : d));
    expect(draftBlockers(withoutGdp[1]!, withoutGdp)[0]!.zh).toMatch(/对照指标/);
  });

  it("a two-row header with no base column takes the period from the plan's name and says baselines are unknown", () => {
    const r = parsed([
      ["序号", "指 标", "单位", "属性", "“十四五”目标", ""],
      ["", "", "", "", "2025年", "年均[累计]"],
      ["1", "全市生产总值年均增长率", "%", "预期性", "-", "5左右"],
      ["2", "在沪跨国公司地区总部数量", "家", "预期性", "-", "[累计达到1000]"],
    ]);
    expect([r.baseYear, r.targetYear]).toEqual([2020, 2025]);
    expect(r.warnings[0]!.zh).toMatch(/没有基期值列/);
    expect(r.drafts.map((d) => [d.baseline, d.baselineYear, d.targetCell])).toEqual([
      [null, null, "cumulative"],
      [null, null, "cumulative"],
    ]);
    expect(r.drafts[0]!.cells.find((c) => c.role === "cumulative")?.header).toBe("年均[累计]");
  });

  it("a title above the header, 基期值/目标值 headers without years and the plan's name give the period", () => {
    const r = parsed([
      ["表1 某市“十五五”规划主要指标"],
      ["序号", "指标名称", "单位", "基期值", "目标值", "指标属性"],
      ["一、经济发展"],
      ["1", "地区生产总值增长", "%", "5.5", "5左右", "预期性"],
      ["二、绿色低碳"],
      ["2", "单位地区生产总值能耗降低", "%", "—", "〔14〕", "约束性"],
    ]);
    expect([r.baseYear, r.targetYear, r.title]).toEqual([2025, 2030, "表1 某市“十五五”规划主要指标"]);
    expect(r.drafts.map((d) => [d.number, d.category, d.baselineYear])).toEqual([
      ["1", "一、经济发展", 2025],
      ["2", "二、绿色低碳", 2025],
    ]);
    // A growth rate's target in the target-year column: read as 年均, and said so.
    expect(r.drafts[0]!.target).toEqual({ kind: "annualGrowth", value: 5, comparator: ">=", approximate: true });
    expect(r.drafts[0]!.problems[0]).toMatchObject({ field: "target", blocking: false });
    expect(r.drafts[1]!.target).toEqual({ kind: "cumulative", value: 14, mode: "reduction" });
  });

  it("in-cell line breaks are joined (none between Chinese characters); extra year columns are listed", () => {
    const r = parsed([
      ["指标", "2020年", "2022年", "2025年", "属性"],
      ["全社会研发经费支出相当于\n全市生产总值比例（%）", "4.1", "4.4", "4.5左右", "预期性"],
    ]);
    expect(r.drafts[0]).toMatchObject({
      name: "全社会研发经费支出相当于全市生产总值比例",
      baseline: 4.1,
      baselineYear: 2020,
    });
    expect(r.drafts[0]!.cells.find((c) => c.role === "other")).toMatchObject({ header: "2022年", text: "4.4" });
    expect(r.warnings[0]!.zh).toMatch(/“2022年”列/);
  });

  it("rows that are not indicators are listed, never silently skipped; a missing header is explained", () => {
    const r = parsed([header, ["经济", "城镇化率（%）", "60", "65", "—", "预期性"], ["", "", "", "", "", "约束性"]]);
    expect(r.drafts).toHaveLength(1);
    expect(r.warnings.some((w) => w.zh.includes("第3行"))).toBe(true);
    const none = parsePlanTable([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.message.zh).toMatch(/表头/);
  });
});

describe("parsePlanTable: properties over any cell text", () => {
  const header = ["类别", "序号", "指标", "单位", "2020年", "2025年", "年均/累计", "属性"];
  const interesting = fc.constantFrom(
    "",
    "—",
    "-",
    "〔13.5〕",
    "[20]",
    ">7",
    "<5.5",
    "90以上",
    "15左右",
    "约18",
    "提高6个百分点",
    "高于GDP增长",
    "与经济增长基本同步",
    "保持在合理区间、各年度视情提出",
    ">7、力争投入强度高于“十三五”时期实际",
    "前3位",
    "77.3*",
    "注：①〔〕内为5年累计数。②带*的为2019年数据。",
    "[1]",
    "①",
    "*",
    "预期性",
    "约束性",
    "1.",
    "（1）",
    "%",
  );
  const cellText = fc.oneof(
    interesting,
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.string({
      unit: fc.constantFrom(
        ..."〔〕[]（）()<>≥≤约左右以上以下内%*—-、，,.0123456789注①高于同步提降低累计年均".split(""),
      ),
      maxLength: 10,
    }),
  );
  const bodyRow = fc.array(cellText, { minLength: 8, maxLength: 8 });

  it("never throws, keeps every named row (as a draft or a note line), and reads or lists every target cell", () => {
    fc.assert(
      fc.property(fc.array(bodyRow, { minLength: 1, maxLength: 8 }), (body) => {
        const rows = [header, ...body];
        let r: ReturnType<typeof parsePlanTable>;
        expect(() => (r = parsePlanTable(rows))).not.toThrow();
        r = parsePlanTable(rows);
        const named = body.map((row, i) => ({ row, index: i + 1 })).filter(({ row }) => row[2]!.trim() !== "");
        if (!r.ok) {
          // Only a table with no indicator rows at all is refused.
          expect(named.every(({ row }) => row.filter((c) => c.trim() !== "").length === 1)).toBe(true);
          return;
        }
        for (const { row, index } of named) {
          const draft = r.drafts.find((d) => d.row === index);
          if (!draft) {
            // A lone cell starting like a note line is kept in the table's note.
            expect(row.filter((c) => c.trim() !== "")).toHaveLength(1);
            expect(r.tableNote ?? "").toContain(row[2]!.trim());
            continue;
          }
          expect(draft.name.length).toBeGreaterThan(0);
        }
        for (const d of r.drafts) {
          const source = body[d.row - 1]!;
          for (const [column, cell] of [
            [5, "targetYear"],
            [6, "cumulative"],
          ] as const) {
            const text = source[column]!.trim();
            if (isEmptyCell(text)) continue;
            const used = d.targetCell === cell && d.targetText === text && d.target !== null;
            const second = d.secondary?.cell === cell && d.secondary.text === text;
            const listed = d.problems.some((p) => p.text === text && (p.field === "target" || p.field === "reference"));
            expect(used || second || listed, `${cell} “${text}” of row ${d.row}`).toBe(true);
            if (second) expect(d.note ?? "").toContain(text);
          }
          if (d.target === null) expect(d.problems.some((p) => p.blocking)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
