/**
 * A workbook whose template an earlier version laid out (plan format 1: computed columns between the
 * years and the manual verdict, no revised baseline, adjusted target or obligation columns): Insert
 * template writes the current layout on a new sheet with every figure, verdict and note carried over,
 * unreadable figures too, and leaves the earlier sheet exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { planYears } from "../../src/core/templateLayout";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { planInfo, STATE_KEY } from "../../src/excel/templateState";
import { cellOf, measure, seedPlan, useHost } from "./helpers";

/** The header of the earlier layout, as version 1 of the add-in wrote it. */
const V1_HEADER = [
  "序号",
  "类型",
  "指标",
  "单位",
  "属性",
  "基期年",
  "基期值",
  "目标年",
  "目标值",
  ...planYears(seedPlan).map((y) => `${y}年`),
  "最新年份",
  "最新值",
  "差距",
  "年均需增长",
  "每年需提高",
  "完成进度",
  "时间进度",
  "状态",
  "人工状态",
  "说明",
  "指标代码",
  "指标类别",
  "方向",
  "目标形式",
  "目标比较",
  "容差",
];

describe("a template laid out by an earlier version", () => {
  const host = useHost();

  it("is written again in the current layout on a new sheet, carrying every input cell, the old sheet untouched", async () => {
    const rows = seedPlan.indicators.map((ind) => {
      const t = ind.target;
      const cells: unknown[] = V1_HEADER.map(() => "");
      const set = (header: string, v: unknown) => (cells[V1_HEADER.indexOf(header)] = v);
      set("序号", ind.number ?? "");
      set("指标", ind.name.zh);
      set("单位", ind.unit.zh);
      set("属性", ind.attribute === "binding" ? "约束性" : "预期性");
      set("基期年", ind.baselineYear ?? 2020);
      set("基期值", ind.baseline ?? "");
      set("目标年", 2025);
      set("目标值", t.kind === "text" || t.kind === "relative" ? t.text.zh : t.value);
      set("指标代码", ind.id);
      set("指标类别", ind.kind);
      set("方向", ind.direction);
      set("目标形式", t.kind === "text" ? "text" : t.kind === "annualGrowth" ? "annualGrowth" : "level");
      set("目标比较", t.kind === "level" ? t.comparator : "");
      return cells;
    });
    const rd = seedPlan.indicators.findIndex((i) => i.id === "RD_INTENSITY");
    const firms = seedPlan.indicators.findIndex((i) => i.id === "HIGH_TECH_ENTERPRISES");
    rows[rd]![V1_HEADER.indexOf("2021年")] = 1.25;
    rows[rd]![V1_HEADER.indexOf("2022年")] = "约1.3"; // unreadable, still staff's
    rows[firms]![V1_HEADER.indexOf("2023年")] = 130;
    rows[firms]![V1_HEADER.indexOf("人工状态")] = "滞后";
    rows[firms]![V1_HEADER.indexOf("说明")] = "统计口径调整";
    // A figure staff typed for a supplementary goal, in the table of the earlier layout.
    const growth = seedPlan.indicators.findIndex((i) => i.id === "HIGH_VALUE_PATENTS_PER_10K_GROWTH");
    rows[growth]![V1_HEADER.indexOf("2021年")] = 0.3;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("规划指标");
      sheet.getRange("A1").values = [["张掖市“十四五”科技创新规划"]];
      sheet.getRange("A3:D3").values = [["图例：", "填写", "自动计算", "时间进度和状态按每行最新填写数据的年份计算。"]];
      const width = V1_HEADER.length;
      const range = sheet.getRangeByIndexes(4, 0, rows.length + 1, width);
      range.values = [V1_HEADER, ...rows] as never;
      const table = sheet.tables.add(range, true);
      table.name = "PlanIndicators";
      context.workbook.settings.add(
        STATE_KEY,
        JSON.stringify({
          version: 2,
          tableName: "PlanIndicators",
          lang: "zh",
          plan: planInfo(seedPlan),
          written: { keys: [], rows: "" },
          highlightRuleIds: [],
        }),
      );
      await context.sync();
    });
    const wb = host.standin.workbook;
    const before = wb.cell("规划指标", "J6").text;

    const { result, syncs } = await measure(host.standin, () => insertTemplate(seedPlan, "zh"));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(result).toMatchObject({
      created: true,
      sheetName: "规划指标 (2)",
      relaid: { previousSheet: "规划指标", carriedCells: 6, indicatorsNotInPlan: [] },
    });
    const sheet = result.sheetName;
    const at = (key: Parameters<typeof cellOf>[1], i: number) => cellOf(seedPlan, key, 6 + i);
    expect(wb.cell(sheet, at("y2021", rd)).value).toBe(1.25);
    expect(wb.cell(sheet, at("y2022", rd)).text).toBe("约1.3");
    expect(wb.cell(sheet, at("status", rd)).text).toBe("待修正（2022年：约1.3）");
    expect(wb.cell(sheet, at("y2023", firms)).value).toBe(130);
    expect(wb.cell(sheet, at("manualStatus", firms)).text).toBe("滞后");
    expect(wb.cell(sheet, at("manualNote", firms)).text).toBe("统计口径调整");
    expect(wb.cell(sheet, at("status", firms)).text).toBe("滞后");
    // The supplementary goal with a figure keeps a row in the table (its figure needs a yearly cell), after the
    // main indicators; the other three go in the other goals' block below (caption, header, rows).
    const main = seedPlan.indicators.filter((i) => !i.supplementary).length;
    expect(wb.cell(sheet, cellOf(seedPlan, "id", 6 + main)).text).toBe("HIGH_VALUE_PATENTS_PER_10K_GROWTH");
    expect(wb.cell(sheet, cellOf(seedPlan, "y2021", 6 + main)).value).toBe(0.3);
    expect(wb.cell(sheet, `A${6 + main + 2}`).text).toBe("其他目标（规划正文）");
    expect(wb.cell(sheet, cellOf(seedPlan, "id", 6 + main + 6)).text).toBe("VISION_2035");
    // The earlier sheet is as it was; the template is now the new one (a second insert refreshes it).
    expect(wb.cell("规划指标", "J6").text).toBe(before);
    expect(wb.cell("规划指标", "A3").text).toBe("图例：");
    const again = await insertTemplate(seedPlan, "zh");
    expect(again).toMatchObject({ created: false, sheetName: "规划指标 (2)", kept: [] });
  });
});
