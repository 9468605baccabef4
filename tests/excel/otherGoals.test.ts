/**
 * The plan's other goals (supplementary indicators: goals its text states outside the main table, the 2035
 * vision among them) in a block of their own below the table (issue #13 item 8): no yearly input cells and no
 * PLAN formulas, read back with every field and the supplementary flag, refreshed without touching staff's
 * cells, exported and copied; figures a plan file gives for such a goal stay with the stored plan.
 */
import { describe, expect, it } from "vitest";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { buildOtherGoalsHeaderRow, OTHER_GOALS_CAPTION, templateColumns } from "../../src/core/templateLayout";
import { adjustTarget } from "../../src/excel/adjustTarget";
import { reportedIndicators } from "../../src/core/evaluationReport";
import { exportWorkbookPlan } from "../../src/excel/exportPlan";
import { applyHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { readTemplate } from "../../src/excel/readTemplate";
import { repairTemplate } from "../../src/excel/repairTemplate";
import { planFromSnapshot } from "../../src/excel/sheetPlan";
import { FIRST_BODY_ROW } from "../../src/excel/templateContent";
import { mirrorSettingsToPart } from "../../src/excel/workbookPlanStore";
import { integrityProblems, repairOffered } from "../../src/taskpane/app/integrityView";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { cellOf, seedPlan, syntheticPlan, useHost } from "./helpers";

const columns = templateColumns(seedPlan);
const MAIN = seedPlan.indicators.filter((i) => !i.supplementary);
const OTHER = seedPlan.indicators.filter((i) => i.supplementary);
/** Sheet rows of the seed's block: a blank row after the table, the caption, the header, then a row per goal. */
const CAPTION_ROW = FIRST_BODY_ROW + MAIN.length + 1;
const HEADER_ROW = CAPTION_ROW + 1;
const at = (key: Parameters<typeof cellOf>[1], row: number) => cellOf(seedPlan, key, row);

async function insertSeed(plan: Plan = seedPlan) {
  const inserted = await insertTemplate(plan, "zh");
  await mirrorSettingsToPart({}, { plan }); // as the pane does after every insert
  return inserted;
}

describe("the other goals' block", () => {
  const host = useHost();

  it("holds the seed's four supplementary goals under their own header, with no year cells and no formulas", async () => {
    expect(OTHER.map((i) => i.id)).toContain("VISION_2035");
    const { sheetName } = await insertSeed();
    const wb = host.standin.workbook;
    // The table holds the main indicators only.
    expect(wb.tables(sheetName)[0]!.address).toMatch(new RegExp(`:[A-Z]+${FIRST_BODY_ROW + MAIN.length - 1}$`));
    expect(wb.cell(sheetName, `A${CAPTION_ROW - 1}`).valueType).toBe("Empty");
    expect(wb.cell(sheetName, `A${CAPTION_ROW}`).value).toBe(OTHER_GOALS_CAPTION.zh);
    const header = columns.map((_c, i) => wb.cellAt(sheetName, HEADER_ROW - 1, i).value);
    expect(header).toEqual(buildOtherGoalsHeaderRow(seedPlan, "zh"));
    expect(header).toContain("人工状态");
    expect(header).toContain("指标代码");
    expect(header).not.toContain("2021年");
    expect(header).not.toContain("状态");
    OTHER.forEach((ind, r) => {
      const row = HEADER_ROW + 1 + r;
      expect(wb.cell(sheetName, at("id", row)).value).toBe(ind.id);
      expect(wb.cell(sheetName, at("name", row)).value).toBe(ind.name.zh);
      columns.forEach((c, i) => {
        const cell = wb.cellAt(sheetName, row - 1, i);
        expect(cell.input.startsWith("=")).toBe(false); // no PLAN formula, nothing computed
        if (c.year !== undefined || c.role === "computed") expect(cell.valueType).toBe("Empty");
      });
    });
    // The vision's words are in its target cell, as text.
    const vision = OTHER[OTHER.length - 1]!;
    expect(vision.id).toBe("VISION_2035");
    expect(wb.cell(sheetName, at("target", HEADER_ROW + OTHER.length)).value).toBe(
      vision.target.kind === "text" ? vision.target.text.zh : null,
    );
    // Printed with the table.
    expect(wb.pageLayout(sheetName).printArea).toMatch(new RegExp(`:[A-Z]+${HEADER_ROW + OTHER.length}$`));
  });

  it("reads back and exports every goal with its supplementary flag and every field", async () => {
    const { tableName } = await insertSeed();
    const sheet = planFromSnapshot(await readTemplate(tableName));
    expect(sheet.plan.indicators).toEqual(seedPlan.indicators);
    expect(sheet.rowOf.get("VISION_2035")).toBe(HEADER_ROW + OTHER.length);
    const exported = await exportWorkbookPlan(tableName);
    if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
    expect(exported.skipped).toEqual([]);
    expect(planSchema.parse(JSON.parse(exported.text)).indicators).toEqual(seedPlan.indicators);
  });

  it("shows a goal's own target year (the 2035 vision) in its 目标年 cell, reads it back and exports it; main rows show the plan's", async () => {
    const { sheetName, tableName } = await insertSeed();
    const wb = host.standin.workbook;
    const visionRow = HEADER_ROW + OTHER.length;
    expect(wb.cell(sheetName, at("targetYear", visionRow)).value).toBe(2035);
    expect(wb.cell(sheetName, at("targetYear", HEADER_ROW + 1)).value).toBe(seedPlan.targetYear);
    expect(wb.cell(sheetName, at("targetYear", FIRST_BODY_ROW)).value).toBe(seedPlan.targetYear);
    const exported = await exportWorkbookPlan(tableName);
    if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
    const file = JSON.parse(exported.text) as Plan;
    expect(file.targetYear).toBe(2025);
    expect(file.indicators.find((i) => i.id === "VISION_2035")!.targetYear).toBe(2035);
    expect(file.indicators.filter((i) => "targetYear" in i).map((i) => i.id)).toEqual(["VISION_2035"]);
    expect("targetYear" in file.indicators.find((i) => i.id === MAIN[0]!.id)!).toBe(false);
    // Staff type another year for a goal of the block, and the plan's year back for the vision.
    wb.setCellInput(sheetName, at("targetYear", HEADER_ROW + 1), "2030");
    wb.setCellInput(sheetName, at("targetYear", visionRow), "2025");
    const read = planFromSnapshot(await readTemplate(tableName)).plan;
    expect(read.targetYear).toBe(2025);
    expect(read.indicators.find((i) => i.id === OTHER[0]!.id)!.targetYear).toBe(2030);
    expect("targetYear" in read.indicators.find((i) => i.id === "VISION_2035")!).toBe(false);
    const again = await exportWorkbookPlan(tableName);
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    const second = planSchema.parse(JSON.parse(again.text));
    expect(second.indicators.filter((i) => i.targetYear !== undefined).map((i) => [i.id, i.targetYear])).toEqual([
      [OTHER[0]!.id, 2030],
    ]);
  });

  it("keeps a goal's figures from the plan file with the stored plan (the block has no cell for them)", async () => {
    const withFigures = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((i) =>
        i.id === "HIGH_VALUE_PATENTS_TOTAL" ? { ...i, actuals: { "2022": { value: 800 } } } : i,
      ),
    });
    const inserted = await insertSeed(withFigures);
    expect(inserted.otherGoalFigures).toBe(1);
    const sheet = planFromSnapshot(await readTemplate(inserted.tableName));
    expect(sheet.plan.indicators.find((i) => i.id === "HIGH_VALUE_PATENTS_TOTAL")!.actuals).toEqual({
      "2022": { value: 800 },
    });
    const exported = await exportWorkbookPlan(inserted.tableName);
    if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
    expect(exported.plan.indicators.find((i) => i.id === "HIGH_VALUE_PATENTS_TOTAL")!.actuals).toEqual({
      "2022": { value: 800 },
    });
  });

  it("keeps the manual status and note staff typed in the block when the template is inserted again", async () => {
    const { sheetName, tableName } = await insertSeed();
    const wb = host.standin.workbook;
    const row = HEADER_ROW + OTHER.length; // the 2035 vision
    wb.setCellInput(sheetName, at("manualStatus", row), "基本符合预期");
    wb.setCellInput(sheetName, at("manualNote", row), "按规划正文人工判断");
    const again = await insertTemplate(seedPlan, "zh");
    expect(again.created).toBe(false);
    expect(again.added).toBe(0);
    expect(wb.cell(sheetName, at("manualStatus", row)).value).toBe("基本符合预期");
    expect(wb.cell(sheetName, at("manualNote", row)).value).toBe("按规划正文人工判断");
    expect(wb.tables(sheetName)[0]!.address).toMatch(new RegExp(`:[A-Z]+${FIRST_BODY_ROW + MAIN.length - 1}$`));
    const vision = planFromSnapshot(await readTemplate(tableName)).plan.indicators.find((i) => i.id === "VISION_2035")!;
    expect(vision.override).toEqual({ status: "onTrack", note: "按规划正文人工判断" });
    expect(vision.supplementary).toBe(true);
  });

  it("names a header cleared in the block and writes it back, as in the table's header (integrity)", async () => {
    const { sheetName, tableName } = await insertSeed();
    const wb = host.standin.workbook;
    expect(planFromSnapshot(await readTemplate(tableName)).integrity.otherGoals?.headers).toEqual({
      repairs: [],
      unplaced: [],
    });
    wb.clearCells(sheetName, at("name", HEADER_ROW));
    const sheet = planFromSnapshot(await readTemplate(tableName));
    expect(sheet.integrity.otherGoals?.headers.repairs).toEqual([
      expect.objectContaining({ key: "name", expected: "指标", current: "" }),
    ]);
    const problems = integrityProblems(sheet, "zh");
    expect(problems).toEqual([expect.objectContaining({ kind: "header", address: at("name", HEADER_ROW) })]);
    expect(problems[0]!.message).toContain("指标");
    expect(repairOffered(sheet)).toBe(true);
    const repaired = await repairTemplate(tableName);
    expect(repaired.headers).toEqual([{ address: at("name", HEADER_ROW), from: "", to: "指标" }]);
    expect(wb.cell(sheetName, at("name", HEADER_ROW)).value).toBe("指标");
    expect(integrityProblems(planFromSnapshot(await readTemplate(tableName)), "zh")).toEqual([]);
  });

  it("takes an approved target adjustment of a goal in the block, in its own 调整后目标 cell", async () => {
    const { sheetName, tableName } = await insertSeed();
    const row = HEADER_ROW + 1; // HIGH_VALUE_PATENTS_TOTAL, the block's first goal
    const approval = {
      value: "900",
      date: "2023年6月30日",
      document: "张政办发〔2023〕12号",
      reason: "中期评估后上调",
    };
    const outcome = await adjustTarget(tableName, "HIGH_VALUE_PATENTS_TOTAL", approval);
    expect(outcome.kind).toBe("adjusted");
    expect(outcome.kind === "adjusted" && outcome.address).toBe(at("adjustedTarget", row));
    expect(host.standin.workbook.cell(sheetName, at("adjustedTarget", row)).value).toBe(900);
  });

  it("feeds the evaluation report (the main table by default, the other goals when asked) and leaves highlights on the table", async () => {
    const { sheetName, tableName } = await insertSeed();
    const snapshot = await readTemplate(tableName);
    const { sheet } = evaluateSnapshot(snapshot);
    expect(reportedIndicators(sheet.plan).map((i) => i.id)).toEqual(MAIN.map((i) => i.id));
    expect(reportedIndicators(sheet.plan, true).map((i) => i.id)).toEqual(seedPlan.indicators.map((i) => i.id));
    expect(await applyHighlights(snapshot)).toHaveLength(3);
    const wb = host.standin.workbook;
    // The block has no status column: no rule reaches its rows.
    columns.forEach((_c, i) =>
      expect(wb.cellAt(sheetName, HEADER_ROW, i).fill).toBe(wb.cellAt(sheetName, HEADER_ROW, i).ownFill),
    );
  });

  it("moves the block down, staff's cells with it, when a refresh adds main rows to the table", async () => {
    const fewer = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.filter((i) => i.id !== "RD_INTENSITY"),
    });
    const { sheetName, tableName } = await insertSeed(fewer);
    const wb = host.standin.workbook;
    const visionRow = HEADER_ROW + OTHER.length - 1; // one main row fewer: the block is a row higher
    expect(wb.cell(sheetName, `A${CAPTION_ROW - 1}`).value).toBe(OTHER_GOALS_CAPTION.zh);
    wb.setCellInput(sheetName, at("manualStatus", visionRow), "基本符合预期");
    wb.setCellInput(sheetName, at("manualNote", visionRow), "3-5"); // text that Excel would take for a date
    wb.setCellInput(sheetName, at("y2021", FIRST_BODY_ROW), "4");
    const again = await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    expect(again.added).toBe(1);
    expect(again.kept).toEqual([]);
    // The table has its new row where the blank row was; the block is one row lower, as it was.
    expect(wb.tables(sheetName)[0]!.address).toMatch(new RegExp(`:[A-Z]+${FIRST_BODY_ROW + MAIN.length - 1}$`));
    expect(wb.cell(sheetName, at("id", FIRST_BODY_ROW + MAIN.length - 1)).value).toBe("RD_INTENSITY");
    expect(wb.cell(sheetName, `A${CAPTION_ROW - 1}`).valueType).toBe("Empty");
    expect(wb.cell(sheetName, `A${CAPTION_ROW}`).value).toBe(OTHER_GOALS_CAPTION.zh);
    const header = columns.map((_c, i) => wb.cellAt(sheetName, HEADER_ROW - 1, i).value);
    expect(header).toEqual(buildOtherGoalsHeaderRow(seedPlan, "zh"));
    expect(wb.cell(sheetName, at("manualStatus", visionRow + 1)).value).toBe("基本符合预期");
    expect(wb.cell(sheetName, at("manualNote", visionRow + 1)).value).toBe("3-5");
    expect(wb.cell(sheetName, at("y2021", FIRST_BODY_ROW)).value).toBe(4);
    expect(wb.pageLayout(sheetName).printArea).toMatch(new RegExp(`:[A-Z]+${HEADER_ROW + OTHER.length}$`));
    const sheet = planFromSnapshot(await readTemplate(tableName));
    expect(sheet.plan.indicators.map((i) => i.id).sort()).toEqual(seedPlan.indicators.map((i) => i.id).sort());
    expect(sheet.rowOf.get("VISION_2035")).toBe(HEADER_ROW + OTHER.length);
    expect(sheet.plan.indicators.find((i) => i.id === "VISION_2035")!.override).toEqual({
      status: "onTrack",
      note: "3-5",
    });
    // Nothing left to do: a second refresh keeps everything as it is.
    const third = await insertTemplate(seedPlan, "zh");
    expect([third.added, third.kept]).toEqual([0, []]);
  });

  it("refuses, writing nothing, to move the block over rows below it that hold something", async () => {
    const fewer = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.filter((i) => i.id !== "RD_INTENSITY"),
    });
    const { sheetName } = await insertSeed(fewer);
    const wb = host.standin.workbook;
    const below = `B${HEADER_ROW + OTHER.length}`; // the row right under the (one row higher) block
    wb.setCellInput(sheetName, below, "备注：另见附件");
    const before = wb.tables(sheetName)[0]!.address;
    await expect(insertTemplate(seedPlan, "zh")).rejects.toMatchObject({ code: "otherGoalsBelow" });
    expect(wb.tables(sheetName)[0]!.address).toBe(before);
    expect(wb.cell(sheetName, `A${CAPTION_ROW - 1}`).value).toBe(OTHER_GOALS_CAPTION.zh);
    expect(wb.cell(sheetName, below).value).toBe("备注：另见附件");
  });

  it("goes into the portable copy", async () => {
    const { sheetName } = await insertSeed();
    const copy = await writePortableCopy((await insertTemplate(seedPlan, "zh")).tableName, "native");
    const wb = host.standin.workbook;
    expect(wb.cell(copy.sheetName, `A${CAPTION_ROW}`).value).toBe(OTHER_GOALS_CAPTION.zh);
    expect(wb.cell(copy.sheetName, at("name", HEADER_ROW + OTHER.length)).value).toBe(
      wb.cell(sheetName, at("name", HEADER_ROW + OTHER.length)).value,
    );
  });

  it("is not written for a plan without supplementary goals: the template is as before", async () => {
    const plan = syntheticPlan(5);
    const { sheetName } = await insertTemplate(plan, "zh");
    const wb = host.standin.workbook;
    expect(wb.extent(sheetName).rows).toBe(FIRST_BODY_ROW + 5 - 1);
    expect(wb.cell(sheetName, `A${FIRST_BODY_ROW + 6}`).valueType).toBe("Empty");
  });

  it("leaves an earlier sheet's supplementary rows in the table on refresh: no second row, figures kept", async () => {
    // Earlier versions wrote every indicator in the table: the seed without its flags lays it out that way.
    const earlier = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map(({ supplementary: _s, targetYear: _y, ...i }) => i),
    });
    const { sheetName, tableName } = await insertSeed(earlier);
    const wb = host.standin.workbook;
    const row = FIRST_BODY_ROW + MAIN.length; // HIGH_VALUE_PATENTS_TOTAL, first of the four, in the table
    wb.setCellInput(sheetName, at("y2022", row), "800");
    const again = await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    expect(again.added).toBe(0);
    expect(again.figuresKept).toBe(1);
    expect(wb.cell(sheetName, at("y2022", row)).value).toBe(800);
    expect(wb.tables(sheetName)[0]!.address).toMatch(
      new RegExp(`:[A-Z]+${FIRST_BODY_ROW + seedPlan.indicators.length - 1}$`),
    );
    expect(wb.cell(sheetName, `A${FIRST_BODY_ROW + seedPlan.indicators.length + 1}`).valueType).toBe("Empty");
    const read = planFromSnapshot(await readTemplate(tableName)).plan.indicators;
    expect(read.map((i) => i.id)).toEqual(seedPlan.indicators.map((i) => i.id));
    const patents = read.find((i) => i.id === "HIGH_VALUE_PATENTS_TOTAL")!;
    expect(patents.supplementary).toBe(true);
    expect(patents.actuals).toEqual({ "2022": { value: 800 } });
  });
});
