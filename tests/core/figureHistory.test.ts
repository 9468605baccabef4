/**
 * Figure history (src/core/figureHistory.ts): entry dates, revisions kept oldest first with their
 * release/source/dates, deleted figures kept and reported, unreadable cells left alone; and, over
 * random sequences of sheets, that no recorded value is ever lost, history only grows at its end in
 * date order, and recording the same sheet twice changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  carryFigureRecords,
  figureRecord,
  recordSheetFigures,
  setFigureFacts,
  type FigureRef,
} from "../../src/core/figureHistory";
import { plan as planSchema, type Actual, type Plan, type PlanInput } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";

const YEARS = [2021, 2022, 2023, 2024, 2025];
const IDS = ["A", "B", "C"];

function planWith(actuals: Record<string, Record<string, Actual>>): Plan {
  const indicators: PlanInput["indicators"] = IDS.map((id) => ({
    id,
    category: { zh: "类", en: "Group" },
    name: { zh: `指标${id}`, en: `Indicator ${id}` },
    unit: { zh: "个", en: "units" },
    kind: "index",
    direction: "up",
    baseline: 10,
    baselineYear: 2020,
    target: { kind: "level", value: 20, comparator: ">=", obligation: "reach" },
    attribute: "expected",
    actuals: actuals[id] ?? {},
  }));
  return planSchema.parse({ ...seedPlan, id: "history-test", indicators });
}

/** The sheet's figures: value per indicator and year (absent = blank). */
type Sheet = Record<string, Record<string, number>>;

function sheetPlan(sheet: Sheet): Plan {
  const actuals: Record<string, Record<string, Actual>> = {};
  for (const [id, years] of Object.entries(sheet))
    actuals[id] = Object.fromEntries(Object.entries(years).map(([y, v]) => [y, { value: v }]));
  return planWith(actuals);
}

describe("recordSheetFigures", () => {
  it("gives a figure new in the sheet today's entry date, and nothing else", () => {
    const stored = planWith({});
    const r = recordSheetFigures(stored, sheetPlan({ A: { "2021": 12 } }), "2022-02-10");
    expect(r.plan.indicators[0]!.actuals["2021"]).toEqual({ value: 12, enteredOn: "2022-02-10" });
    expect(r.changes).toEqual([{ indicatorId: "A", year: 2021, kind: "entered", value: 12 }]);
    expect(() => planSchema.parse(r.plan)).not.toThrow();
  });

  it("keeps a revised figure's predecessor with its release, source, dates and note; the new one is 修订 until staff say otherwise", () => {
    const stored = planWith({
      A: {
        "2021": {
          value: 12,
          release: "preliminary",
          source: "2021年统计快报",
          enteredOn: "2022-01-20",
          note: "快报数",
        },
      },
    });
    const r1 = recordSheetFigures(stored, sheetPlan({ A: { "2021": 12.4 } }), "2022-06-30");
    expect(r1.plan.indicators[0]!.actuals["2021"]).toEqual({
      value: 12.4,
      release: "revised",
      enteredOn: "2022-06-30",
      history: [
        {
          value: 12,
          release: "preliminary",
          source: "2021年统计快报",
          enteredOn: "2022-01-20",
          note: "快报数",
          replacedOn: "2022-06-30",
        },
      ],
    });
    expect(r1.changes).toEqual([{ indicatorId: "A", year: 2021, kind: "revised", value: 12.4, previous: 12 }]);
    // Staff say it is the 年报; a later revision keeps both, oldest first.
    const set = setFigureFacts(r1.plan, "A", 2021, { release: "annual", source: "2021年统计年鉴" });
    if (!set.ok) throw new Error(set.message.en);
    const r2 = recordSheetFigures(set.plan, sheetPlan({ A: { "2021": 12.5 } }), "2023-03-01");
    const a = r2.plan.indicators[0]!.actuals["2021"]!;
    expect(a.value).toBe(12.5);
    expect(a.release).toBe("revised");
    expect(a.history!.map((h) => [h.value, h.release, h.replacedOn])).toEqual([
      [12, "preliminary", "2022-06-30"],
      [12.4, "annual", "2023-03-01"],
    ]);
    expect(a.history![1]!.source).toBe("2021年统计年鉴");
    expect(() => planSchema.parse(r2.plan)).not.toThrow();
  });

  it("leaves unchanged figures' records exactly as they are, and returns the very same plan when nothing changed", () => {
    const stored = planWith({ A: { "2021": { value: 12, release: "annual", enteredOn: "2022-01-20" } } });
    const r = recordSheetFigures(stored, sheetPlan({ A: { "2021": 12 } }), "2024-01-01");
    expect(r.plan).toBe(stored);
    expect(r.changes).toEqual([]);
  });

  it("keeps a figure cleared from the sheet and reports it; typed again, the same value is the same figure, another value a revision", () => {
    const stored = planWith({ B: { "2022": { value: 7, release: "preliminary", enteredOn: "2023-01-10" } } });
    const cleared = recordSheetFigures(stored, sheetPlan({}), "2023-02-01");
    expect(cleared.plan).toBe(stored);
    expect(cleared.notInSheet).toEqual([{ indicatorId: "B", year: 2022, value: 7 }]);
    const same = recordSheetFigures(cleared.plan, sheetPlan({ B: { "2022": 7 } }), "2023-02-02");
    expect(same.plan).toBe(stored);
    const other = recordSheetFigures(cleared.plan, sheetPlan({ B: { "2022": 8 } }), "2023-02-03");
    expect(other.plan.indicators[1]!.actuals["2022"]!.history).toEqual([
      { value: 7, release: "preliminary", enteredOn: "2023-01-10", replacedOn: "2023-02-03" },
    ]);
  });

  it("does not take an unreadable cell for a deletion, nor read years the sheet has no column for", () => {
    const stored = planWith({
      A: { "2021": { value: 5 }, "2020": { value: 4 } },
    });
    const r = recordSheetFigures(stored, sheetPlan({}), "2023-01-01", {
      years: [2021, 2022],
      unreadable: [{ indicatorId: "A", year: 2021 }],
    });
    expect(r.plan).toBe(stored);
    expect(r.notInSheet).toEqual([]);
  });

  it("lists stored indicators without a row (all kept) and rows the stored plan does not know (not recorded)", () => {
    const stored = planWith({ C: { "2021": { value: 1 } } });
    const sheet = sheetPlan({ A: { "2021": 2 } });
    const r = recordSheetFigures(
      stored,
      {
        ...sheet,
        indicators: [...sheet.indicators.filter((i) => i.id !== "C"), { ...sheet.indicators[0]!, id: "ROW9" }],
      },
      "2023-01-01",
    );
    expect(r.rowsNotInSheet).toEqual(["C"]);
    expect(r.rowsNotStored).toEqual(["ROW9"]);
    expect(r.plan.indicators[2]).toBe(stored.indicators[2]);
    expect(r.plan.indicators[0]!.actuals["2021"]!.value).toBe(2);
  });

  it("refuses a day that is not an ISO date (a programming error, not staff's)", () => {
    expect(() => recordSheetFigures(planWith({}), planWith({}), "1/2/2023")).toThrow(/ISO date/);
  });
});

