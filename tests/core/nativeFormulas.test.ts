/**
 * The portable copy's native formulas against PLAN.EVALUATE, computed by the same engine
 * (HyperFormula with the PLAN functions registered, as in the Excel stand-in), cell for cell: for the
 * seed plan, for a plan whose figures sit on the rules' boundaries, and for random v2 plans with every
 * target form, figure form, evaluation year, cells to fix and edits made after the copy
 * (nativeFormulas.plans.ts). The generator's coverage is counted and asserted, so a form it stopped
 * producing fails the test; wrong formulas (another tolerance, no slack, a wrong label) are shown to fail.
 * The evaluation's corrections (each row's own period for relative targets, the plan's period for rates
 * and changes, a reference row to fix, readable figures only for the default year, a level target met
 * without a time line) are counted there too, and checked one by one on a small plan against figures
 * worked out by hand. Every function the formulas call is one of the list Excel 2010+, WPS and
 * HyperFormula share.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baselineView, evaluateIndicator, periodStart } from "../../src/core/indicatorEvaluation";
import type { Lang } from "../../src/core/messages";
import { MANUAL_STATUS_WORDS, MAX_FORMULA_LENGTH, nativeManualStatus, num, str } from "../../src/core/nativeFormulas";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { parseStatusLabel } from "../../src/core/status";
import { FIRST_BODY_ROW } from "../../src/excel/templateContent";
import type { ColumnKey } from "../../src/core/templateLayout";
import { keyLetters, runOracle, type CellResult, type OracleRun } from "./nativeFormulas.oracle";
import { boundaryCase, buildCase, FORMS, oracleCase, type OracleCase } from "./nativeFormulas.plans";

/** The seed plan with figures for most indicators (some behind, some ahead, one manual verdict). */
function seedWithFigures(): Plan {
  const figures: Record<string, Record<string, number>> = {
    TECH_PROGRESS_RANK: { "2021": 3, "2022": 4 },
    RD_INTENSITY: { "2021": 1.3, "2022": 1.35 },
    ENTERPRISE_RD_SHARE: { "2021": 3.5 },
    HIGH_TECH_ENTERPRISES: { "2021": 118, "2022": 140, "2023": 152 },
    TECH_CONTRACT_TURNOVER: { "2021": 26 },
    PROVINCIAL_INCUBATORS: { "2021": 8 },
    HIGH_VALUE_PATENTS_PER_10K_GROWTH: { "2021": 0.3 },
  };
  return planSchema.parse({
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind) => ({
      ...ind,
      actuals: Object.fromEntries(Object.entries(figures[ind.id] ?? {}).map(([y, value]) => [y, { value }])),
    })),
  });
}

/**
 * A small plan for the evaluation's corrections, one row each: a relative target from levels with a
 * 2019 baseline against yearly rates from 2020 (each row's own period), yearly changes from a 2019
 * baseline (the plan's period), a relative target whose reference gets a cell to fix, a level target met
 * that will have no time line, and a share for a stray figure out of range.
 */
