// End-to-end, issue 10 in the preview: a plan file saved by Notepad as "ANSI" (GBK) imports with correct
// Chinese names; and the sheet (PLAN.EVALUATE in the status column) and the pane (the indicator list)
// show the same verdict for every typeable input of the hostile-input table.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../hardening/hostileInputs";
import { textOf, typeInto } from "./grid";
import { projectDir, saveScreenshot, usePreview } from "./harness";
import { openPanel } from "./panels";
import { at, readTemplate } from "./template";

const session = usePreview();

describe("real plans in the preview", () => {
  it("a plan file saved as GBK imports with its Chinese names, and the pane says how it was read", async () => {
    const { page, errors } = await session.open("zh-CN");
    await openPanel(page, "共享与其他规划");
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(projectDir, "tests/e2e/fixtures/ganzhou-plan.gbk.json.txt"));
    await page.getByText("已选用“甘州区“十四五”科技创新主要指标”（3 个指标）", { exact: false }).waitFor();
    await page.getByText("此文件按 ANSI（GBK/GB18030）编码读取", { exact: false }).waitFor();
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("tab", { name: "规划指标", selected: true }).waitFor();
    // Read by header text in Chinese: the names as the plan wrote them, no mojibake.
    const names = ["规上工业企业研发经费投入强度", "单位地区生产总值能源消耗降低", "每万人口高价值发明专利拥有量"];
    for (const [i, name] of names.entries()) expect(await textOf(page, `C${6 + i}`)).toBe(name);
    // The attribute the file wrote in Chinese, and the one it left unstated (blank, never 预期性).
    expect(await textOf(page, "E7")).toBe("约束性");
    expect(await textOf(page, "E8")).toBe("");
    await saveScreenshot(page, "gbk-import");
    expect(errors).toEqual([]);
  }, 240_000);

  it("the sheet's status and the pane's show the same verdict for every typeable hostile input", async () => {
    const { page, errors } = await session.open("en-US");
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByRole("tab", { name: "Plan indicators", selected: true }).waitFor();
    const map = await readTemplate(page);
    const name = "R&D expenditure as a share of GDP";
    const figure = at(map, name, "2023");
    const status = at(map, name, "Status");
    const inputs = HOSTILE_INPUTS.filter((h) => h.typed !== null && h.typed.trim() !== "" && h.typed.length < 200);
    expect(inputs.length).toBeGreaterThan(15);
    for (const h of inputs) {
      await typeInto(page, figure, h.typed!.startsWith("=") ? `'${h.typed!}` : h.typed!);
      const sheet = (await textOf(page, status)).trim();
      // The pane's row for the indicator: "name: status" is its accessible name.
      await expect
        .poll(
          async () => {
            const label = await page
              .getByRole("button", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&")}: `) })
              .first()
              .getAttribute("aria-label");
            return (label ?? "").slice(name.length + 2);
          },
          { timeout: 20_000 },
        )
        .toBe(sheet === "" ? "No verdict" : sheet);
    }
    await saveScreenshot(page, "hostile-agreement");
    expect(errors).toEqual([]);
  }, 600_000);
});
