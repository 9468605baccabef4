// End-to-end, issue #12 item 5: in the preview, staff clear a header of the inserted template (the Delete key;
// Excel then shows Column10 there) → the pane says the template no longer matches, which header and what it
// should be, and Validate does not say "no problems" → the repair writes the header back → the indicators
// are back, with the same statuses.
import { describe, expect, it } from "vitest";
import { cell, goTo, textOf, typeInto } from "./grid";
import { saveScreenshot, usePreview } from "./harness";
import { at, column, readTemplate } from "./template";
import { seedPlan } from "../../src/core/seedPlan";

const session = usePreview();

describe("integrity: a cleared header is found, named and repaired", () => {
  it("says the template no longer matches, repairs the header, and the indicators are back", async () => {
    const { page, errors } = await session.open("zh-CN");

    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("tab", { name: "规划指标", selected: true }).waitFor();
    const map = await readTemplate(page, "指标");
    const indicators = page.locator("#root").getByRole("list", { name: "指标" }).getByRole("listitem");
    await expect.poll(() => indicators.count()).toBeGreaterThan(0);
    const count = await indicators.count();
    // A figure behind the time line, so a status is there to compare after the repair.
    await typeInto(page, at(map, "高新技术企业数", "2021年"), "118");
    const lagging = page.locator("#root").getByRole("button", { name: "高新技术企业数: 滞后" });
    await lagging.waitFor();

    // Staff select the 目标值 header and press Delete.
    const header = `${column(map, "目标值")}${map.headerRow}`;
    await goTo(page, header);
    await cell(page, header).click();
    await page.keyboard.press("Delete");
    await expect.poll(() => textOf(page, header)).toMatch(/^Column\d+$/);
    const shown = await textOf(page, header);

    const notice = page.locator("#root").getByText("指标表与模板不再一致");
    await notice.waitFor();
    await page.locator("#root").getByText(`表头 ${header} 现为“${shown}”，应为“目标值”`, { exact: false }).waitFor();
    // None of the table's indicators can be read; the supplementary goals below it have a header of their own.
    const otherGoals = seedPlan.indicators.filter((i) => i.supplementary).length;
    await expect.poll(() => indicators.count()).toBe(otherGoals);
    // Validate lists it as an error instead of "no problems (0 indicators)".
    await page.getByRole("button", { name: "校验数据" }).click();
    const results = page.getByRole("region", { name: "校验结果" });
    await results.getByText("1 个错误", { exact: false }).waitFor();
    expect(await results.getByText("未发现问题", { exact: false }).count()).toBe(0);
    await saveScreenshot(page, "integrity-header-cleared");

    await page.getByRole("button", { name: "恢复表头和指标代码" }).click();
    await page.locator("#root").getByText("已恢复 1 个表头、0 个指标代码。").waitFor();
    await expect.poll(() => textOf(page, header)).toBe("目标值");
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => indicators.count()).toBe(count);
    await lagging.waitFor();
    await saveScreenshot(page, "integrity-repaired");
    expect(errors).toEqual([]);
  }, 240_000);
});
