/**
 * The report's summary paragraph, for hand-made verdict sets: zero, one and many per class; binding indicators
 * first; each kind; both languages. Exact strings: the wording is what staff hand in.
 */
import { describe, expect, it } from "vitest";
import type { ReportVerdict } from "../../src/core/reportDocument";
import { reportSummary, type SummaryItem, type SummaryOptions } from "../../src/core/reportSummary";

function items(spec: Array<[string, ReportVerdict, ("binding" | "fix")?]>): SummaryItem[] {
  return spec.map(([name, verdict, flag]) => ({
    name,
    verdict,
    binding: flag === "binding",
    ...(flag === "fix" ? { needsFix: true } : {}),
  }));
}

const annual2023: Omit<SummaryOptions, "lang"> = {
  kind: "annual",
  evaluationYear: 2023,
  targetYear: 2025,
  baseYear: 2020,
};
const final2025: Omit<SummaryOptions, "lang"> = {
  kind: "final",
  evaluationYear: 2025,
  targetYear: 2025,
  baseYear: 2020,
};
const midterm = (year: number): Omit<SummaryOptions, "lang"> => ({
  kind: "midterm",
  evaluationYear: year,
  targetYear: 2025,
  baseYear: 2020,
});

function both(list: SummaryItem[], opts: Omit<SummaryOptions, "lang">): { zh: string; en: string } {
  const zh = reportSummary(list, { ...opts, lang: "zh" });
  const en = reportSummary(list, { ...opts, lang: "en" });
  expect(zh).toHaveLength(1);
  expect(en).toHaveLength(1);
  return { zh: zh[0]!, en: en[0]! };
}

/** 11 indicators: 2 achieved, 3 ahead, 4 on track, 2 lagging, the second lagging one binding. */
const ELEVEN = items([
  ["A1", "achieved"],
  ["A2", "achieved"],
  ["B1", "ahead"],
  ["B2", "ahead"],
  ["B3", "ahead"],
  ["C1", "onTrack"],
  ["C2", "onTrack"],
  ["C3", "onTrack"],
  ["C4", "onTrack"],
  ["D1", "lagging"],
  ["D2", "lagging", "binding"],
]);

