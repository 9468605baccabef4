/**
 * The pane's note on a figure it cannot read fits the text (issue #13 item 8): 约38 says to remove 约 and write 38,
 * 12万 to write the full number in the indicator's unit; other text still says it cannot be read as a number.
 * Before, every one read “单元格 2022年 的“约38”无法读取为数字，请先修正。”
 */
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import { seedPlan } from "../../src/core/seedPlan";
import { unreadableMessage } from "../../src/core/validation";
import { indicatorNotes } from "../../src/taskpane/app/indicatorNotes";

const ind = seedPlan.indicators.find((i) => i.id === "HIGH_TECH_ENTERPRISES")!; // count, 家

function notesFor(text: string, lang: "zh" | "en"): string[] {
  const blocked = new Map([[ind.id, { header: "2022年", text }]]);
  return indicatorNotes(ind, evaluateIndicator(seedPlan, ind, { blocked }), lang);
}

describe("the note on an unreadable figure", () => {
  it("约38: remove 约 and write the figure alone, in both languages", () => {
    expect(notesFor("约38", "zh")[0]).toBe(
      "2022年：“约38”不是数字：请去掉“约”，只填写数字本身（38）；约数或界限请在“说明”中注明。",
    );
    expect(notesFor("约38", "en")[0]).toMatch(
      /^2022年: “约38” is not a number: remove “约” and write the figure alone \(38\)/,
    );
  });

  it("12万: the full number in the indicator's unit", () => {
    expect(notesFor("12万", "zh")[0]).toContain("请按指标单位（家）填写完整数字");
  });

  it("other text keeps the general sentence", () => {
    expect(notesFor("见附表", "zh")[0]).toBe("单元格 2022年 的“见附表”无法读取为数字，请先修正。");
    expect(unreadableMessage("J7", "abc", "en")).toBe(
      "Cell J7 holds “abc”, which cannot be read as a number; correct it first.",
    );
  });
});