function correctionsPlan(): Plan {
  const row = (id: string, zh: string, fields: Record<string, unknown>) => ({
    id,
    category: { zh: "修正", en: "Fixes" },
    name: { zh, en: id },
    unit: { zh: "%", en: "%" },
    kind: "percent",
    direction: "up",
    figures: "level",
    baseline: 40,
    baselineYear: 2020,
    attribute: "expected",
    target: { kind: "level", value: 60, comparator: ">=", obligation: "reach" },
    actuals: {},
    ...fields,
  });
  const yearly = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([y, value]) => [y, { value }]));
  const above = (reference: string) => ({
    kind: "relative",
    relation: "above",
    reference,
    text: { zh: "高于参照", en: "above" },
  });
  return planSchema.parse({
    ...seedPlan,
    id: "oracle-corrections",
    baseYear: 2020,
    targetYear: 2025,
    indicators: [
      row("REF", "GDP增长", {
        kind: "index",
        figures: "rate",
        unit: { zh: "%", en: "%" },
        target: { kind: "annualGrowth", value: 6, comparator: ">=" },
        actuals: yearly({ "2021": 8, "2022": 6, "2023": 5 }),
      }),
      row("OWN", "收入", {
        kind: "amount",
        baseline: 100,
        baselineYear: 2019,
        target: above("REF"),
        actuals: yearly({ "2023": 121 }),
      }),
      row("CUT", "能耗降低", {
        figures: "change",
        baselineYear: 2019,
        target: { kind: "cumulative", value: 13.5, mode: "reduction" },
        actuals: yearly({ "2021": 2.7, "2022": 3, "2023": 2.5 }),
      }),
      row("REF2", "参照增长", {
        kind: "index",
        figures: "rate",
        target: { kind: "annualGrowth", value: 5, comparator: ">=" },
        actuals: yearly({ "2021": 5, "2022": 5, "2023": 5 }),
      }),
      row("SHARE_GROWTH", "份额增长", {
        kind: "index",
        figures: "rate",
        target: above("REF2"),
        actuals: yearly({ "2021": 6, "2022": 6, "2023": 6 }),
      }),
      row("MET", "达标", { actuals: yearly({ "2021": 55, "2023": 61 }) }),
      row("TOTAL_MET", "累计达标", {
        figures: "change",
        target: { kind: "cumulative", value: 5, mode: "increase" },
        actuals: yearly({ "2021": 3, "2022": 1, "2023": 2 }),
      }),
      row("SHARE", "份额", { actuals: yearly({ "2021": 45 }) }),
    ],
  });
}

/** The functions the native formulas may use (docs/travel.md, nativeFormulas.ts). */
const NATIVE_FUNCTIONS = [
  "IF",
  "AND",
  "OR",
  "NOT",
  "MIN",
  "MAX",
  "ABS",
  "INT",
  "N",
  "EXP",
  "LN",
  "CHOOSE",
  "MATCH",
  "FIND",
  "LOWER",
  "TRIM",
  "CHAR",
  "ISERROR",
  "ISNUMBER",
  "ISTEXT",
  "SUBSTITUTE",
];

