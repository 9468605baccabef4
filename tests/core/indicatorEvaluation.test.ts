import { describe, expect, it } from "vitest";
import { evaluateIndicator, latestActual, summarizePlan } from "../../src/core/indicatorEvaluation";
import { indicator, makePlan, only, seedRows, withActuals } from "./fixtures";

function num(r: { ok: true; value: number } | { ok: false } | null): number {
  if (!r || !r.ok) throw new Error(`expected a number, got ${JSON.stringify(r)}`);
  return r.value;
}

describe("latestActual", () => {
  it("is the last year that has a value, whatever the key order", () => {
    const p = makePlan([withActuals(seedRows.rdIntensity, { "2023": 1.4, "2021": 1.25, "2022": 1.3 })]);
    expect(latestActual(only(p, "RD_INTENSITY"))).toEqual({ year: 2023, value: 1.4 });
  });
  it("is null with no figures", () => {
    expect(latestActual(only(makePlan([seedRows.rdIntensity]), "RD_INTENSITY"))).toBeNull();
  });
});

describe("evaluateIndicator — level targets", () => {
  it("R&D intensity 1.335 in 2022: half done at 40 % of the time → 快于预期", () => {
    const p = makePlan([withActuals(seedRows.rdIntensity, { "2021": 1.25, "2022": 1.335 })]);
    const e = evaluateIndicator(p, only(p, "RD_INTENSITY"));
    expect(e.latest).toEqual({ year: 2022, value: 1.335 });
    expect(e.percentagePoints).toBe(true);
    expect(e.yearsLeft).toBe(3);
    expect(num(e.gap)).toBeCloseTo(0.135, 12);
    expect(num(e.requiredStep)).toBeCloseTo(0.045, 12);
    expect(num(e.requiredGrowth)).toBeCloseTo(Math.pow(1.47 / 1.335, 1 / 3) - 1, 12);
    expect(num(e.progress)).toBeCloseTo(0.5, 12);
    expect(num(e.timeProgress)).toBeCloseTo(0.4, 12);
    expect(num(e.expected)).toBeCloseTo(1.308, 12);
    expect(e.status).toEqual({ code: "ahead", label: { zh: "快于预期", en: "ahead" }, source: "computed" });
    expect(e.behindTimeLine).toBe(false);
    expect(e.statusReason).toBeNull();
  });

  it("enterprise R&D share uses its own 2019 baseline: in 2023 time progress is 4/6", () => {
    const p = makePlan([withActuals(seedRows.enterpriseRd, { "2023": 4.2 })]);
    const e = evaluateIndicator(p, only(p, "ENTERPRISE_RD_SHARE"));
    expect(num(e.timeProgress)).toBeCloseTo(4 / 6, 12);
    expect(num(e.progress)).toBeCloseTo(0.9 / 1.9, 12);
    // 0.4737 ≥ 0.6667 − 0.1? no → lagging.
    expect(e.status?.code).toBe("lagging");
    expect(e.behindTimeLine).toBe(true);
  });

  it("a supplementary goal with its own target year (2035) is evaluated toward that year, as its 目标年 cell is by the PLAN functions", () => {
    const goal = { ...withActuals(seedRows.hiTechFirms, { "2023": 133 }), supplementary: true, targetYear: 2035 };
    const p = makePlan([goal]);
    const e = evaluateIndicator(p, only(p, "HIGH_TECH_FIRMS"));
    expect(e.targetYear).toBe(2035);
    expect(e.yearsLeft).toBe(12);
    expect(num(e.timeProgress)).toBeCloseTo(3 / 15, 12);
  });

  it("on-track rows below the time line are flagged for amber", () => {
    const p = makePlan([withActuals(seedRows.hiTechFirms, { "2023": 133 })]);
    const e = evaluateIndicator(p, only(p, "HIGH_TECH_FIRMS"));
    expect(e.status?.code).toBe("onTrack");
    expect(e.behindTimeLine).toBe(true);
    expect(e.percentagePoints).toBe(false);
  });

  it("achieved before 2025 reads 提前实现; in 2025 已完成; short in 2025 未完成", () => {
    const early = makePlan([withActuals(seedRows.hiTechFirms, { "2024": 151 })]);
    expect(evaluateIndicator(early, only(early, "HIGH_TECH_FIRMS")).status?.label).toEqual({
      zh: "提前实现",
      en: "achieved early",
    });
    const onTime = makePlan([withActuals(seedRows.hiTechFirms, { "2025": 150 })]);
    const e = evaluateIndicator(onTime, only(onTime, "HIGH_TECH_FIRMS"));
    expect(e.status?.label.zh).toBe("已完成");
    expect(e.requiredGrowth).toBeNull();
    expect(e.requiredStep).toBeNull();
    const missed = makePlan([withActuals(seedRows.hiTechFirms, { "2025": 149 })]);
    expect(evaluateIndicator(missed, only(missed, "HIGH_TECH_FIRMS")).status?.label.zh).toBe("未完成");
  });

  it("rank 3 → 3 is a bound to keep: held is 基本符合预期, rank 4 is 滞后, and ranks have no growth rate", () => {
    const kept = makePlan([withActuals(seedRows.rank, { "2022": 3 })]);
    const k = evaluateIndicator(kept, only(kept, "TECH_PROGRESS_RANK"));
    expect(k.obligation).toBe("keep");
    expect(k.held).toBe(true);
    expect(k.status?.code).toBe("onTrack");
    expect(k.status?.label.zh).toBe("基本符合预期");
    expect(k.progress).toBeNull();
    expect(k.requiredGrowth).toBeNull();
    expect(num(k.gap)).toBe(0);
    const lost = makePlan([withActuals(seedRows.rank, { "2022": 4 })]);
    const l = evaluateIndicator(lost, only(lost, "TECH_PROGRESS_RANK"));
    expect(l.status?.code).toBe("lagging");
    expect(num(l.gap)).toBe(1);
    expect(num(l.requiredStep)).toBeCloseTo(-1 / 3, 12);
  });

  it("binding (约束性) rows get no tolerance; the same figures are on track when 预期性", () => {
    const row = withActuals(seedRows.hiTechFirms, { "2022": 128 });
    const expected = makePlan([row]);
    const binding = makePlan([{ ...row, attribute: "binding" }]);
    expect(evaluateIndicator(expected, only(expected, "HIGH_TECH_FIRMS")).status?.code).toBe("onTrack");
    expect(evaluateIndicator(binding, only(binding, "HIGH_TECH_FIRMS")).status?.code).toBe("lagging");
  });

  it("a custom tolerance is passed through", () => {
    const p = makePlan([withActuals(seedRows.hiTechFirms, { "2022": 128 })]);
    expect(evaluateIndicator(p, only(p, "HIGH_TECH_FIRMS"), { tolerance: 0 }).status?.code).toBe("lagging");
  });

  it("geometric path on request for the expected value", () => {
    const p = makePlan([withActuals(seedRows.patents, { "2023": 0.45 })]);
    const e = evaluateIndicator(p, only(p, "HIGH_VALUE_PATENTS"), { path: "geometric" });
    expect(num(e.expected)).toBeCloseTo(0.2 * Math.pow(4, 0.6), 12);
  });

  it("no figures yet: no status, with the reason", () => {
    const p = makePlan([seedRows.rdIntensity]);
    const e = evaluateIndicator(p, only(p, "RD_INTENSITY"));
    expect(e.status).toBeNull();
    expect(e.statusReason).toBe("eval.noData");
    expect(e.gap).toBeNull();
  });

  it("a missing baseline still gives the gap but no status", () => {
    const p = makePlan([withActuals({ ...seedRows.rdIntensity, baseline: null }, { "2022": 1.3 })]);
    const e = evaluateIndicator(p, only(p, "RD_INTENSITY"));
    expect(num(e.gap)).toBeCloseTo(0.17, 12);
    expect(e.status).toBeNull();
    expect(e.statusReason).toBe("eval.noBaseline");
  });

  it("growth from a zero figure is a typed failure, not NaN", () => {
    const p = makePlan([withActuals(seedRows.hiTechFirms, { "2022": 0 })]);
    const e = evaluateIndicator(p, only(p, "HIGH_TECH_FIRMS"));
    expect(e.requiredGrowth).toEqual({ ok: false, error: "num", code: "math.growthFromNonPositive" });
    expect(e.status?.code).toBe("lagging");
  });
});