describe("reportSummary: 年度监测 / annual monitoring", () => {
  it("counts each class with its indicators named, binding ones first, and singles out binding indicators that lag", () => {
    expect(both(ELEVEN, annual2023)).toEqual({
      zh: "11项主要指标中，提前实现2项（A1、A2），快于预期3项（B1、B2、B3），基本符合预期4项（C1、C2、C3、C4），滞后2项（D2、D1）。其中，约束性指标D2滞后。",
      en: "Of the 11 main indicators, 2 were achieved early (A1, A2), 3 are ahead of schedule (B1, B2, B3), 4 are broadly on track (C1, C2, C3, C4) and 2 are lagging (D2, D1). Among them, the binding indicator D2 is lagging.",
    });
  });

  it("leaves out classes with no indicator; one indicator reads in the singular; stale, unassessable and unreadable rows are said", () => {
    const list = items([
      ["B", "ahead"],
      ["D", "lagging"],
      ["E1", "stale"],
      ["E2", "stale"],
      ["G", "none"],
      ["H", "none", "fix"],
    ]);
    expect(both(list, annual2023)).toEqual({
      zh: "6项主要指标中，快于预期1项（B），滞后1项（D）。另有2项指标2023年数据尚未发布（E1、E2）。还有1项指标暂无法评估（G）。还有1项指标数据待修正（H）。",
      en: "Of the 6 main indicators, 1 is ahead of schedule (B) and 1 is lagging (D). For 2 more indicators the 2023 figures have not been published yet (E1, E2). 1 more indicator cannot be assessed yet (G). 1 more indicator has figures to fix before it can be assessed (H).",
    });
  });

  it("one stale indicator and several binding ones that lag: singular and plural in the same paragraph", () => {
    const list = items([
      ["A", "achieved"],
      ["D1", "lagging", "binding"],
      ["D2", "lagging", "binding"],
      ["M", "missed", "binding"],
      ["E", "stale", "binding"],
    ]);
    expect(both(list, { ...annual2023, evaluationYear: 2024 })).toEqual({
      zh: "5项主要指标中，提前实现1项（A），滞后2项（D1、D2），未完成1项（M）。其中，约束性指标D1、D2滞后，M未完成。另有1项指标2024年数据尚未发布（E）。",
      en: "Of the 5 main indicators, 1 was achieved early (A), 2 are lagging (D1, D2) and 1 was missed (M). Among them, the binding indicators D1 and D2 are lagging and the binding indicator M was missed. For 1 more indicator the 2024 figure has not been published yet (E).",
    });
  });

  it("says “all” when every indicator is in one class, and names the single indicator of a one-indicator plan", () => {
    const three = items([
      ["C1", "onTrack"],
      ["C2", "onTrack"],
      ["C3", "onTrack"],
    ]);
    expect(both(three, annual2023)).toEqual({
      zh: "3项主要指标均基本符合预期。",
      en: "All 3 main indicators are broadly on track.",
    });
    expect(both(items([["D", "lagging"]]), annual2023)).toEqual({
      zh: "1项主要指标滞后（D）。",
      en: "The one main indicator (D) is lagging.",
    });
  });

  it("lists at most five names per class (等 / and N others), binding ones among the five first", () => {
    const list = items([
      ["C1", "onTrack"],
      ["C2", "onTrack"],
      ["C3", "onTrack"],
      ["C4", "onTrack"],
      ["C5", "onTrack"],
      ["C6", "onTrack"],
      ["C7", "onTrack", "binding"],
      ["D", "lagging"],
    ]);
    expect(both(list, annual2023)).toEqual({
      zh: "8项主要指标中，基本符合预期7项（C7、C1、C2、C3、C4等），滞后1项（D）。",
      en: "Of the 8 main indicators, 7 are broadly on track (C7, C1, C2, C3, C4 and 2 others) and 1 is lagging (D).",
    });
    expect(reportSummary(list, { ...annual2023, lang: "en", maxNames: 6 })[0]).toBe(
      "Of the 8 main indicators, 7 are broadly on track (C7, C1, C2, C3, C4, C5 and 1 other) and 1 is lagging (D).",
    );
  });

  it("reads 已完成 rather than 提前实现 in the target year, and 指标 rather than 主要指标 when supplementary goals are in", () => {
    const list = items([
      ["A", "achieved"],
      ["M", "missed"],
    ]);
    expect(both(list, { ...annual2023, evaluationYear: 2025, scope: "all" })).toEqual({
      zh: "2项指标中，已完成1项（A），未完成1项（M）。",
      en: "Of the 2 indicators, 1 was achieved (A) and 1 was missed (M).",
    });
  });

  it("says so when nothing could be judged", () => {
    const allStale = items([
      ["E1", "stale"],
      ["E2", "stale"],
    ]);
    expect(both(allStale, final2025)).toEqual({
      zh: "2项主要指标2025年数据均尚未发布。",
      en: "The 2025 figures of both main indicators have not been published yet.",
    });
    const mixed = items([
      ["E1", "stale"],
      ["E2", "stale"],
      ["G", "none"],
    ]);
    expect(both(mixed, final2025)).toEqual({
      zh: "3项主要指标中，2项指标2025年数据尚未发布（E1、E2）。1项指标暂无法评估（G）。",
      en: "For 2 of the 3 main indicators the 2025 figures have not been published yet (E1, E2). 1 of the 3 main indicators cannot be assessed yet (G).",
    });
    expect(reportSummary([], { ...annual2023, lang: "zh" })).toEqual([]);
  });

  it("takes names as text: markup and formula-like names come out verbatim", () => {
    const list = items([
      ["<img src=x onerror=alert(1)>", "lagging", "binding"],
      ["=SUM(A1)", "onTrack"],
    ]);
    expect(both(list, annual2023)).toEqual({
      zh: "2项主要指标中，基本符合预期1项（=SUM(A1)），滞后1项（<img src=x onerror=alert(1)>）。其中，约束性指标<img src=x onerror=alert(1)>滞后。",
      en: "Of the 2 main indicators, 1 is broadly on track (=SUM(A1)) and 1 is lagging (<img src=x onerror=alert(1)>). Among them, the binding indicator <img src=x onerror=alert(1)> is lagging.",
    });
  });
});

