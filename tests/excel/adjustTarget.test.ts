/**
 * Approved target adjustments in the workbook (src/excel/adjustTarget.ts): the 调整后目标 cell and the
 * stored record are written together in 2 round trips, the original target stays, the sheet's status
 * and the pane's follow the adjusted target, and a value staff typed in the cell is never replaced
 * unless they confirm.
 */
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/planSchema";
import { PLAN_NAMESPACE } from "../../src/core/workbookStore";
import { adjustTarget } from "../../src/excel/adjustTarget";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { mirrorSettingsToPart, readWorkbookPlan } from "../../src/excel/workbookPlanStore";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { cellOf, measure, seedPlan, syntheticPlan, useHost } from "./helpers";

const ID = "HIGH_TECH_ENTERPRISES"; // 116 (2020) → 150 (2025), a count
const ROW = 6 + seedPlan.indicators.findIndex((i) => i.id === ID);
const at = (key: Parameters<typeof cellOf>[1]) => cellOf(seedPlan, key, ROW);
const approval = { value: "170", date: "2023年6月30日", document: "张政办发〔2023〕12号", reason: "中期评估后上调" };

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

describe("adjustTarget", () => {
  const host = useHost();

  async function setUp(): Promise<{ tableName: string; sheetName: string }> {
    const r = await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    // 2023: 133 of 116 → 150 is half the way at 60 % of the time: 基本符合预期.
    host.standin.workbook.setCellInput(r.sheetName, at("y2023"), "133");
    return { tableName: r.tableName, sheetName: r.sheetName };
  }

  const cellValue = (sheet: string, address: string) => host.standin.workbook.cell(sheet, address).value;

  it("writes 调整后目标 and the record in 2 round trips, keeps the original, and the status follows the adjusted target", async () => {
    const { tableName, sheetName } = await setUp();
    const pane = (snapshot: Awaited<ReturnType<typeof readTemplate>>) => {
      const { summary, sheet } = evaluateSnapshot(snapshot);
      return { ev: summary.evaluations.find((e) => e.indicatorId === ID)!, sheet };
    };
    const before = pane(await readTemplate(tableName));
    expect(before.ev.status?.code).toBe("onTrack");
    expect(cellValue(sheetName, at("status"))).toBe("基本符合预期");

    const r = await measure(host.standin, () => adjustTarget(tableName, ID, approval));
    expect(r.syncs).toBe(2);
    expect(r.result).toMatchObject({ kind: "adjusted", address: at("adjustedTarget"), cell: "written" });
    expect(cellValue(sheetName, at("adjustedTarget"))).toBe(170);
    expect(cellValue(sheetName, at("target"))).toBe(150);
    // The sheet's own formulas and the pane both judge against 170 now: 17 of 54 at 60 % of the time.
    expect(cellValue(sheetName, at("status"))).toBe("滞后");
    const after = pane(await readTemplate(tableName));
    expect(after.ev.status?.code).toBe("lagging");
    expect(after.ev.target.original).toMatchObject({ kind: "level", value: 150 });
    expect(after.ev.target.effective).toMatchObject({ kind: "level", value: 170 });
    const adjustment = {
      target: { kind: "level", value: 170, comparator: ">=", obligation: "reach" },
      date: "2023-06-30",
      document: "张政办发〔2023〕12号",
      reason: "中期评估后上调",
    };
    // The pane's reading of the row carries the record (文号, reason) from the stored plan.
    expect(after.sheet.plan.indicators.find((i) => i.id === ID)!.targetAdjustments).toEqual([adjustment]);
    const stored = (await storedPlan()).indicators.find((i) => i.id === ID)!;
    expect(stored.target).toMatchObject({ kind: "level", value: 150 });
    expect(stored.targetAdjustments).toEqual([adjustment]);

    // A later adjustment replaces the value the add-in wrote; the records stay in order.
    const again = await adjustTarget(tableName, ID, { ...approval, value: 160, date: "2024-07-01" });
    expect(again).toMatchObject({ kind: "adjusted", cell: "written" });
    expect(cellValue(sheetName, at("adjustedTarget"))).toBe(160);
    const values = (await storedPlan()).indicators
      .find((i) => i.id === ID)!
      .targetAdjustments!.map((a) => ("value" in a.target ? a.target.value : null));
    expect(values).toEqual([170, 160]);
  });

  it("never replaces a value staff typed in 调整后目标 without their word; with it, says what it replaced", async () => {
    const { tableName, sheetName } = await setUp();
    host.standin.workbook.setCellInput(sheetName, at("adjustedTarget"), "165");
    const before = await partXml();
    const refused = await measure(host.standin, () => adjustTarget(tableName, ID, approval));
    expect(refused.syncs).toBe(1);
    expect(refused.result).toMatchObject({ kind: "cellChanged", address: at("adjustedTarget"), current: "165" });
    expect(refused.result.kind === "cellChanged" && refused.result.message.zh).toContain("未作任何更改");
    expect(cellValue(sheetName, at("adjustedTarget"))).toBe(165);
    expect(await partXml()).toEqual(before);

    const confirmed = await adjustTarget(tableName, ID, approval, { overwrite: true });
    expect(confirmed).toMatchObject({ kind: "adjusted", cell: "replaced", replaced: "165" });
    expect(cellValue(sheetName, at("adjustedTarget"))).toBe(170);
  });

  it("records the approval of a value staff already typed, without writing the cell", async () => {
    const { tableName, sheetName } = await setUp();
    host.standin.workbook.setCellInput(sheetName, at("adjustedTarget"), "170");
    const r = await adjustTarget(tableName, ID, approval);
    expect(r).toMatchObject({ kind: "adjusted", cell: "shown" });
    expect((await storedPlan()).indicators.find((i) => i.id === ID)!.targetAdjustments![0]!.document).toBe(
      "张政办发〔2023〕12号",
    );
  });

  it("writes nothing when the adjustment is incomplete, when the row is unknown, or when the part cannot be trusted", async () => {
    const { tableName, sheetName } = await setUp();
    const before = await partXml();
    const invalid = await measure(host.standin, () =>
      adjustTarget(tableName, ID, { value: "x", date: "", document: "", reason: "" }),
    );
    expect(invalid.syncs).toBe(1);
    expect(invalid.result.kind === "invalid" && invalid.result.problems.map((p) => p.field)).toEqual([
      "value",
      "date",
      "document",
      "reason",
    ]);
    expect(invalid.result.kind === "invalid" && invalid.result.problems[0]!.message.zh).toContain("高新技术企业");
    const text = await adjustTarget(tableName, "TECH_PROGRESS_CONTRIBUTION", approval);
    expect(text.kind).toBe("invalid");
    expect((await adjustTarget(tableName, "NO_SUCH_ROW", approval)).kind).toBe("notFound");
    expect(cellValue(sheetName, at("adjustedTarget"))).toBe("");
    expect(await partXml()).toEqual(before);

    await Excel.run(async (context) => {
      const part = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE).getOnlyItem();
      const xml = part.getXml();
      await context.sync();
      part.setXml(xml.value.replace("150", "151"));
      await context.sync();
    });
    const tampered = await partXml();
    const blocked = await adjustTarget(tableName, ID, approval);
    expect(blocked.kind === "blocked" && blocked.block.kind).toBe("untrusted");
    expect(cellValue(sheetName, at("adjustedTarget"))).toBe("");
    expect(await partXml()).toEqual(tampered);
  });

  it("costs 2 round trips at 1,000 indicators too", async () => {
    const plan = syntheticPlan(1000);
    const r = await insertTemplate(plan, "zh");
    await mirrorSettingsToPart({}, { plan });
    const target = plan.indicators[998]!;
    expect(target.target.kind).toBe("level");
    const m = await measure(host.standin, () => adjustTarget(r.tableName, target.id, { ...approval, value: 1500 }));
    expect(m.syncs).toBe(2);
    expect(m.result.kind).toBe("adjusted");
  }, 120_000);
});