describe("evaluateIndicator — cumulative, annual-growth and text targets", () => {
  const energy = indicator({
    id: "ENERGY_INTENSITY_CUT",
    kind: "percent",
    attribute: "binding",
    direction: "down",
    baseline: null,
    figures: "change",
    target: { kind: "cumulative", value: 13.5, mode: "reduction" },
  });

  it("〔13.5〕 reduction: yearly cuts compound; 7.3 % by 2023 needs 3.40 %/yr and is lagging (8.1 expected)", () => {
    // Three yearly cuts compounding to exactly 7.3 %.
    const r = (1 - Math.cbrt(1 - 0.073)) * 100;
    const p = makePlan([withActuals(energy, { "2021": r, "2022": r, "2023": r })]);
    const e = evaluateIndicator(p, only(p, "ENERGY_INTENSITY_CUT"));
    expect(e.measured).toBeCloseTo(7.3, 10);
    expect(e.percentagePoints).toBe(true);
    expect(num(e.requiredStep)).toBeCloseTo(3.402, 3);
    expect(num(e.expected)).toBeCloseTo(8.1, 10);
    expect(num(e.gap)).toBeCloseTo(6.2, 10);
    expect(num(e.progress)).toBeCloseTo(7.3 / 13.5, 10);
    expect(e.status?.code).toBe("lagging");
  });

  it("the bulletin's 2.7 + 0.1 + 0.5 compound to 3.28 %, not 3.3 %", () => {
    const p = makePlan([withActuals(energy, { "2021": 2.7, "2022": 0.1, "2023": 0.5 })]);
    expect(evaluateIndicator(p, only(p, "ENERGY_INTENSITY_CUT")).measured).toBeCloseTo(3.2833, 4);
  });

  it("〔13.5〕 reached by 2024 is 提前实现", () => {
    const p = makePlan([withActuals(energy, { "2021": 4, "2022": 4, "2023": 4, "2024": 2.5 })]);
    const e = evaluateIndicator(p, only(p, "ENERGY_INTENSITY_CUT"));
    expect(e.status?.label.zh).toBe("提前实现");
  });

  const spending = indicator({
    id: "RD_SPENDING",
    kind: "amount",
    unit: { zh: "亿元", en: "100 million yuan" },
    baseline: 100,
    target: { kind: "annualGrowth", value: 7, comparator: ">=" },
  });

  it("年均增长 >7 with level figures: realised growth since the base year is compared with 7 %", () => {
    const onPace = makePlan([withActuals(spending, { "2022": 100 * 1.07 * 1.07 })]);
    const e = evaluateIndicator(onPace, only(onPace, "RD_SPENDING"));
    expect(num(e.realisedGrowth)).toBeCloseTo(0.07, 12);
    expect(e.targetValue).toBe(7);
    expect(e.measured).toBeCloseTo(7, 10);
    expect(num(e.requiredGrowth)).toBeCloseTo(0.07, 12);
    expect(num(e.progress)).toBeCloseTo(0.4, 12);
    expect(e.status?.code).toBe("onTrack");
    expect(e.behindTimeLine).toBe(false);

    const fast = makePlan([withActuals(spending, { "2022": 100 * 1.15 * 1.15 })]);
    expect(evaluateIndicator(fast, only(fast, "RD_SPENDING")).status?.code).toBe("ahead");
    const slow = makePlan([withActuals(spending, { "2022": 100 * 1.02 * 1.02 })]);
    expect(evaluateIndicator(slow, only(slow, "RD_SPENDING")).status?.code).toBe("lagging");
  });

  it("text targets have no computed status; an override supplies it and keeps its note", () => {
    const text = indicator({
      id: "GDP_GROWTH",
      target: { kind: "text", text: { zh: "保持在合理区间", en: "within a reasonable range" } },
    });
    const p = makePlan([withActuals(text, { "2022": 5 })]);
    const e = evaluateIndicator(p, only(p, "GDP_GROWTH"));
    expect(e.status).toBeNull();
    expect(e.statusReason).toBe("eval.textTarget");
    const judged = makePlan([
      withActuals(text, { "2022": 5 }, { override: { status: "onTrack", note: "市发改委2023年中期评估" } }),
    ]);
    expect(evaluateIndicator(judged, only(judged, "GDP_GROWTH")).status).toEqual({
      code: "onTrack",
      label: { zh: "基本符合预期", en: "on track" },
      source: "override",
      note: "市发改委2023年中期评估",
    });
  });

  it("a manual override wins over the computed status (air quality 82 > 80 still judged 未完成)", () => {
    const air = indicator({
      id: "AIR",
      baseline: 78,
      target: { kind: "level", value: 80, comparator: ">=", obligation: "reach" },
      attribute: "binding",
    });
    const p = makePlan([
      withActuals(air, { "2024": 82 }, { override: { status: "missed", note: "尚未完成：口径调整" } }),
    ]);
    const e = evaluateIndicator(p, only(p, "AIR"));
    expect(e.status).toMatchObject({
      code: "missed",
      source: "override",
      note: "尚未完成：口径调整",
      label: { zh: "未完成" },
    });
  });
});

