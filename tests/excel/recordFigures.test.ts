/**
 * Figure history in the workbook (src/excel/recordFigures.ts): figures typed in the stand-in's sheet
 * are recorded in the plan part (entry dates, revisions with the previous value), in a constant
 * number of round trips at 11 and 1,000 indicators and under the request budget; the history survives
 * the workbook being saved and opened elsewhere, reaches the pane's reading of the sheet and the plan
 * export; staff's release/source/note are stored; a part the add-in cannot trust is never written.
 */
import { describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { carryFigureRecords } from "../../src/core/figureHistory";
import { planFromTemplate } from "../../src/core/planExport";
import { parsePlanFile } from "../../src/core/planFile";
import type { Plan } from "../../src/core/planSchema";
import { PLAN_NAMESPACE } from "../../src/core/workbookStore";
import { exportWorkbookPlan } from "../../src/excel/exportPlan";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { localIsoDate, recordFigures, setFigureRecord } from "../../src/excel/recordFigures";
import { REQUEST_BUDGET } from "../../src/excel/requestBudget";
import { mirrorSettingsToPart, readWorkbookPlan } from "../../src/excel/workbookPlanStore";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { cellOf, measure, seedPlan, syntheticPlan, useHost } from "./helpers";

/** Inserts the plan's template and stores the plan in the part, as the pane does after an insert. */
async function inserted(plan: Plan): Promise<{ tableName: string; sheetName: string }> {
  const r = await insertTemplate(plan, "zh");
  await mirrorSettingsToPart({}, { plan });
  return { tableName: r.tableName, sheetName: r.sheetName };
}

/** Row of an indicator in a freshly inserted template. */
const rowOf = (plan: Plan, id: string) => 6 + plan.indicators.findIndex((i) => i.id === id);

async function storedPlan(): Promise<Plan> {
  const { read } = await readWorkbookPlan();
  if (read.kind !== "ok") throw new Error(`part: ${read.kind}`);
  return read.doc.plan;
}

async function partXml(): Promise<string[]> {
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE);
    parts.load("items");
    await context.sync();
    const texts = parts.items.map((p) => p.getXml());
    await context.sync();
    return texts.map((t) => t.value);
  });
}

/** Each round trip's request (stand-in estimate) while `op` runs. */
async function requestSizes<T>(standin: Standin, op: () => Promise<T>): Promise<{ result: T; sizes: number[] }> {
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
    return { result: await op(), sizes };
  } finally {
    stop();
  }
}

