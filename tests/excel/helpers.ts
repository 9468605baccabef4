/** Shared set-up for the host-layer tests: a fresh stand-in installed as Excel/Office, and synthetic plans. */
import { afterEach, beforeEach } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { plan as planSchema, type Indicator, type Plan, type PlanInput } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";

export interface HostFixture {
  standin: Standin;
}

/** Installs a new stand-in before each test (zh-CN by default) and removes it after. */
export function useHost(options: { displayLanguage?: string; excelApiVersion?: string } = {}): HostFixture {
  const fixture = {} as HostFixture;
  let uninstall: (() => void) | null = null;
  beforeEach(() => {
    fixture.standin = createStandin(options);
    uninstall = installStandin(fixture.standin);
  });
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  return fixture;
}

/** The syncs one operation costs (it may make several Excel.run calls). */
export async function measure<T>(standin: Standin, op: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = standin.syncCount;
  const result = await op();
  return { result, syncs: standin.syncCount - before };
}

/** A plan of `count` indicators cycling through kinds and target forms (deterministic). */
export function syntheticPlan(count: number): Plan {
  const kinds = ["percent", "count", "amount", "rank", "index"] as const;
  const indicators: PlanInput["indicators"] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const n = i + 1;
    const base: Omit<Indicator, "target" | "actuals" | "figures"> = {
      id: `IND_${n}`,
      number: String(n),
      category: { zh: `类别${(i % 7) + 1}`, en: `Group ${(i % 7) + 1}` },
      name: { zh: `指标${n}`, en: `Indicator ${n}` },
      unit:
        kind === "percent"
          ? { zh: "%", en: "%" }
          : kind === "rank"
            ? { zh: "位", en: "rank" }
            : { zh: "个", en: "units" },
      kind,
      direction: kind === "rank" ? "down" : "up",
      baseline: kind === "rank" ? 10 : kind === "percent" ? 20 : 100 + i,
      baselineYear: i % 4 === 0 ? 2019 : 2020,
      attribute: i % 3 === 0 ? "binding" : "expected",
    };
    const target =
      kind === "rank"
        ? { kind: "level" as const, value: 5, comparator: "<=" as const, obligation: "reach" as const }
        : i % 11 === 5
          ? { kind: "annualGrowth" as const, value: 5, comparator: ">=" as const }
          : i % 13 === 7
            ? { kind: "text" as const, text: { zh: "明显提升", en: "rise markedly" } }
            : {
                kind: "level" as const,
                value: kind === "percent" ? 30 : 200 + i,
                comparator: ">=" as const,
                obligation: "reach" as const,
              };
    indicators.push({
      ...base,
      target,
      actuals: { "2021": { value: kind === "rank" ? 9 : kind === "percent" ? 21 : 110 + i } },
    });
  }
  return planSchema.parse({ ...seedPlan, id: `synthetic-${count}`, indicators });
}

export { seedPlan };

/** The A1 address of a template column (by key, from the layout) in a sheet row: never a hard-coded letter. */
export function cellOf(plan: Pick<Plan, "baseYear" | "targetYear">, key: ColumnKey, row: number): string {
  const i = templateColumns(plan).findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return `${columnLetters(i)}${row}`;
}

/**
 * The sheet row of a seed indicator in a fresh template: the main table's rows from row 6; the supplementary
 * goals in their own block below it (a blank row, the caption, the block's header, then a row per goal).
 */
export function seedRow(id: string): number {
  const main = seedPlan.indicators.filter((i) => !i.supplementary);
  const other = seedPlan.indicators.filter((i) => i.supplementary);
  const m = main.findIndex((i) => i.id === id);
  if (m >= 0) return 6 + m;
  const o = other.findIndex((i) => i.id === id);
  if (o < 0) throw new Error(`no indicator ${id}`);
  return 6 + main.length + 3 + o;
}
