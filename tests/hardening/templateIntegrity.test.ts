/**
 * Issue #12 items 3, 5 and 6, against the Excel stand-in: what the add-in wrote and staff then broke.
 * - Highlight off removes only rules the add-in can prove it wrote (id and the rule as written): a rule
 *   of the user's behind a stored id, or one of the add-in's that staff changed, is left and named.
 * - A header cleared (Excel writes Column10) or renamed: the pane says the template no longer matches,
 *   which header and what it should be; Validate never says "no problems"; the repair writes back the
 *   add-in's own header cells (2 syncs) and the indicators are back.
 * - An indicator's hidden id cleared or copied from another row: reported by sheet row and name; a
 *   refresh does not append a second, empty row for it; the export does not make an id up; the repair
 *   writes back the ids the add-in wrote (proved by its record of the row, or by the indicator's name).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { planFromTemplate } from "../../src/core/planExport";
import { seedPlan } from "../../src/core/seedPlan";
import { templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import * as highlights from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import * as repair from "../../src/excel/repairTemplate";
import { HIGHLIGHTS_KEY } from "../../src/excel/templateState";
import { mirrorSettingsToPart } from "../../src/excel/workbookPlanStore";
import * as integrityView from "../../src/taskpane/app/integrityView";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { buildFindings } from "../../src/taskpane/app/validationView";
import { syntheticPlan } from "../excel/helpers";
import { hasChinese } from "./hostileInputs";

let standin: Standin;
let uninstall: () => void;
beforeEach(() => {
  standin = createStandin({ displayLanguage: "zh-CN" });
  uninstall = installStandin(standin);
});
afterEach(() => uninstall());

const SHEET = "规划指标";
const HEADER_ROW = 5;
const FIRST_ROW = 6;
const columns = templateColumns(seedPlan);
const letter = (key: ColumnKey) => columnLetters(columns.findIndex((c) => c.key === key));
const at = (key: ColumnKey, row: number) => `${letter(key)}${row}`;

async function syncsOf<T>(op: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = standin.syncCount;
  const result = await op();
  return { result, syncs: standin.syncCount - before };
}

/** Which of `ids` are rules of the sheet (over the whole table) now. */
async function existing(ids: readonly string[]): Promise<string[]> {
  return Excel.run(async (context) => {
    const formats = context.workbook.worksheets.getItem(SHEET).getRange("A1:BZ100").conditionalFormats;
    const found = ids.map((id) => formats.getItemOrNullObject(id).load("id"));
    await context.sync();
    return ids.filter((_id, i) => !found[i]!.isNullObject);
  });
}

