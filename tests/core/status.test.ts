import { describe, expect, it } from "vitest";
import {
  evaluateStatus,
  inferObligation,
  isMet,
  parseStatusLabel,
  statusLabel,
  type StatusInput,
} from "../../src/core/status";
import type { StatusCode } from "../../src/core/planSchema";

/** 0 → 10 over 2020–2025, judged in 2022: time progress 0.4, so actual/10 is the completion progress. */
const base: StatusInput = {
  baseline: 0,
  actual: 0,
  target: 10,
  baseYear: 2020,
  targetYear: 2025,
  year: 2022,
  direction: "up",
  binding: false,
};

function code(over: Partial<StatusInput>): StatusCode {
  const r = evaluateStatus({ ...base, ...over });
  if (!r.ok) throw new Error(r.code);
  return r.value.code;
}

describe("status rule (完成进度 vs 时间进度, tolerance 0.1)", () => {
  it("target met before the target year → achieved", () => {
    expect(code({ actual: 10 })).toBe("achieved");
    expect(code({ actual: 12 })).toBe("achieved");
  });
  it("exactly time + 0.1 is ahead (快于预期); just below is on track", () => {
    expect(code({ actual: 5 })).toBe("ahead");
    expect(code({ actual: 4.999 })).toBe("onTrack");
  });
  it("exactly time − 0.1 is on track (基本符合预期) for 预期性 indicators; just below is lagging", () => {
    expect(code({ actual: 3 })).toBe("onTrack");
    expect(code({ actual: 2.999 })).toBe("lagging");
  });
  it("boundaries hold with the seed's own decimals (1.2 → 1.47 in 2023: time 0.6)", () => {
    const rd = { ...base, baseline: 1.2, target: 1.47, year: 2023 };
    expect(code({ ...rd, actual: 1.2 + 0.27 * 0.7 })).toBe("ahead");
    expect(code({ ...rd, actual: 1.2 + 0.27 * 0.5 })).toBe("onTrack");
    expect(code({ ...rd, actual: 1.2 + 0.27 * 0.49 })).toBe("lagging");
  });
  it("binding (约束性) indicators get no tolerance below schedule", () => {
    expect(code({ actual: 3.5, binding: true })).toBe("lagging");
    expect(code({ actual: 4, binding: true })).toBe("onTrack");
    expect(code({ actual: 5, binding: true })).toBe("ahead");
    expect(code({ actual: 3.5, binding: false })).toBe("onTrack");
  });
  it("a custom tolerance widens or narrows the band", () => {
    expect(code({ actual: 2.5, tolerance: 0.2 })).toBe("onTrack");
    expect(code({ actual: 4.5, tolerance: 0.05 })).toBe("ahead");
  });
  it("target year reached and not met → missed (未完成); met → achieved", () => {
    expect(code({ year: 2025, actual: 9.99 })).toBe("missed");
    expect(code({ year: 2026, actual: 9 })).toBe("missed");
    expect(code({ year: 2025, actual: 10 })).toBe("achieved");
  });
  it("behindTimeLine marks on-track rows under the time line (amber)", () => {
    const r = evaluateStatus({ ...base, actual: 3.5 });
    expect(r).toMatchObject({ ok: true, value: { code: "onTrack", behindTimeLine: true } });
    const on = evaluateStatus({ ...base, actual: 4 });
    expect(on).toMatchObject({ ok: true, value: { code: "onTrack", behindTimeLine: false } });
  });
  it("reports the progress and time progress it compared", () => {
    const r = evaluateStatus({ ...base, actual: 3.5 });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.progress).toBeCloseTo(0.35, 12);
    expect(r.value.timeProgress).toBeCloseTo(0.4, 12);
  });
});

describe("targets the baseline already meets", () => {
  const rank = { ...base, baseline: 3, target: 3, direction: "down" as const, comparator: "<=" as const };
  it("rank 3 → 3 kept is achieved (提前实现 before 2025); rank 2 too", () => {
    expect(code({ ...rank, actual: 3 })).toBe("achieved");
    expect(code({ ...rank, actual: 2 })).toBe("achieved");
  });
  it("rank 4 is lagging at once, with no tolerance", () => {
    expect(code({ ...rank, actual: 4 })).toBe("lagging");
  });
  it("rank 4 in the target year is missed", () => {
    expect(code({ ...rank, actual: 4, year: 2025 })).toBe("missed");
  });
  it("a ceiling (<= 5.5) kept is achieved, broken is lagging", () => {
    const ceiling = { ...base, baseline: 5.2, target: 5.5, direction: "down" as const, comparator: "<=" as const };
    expect(code({ ...ceiling, actual: 5.5 })).toBe("achieved");
    expect(code({ ...ceiling, actual: 5.6 })).toBe("lagging");
  });
});