describe("recordFigures", () => {
  const host = useHost();

  it.each([11, 1000])(
    "at %i indicators: 1 round trip when nothing changed, 2 when figures were entered or revised; every request under 4 MB",
    async (count) => {
      const plan = syntheticPlan(count);
      const { tableName, sheetName } = await inserted(plan);
      const unchanged = await measure(host.standin, () => recordFigures(tableName, { today: "2023-01-05" }));
      expect(unchanged.syncs).toBe(1);
      expect(unchanged.result).toMatchObject({ kind: "recorded", saved: false, changes: [] });

      // A revision of the first indicator's 2021 figure and a new 2022 figure for the last one.
      const first = plan.indicators[0]!;
      const last = plan.indicators[count - 1]!;
      host.standin.workbook.setCellInput(sheetName, cellOf(plan, "y2021", rowOf(plan, first.id)), "22.5");
      host.standin.workbook.setCellInput(sheetName, cellOf(plan, "y2022", rowOf(plan, last.id)), "1");
      const { result, sizes } = await requestSizes(host.standin, () =>
        measure(host.standin, () => recordFigures(tableName, { today: "2023-02-01" })),
      );
      expect(result.syncs).toBe(2);
      expect(result.result).toMatchObject({ kind: "recorded", saved: true });
      if (result.result.kind !== "recorded") return;
      expect(result.result.changes).toEqual([
        { indicatorId: first.id, year: 2021, kind: "revised", value: 22.5, previous: 21 },
        { indicatorId: last.id, year: 2022, kind: "entered", value: 1 },
      ]);
      expect(Math.max(...sizes)).toBeLessThan(REQUEST_BUDGET);

      const stored = await storedPlan();
      expect(stored.indicators[0]!.actuals["2021"]).toEqual({
        value: 22.5,
        release: "revised",
        enteredOn: "2023-02-01",
        history: [{ value: 21, replacedOn: "2023-02-01" }],
      });
      expect(stored.indicators[count - 1]!.actuals["2022"]).toEqual({ value: 1, enteredOn: "2023-02-01" });
      // Recording the same sheet again writes nothing.
      const again = await measure(host.standin, () => recordFigures(tableName, { today: "2023-02-02" }));
      expect(again.syncs).toBe(1);
      expect(again.result).toMatchObject({ saved: false });
    },
    120_000,
  );

  it("a revision typed in the sheet reaches the stored history, survives saving and opening the workbook elsewhere, and is exported", async () => {
    const { tableName, sheetName } = await inserted(seedPlan);
    const id = "HIGH_TECH_ENTERPRISES";
    const cell = cellOf(seedPlan, "y2021", rowOf(seedPlan, id));
    host.standin.workbook.setCellInput(sheetName, cell, "120"); // 快报
    await recordFigures(tableName, { today: "2022-01-25" });
    const facts = await setFigureRecord(
      tableName,
      id,
      2021,
      { release: "preliminary", source: "2021年统计快报" },
      {
        today: "2022-01-26",
      },
    );
    expect(facts.kind).toBe("set");
    host.standin.workbook.setCellInput(sheetName, cell, "123"); // 年报
    const revised = await recordFigures(tableName, { today: "2022-06-30" });
    expect(revised).toMatchObject({ kind: "recorded", saved: true });

    const expected = {
      value: 123,
      release: "revised",
      enteredOn: "2022-06-30",
      history: [
        {
          value: 120,
          release: "preliminary",
          source: "2021年统计快报",
          enteredOn: "2022-01-25",
          replacedOn: "2022-06-30",
        },
      ],
    };
    const ind = (p: Plan) => p.indicators.find((i) => i.id === id)!;
    expect(ind(await storedPlan()).actuals["2021"]).toEqual(expected);

    // Shared: the workbook saved and opened on a colleague's machine.
    const saved = JSON.parse(JSON.stringify(host.standin.serialize()));
    const elsewhere = createStandin({ displayLanguage: "zh-CN", state: saved });
    const uninstall = installStandin(elsewhere);
    try {
      expect(ind(await storedPlan()).actuals["2021"]).toEqual(expected);
      // The pane's reading of the sheet carries the record (the sheet still shows 123).
      const { sheet } = evaluateSnapshot(await readTemplate(tableName));
      expect(ind(sheet.plan).actuals["2021"]).toEqual(expected);
      // The plan export (exportWorkbookPlan → planFromTemplate) carries the history.
      const exported = await exportWorkbookPlan(tableName);
      if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
      expect(ind(exported.plan).actuals["2021"]).toEqual(expected);
      const file = parsePlanFile(exported.text);
      expect(file.ok && ind(file.plan).actuals["2021"]).toEqual(expected);
      // … and so does planFromTemplate from the snapshot directly.
      const snap = await readTemplate(tableName);
      const direct = planFromTemplate(snap.stored.kind === "ok" ? snap.stored.plan : null, snap.headers, snap.values);
      expect(direct.ok && ind(direct.plan).actuals["2021"]).toEqual(expected);
      // Staff there revise it again: the history grows at its end.
      elsewhere.workbook.setCellInput(sheetName, cell, "124");
      await recordFigures(tableName, { today: "2023-01-10" });
      expect(ind(await storedPlan()).actuals["2021"]!.history!.map((h) => h.value)).toEqual([120, 123]);
    } finally {
      uninstall();
    }
  }, 60_000);

  it("keeps a cleared figure and reports it; an unreadable figure is not a deletion", async () => {
    const plan = syntheticPlan(11);
    const { tableName, sheetName } = await inserted(plan);
    const a = plan.indicators[1]!;
    const b = plan.indicators[2]!;
    host.standin.workbook.clearCells(sheetName, cellOf(plan, "y2021", rowOf(plan, a.id)));
    host.standin.workbook.setCellInput(sheetName, cellOf(plan, "y2021", rowOf(plan, b.id)), "abc");
    const before = await partXml();
    const r = await measure(host.standin, () => recordFigures(tableName, { today: "2023-01-05" }));
    expect(r.syncs).toBe(1);
    expect(r.result).toMatchObject({
      kind: "recorded",
      saved: false,
      notInSheet: [{ indicatorId: a.id, year: 2021, value: a.actuals["2021"]!.value }],
    });
    expect(await partXml()).toEqual(before);
  });

  it("records the value just typed before setting its release and source; says so when the cell has no figure", async () => {
    const { tableName, sheetName } = await inserted(seedPlan);
    const id = "RD_INTENSITY";
    host.standin.workbook.setCellInput(sheetName, cellOf(seedPlan, "y2022", rowOf(seedPlan, id)), "1.31");
    const r = await measure(host.standin, () =>
      setFigureRecord(
        tableName,
        id,
        2022,
        { release: "annual", source: "2022年统计年鉴", note: "口径同上年" },
        {
          today: "2023-05-02",
        },
      ),
    );
    expect(r.syncs).toBe(2);
    expect(r.result).toMatchObject({
      kind: "set",
      actual: { value: 1.31, release: "annual", source: "2022年统计年鉴", note: "口径同上年", enteredOn: "2023-05-02" },
    });
    const none = await setFigureRecord(tableName, id, 2023, { release: "annual" });
    expect(none.kind).toBe("invalid");
    expect(none.kind === "invalid" && none.message.zh).toContain("2023年还没有记录数值");
  });

  it("never writes a part the add-in cannot trust, nor without one, and says why", async () => {
    const { tableName, sheetName } = await inserted(seedPlan);
    // Someone edits the part outside the add-in: its checksum no longer matches.
    await Excel.run(async (context) => {
      const part = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE).getOnlyItem();
      const xml = part.getXml();
      await context.sync();
      part.setXml(xml.value.replace("RD_INTENSITY", "RD_INTENSITZ"));
      await context.sync();
    });
    const before = await partXml();
    host.standin.workbook.setCellInput(sheetName, cellOf(seedPlan, "y2021", 7), "1.3");
    const r = await recordFigures(tableName, { today: "2023-01-05" });
    expect(r.kind).toBe("blocked");
    expect(r.kind === "blocked" && r.block.kind).toBe("untrusted");
    expect(r.kind === "blocked" && r.block.message.zh).toContain("校验值不符");
    expect(await partXml()).toEqual(before);
    const set = await setFigureRecord(tableName, "RD_INTENSITY", 2021, { release: "annual" });
    expect(set.kind).toBe("blocked");
    expect(await partXml()).toEqual(before);

    await Excel.run(async (context) => {
      context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE).getOnlyItem().delete();
      await context.sync();
    });
    const none = await recordFigures(tableName);
    expect(none.kind === "blocked" && none.block.kind).toBe("noStoredPlan");
    expect(await partXml()).toEqual([]);
  });

  it("inserting the template again keeps the recorded history when the pane passes carryFigureRecords", async () => {
    const { tableName, sheetName } = await inserted(seedPlan);
    const cell = cellOf(seedPlan, "y2021", rowOf(seedPlan, "RD_INTENSITY"));
    host.standin.workbook.setCellInput(sheetName, cell, "1.25");
    await recordFigures(tableName, { today: "2022-02-01" });
    host.standin.workbook.setCellInput(sheetName, cell, "1.27");
    await recordFigures(tableName, { today: "2022-07-01" });
    await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan, carry: carryFigureRecords });
    const a = (await storedPlan()).indicators.find((i) => i.id === "RD_INTENSITY")!.actuals["2021"]!;
    expect(a.value).toBe(1.27);
    expect(a.history?.map((h) => h.value)).toEqual([1.25]);
    const unchanged = await recordFigures(tableName, { today: "2022-07-02" });
    expect(unchanged).toMatchObject({ saved: false, changes: [] });
  });

  it("dates entries by staff's local day", () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59))).toBe("2024-01-05");
  });
});
