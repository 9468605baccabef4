/**
 * Settings and custom XML parts.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection
 *       https://learn.microsoft.com/en-us/office/dev/add-ins/develop/persisting-add-in-state-and-settings
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.customxmlpartcollection
 */
import { describe, expect, it } from "vitest";
import { useStandin } from "./setup";

describe("workbook settings", () => {
  it("add / getItemOrNullObject / delete round-trip JSON values", async () => {
    useStandin();
    await Excel.run(async (context) => {
      context.workbook.settings.add("PlanTracker.highlights", { ids: ["{A}", "{B}"], on: true });
      const item = context.workbook.settings.getItemOrNullObject("PlanTracker.highlights").load("value");
      const missing = context.workbook.settings.getItemOrNullObject("nope");
      await context.sync();
      expect(item.value).toEqual({ ids: ["{A}", "{B}"], on: true });
      expect(missing.isNullObject).toBe(true);
      item.delete();
      const again = context.workbook.settings.getItemOrNullObject("PlanTracker.highlights");
      await context.sync();
      expect(again.isNullObject).toBe(true);
    });
  });

  it("Office.context.document.settings: get is null when absent; set is kept in memory until saveAsync", async () => {
    const standin = useStandin({ displayLanguage: "en-US" });
    const settings = Office.context.document.settings;
    expect(settings.get("Office.AutoShowTaskpaneWithDocument")).toBeNull();
    settings.set("Office.AutoShowTaskpaneWithDocument", true);
    expect(standin.serialize().settings).toEqual([]);
    const status = await new Promise((resolve) => settings.saveAsync((result) => resolve(result.status)));
    expect(status).toBe(Office.AsyncResultStatus.Succeeded);
    expect(standin.serialize().settings).toEqual([["Office.AutoShowTaskpaneWithDocument", true]]);
    expect(Office.context.displayLanguage).toBe("en-US");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.20")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.21")).toBe(false);
  });
});

describe("custom XML parts", () => {
  it("add, find by namespace, read and delete", async () => {
    useStandin();
    const ns = "urn:plan-tracker:plan:v1";
    await Excel.run(async (context) => {
      const part = context.workbook.customXmlParts.add(`<plan xmlns="${ns}"><json>{}</json></plan>`);
      part.load("id,namespaceUri");
      await context.sync();
      expect(part.namespaceUri).toBe(ns);
      const only = context.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject();
      const xml = only.getXml();
      await context.sync();
      expect(xml.value).toContain("<json>{}</json>");
      only.delete();
      const count = context.workbook.customXmlParts.getByNamespace(ns).getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.customXmlParts.add("not xml");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