describe("approximate (左右) targets: isMet with a band", () => {
  it("within the default 5 % band counts as met", () => {
    expect(isMet(14.25, 15, ">=", true)).toBe(true);
    expect(isMet(14.2, 15, ">=", true)).toBe(false);
    expect(isMet(15.75, 15, "<=", true)).toBe(true);
    expect(isMet(15.8, 15, "<=", true)).toBe(false);
  });
  it("overshooting in the good direction is met too", () => {
    expect(isMet(16, 15, ">=", true)).toBe(true);
    expect(isMet(10, 15, "<=", true)).toBe(true);
  });
  it("an explicit band replaces the default", () => {
    expect(isMet(14.2, 15, ">=", true, 1)).toBe(true);
    expect(isMet(14.5, 15, ">=", true, 0.1)).toBe(false);
  });
  it("an exact target has no band", () => {
    expect(isMet(14.99, 15, ">=")).toBe(false);
    expect(isMet(14.99, 15, ">=", false, 5)).toBe(false);
  });
  it("a bound the baseline already meets is one to keep: 70.5 → 70左右", () => {
    expect(inferObligation(70.5, 70, ">=", true)).toBe("keep");
    expect(inferObligation(60, 70, ">=", true)).toBe("reach");
    expect(inferObligation(null, 70, ">=", true)).toBe("reach");
  });
});

describe("the value form infers the direction from baseline and target", () => {
  it("10 → 6 is a cut: 8 is half way (as PLAN.PROGRESS(10, 8, 6) = 0.5)", () => {
    const { direction: _given, ...noDirection } = base;
    const r = evaluateStatus({ ...noDirection, baseline: 10, actual: 8, target: 6, year: 2023 });
    expect(r.ok && r.value.progress).toBeCloseTo(0.5, 12);
    expect(r.ok && r.value.code).toBe("onTrack");
  });
  it("a year before the base year is not started, not a verdict", () => {
    expect(evaluateStatus({ ...base, year: 2019 })).toMatchObject({ ok: false, error: "na", code: "eval.notStarted" });
  });
});

describe("status failures", () => {
  it("a period that does not run forward is a typed failure", () => {
    expect(evaluateStatus({ ...base, targetYear: 2020 })).toMatchObject({
      ok: false,
      error: "num",
      code: "math.periodInvalid",
    });
  });
  it("non-finite input is a typed failure", () => {
    expect(evaluateStatus({ ...base, actual: Number.NaN })).toMatchObject({
      ok: false,
      error: "value",
      code: "math.notFinite",
    });
  });
});

describe("labels in the officials' words", () => {
  it("achieved reads 提前实现 before the target year and 已完成 in or after it", () => {
    expect(statusLabel("achieved", "zh", { year: 2023, targetYear: 2025 })).toBe("提前实现");
    expect(statusLabel("achieved", "zh", { year: 2025, targetYear: 2025 })).toBe("已完成");
    expect(statusLabel("achieved", "zh")).toBe("已完成");
  });
  it("the other statuses in zh and en", () => {
    const zh = (["ahead", "onTrack", "lagging", "missed"] as const).map((c) => statusLabel(c, "zh"));
    expect(zh).toEqual(["快于预期", "基本符合预期", "滞后", "未完成"]);
    const en = (["achieved", "ahead", "onTrack", "lagging", "missed"] as const).map((c) => statusLabel(c, "en"));
    expect(en).toEqual(["achieved", "ahead", "on track", "lagging", "missed"]);
  });
  it("parseStatusLabel reads back every label, codes and official synonyms", () => {
    for (const c of ["achieved", "ahead", "onTrack", "lagging", "missed"] as const) {
      expect(parseStatusLabel(statusLabel(c, "zh", { year: 2023, targetYear: 2025 }))).toBe(c);
      expect(parseStatusLabel(statusLabel(c, "zh"))).toBe(c);
      expect(parseStatusLabel(statusLabel(c, "en"))).toBe(c);
      expect(parseStatusLabel(c)).toBe(c);
    }
    expect(parseStatusLabel(" On Track ")).toBe("onTrack");
    expect(parseStatusLabel("符合预期")).toBe("onTrack");
    expect(parseStatusLabel("已提前完成")).toBe("achieved");
    expect(parseStatusLabel("很好")).toBeNull();
    expect(parseStatusLabel("")).toBeNull();
  });
});
