/**
 * Requests stay under Excel on the web's 5 MB: the pure row splitter, and writers that split a
 * write into row blocks only when it passes the budget. A lowered budget stands in for a plan of
 * thousands of indicators, so the tests stay fast.
 */
import { describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import type { Plan } from "../../src/core/planSchema";
import { applyHighlights, removeHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { readTemplate } from "../../src/excel/readTemplate";
import { jsonBytes, REQUEST_BUDGET, rowBytes, splitRows, utf8Length, writeBytes } from "../../src/excel/requestBudget";
import { syntheticPlan } from "./helpers";

/** Each round trip's request (stand-in estimate) while `op` runs. */
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

/** Object ids differ between stand-ins: numbered in order of first appearance instead. */
function withoutIds(json: string): string {
  const seen = new Map<string, string>();
  return json.replace(/\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}/g, (id) => {
    if (!seen.has(id)) seen.set(id, `#${seen.size}`);
    return seen.get(id)!;
  });
}

/** Runs `steps` in a fresh stand-in and returns the workbook it leaves (ids numbered). */
async function workbookAfter(steps: (standin: Standin) => Promise<void>): Promise<string> {
  const standin = createStandin({ displayLanguage: "zh-CN" });
  const uninstall = installStandin(standin);
  try {
    await steps(standin);
    await standin.whenIdle();
    return withoutIds(JSON.stringify(standin.serialize()));
  } finally {
    uninstall();
  }
}

function withMoreIndicators(plan: Plan, extra: Plan): Plan {
  return { ...plan, indicators: [...plan.indicators, ...extra.indicators.map((i) => ({ ...i, id: `X_${i.id}` }))] };
}

describe("requestBudget: sizes and the row splitter", () => {
  it("counts UTF-8 bytes: Chinese text costs 3 bytes a character, a surrogate pair 4", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("规划")).toBe(6);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes([["a", 1]])).toBe('[["a",1]]'.length);
    expect(jsonBytes("指标")).toBe(2 + 6);
  });

  it("gives one block when everything fits", () => {
    expect(splitRows([10, 20, 30], 60)).toEqual([{ first: 0, count: 3 }]);
    expect(splitRows([], 60)).toEqual([]);
  });

  it("covers every row exactly once, in order, each block within the budget", () => {
    // Deterministic pseudo-random row sizes.
    let seed = 7;
    const sizes = Array.from({ length: 997 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 1 + (seed % 500);
    });
    for (const budget of [500, 1_000, 4_321, 100_000]) {
      const blocks = splitRows(sizes, budget);
      let next = 0;
      for (const b of blocks) {
        expect(b.first).toBe(next);
        expect(b.count).toBeGreaterThan(0);
        next += b.count;
        expect(sizes.slice(b.first, b.first + b.count).reduce((a, c) => a + c, 0)).toBeLessThanOrEqual(budget);
      }
      expect(next).toBe(sizes.length);
      // Greedy: a block ends only where the next row would not have fitted.
      for (const [i, b] of blocks.slice(0, -1).entries()) {
        const used = sizes.slice(b.first, b.first + b.count).reduce((a, c) => a + c, 0);
        expect(used + sizes[blocks[i + 1]!.first]!).toBeGreaterThan(budget);
      }
    }
  });

  it("puts a row larger than the budget in a block of its own", () => {
    expect(splitRows([5, 50, 5], 10)).toEqual([
      { first: 0, count: 1 },
      { first: 1, count: 1 },
      { first: 2, count: 1 },
    ]);
  });

  it("estimates a write of parallel arrays as their rows plus a fixed cost per command", () => {
    const formats = [["@", "0.00"]];
    const formulas = [["'x", 1.5]];
    const sizes = rowBytes([formats, formulas]);
    expect(sizes).toEqual([jsonBytes(formats[0]) + 1 + jsonBytes(formulas[0]) + 1]);
    expect(writeBytes(sizes, 2)).toBeGreaterThan(jsonBytes(formats) + jsonBytes(formulas));
    expect(REQUEST_BUDGET).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("requestBudget: writers through the stand-in", () => {
  const plan = syntheticPlan(120);
  const more = withMoreIndicators(plan, syntheticPlan(80));
  // Above the stored state (one setting, not split) and well below the body of 120 rows.
  const budget = 1.3 * jsonBytes(JSON.stringify({ version: 1, tableName: "PlanIndicators", lang: "zh", plan: more }));

  it("splits insert, refresh and portable copy into requests under a lowered budget, with the same workbook", async () => {
    const syncs: Record<string, number[]> = {};
    const steps = (lowered: boolean) => async (standin: Standin) => {
      const options = lowered ? { requestBudget: budget } : {};
      const record = (name: string, sizes: number[]) => {
        if (lowered) syncs[name] = sizes;
      };
      const inserted = await requests(standin, () => insertTemplate(plan, "zh", options));
      record("insert", inserted.sizes);
      const refreshed = await requests(standin, () => insertTemplate(more, "zh", options));
      record("refresh", refreshed.sizes);
      expect(refreshed.result.added).toBe(80);
      const copied = await requests(standin, () => writePortableCopy(inserted.result.tableName, "native", options));
      record("portable", copied.sizes);
    };
    const normal = await workbookAfter(steps(false));
    const split = await workbookAfter(steps(true));
    expect(split.length).toBe(normal.length); // a short message, if not: the whole workbook is long
    expect(split === normal).toBe(true);
    for (const [name, sizes] of Object.entries(syncs)) {
      expect.soft(Math.max(...sizes), name).toBeLessThanOrEqual(budget);
    }
    // Only the writes past the budget cost extra round trips (2 / 3 / 2 when everything fits).
    expect(syncs.insert!.length).toBeGreaterThan(2);
    expect(syncs.refresh!.length).toBeGreaterThan(3);
    expect(syncs.portable!.length).toBeGreaterThan(2);
  }, 120_000);

  it("keeps highlight on and off small: they store rule ids, not the plan", async () => {
    const standin = createStandin({ displayLanguage: "zh-CN" });
    const uninstall = installStandin(standin);
    try {
      const inserted = await insertTemplate(plan, "zh");
      const on = await requests(standin, async () => applyHighlights(await readTemplate(inserted.tableName)));
      const lit = await readTemplate(inserted.tableName);
      expect(lit.stored.kind === "ok" && lit.stored.state.highlightRuleIds).toEqual(on.result);
      const off = await requests(standin, () => removeHighlights(lit));
      expect(off.result).toBe(3);
      const after = await readTemplate(inserted.tableName);
      expect(after.stored.kind === "ok" && after.stored.state.highlightRuleIds).toEqual([]);
      // The same few kB whatever the plan's size: the plan here alone is far bigger.
      const planBytes = jsonBytes(JSON.stringify(plan));
      expect(Math.max(...on.sizes, ...off.sizes)).toBeLessThan(5_000);
      expect(planBytes).toBeGreaterThan(20_000);
    } finally {
      uninstall();
    }
  }, 60_000);
});