/** What a status label says, in either language. */
function labelKind(v: unknown): string | null {
  if (typeof v !== "string" || v === "") return null;
  // A cell to fix in the row a relative target refers to: the label names that indicator first.
  if (/^(待修正（指标\d+ |needs fix \(Indicator \d+ )/.test(v)) return "needsFixReference";
  if (/^(待修正|needs fix)/.test(v)) return "needsFix";
  if (/^(数据滞后|data stale)/.test(v)) return "stale";
  const words: Record<string, string> = {
    提前实现: "achievedEarly",
    已完成: "achieved",
    achieved: "achieved",
    快于预期: "ahead",
    ahead: "ahead",
    基本符合预期: "onTrack",
    "on track": "onTrack",
    滞后: "lagging",
    lagging: "lagging",
    未完成: "missed",
    missed: "missed",
  };
  return words[v] ?? `other:${v}`;
}

class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/** Counts what the original sheet showed (as copied and after the edits) and why the core gives no status. */
function tallyRun(tally: Tally, c: OracleCase, run: OracleRun): void {
  const copied = run.cells.slice(0, 1 + c.plan.indicators.length * 8);
  for (const cell of run.cells) tallyCell(tally, cell);
  const c3 = copied[0]!.original;
  const year = typeof c3 === "number" && Number.isInteger(c3) ? c3 : undefined;
  c.plan.indicators.forEach((ind, i) => {
    tally.add(`form:${c.forms[i]}`);
    tally.add(`figures:${ind.figures}`);
    if (ind.attribute === null) tally.add("attributeUnknown");
    if (ind.baselineRevisions) tally.add("revision");
    if (ind.targetAdjustments) tally.add("adjustment");
    if (ind.override) tally.add("manual");
    if (ind.baselineYear === null) tally.add("baselineYearUnknown");
    if (ind.baseline === null) tally.add("baselineUnknown");
    if (year === undefined) return;
    const ev = evaluateIndicator(c.plan, ind, { evaluationYear: year });
    if (ev.statusReason) tally.add(`reason:${ev.statusReason}`);
    if (ev.stale) tally.add("stale");
    if (ev.yearly?.met !== null && ev.yearly !== null) tally.add("yearlyVerdict");
    if (ev.targetKind === "relative" && ev.gap?.ok) {
      tally.add("relativeComputed");
      // Each row's own period: the two rows' averages run from different years.
      const ref = c.plan.indicators.find((r) => r.id === ev.reference?.indicatorId)!;
      const start = (i: typeof ind) => periodStart(c.plan, i, baselineView(c.plan, i));
      if (start(ind) !== start(ref)) tally.add("relativeOwnPeriods");
    }
    // Rates and changes from a baseline year before the plan's: their series and time line start at the plan's.
    if (ind.figures !== "level" && baselineView(c.plan, ind).year < c.plan.baseYear && ev.timeProgress?.ok)
      tally.add(ev.status?.source === "computed" ? "periodFromPlanJudged" : "periodFromPlan");
    if ((ev.target.effective as { approximate?: boolean }).approximate && ev.status) tally.add("approximateJudged");
  });
  tally.add(`year:${c.yearChoice}`);
  // A stray entry after every figure: the table's year is the latest readable one (or none), not the stray's.
  if (c.strayYear !== null && (c3 === "" || (typeof c3 === "number" && c3 < c.strayYear))) tally.add("strayIgnored");
  // A level target met where no time line can be drawn (时间进度 #NUM!): achieved all the same.
  let stage = -1;
  const rows = new Map<string, CellResult[]>();
  for (const cell of run.cells) {
    if (cell.field === "evaluationYear") stage += 1;
    const key = `${stage}:${/\d+$/.exec(cell.address)![0]}`;
    rows.set(key, [...(rows.get(key) ?? []), cell]);
  }
  for (const cells of rows.values()) {
    const elapsed = cells.find((x) => x.field === "elapsed");
    const status = cells.find((x) => x.field === "status");
    if (
      elapsed?.type === "ERROR" &&
      elapsed.original === "#NUM!" &&
      /^(已完成|achieved)$/.test(String(status?.original))
    )
      tally.add("metWithoutTimeLine");
  }
  for (const [k, v] of Object.entries(c.edited)) tally.add(`edited:${k}`, v);
  tally.add("boundaries", c.boundaries);
  tally.add("valueCells", run.content.valueCells.length);
  tally.add("editsAfter", c.after.length);
}

function tallyCell(tally: Tally, cell: CellResult): void {
  const v = cell.original;
  if (cell.type === "ERROR") tally.add(`error:${cell.field}:${String(v)}`);
  else if (typeof v === "number") tally.add(`number:${cell.field}`);
  else if (v === "") tally.add(`blank:${cell.field}`);
  if (cell.field === "status") {
    const kind = labelKind(v);
    if (kind) tally.add(`status:${kind}`);
  }
}

function expectSame(run: OracleRun): void {
  expect(run.mismatches.slice(0, 20)).toEqual([]);
  expect(run.content.valueCells).toEqual([]);
}

describe("num and str: what the add-in composes into formula text", () => {
  it("writes every double as plain decimals that read back as the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const text = num(x);
        expect(text).not.toMatch(/e/i);
        expect(Number(text.replace(/[()]/g, ""))).toBe(x === 0 ? 0 : x);
      }),
      { seed: 20261130, numRuns: 2000 },
    );
    expect(num(1e-9)).toBe("0.000000001");
    expect(num(-2.5)).toBe("(-2.5)");
  });

  it("quotes text as string literals, a quote inside as CHAR(34)", () => {
    expect(str("滞后")).toBe('"滞后"');
    expect(str('a"b')).toBe('("a"&CHAR(34)&"b")');
    expect(str('"),PLAN.GAP(1,2)&"')).toBe('(""&CHAR(34)&"),PLAN.GAP(1,2)&"&CHAR(34)&"")');
  });
});