describe("reportSummary: 中期评估 / mid-term evaluation", () => {
  const nine = items([
    ["A", "achieved"],
    ["B1", "ahead"],
    ["B2", "ahead"],
    ["C1", "onTrack"],
    ["C2", "onTrack"],
    ["C3", "onTrack"],
    ["C4", "onTrack"],
    ["C5", "onTrack"],
    ["D", "lagging"],
  ]);

  it("says “基本实现了时间过半、任务过半” once half the period has passed and three quarters are on schedule", () => {
    expect(both(nine, midterm(2023))).toEqual({
      zh: "9项主要指标中，提前实现1项（A），快于预期2项（B1、B2），基本符合预期5项（C1、C2、C3、C4、C5），滞后1项（D）。总体看，8项指标超过或达到规划序时进度要求，基本实现了“时间过半、任务过半”。",
      en: "Of the 9 main indicators, 1 was achieved early (A), 2 are ahead of schedule (B1, B2), 5 are broadly on track (C1, C2, C3, C4, C5) and 1 is lagging (D). In all, 8 indicators met or exceeded the time-based progress requirement, broadly achieving “half the time, half the task”.",
    });
  });

  it("says “实现了” when every indicator judged is on schedule", () => {
    const list = items([
      ["B", "ahead"],
      ["C", "onTrack"],
      ["E", "stale"],
    ]);
    expect(both(list, midterm(2023))).toEqual({
      zh: "3项主要指标中，快于预期1项（B），基本符合预期1项（C）。总体看，2项指标超过或达到规划序时进度要求，实现了“时间过半、任务过半”。另有1项指标2023年数据尚未发布（E）。",
      en: "Of the 3 main indicators, 1 is ahead of schedule (B) and 1 is broadly on track (C). In all, 2 indicators met or exceeded the time-based progress requirement, achieving “half the time, half the task”. For 1 more indicator the 2023 figure has not been published yet (E).",
    });
  });

  it("leaves the phrase out before half the period has passed, or when a binding indicator lags", () => {
    expect(both(nine, midterm(2022)).zh).toBe(
      "9项主要指标中，提前实现1项（A），快于预期2项（B1、B2），基本符合预期5项（C1、C2、C3、C4、C5），滞后1项（D）。总体看，8项指标超过或达到规划序时进度要求。",
    );
    const bindingLags = nine.map((i) => (i.name === "D" ? { ...i, binding: true } : i));
    expect(both(bindingLags, midterm(2023))).toEqual({
      zh: "9项主要指标中，提前实现1项（A），快于预期2项（B1、B2），基本符合预期5项（C1、C2、C3、C4、C5），滞后1项（D）。其中，约束性指标D滞后。总体看，8项指标超过或达到规划序时进度要求。",
      en: "Of the 9 main indicators, 1 was achieved early (A), 2 are ahead of schedule (B1, B2), 5 are broadly on track (C1, C2, C3, C4, C5) and 1 is lagging (D). Among them, the binding indicator D is lagging. In all, 8 indicators met or exceeded the time-based progress requirement.",
    });
    // Fewer than three quarters on schedule: 2 of 4.
    const half = items([
      ["C1", "onTrack"],
      ["C2", "onTrack"],
      ["D1", "lagging"],
      ["D2", "lagging"],
    ]);
    expect(both(half, midterm(2023)).en).toBe(
      "Of the 4 main indicators, 2 are broadly on track (C1, C2) and 2 are lagging (D1, D2). In all, 2 indicators met or exceeded the time-based progress requirement.",
    );
  });
});

describe("reportSummary: 总结评估 / final evaluation", () => {
  it("counts 已完成 and 未完成, binding indicators not achieved in their own sentence", () => {
    const list = items([
      ["A1", "achieved"],
      ["A2", "achieved"],
      ["A3", "achieved"],
      ["A4", "achieved"],
      ["A5", "achieved"],
      ["A6", "achieved"],
      ["A7", "achieved"],
      ["A8", "achieved"],
      ["A9", "achieved"],
      ["Y", "missed"],
      ["X", "missed", "binding"],
    ]);
    expect(both(list, final2025)).toEqual({
      zh: "11项主要指标中，9项已完成（A1、A2、A3、A4、A5等），2项未完成（X、Y）。其中，约束性指标X未完成。",
      en: "Of the 11 main indicators, 9 have been achieved (A1, A2, A3, A4, A5 and 4 others) and 2 were missed (X, Y). Among them, the binding indicator X was missed.",
    });
  });

  it("one of each, with indicators whose final figures are not out yet", () => {
    const list = items([
      ["A", "achieved"],
      ["X", "missed"],
      ["E1", "stale"],
      ["E2", "stale", "binding"],
    ]);
    expect(both(list, final2025)).toEqual({
      zh: "4项主要指标中，1项已完成（A），1项未完成（X）。另有2项指标2025年数据尚未发布（E2、E1）。",
      en: "Of the 4 main indicators, 1 has been achieved (A) and 1 was missed (X). For 2 more indicators the 2025 figures have not been published yet (E2, E1).",
    });
  });

  it("counts indicators still short of their targets as 未完成 when the final evaluation comes before the target year", () => {
    const list = items([
      ["A", "achieved"],
      ["B", "ahead"],
      ["D", "lagging", "binding"],
    ]);
    expect(both(list, { ...final2025, evaluationYear: 2024 })).toEqual({
      zh: "3项主要指标中，1项已完成（A），2项未完成（D、B）。其中，约束性指标D未完成。",
      en: "Of the 3 main indicators, 1 has been achieved (A) and 2 were missed (D, B). Among them, the binding indicator D was missed.",
    });
  });

  it("all achieved / none achieved", () => {
    expect(
      both(
        items([
          ["A1", "achieved"],
          ["A2", "achieved"],
        ]),
        final2025,
      ),
    ).toEqual({ zh: "2项主要指标均已完成。", en: "Both main indicators have been achieved." });
    expect(both(items([["X", "missed", "binding"]]), final2025)).toEqual({
      zh: "1项主要指标未完成（X）。该指标为约束性指标。",
      en: "The one main indicator (X) was missed. It is a binding indicator.",
    });
  });
});
