/**
 * Building a plan from a plan's indicator table pasted into a sheet: the seed's own table (read
 * from its source text) gives back the seed's kinds, directions, baselines, baseline years and
 * targets; the target forms real plans use are recognised.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedPlan } from "../../src/core/seedPlan";
import {
  guessKind,
  guessTarget,
  parsePlanTable,
  planFromDrafts,
  splitNameUnit,
  starYear,
} from "../../src/core/planTableImport";

/** The seed's table as it would be selected in a sheet: tab-separated lines → rows of cells. */
function seedTableRows(): string[][] {
  const text = fs.readFileSync(path.resolve(__dirname, "../../seeds/source/zhangye-sti-14th-fyp-goals.txt"), "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("类型\t"));
  return lines.slice(start).map((l) => l.split("\t"));
}

describe("parsePlanTable: the seed's table", () => {
  const result = parsePlanTable(seedTableRows());

  it("finds the header, the period and the 11 indicators", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.baseYear).toBe(2020);
    expect(result.targetYear).toBe(2025);
    expect(result.drafts).toHaveLength(11);
    expect(result.warnings).toEqual([]);
  });

  it("guesses what the seed plan says for every indicator of its main table", () => {
    if (!result.ok) throw new Error("not parsed");
    const main = seedPlan.indicators.slice(0, 11);
    result.drafts.forEach((d, i) => {
      const ind = main[i]!;
      expect({ name: d.name, unit: d.unit, category: d.category }, ind.id).toEqual({
        name: ind.name.zh,
        unit: ind.unit.zh,
        category: ind.category.zh,
      });
      expect(
        { kind: d.kind, direction: d.direction, baseline: d.baseline, baselineYear: d.baselineYear, target: d.target },
        ind.id,
      ).toEqual({
        kind: ind.kind,
        direction: ind.direction,
        baseline: ind.baseline,
        baselineYear: ind.baselineYear,
        target: ind.target,
      });
      expect(d.attribute).toBe(ind.attribute);
    });
  });

  it("makes a valid plan from the confirmed drafts; a wrong draft gets a message naming field and row", () => {
    if (!result.ok) throw new Error("not parsed");
    const meta = {
      id: "zhangye-import",
      title: "张掖市科技创新主要指标",
      issuer: "张掖市",
      date: "2021-12-30",
      baseYear: 2020,
      targetYear: 2025,
    };
    const made = planFromDrafts(result.drafts, meta);
    expect(made.ok).toBe(true);
    const broken = planFromDrafts(
      result.drafts.map((d, i) => (i === 4 ? { ...d, baselineYear: 2030 } : d)),
      meta,
    );
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.issues[0]?.row).toBe(5);
    expect(broken.issues[0]?.message.zh).toMatch(/第5行指标.*baselineYear/);
  });
});

describe("parsePlanTable: target forms and guesses", () => {
  it("reads <5.5, 15左右, 〔13.5〕 reductions and increases, 前3位, >7 (年均), 提高6个百分点 and words", () => {
    expect(guessTarget("<5.5", "城镇调查失业率", "percent", "down").target).toEqual({
      kind: "level",
      value: 5.5,
      comparator: "<=",
    });
    expect(guessTarget("15左右", "研发人员", "count", "up").target).toEqual({
      kind: "level",
      value: 15,
      comparator: "~",
    });
    expect(guessTarget("〔13.5〕", "单位GDP能耗降低(%)", "percent", "down")).toMatchObject({
      target: { kind: "cumulative", value: 13.5, mode: "reduction" },
      direction: "up",
    });
    expect(guessTarget("〔1〕", "人均预期寿命提高(岁)", "amount", "up").target).toEqual({
      kind: "cumulative",
      value: 1,
      mode: "increase",
    });
    expect(guessTarget("前3位", "综合科技进步水平", "index", "up")).toEqual({
      target: { kind: "level", value: 3, comparator: "<=" },
      kind: "rank",
      direction: "down",
    });
    expect(guessTarget(">7（年均）", "全社会研发经费投入增长(%)", "percent", "up").target).toEqual({
      kind: "annualGrowth",
      value: 7,
    });
    expect(guessTarget(">7", "研发经费投入年均增长(%)", "percent", "up").target).toEqual({
      kind: "annualGrowth",
      value: 7,
    });
    expect(guessTarget("＞80", "优良天数比例", "percent", "up").target).toEqual({
      kind: "level",
      value: 80,
      comparator: ">=",
    });
    expect(guessTarget("提高6个百分点", "常住人口城镇化率", "percent", "up").target).toEqual({
      kind: "cumulative",
      value: 6,
      mode: "increase",
    });
    expect(guessTarget("保持在合理区间", "居民消费价格涨幅", "percent", "up").target).toEqual({
      kind: "text",
      text: { zh: "保持在合理区间", en: "保持在合理区间" },
    });
  });

  it("guesses the kind from the unit: 位 rank, % percent, 家/个/件 counts, per-head ratios amounts", () => {
    expect(guessKind("位", "综合科技进步水平")).toBe("rank");
    expect(guessKind("%", "R&D经费支出与GDP比重")).toBe("percent");
    expect(guessKind("家", "高新技术企业数")).toBe("count");
    expect(guessKind("件", "有效发明专利")).toBe("count");
    expect(guessKind("件", "万人高价值发明专利拥有量")).toBe("amount");
    expect(guessKind("亿元", "技术市场合同成交额")).toBe("amount");
    expect(guessKind("", "指数")).toBe("index");
  });

  it("splits the unit from the name in either kind of bracket and reads the * note year", () => {
    expect(splitNameUnit("高新技术企业数（家）")).toEqual({ name: "高新技术企业数", unit: "家" });
    expect(splitNameUnit("指数")).toEqual({ name: "指数", unit: "" });
    expect(starYear([["注：带*指标为 2019 年数据"]])).toBe(2019);
    expect(starYear([["no note"]])).toBeNull();
  });

  it("warns when baselines carry * but no note says the year, and explains a table it cannot find", () => {
    const rows = [
      ["类型", "序号", "指标", "2020年", "2025年", "属性"],
      ["综合", "1", "失业率(%)", "5.2*", "<5.5", "约束性"],
    ];
    const r = parsePlanTable(rows);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.drafts[0]).toMatchObject({ baselineYear: 2019, attribute: "binding", direction: "down", kind: "percent" });
    expect(r.warnings[0]?.zh).toMatch(/2019/);
    const none = parsePlanTable([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.message.zh).toMatch(/表头/);
  });
});
