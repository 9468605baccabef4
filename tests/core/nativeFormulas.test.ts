/**
 * The portable copy's native formulas against PLAN.EVALUATE, computed by the same engine
 * (HyperFormula with the PLAN functions registered, as in the Excel stand-in), cell for cell: for the
 * seed plan, for a plan whose figures sit on the rules' boundaries, and for random v2 plans with every
 * target form, figure form, evaluation year, cells to fix and edits made after the copy
 * (nativeFormulas.plans.ts). The generator's coverage is counted and asserted, so a form it stopped
 * producing fails the test; wrong formulas (another tolerance, no slack, a wrong label) are shown to fail.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import type { Lang } from "../../src/core/messages";
import { MANUAL_STATUS_WORDS, MAX_FORMULA_LENGTH, nativeManualStatus, num, str } from "../../src/core/nativeFormulas";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { parseStatusLabel } from "../../src/core/status";
import { runOracle, type CellResult, type OracleRun } from "./nativeFormulas.oracle";
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

/** What a status label says, in either language. */
function labelKind(v: unknown): string | null {
  if (typeof v !== "string" || v === "") return null;
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
    if (ev.targetKind === "relative" && ev.gap?.ok) tally.add("relativeComputed");
    if ((ev.target.effective as { approximate?: boolean }).approximate && ev.status) tally.add("approximateJudged");
  });
  tally.add(`year:${c.yearChoice}`);
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
    fc.assert(
      fc.property(oracleCase, (c) => {
        const run = runOracle(c.plan, c.lang, c.before, c.after);
        if (run.mismatches.length > 0 || run.content.valueCells.length > 0)
          throw new Error(
            `${run.mismatches.length} cells differ, ${run.content.valueCells.length} values\n${run.mismatches.slice(0, 10).join("\n")}`,
          );
        longest = Math.max(longest, run.content.longestFormula);
        tallyRun(tally, c, run);
      }),
      { seed: 20261130, numRuns: 60, endOnFailure: true },
    );
    // The generator produced what the test claims to cover.
    for (const form of FORMS) expect(tally.get(`form:${form}`), form).toBeGreaterThanOrEqual(60);
    for (const f of ["level", "rate", "change"]) expect(tally.get(`figures:${f}`), f).toBeGreaterThan(100);
    for (const s of ["achievedEarly", "achieved", "ahead", "onTrack", "lagging", "missed", "stale", "needsFix"])
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
    ])
      expect(tally.get(key), key).toBeGreaterThanOrEqual(3);
    const errors = [...tally.counts.keys()].filter((k) => k.startsWith("error:"));
    for (const kind of ["#N/A", "#VALUE!", "#NUM!"])
      expect(
        errors.filter((k) => k.endsWith(kind)),
        kind,
      ).not.toEqual([]);
    expect(longest).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
  }, 240_000);

  it("for a ten-year plan, every formula within Excel's 8,192 characters", () => {
    const c = buildCase(99, [], { baseYear: 2025, targetYear: 2035 }, "zh", "mid");
    const run = runOracle(c.plan, c.lang, c.before, c.after);
    expect(run.mismatches).toEqual([]);
    expect(run.content.valueCells).toEqual([]);
    expect(run.content.longestFormula).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
  }, 60_000);
});