describe("recordSheetFigures: properties over random sequences of sheets", () => {
  /** A cell: blank, a value from a small set (so values repeat), or text that cannot be read. */
  const cell = fc.oneof(
    { weight: 2, arbitrary: fc.constant<null>(null) },
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }).map((n) => n * 1.5) },
    { weight: 1, arbitrary: fc.constant<"unreadable">("unreadable") },
  );
  const sheetState = fc.array(cell, { minLength: IDS.length * YEARS.length, maxLength: IDS.length * YEARS.length });
  const steps = fc.array(sheetState, { minLength: 1, maxLength: 8 });

  type Cell = number | null | "unreadable";
  function toSheet(cells: Cell[]): { sheet: Sheet; unreadable: FigureRef[] } {
    const sheet: Sheet = {};
    const unreadable: FigureRef[] = [];
    cells.forEach((c, k) => {
      const id = IDS[Math.floor(k / YEARS.length)]!;
      const year = YEARS[k % YEARS.length]!;
      if (c === "unreadable") unreadable.push({ indicatorId: id, year });
      else if (c !== null) (sheet[id] ??= {})[String(year)] = c;
    });
    return { sheet, unreadable };
  }
  const day = (i: number) => `2023-01-${String(i + 1).padStart(2, "0")}`;

  it("no value is ever lost, history only grows at its end in date order, records stay valid, and recording twice changes nothing", () => {
    fc.assert(
      fc.property(steps, (states) => {
        let stored = planWith({});
        const ever = new Map<string, Set<number>>();
        states.forEach((cells, i) => {
          const { sheet, unreadable } = toSheet(cells as Cell[]);
          const before = stored;
          const r = recordSheetFigures(stored, sheetPlan(sheet), day(i), { unreadable });
          for (const [id, years] of Object.entries(sheet))
            for (const [y, v] of Object.entries(years)) {
              const k = `${id}|${y}`;
              if (!ever.has(k)) ever.set(k, new Set());
              ever.get(k)!.add(v);
            }
          stored = r.plan;
          for (const ind of stored.indicators) {
            const old = before.indicators.find((x) => x.id === ind.id)!;
            for (const year of YEARS.map(String)) {
              const a = ind.actuals[year];
              const values = ever.get(`${ind.id}|${year}`) ?? new Set<number>();
              // Every value ever recorded is current or in the history.
              const kept = new Set([...(a ? [a.value] : []), ...(a?.history ?? []).map((h) => h.value)]);
              for (const v of values) expect(kept.has(v)).toBe(true);
              // The sheet's readable figure is the current one.
              const shown = sheet[ind.id]?.[year];
              if (shown !== undefined) expect(a?.value).toBe(shown);
              // History is append-only and dated in order.
              const prev = old.actuals[year]?.history ?? [];
              expect((a?.history ?? []).slice(0, prev.length)).toEqual(prev);
              const dates = (a?.history ?? []).map((h) => h.replacedOn!);
              expect([...dates].sort()).toEqual(dates);
            }
          }
          // Idempotence: the same sheet again, even a day later, changes nothing.
          const again = recordSheetFigures(stored, sheetPlan(sheet), day(i + 1), { unreadable });
          expect(again.plan).toBe(stored);
          expect(again.changes).toEqual([]);
        });
        expect(() => planSchema.parse(stored)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe("setFigureFacts and figureRecord", () => {
  it("sets release, source and note together (a blank one cleared) and leaves value, dates and history alone", () => {
    const stored = planWith({
      A: {
        "2022": {
          value: 3,
          release: "revised",
          source: "old",
          enteredOn: "2023-05-01",
          history: [{ value: 2, replacedOn: "2023-05-01" }],
        },
      },
    });
    const r = setFigureFacts(stored, "A", 2022, { release: "annual", source: "  2022年统计年鉴 ", note: "" });
    expect(r.ok && r.actual).toEqual({
      value: 3,
      release: "annual",
      source: "2022年统计年鉴",
      enteredOn: "2023-05-01",
      history: [{ value: 2, replacedOn: "2023-05-01" }],
    });
    const cleared = setFigureFacts(stored, "A", 2022, { release: null, source: "" });
    expect(cleared.ok && cleared.actual).toEqual({
      value: 3,
      enteredOn: "2023-05-01",
      history: [{ value: 2, replacedOn: "2023-05-01" }],
    });
  });

  it("says which indicator and year have no figure yet, in both languages", () => {
    const r = setFigureFacts(planWith({}), "B", 2024, { release: "preliminary" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.zh).toContain("指标B");
    expect(r.message.zh).toContain("2024年");
    expect(r.message.en).toContain("Indicator B");
    expect(setFigureFacts(planWith({}), "Z", 2024, {}).ok).toBe(false);
  });

  it("shows the current figure and the values it replaced, most recent first", () => {
    const stored = planWith({
      A: {
        "2021": {
          value: 3,
          history: [
            { value: 1, replacedOn: "2022-01-01" },
            { value: 2, replacedOn: "2022-06-01" },
          ],
        },
      },
    });
    const view = figureRecord(stored, "A", 2021);
    expect(view.current?.value).toBe(3);
    expect(view.previous.map((p) => p.value)).toEqual([2, 1]);
    expect(figureRecord(stored, "A", 2022)).toEqual({ indicatorId: "A", year: 2021 + 1, current: null, previous: [] });
    expect(figureRecord(null, "A", 2021).current).toBeNull();
  });
});

describe("carryFigureRecords (the template inserted again over a plan with records)", () => {
  it("keeps the stored records and adjustments; years only the new plan has are added; another plan is not touched", () => {
    const stored = planWith({
      A: { "2021": { value: 3, release: "annual", history: [{ value: 2, replacedOn: "2022-06-01" }] } },
    });
    const withAdjustment: Plan = {
      ...stored,
      indicators: stored.indicators.map((i) =>
        i.id === "B"
          ? {
              ...i,
              targetAdjustments: [
                {
                  target: { kind: "level", value: 25, comparator: ">=", obligation: "reach" },
                  date: "2023-06-30",
                  document: "张政办发〔2023〕12号",
                  reason: "中期评估调整",
                },
              ],
            }
          : i,
      ),
    };
    const next = planWith({ A: { "2021": { value: 2.5, source: "seed" } }, C: { "2022": { value: 9 } } });
    const carried = carryFigureRecords(withAdjustment, next);
    expect(carried.indicators[0]!.actuals["2021"]).toEqual(withAdjustment.indicators[0]!.actuals["2021"]);
    expect(carried.indicators[1]!.targetAdjustments).toEqual(withAdjustment.indicators[1]!.targetAdjustments);
    expect(carried.indicators[2]!.actuals["2022"]).toEqual({ value: 9 });
    expect(() => planSchema.parse(carried)).not.toThrow();
    expect(carryFigureRecords({ ...stored, id: "other" }, next)).toBe(next);
  });
});