describe("item 3: highlight off deletes only rules the add-in can prove it wrote", () => {
  /**
   * Excel's ConditionalFormat.id is "the priority of the conditional format in the current
   * ConditionalFormatCollection" (learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member):
   * after staff delete and add rules, an id the add-in stored can name one of theirs. The stand-in's ids
   * never repeat, so the stored ids are made to name the user's rule, as Excel's numbering would.
   */
  async function setUp() {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const ids = await highlights.applyHighlights(await readTemplate(tableName));
    expect(ids).toHaveLength(3);
    const note = letter("manualNote");
    const user = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      // The user's own rule on the same rows.
      const cf = sheet.getRange(`${note}${FIRST_ROW}:${note}16`).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$${note}${FIRST_ROW}<>""`;
      cf.custom.format.fill.color = "#123456";
      cf.load("id");
      // One of the add-in's rules that staff then changed (its fill), in Excel's Manage Rules.
      const changed = sheet.getRange(`A${FIRST_ROW}`).conditionalFormats.getItem(ids[1]!);
      changed.custom.format.fill.color = "#00FF00";
      await context.sync();
      // Staff delete the add-in's first rule; the stored ids now name the user's rule where it was.
      sheet.getRange(`A${FIRST_ROW}`).conditionalFormats.getItem(ids[0]!).delete();
      context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify([cf.id, ...ids.slice(1)]));
      await context.sync();
      return cf.id;
    });
    return { tableName, ids, user };
  }

  it("leaves the user's rule behind a stored id, and the add-in's rule staff changed", async () => {
    const { tableName, ids, user } = await setUp();
    const removed = await highlights.removeHighlights(await readTemplate(tableName));
    // Only the add-in's third rule, untouched, could be proved: it is the one removed.
    expect(removed).toBe(1);
    expect(await existing([user, ...ids])).toEqual([user, ids[1]]);
    // The pane no longer counts highlights as on.
    expect(highlights.highlightsOn(await readTemplate(tableName))).toBe(false);
  });

  it("tells the user which rules it left, in Chinese and English, in 2 syncs", async () => {
    const { tableName, ids, user } = await setUp();
    const snapshot = await readTemplate(tableName);
    const { result, syncs } = await syncsOf(() => highlights.removeHighlightRules(snapshot));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result.removed).toBe(1);
    expect(result.left.map((r) => r.id).sort()).toEqual([user, ids[1]].sort());
    const zh = integrityView.describeLeftRules(result.left, "zh");
    const en = integrityView.describeLeftRules(result.left, "en");
    expect(zh).toHaveLength(2);
    expect(zh.every((m) => hasChinese(m) && m.includes("未删除"))).toBe(true);
    expect(en.every((m) => m.includes("not deleted"))).toBe(true);
    expect(zh.join()).toContain(`=$${letter("manualNote")}${FIRST_ROW}<>""`);
  });

  it("turning highlights on again replaces only its own rules, and says which it left", async () => {
    const { tableName, ids, user } = await setUp();
    const change = await highlights.applyHighlightRules(await readTemplate(tableName));
    expect(change.removed).toBe(1);
    expect(change.left.map((r) => r.id).sort()).toEqual([user, ids[1]].sort());
    expect(await existing([user, ...ids, ...change.ids])).toEqual([user, ids[1], ...change.ids]);
    // A later removal takes away the new rules and still never the user's.
    expect(await highlights.removeHighlights(await readTemplate(tableName))).toBe(3);
    expect(await existing([user, ...change.ids])).toEqual([user]);
  });

  it("still removes its own rules when their signatures did not travel with the workbook", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    await highlights.applyHighlights(await readTemplate(tableName));
    // A workbook whose signatures did not travel (a copy restored from the plan part): the rule the add-in would write now is the proof.
    await Excel.run(async (context) => {
      context.workbook.settings.getItem(highlights.HIGHLIGHT_SIGNATURES_KEY).delete();
      await context.sync();
    });
    expect(await highlights.removeHighlights(await readTemplate(tableName))).toBe(3);
  });
});

describe("item 5: a header cleared or renamed", () => {
  it("is reported (which header, what it should be) — by the pane and by Validate, never 'no problems'", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    standin.workbook.clearCells(SHEET, at("target", HEADER_ROW)); // Excel writes Column10 there
    standin.workbook.setCellInput(SHEET, at("unit", HEADER_ROW), "计量单位");
    const { sheet } = evaluateSnapshot(await readTemplate(tableName));
    // The symptom: nothing of the table can be read (the other goals below it have a header of their own).
    expect(sheet.plan.indicators.map((i) => i.id)).toEqual(
      seedPlan.indicators.filter((i) => i.supplementary).map((i) => i.id),
    );
    const findings = buildFindings(sheet, "zh");
    expect(findings.length).toBeGreaterThan(0);
    const messages = findings.map((f) => f.message).join("\n");
    expect(messages).toContain(`表头 ${at("target", HEADER_ROW)} 现为“Column10”，应为“目标值”`);
    expect(messages).toContain(`表头 ${at("unit", HEADER_ROW)} 现为“计量单位”，应为“单位”`);
    expect(findings.every((f) => f.severity === "error")).toBe(true);
    const en = integrityView.integrityProblems(sheet, "en").map((p) => p.message);
    expect(en).toContain(
      `Header ${at("target", HEADER_ROW)} now reads “Column10”; it should be “目标值”. That column cannot be read, so the indicators cannot be worked out.`,
    );
    expect(integrityView.repairOffered(sheet)).toBe(true);
  });

  it("the repair writes back only the add-in's header cells, in 2 syncs, and the indicators are back", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 12), "118");
    const before = evaluateSnapshot(await readTemplate(tableName)).summary.counts;
    // The whole header row cleared, then the user's own column header typed beside the table.
    const last = columnLetters(columns.length - 1);
    wb.clearCells(SHEET, `A${HEADER_ROW}:${last}${HEADER_ROW}`);
    wb.setCellInput(SHEET, `${columnLetters(columns.length + 1)}${HEADER_ROW}`, "我的备注");
    expect(
      evaluateSnapshot(await readTemplate(tableName)).sheet.plan.indicators.filter((i) => !i.supplementary),
    ).toHaveLength(0);
    const { result, syncs } = await syncsOf(() => repair.repairTemplate(tableName));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result.headers).toHaveLength(columns.length);
    expect(result.left).toEqual([]);
    expect(wb.cell(SHEET, at("target", HEADER_ROW)).text).toBe("目标值");
    expect(wb.cell(SHEET, `${columnLetters(columns.length + 1)}${HEADER_ROW}`).text).toBe("我的备注");
    const after = evaluateSnapshot(await readTemplate(tableName));
    expect(after.sheet.plan.indicators).toHaveLength(seedPlan.indicators.length);
    expect(after.summary.counts).toEqual(before);
    expect(integrityView.integrityProblems(after.sheet, "zh")).toEqual([]);
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("滞后"); // the sheet's formulas read the header row again
    const { text, details } = integrityView.describeRepair(result, "zh");
    expect(text).toBe(`已恢复 ${columns.length} 个表头、0 个指标代码。`);
    expect(details[0]).toBe("A5：“Column1” → “序号”");
  });

  it("names a column it cannot place (among columns staff added) and does not guess", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = standin.workbook;
    // A column of the user's added at the table's end, then the last template header (状态) cleared:
    // two unrecognised header cells after 时间进度, one header missing — which is the add-in's?
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(tableName).columns.add(undefined, undefined, "我的列");
      await context.sync();
    });
    wb.clearCells(SHEET, at("status", HEADER_ROW));
    const { sheet } = evaluateSnapshot(await readTemplate(tableName));
    const problems = integrityView.integrityProblems(sheet, "zh").map((p) => p.message);
    expect(problems).toEqual([
      "找不到“状态”列（可能已被删除，或两侧插入了其他列，加载项无法判断是哪一列）：请在表头行中手工恢复。",
    ]);
    const result = await repair.repairTemplate(tableName);
    expect(result.headers).toEqual([]);
    expect(result.left).toEqual([{ kind: "header", expected: "状态" }]);
    expect(wb.cell(SHEET, `${columnLetters(columns.length)}${HEADER_ROW}`).text).toBe("我的列");
  });

  it("a column staff moved (its header with it) is not a problem", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = standin.workbook;
    // 目标值 and 调整后目标 swapped, as moving one column past the other leaves them (empty plan cells kept simple).
    wb.setCellInput(SHEET, at("target", HEADER_ROW), "Adjusted target");
    wb.setCellInput(SHEET, at("adjustedTarget", HEADER_ROW), "目标值");
    const { sheet } = evaluateSnapshot(await readTemplate(tableName));
    expect(integrityView.integrityProblems(sheet, "zh")).toEqual([]);
  });
});

describe("item 6: an indicator's hidden id cleared or copied from another row", () => {
  /** Insert as the pane does: the template, then the plan stored in the workbook (afterInsert). */
  async function inserted(): Promise<{ tableName: string }> {
    const result = await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    return result;
  }

  it("a refresh does not append a second, empty row for it, and says what it did", async () => {
    const { tableName } = await inserted();
    const wb = standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 8), "20");
    wb.clearCells(SHEET, at("id", 8));
    const again = await insertTemplate(seedPlan, "zh");
    expect(again.added).toBe(0);
    const snapshot = await readTemplate(tableName);
    // The table holds the main indicators; the supplementary goals are in their own block below it.
    expect(snapshot.values).toHaveLength(seedPlan.indicators.filter((i) => !i.supplementary).length);
    expect(wb.cell(SHEET, at("id", 8)).text).toBe(seedPlan.indicators[2]!.id); // written back: the cell was blank
    expect(wb.cell(SHEET, at("y2021", 8)).value).toBe(20);
    expect(again.idRows).toEqual([
      {
        sheetRow: 8,
        name: seedPlan.indicators[2]!.name.zh,
        problem: "missing",
        text: "",
        matched: seedPlan.indicators[2]!.id,
        by: "record",
      },
    ]);
    expect(integrityView.describeIdRows(again.idRows ?? [], "zh")[0]).toContain("已按加载项写入时的记录认定为");
  });

  it("is reported by sheet row and name; the export does not make an id up", async () => {
    const { tableName } = await inserted();
    const wb = standin.workbook;
    wb.clearCells(SHEET, at("id", 8));
    // Row 10's id typed over with row 7's (a copied row): two rows claim one indicator.
    wb.setCellInput(SHEET, at("id", 10), seedPlan.indicators[1]!.id);
    const snapshot = await readTemplate(tableName);
    // The export takes each row for the plan's indicator it is (matched by name), and says so.
    const stored = snapshot.stored.kind === "ok" ? snapshot.stored.plan : null;
    const other = snapshot.otherGoals;
    const exported = planFromTemplate(stored, snapshot.headers, snapshot.values, {
      firstSheetRow: FIRST_ROW,
      otherGoals: other && { headers: other.headers, rows: other.values, firstSheetRow: other.body.firstRow },
    });
    expect(exported.ok && exported.plan.indicators.map((i) => i.id)).toEqual(seedPlan.indicators.map((i) => i.id));
    expect(exported.skipped.map((s) => [s.sheetRow, s.reason, s.id])).toEqual([
      [8, "idRestored", seedPlan.indicators[2]!.id],
      [10, "idRestored", seedPlan.indicators[4]!.id],
    ]);
    const { sheet } = evaluateSnapshot(snapshot);
    const problems = integrityView.integrityProblems(sheet, "zh").map((p) => p.message);
    expect(problems).toEqual([
      `第8行“${seedPlan.indicators[2]!.name.zh}”的指标代码（${at("id", 8)}，隐藏列）是空的；按指标名称应为 ${seedPlan.indicators[2]!.id}。刷新模板、导出规划前请先修复。`,
      `第10行“${seedPlan.indicators[4]!.name.zh}”的指标代码（${at("id", 10)}，隐藏列）“${seedPlan.indicators[1]!.id}”与第7行相同；按指标名称应为 ${seedPlan.indicators[4]!.id}。刷新模板、导出规划前请先修复。`,
    ]);
    expect(buildFindings(sheet, "zh").filter((f) => f.severity === "error").length).toBeGreaterThanOrEqual(2);
  });

  it("the repair writes back the ids the add-in wrote (its record, or the name for a blank cell), in 2 syncs", async () => {
    const { tableName } = await inserted();
    const wb = standin.workbook;
    const ids = seedPlan.indicators.map((i) => i.id);
    wb.clearCells(SHEET, at("id", 8)); // blank, row untouched otherwise: the record proves it
    wb.clearCells(SHEET, at("id", 9));
    wb.setCellInput(SHEET, at("unit", 9), "项（件）"); // a plan cell staff changed: only the name tells
    wb.setCellInput(SHEET, at("id", 10), ids[1]!); // a copy of row 7's id over row 10's: the record proves row 10
    wb.setCellInput(SHEET, at("id", 11), "已删除"); // not an id; the row changed too: not the add-in's to overwrite
    wb.setCellInput(SHEET, at("unit", 11), "个数");
    const { result, syncs } = await syncsOf(() => repair.repairTemplate(tableName));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result.ids.map((r) => [r.sheetRow, r.id, r.by])).toEqual([
      [8, ids[2], "record"],
      [9, ids[3], "name"],
      [10, ids[4], "record"],
    ]);
    expect(result.left).toEqual([
      expect.objectContaining({ kind: "id", sheetRow: 11, reason: "notProven", suggested: ids[5], text: "已删除" }),
    ]);
    expect([8, 9, 10].map((r) => wb.cell(SHEET, at("id", r)).text)).toEqual([ids[2], ids[3], ids[4]]);
    expect(wb.cell(SHEET, at("id", 11)).text).toBe("已删除");
    const { details } = integrityView.describeRepair(result, "zh");
    expect(details.at(-1)).toContain(`第11行“${seedPlan.indicators[5]!.name.zh}”：按名称应为 ${ids[5]}`);
    const after = evaluateSnapshot(await readTemplate(tableName));
    expect(after.sheet.integrity.ids.map((p) => p.sheetRow)).toEqual([11]);
  });

  it("at 1,000 indicators with the whole id column and a header cleared, the repair is still 2 syncs", async () => {
    const plan = syntheticPlan(1000);
    const { tableName, sheetName } = await insertTemplate(plan, "zh");
    await mirrorSettingsToPart({}, { plan });
    const big = templateColumns(plan);
    const id = columnLetters(big.findIndex((c) => c.key === "id"));
    const name = columnLetters(big.findIndex((c) => c.key === "name"));
    standin.workbook.clearCells(sheetName, `${id}${FIRST_ROW}:${id}${FIRST_ROW + 999}`);
    standin.workbook.clearCells(sheetName, `${name}${HEADER_ROW}`);
    const { result, syncs } = await syncsOf(() => repair.repairTemplate(tableName));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result.headers).toHaveLength(1);
    expect(result.ids).toHaveLength(1000);
    expect(result.ids.every((r) => r.by === "record")).toBe(true);
    expect(result.left).toEqual([]);
    const after = evaluateSnapshot(await readTemplate(tableName));
    expect(after.sheet.plan.indicators.map((i) => i.id)).toEqual(plan.indicators.map((i) => i.id));
    expect(integrityView.integrityProblems(after.sheet, "zh")).toEqual([]);
  }, 120_000);
});
