/**
 * Building a plan from a table pasted into Excel: cells typed as "7%" are stored by Excel as 0.07
 * with a percent format; the selection is read back as the table printed it, so the target is 7.
 */
import { describe, expect, it } from "vitest";
import { parsePlanTable } from "../../src/core/planTableImport";
import { readSelectedValues } from "../../src/excel/readSelection";
import { measure, useHost } from "./helpers";

describe("readSelectedValues", () => {
  const host = useHost();

  it("reads percent cells as printed, in one sync, and the table parser gets the printed target", async () => {
    const wb = host.standin.workbook;
    const sheet = wb.addSheet("粘贴");
    const rows = [
      ["类别", "指标", "2020年", "2025年", "年均/累计", "属性"],
      ["创新驱动", "研发经费投入增长（%）", "", "", "7%", "预期性"],
      ["民生福祉", "城镇调查失业率（%）", "5.2%", "<5.5", "", "预期性"],
    ];
    rows.forEach((line, r) =>
      line.forEach((text, c) => {
        if (text !== "") wb.setCellInput(sheet, `${"ABCDEF"[c]}${r + 1}`, text);
      }),
    );
    wb.select(sheet, "A1:F3");
    const { result, syncs } = await measure(host.standin, () => readSelectedValues());
    expect(syncs).toBe(1);
    expect(result.values[1]![4]).toBe("7%");
    expect(result.values[2]![2]).toBe("5.2%");
    const table = parsePlanTable(result.values);
    if (!table.ok) throw new Error(table.message.en);
    const growth = table.drafts.find((d) => d.name.startsWith("研发经费投入增长"))!;
    expect(growth.target).toMatchObject({ kind: "annualGrowth", value: 7 });
    const jobless = table.drafts.find((d) => d.name.startsWith("城镇调查失业率"))!;
    expect(jobless.baseline).toBe(5.2);
  });
});
