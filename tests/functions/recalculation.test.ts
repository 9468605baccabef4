/**
 * A template that recalculates cheaply (issue #13 item 5), counted in the stand-in as Excel recalculates (every
 * dirty PLAN cell one call, a streaming call's later setResult one push): at 11 and 200 indicators, after
 * insert, an edit outside the template re-runs no PLAN cell; an edit of one figure re-runs only that
 * indicator's cells; a row form typed by staff (=PLAN.GAP(C7)) follows an edit of its row with one push and
 * stays still on an edit elsewhere; a figure in a new latest year makes C3 push the year once.
 * The same measurement as the benchmark's "PLAN calls per edit" (scripts/bench/recalculation.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { measureRecalculation, overBudget, type RecalculationRun } from "../../scripts/bench/recalculation";

let uninstall: (() => void) | null = null;
function freshStandin(): Standin {
  uninstall?.();
  const standin = createStandin({ displayLanguage: "zh-CN" });
  uninstall = installStandin(standin);
  return standin;
}
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const edit = (run: RecalculationRun, starts: string) => {
  const found = run.edits.find((e) => e.edit.startsWith(starts));
  if (!found) throw new Error(`no edit "${starts}" in ${run.edits.map((e) => e.edit).join(", ")}`);
  return found;
};
const calls = (e: RecalculationRun["edits"][number], id: string) => e.byFunction[id] ?? { invocations: 0, pushes: 0 };

describe.each([11, 200])("PLAN calls per edit, %i indicators", (count) => {
  it("outside the template: none; one figure: that indicator's 8 cells; the typed row form follows its row only", async () => {
    const run = await measureRecalculation(count, freshStandin());
    expect(run.planCellsPerRow).toBe(8);
    expect(run.planCells).toBe(8 * count + 1); // and C3

    for (const outside of [edit(run, "a cell on another sheet"), edit(run, "a cell of the template's sheet")]) {
      expect(outside.invocations, outside.edit).toBe(0);
      expect(outside.pushes, outside.edit).toBe(0);
    }

    const other = edit(run, "a 2023 figure of another indicator");
    expect(other.byFunction).toEqual({ EVALUATE: { invocations: 8, pushes: 0 } });
    // The typed =PLAN.GAP(C…) does not re-run, nor push: its row did not change.
    expect(calls(other, "GAP")).toEqual({ invocations: 0, pushes: 0 });

    const own = edit(run, "a 2023 figure of the indicator the typed");
    expect(own.byFunction).toEqual({ EVALUATE: { invocations: 8, pushes: 0 }, GAP: { invocations: 0, pushes: 1 } });
    // It followed: a new value, the same as the template's own 差距 of that row.
    expect(typeof run.rowForm.after, run.rowForm.address).toBe("number");
    expect(run.rowForm.after).not.toEqual(run.rowForm.before);
    expect(run.rowForm.after).toEqual(run.rowForm.templateGap);

    const year = edit(run, "a 2024 figure");
    expect(calls(year, "DATAYEAR")).toEqual({ invocations: 0, pushes: 1 }); // C3 pushes the new year once
    expect(calls(year, "EVALUATE").invocations).toBe(8 * count + 8); // every computed cell, the edited row twice

    expect(overBudget(run)).toEqual([]);
  }, 180_000);
});

describe("the count can fail", () => {
  it("a volatile formula typed by staff re-runs on an edit outside the template, and the budget says so", async () => {
    const standin = freshStandin();
    const run = await measureRecalculation(11, standin);
    expect(overBudget(run)).toEqual([]);
    // NOW() is volatile: the PLAN cell that takes it is evaluated again on every edit anywhere, as every PLAN
    // cell of the template was while the row form was volatile.
    standin.workbook.setCellInput("Sheet1", "C1", "=PLAN.ELAPSED(2020,2025,MIN(2025,YEAR(NOW())))");
    await standin.whenIdle();
    standin.resetFunctionCalls();
    standin.workbook.setCellInput("Sheet1", "A1", "13");
    await standin.whenIdle();
    expect(standin.functionCalls.byFunction.ELAPSED?.invocations).toBe(1);
    const counted = {
      ...run,
      edits: [
        { ...run.edits[0]!, invocations: standin.functionCalls.invocations, pushes: standin.functionCalls.pushes },
      ],
    };
    expect(overBudget(counted)).toEqual(["11 indicators, a cell on another sheet: 1 calls / 0 pushes (budget 0 / 0)"]);
    // A row form that stopped following its row is reported too (cheap because broken is no saving).
    const stuck = { ...run, rowForm: { ...run.rowForm, after: run.rowForm.before } };
    expect(overBudget(stuck)).toEqual([expect.stringContaining("did not follow its row")]);
  }, 180_000);
});