describe("manual status words: the native list is status.ts's list", () => {
  it("holds exactly the words parseStatusLabel knows, with the same status", () => {
    const source = readFileSync(new URL("../../src/core/status.ts", import.meta.url), "utf8");
    const block = /const labelWords[^{]*\{([\s\S]*?)\n\};/.exec(source)![1]!;
    const known = new Map<string, string>();
    for (const m of block.matchAll(/^\s*(?:"([^"]+)"|([^\s:"]+)):\s*"(\w+)",?$/gm)) known.set(m[1] ?? m[2]!, m[3]!);
    expect(known.size).toBeGreaterThan(20);
    const native = new Map(MANUAL_STATUS_WORDS.flatMap(([code, words]) => words.map((w) => [w, code] as const)));
    expect(native).toEqual(known);
    for (const [word, code] of known) {
      expect(parseStatusLabel(word)).toBe(code);
      expect(nativeManualStatus(word)).toBe(code);
      expect(nativeManualStatus(`  ${word.toUpperCase()} `)).toBe(code);
    }
    expect(nativeManualStatus("滞后|未完成")).toBeNull();
    expect(nativeManualStatus("待定")).toBeNull();
  });
});

describe("native formulas give PLAN.EVALUATE's numbers and words", () => {
  it("for the seed plan with figures, in Chinese and in English, at the data year and at 2022", () => {
    const tally = new Tally();
    for (const lang of ["zh", "en"] as Lang[])
      for (const before of [[], [{ key: "B3", value: 2022 }]] as const) {
        const run = runOracle(seedWithFigures(), lang, [...before]);
        expectSame(run);
        for (const cell of run.cells) tallyCell(tally, cell);
      }
    expect(tally.get("number:gap")).toBeGreaterThan(10);
    for (const s of ["stale", "lagging", "ahead"]) expect(tally.get(`status:${s}`), s).toBeGreaterThan(0);
  });

  it("on the rules' boundaries, where only the same slack, tolerance and comparisons agree", () => {
    const c = boundaryCase("zh");
    const run = runOracle(c.plan, c.lang, c.before);
    expectSame(run);
    const statuses = new Set(run.cells.filter((x) => x.field === "status").map((x) => labelKind(x.original)));
    for (const s of ["achievedEarly", "ahead", "onTrack", "lagging"]) expect(statuses).toContain(s);
  });

  it("mirrors the evaluation's corrections: own periods, the plan's period, the reference to fix, readable years, met without a time line", () => {
    const plan = correctionsPlan();
    const at = keyLetters(plan, "zh");
    const row = (id: string) => FIRST_BODY_ROW + plan.indicators.findIndex((i) => i.id === id);
    // What PLAN shows, as copied (expectSame has compared the copy with it, cell for cell).
    const cell = (run: OracleRun, key: ColumnKey, id: string) =>
      run.cells.find((x) => x.address === `${at(key)}${row(id)}`)!.original;
    const index = (id: string) => plan.indicators.findIndex((i) => i.id === id);
    const run = runOracle(plan, "zh", [
      { key: "B3", value: 2023 },
      // The reference of SHARE_GROWTH has a cell to fix; MET's target year is its baseline year (no time line).
      { key: "y2022", index: index("REF2"), value: "约5" },
      { key: "targetYear", index: index("MET"), value: 2020 },
      { key: "targetYear", index: index("TOTAL_MET"), value: 2020 },
    ]);
    expectSame(run);
    // 1. Each row's own period: 100 (2019) → 121 (2023) is (1.21^(1/4) − 1) a year, against the reference's 2021–2023 rates.
    const mine = (Math.pow(1.21, 1 / 4) - 1) * 100;
    const theirs = (Math.exp((Math.log1p(0.08) + Math.log1p(0.06) + Math.log1p(0.05)) / 3) - 1) * 100;
    expect(cell(run, "gap", "OWN") as number).toBeCloseTo(theirs - mine, 9);
    expect(cell(run, "status", "OWN")).toBe("滞后");
    // 2. Yearly changes from a 2019 baseline: the series and the time line start at 2020.
    expect(cell(run, "elapsed", "CUT")).toBeCloseTo(0.6, 12);
    expect(cell(run, "gap", "CUT") as number).toBeCloseTo(13.5 - (1 - (1 - 0.027) * (1 - 0.03) * (1 - 0.025)) * 100, 9);
    // 3. The reference row has a cell to fix: the row is to fix, naming the reference.
    expect(cell(run, "status", "SHARE_GROWTH")).toBe("待修正（参照增长 2022年：约5）");
    expect(cell(run, "status", "REF2")).toBe("待修正（2022年：约5）");
    // 5. Met, with no time line: 已完成, while the time line says #NUM!.
    expect(cell(run, "elapsed", "MET")).toBe("#NUM!");
    expect(cell(run, "status", "MET")).toBe("已完成");
    // … and so is a 〔〕 total met (3 + 1 + 2 ≥ 〔5〕), as the evaluation says.
    expect(cell(run, "elapsed", "TOTAL_MET")).toBe("#NUM!");
    expect(cell(run, "status", "TOTAL_MET")).toBe("已完成");

    // 4. With B3 blank, C3 is the latest year with a readable figure: text and a share of 930 % in later years do not count.
    const stray = runOracle(plan, "zh", [
      { key: "y2025", index: index("CUT"), value: "目标5%" },
      { key: "y2024", index: index("SHARE"), value: 930 },
    ]);
    expectSame(stray);
    expect(stray.cells[0]!.original).toBe(2023);
    expect(cell(stray, "status", "SHARE")).toBe("待修正（2024年：930）");
    expect(cell(stray, "status", "REF")).toBe("基本符合预期");
    // Then the recipient fixes the share in both sheets: 2024 is the table's year.
    const fixed = runOracle(
      plan,
      "zh",
      [{ key: "y2025", index: index("CUT"), value: "目标5%" }],
      [{ key: "y2024", index: index("SHARE"), value: 93 }],
    );
    expectSame(fixed);
    expect(fixed.cells.filter((x) => x.field === "evaluationYear").map((x) => x.original)).toEqual([2023, 2024]);
  });

  it("catches a formula that is wrong: another tolerance, no slack, the binding floor, a label, expm1", () => {
    const c = boundaryCase("zh");
    const mutations: Record<string, (f: string) => string> = {
      tolerance: (f) => f.replaceAll("+0.1-", "+0.11-"),
      noSlack: (f) => f.replaceAll("0.000000001", "0"),
      bindingFloor: (f) => f.replaceAll("-0.000000001,", "-0.1-0.000000001,"),
      label: (f) => f.replaceAll('"快于预期"', '"基本符合预期"'),
    };
    for (const [name, mutate] of Object.entries(mutations)) {
      const run = runOracle(c.plan, c.lang, c.before, [], mutate);
      expect(run.mismatches.length, name).toBeGreaterThan(0);
    }
    const random = buildCase(7, [], { baseYear: 2020, targetYear: 2025 }, "zh", "last");
    const growth = runOracle(random.plan, random.lang, random.before, [], (f) => f.replaceAll("EXP(", "1+EXP("));
    expect(growth.mismatches.length).toBeGreaterThan(0);
  });

  it("before the first figure: C3 blank, time elapsed at the plan's first year, statuses blank or manual", () => {
    const plan = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((ind) => ({ ...ind, actuals: {} })),
    });
    const run = runOracle(plan, "zh");
    expectSame(run);
    expect(run.cells[0]!.original).toBe("");
    expect(run.cells.some((x) => x.field === "elapsed" && typeof x.copy === "number")).toBe(true);
    // Then a recipient types the first figure into the copy.
    const typed = runOracle(plan, "zh", [], [{ key: "y2021", index: 1, value: 1.3 }]);
    expectSame(typed);
  });

  it("keeps text as data: code and figure cells with quotes and formula text come out as literals", () => {
    const plan = seedWithFigures();
    const hostile = '"),PLAN.GAP(1,2)&"=1+1';
    const run = runOracle(plan, "zh", [
      { key: "kind", index: 0, value: hostile },
      { key: "y2021", index: 1, value: hostile },
      { key: "manualStatus", index: 2, value: hostile },
    ]);
    expectSame(run);
    const labels = run.cells.filter((x) => x.field === "status").map((x) => String(x.copy));
    expect(labels.filter((l) => l.includes(hostile)).length).toBe(3);
    for (const formula of run.copyFormulas.values()) {
      const outsideStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
      expect(outsideStrings).not.toContain("PLAN.");
      expect(outsideStrings).not.toContain("GAP(");
    }
  });

  it("for random v2 plans: every form, figure form, evaluation year, cell to fix and edit after the copy", () => {
    const tally = new Tally();
    let longest = 0;
    const functions = new Set<string>();
    fc.assert(
      fc.property(oracleCase, (c) => {
        const run = runOracle(c.plan, c.lang, c.before, c.after);
        if (run.mismatches.length > 0 || run.content.valueCells.length > 0)
          throw new Error(
            `${run.mismatches.length} cells differ, ${run.content.valueCells.length} values\n${run.mismatches.slice(0, 10).join("\n")}`,
          );
        longest = Math.max(longest, run.content.longestFormula);
        for (const formula of run.copyFormulas.values())
          for (const m of formula.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)) functions.add(m[1]!);
        tallyRun(tally, c, run);
      }),
      { seed: 20261130, numRuns: 60, endOnFailure: true },
    );
    // The generator produced what the test claims to cover.
    for (const form of FORMS) expect(tally.get(`form:${form}`), form).toBeGreaterThanOrEqual(60);
    for (const f of ["level", "rate", "change"]) expect(tally.get(`figures:${f}`), f).toBeGreaterThan(100);
    for (const s of [
      "achievedEarly",
      "achieved",
      "ahead",
      "onTrack",
      "lagging",
      "missed",
      "stale",
      "needsFix",
      "needsFixReference",
    ])
      expect(tally.get(`status:${s}`), s).toBeGreaterThanOrEqual(5);
    for (const field of ["dataYear", "value", "gap", "growth", "step", "progress", "elapsed"])
      expect(tally.get(`number:${field}`), field).toBeGreaterThan(50);
    for (const reason of [
      "eval.notStarted",
      "eval.noData",
      "eval.noBaseline",
      "eval.missingYears",
      "eval.figuresNotGrowth",
      "eval.figuresNotCumulative",
      "eval.textTarget",
      "eval.referenceNoData",
    ])
      expect(tally.get(`reason:${reason}`), reason).toBeGreaterThanOrEqual(3);
    for (const year of ["blank", "before", "first", "mid", "last", "after", "text"])
      expect(tally.get(`year:${year}`), year).toBeGreaterThanOrEqual(3);
    for (const key of [
      "stale",
      "yearlyVerdict",
      "relativeComputed",
      "approximateJudged",
      "attributeUnknown",
      "revision",
      "adjustment",
      "manual",
      "baselineYearUnknown",
      "baselineUnknown",
      "boundaries",
      "edited:unreadableText",
      "edited:outOfRange",
      "edited:blankTargetYear",
      "edited:unknownManual",
      "edited:inferred",
      "editsAfter",
      // The evaluation's corrections (each row's own period, the plan's period for rates and changes,
      // the reference row to fix, readable figures only for C3, met without a time line).
      "relativeOwnPeriods",
      "periodFromPlan",
      "periodFromPlanJudged",
      "edited:referenceToFix",
      "edited:referenceCodeToFix",
      "edited:strayText",
      "edited:strayNumber",
      "strayIgnored",
      "edited:noTimeLine",
      "metWithoutTimeLine",
    ])
      expect(tally.get(key), key).toBeGreaterThanOrEqual(3);
    const errors = [...tally.counts.keys()].filter((k) => k.startsWith("error:"));
    for (const kind of ["#N/A", "#VALUE!", "#NUM!"])
      expect(
        errors.filter((k) => k.endsWith(kind)),
        kind,
      ).not.toEqual([]);
    expect(longest).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    // Only functions Excel 2010 and later, WPS and HyperFormula all have (docs/travel.md lists them).
    expect([...functions].sort()).toEqual(
      expect.arrayContaining(["AND", "CHOOSE", "EXP", "IF", "ISNUMBER", "LN", "MATCH", "MAX", "MIN", "OR"]),
    );
    for (const f of functions) expect(NATIVE_FUNCTIONS, f).toContain(f);
  }, 240_000);

  it("for a ten-year plan, every formula within Excel's 8,192 characters", () => {
    const c = buildCase(99, [], { baseYear: 2025, targetYear: 2035 }, "zh", "mid");
    const run = runOracle(c.plan, c.lang, c.before, c.after);
    expect(run.mismatches).toEqual([]);
    expect(run.content.valueCells).toEqual([]);
    expect(run.content.longestFormula).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
  }, 60_000);
});
