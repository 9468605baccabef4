/** A pasted table's percent cells read as printed: Excel keeps 7% as 0.07 with a percent format. */
import { describe, expect, it } from "vitest";
import { asPrinted, isPercentFormat } from "../../src/core/pastedCells";

describe("pastedCells", () => {
  it("recognises percent formats, not a % inside quotes, escapes or brackets", () => {
    for (const f of ["0%", "0.00%", "#,##0.0%", "[Red]0%", "0%;-0%"]) expect(isPercentFormat(f)).toBe(true);
    for (const f of ["General", "0.00", '0.0"%"', "0\\%", "@", "[$%-804]0.0"]) expect(isPercentFormat(f)).toBe(false);
  });

  it("gives percent-formatted numbers back as the percentages shown, other cells unchanged", () => {
    const values = [
      ["研发经费投入增长", 0.07, "〔13.5〕", 0.0725, 2.4, ""],
      ["城镇化率", 0.639, 0.65, "约5%", 1, null],
    ];
    const formats = [
      ["General", "0%", "General", "0.00%", "General", "General"],
      ["@", "0.0%", "General", "General", "0%", "General"],
    ];
    expect(asPrinted(values, formats)).toEqual([
      ["研发经费投入增长", "7%", "〔13.5〕", "7.25%", 2.4, ""],
      ["城镇化率", "63.9%", 0.65, "约5%", "100%", null],
    ]);
  });
});
