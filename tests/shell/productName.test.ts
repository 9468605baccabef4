/**
 * One product name (issue #13 item 8): the manifest's DisplayName (Plan Tracker, zh-CN 规划指标监测) is what the
 * ribbon, the pane's title, the task pane page and the preview page say, in both languages.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../src/taskpane/app/i18n";
import { previewText } from "../../dev/preview/previewText";

const projectDir = path.join(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(projectDir, file), "utf8");
const manifest = read("manifest.xml");

function displayName(): { en: string; zh: string } {
  const m = /<DisplayName DefaultValue="([^"]+)">\s*<Override Locale="zh-CN" Value="([^"]+)"\/>/.exec(manifest);
  expect(m, "manifest.xml has a DisplayName with a zh-CN override").not.toBeNull();
  return { en: m![1]!, zh: m![2]! };
}

/** A bt:String's default and zh-CN override. */
function resource(id: string): { en: string; zh: string } {
  const m = new RegExp(
    `<bt:String id="${id}" DefaultValue="([^"]+)">\\s*<bt:Override Locale="zh-CN" Value="([^"]+)"/>`,
  ).exec(manifest);
  expect(m, id).not.toBeNull();
  return { en: m![1]!, zh: m![2]! };
}

describe("the product name", () => {
  const name = displayName();

  it("is Plan Tracker / 规划指标监测 in the manifest", () => {
    expect(name).toEqual({ en: "Plan Tracker", zh: "规划指标监测" });
  });

  it("labels the ribbon group and button, and the get-started callout names it", () => {
    expect(resource("Group.Label")).toEqual(name);
    expect(resource("OpenPane.Label")).toEqual(name);
    const started = resource("GetStarted.Title");
    expect(started.en).toContain(name.en);
    expect(started.zh).toContain(name.zh);
  });

  it("is the pane's title before a plan is loaded, and the task pane page's title", () => {
    expect(t("zh", "appTitle")).toBe(name.zh);
    expect(t("en", "appTitle")).toBe(name.en);
    const title = /<title>([^<]*)<\/title>/.exec(read("src/taskpane/taskpane.html"))![1]!;
    expect(title).toContain(name.zh);
    expect(title).toContain(name.en);
  });

  it("heads the preview page and its pane, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      expect(previewText(lang).pane).toBe(name[lang]);
      expect(previewText(lang).title).toContain(name[lang]);
    }
    const html = read("dev/preview/index.html");
    expect(/<div class="pv-pane-title" id="pv-pane-label">([^<]*)<\/div>/.exec(html)?.[1]).toBe(name.en);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain(name.en);
  });
});