describe("summarizePlan", () => {
  it("data year, counts by status, binding first (plan order kept within groups)", () => {
    const p = makePlan([
      withActuals(seedRows.rdIntensity, { "2022": 1.335 }),
      withActuals(seedRows.hiTechFirms, { "2023": 133 }),
      { ...withActuals(seedRows.patents, { "2021": 0.25 }), attribute: "binding" },
      seedRows.contracts,
      withActuals(seedRows.rank, { "2022": 3 }),
    ]);
    // Evaluated at 2022: the 2023 figure is not yet in, the 2021 patents figure is stale.
    const s = summarizePlan(p, { evaluationYear: 2022 });
    expect(s.evaluationYear).toBe(2022);
    expect(s.dataYear).toBe(2023);
    expect(s.counts).toEqual({
      achieved: 0,
      ahead: 1,
      onTrack: 1,
      lagging: 0,
      missed: 0,
      stale: 1,
      needsFix: 0,
      none: 2,
    });
    expect(s.evaluations.map((e) => e.indicatorId)).toEqual([
      "HIGH_VALUE_PATENTS",
      "RD_INTENSITY",
      "HIGH_TECH_FIRMS",
      "TECH_CONTRACTS",
      "TECH_PROGRESS_RANK",
    ]);
  });
  it("no figures at all: data year null", () => {
    expect(summarizePlan(makePlan([seedRows.rdIntensity])).dataYear).toBeNull();
  });
  it("defaults to the latest year with any figure, and then older rows are stale", () => {
    const p = makePlan([
      withActuals(seedRows.rdIntensity, { "2022": 1.335 }),
      withActuals(seedRows.hiTechFirms, { "2023": 133 }),
    ]);
    const s = summarizePlan(p);
    expect(s.evaluationYear).toBe(2023);
    expect(s.counts.stale).toBe(1);
    expect(s.counts.onTrack).toBe(1);
  });
  it("a row with a cell to fix is counted apart and not evaluated", () => {
    const p = makePlan([withActuals(seedRows.rdIntensity, { "2022": 1.335 })]);
    const s = summarizePlan(p, { blocked: new Map([["RD_INTENSITY", { header: "2023年", text: "约1.4" }]]) });
    expect(s.counts.needsFix).toBe(1);
    const e = s.evaluations[0]!;
    expect(e.status).toBeNull();
    expect(e.needsFix).toEqual({ header: "2023年", text: "约1.4" });
    expect(e.statusReason).toBe("eval.unreadable");
    expect(e.statusReasonArgs).toEqual({ cell: "2023年", text: "约1.4" });
  });
});

describe("evaluateIndicator — no baseline (有效高价值发明专利 100 件以上)", () => {
  const total = indicator({
    id: "PATENTS_TOTAL",
    kind: "count",
    unit: { zh: "件", en: "patents" },
    baseline: null,
    target: { kind: "level", value: 100, comparator: ">=", obligation: "reach" },
  });
  it("a reached target is still achieved", () => {
    const p = makePlan([withActuals(total, { "2023": 104 })]);
    expect(evaluateIndicator(p, only(p, "PATENTS_TOTAL")).status?.code).toBe("achieved");
  });
  it("otherwise no status, with the reason", () => {
    const p = makePlan([withActuals(total, { "2023": 80 })]);
    const e = evaluateIndicator(p, only(p, "PATENTS_TOTAL"));
    expect(e.status).toBeNull();
    expect(e.statusReason).toBe("eval.noBaseline");
    expect(e.progress).toBeNull();
  });
});
