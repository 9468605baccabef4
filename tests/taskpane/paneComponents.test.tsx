/**
 * The pane's sections rendered from the store (no DOM needed): while a portable copy is being written every
 * other action is disabled, and the toolbar promises one-step undo (撤销) only where Excel groups the change
 * (ExcelApi 1.20); elsewhere it names the sheet the change touches and says it cannot be undone in one step.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { createStandin, installStandin } from "../../dev/standin";
import { App } from "../../src/taskpane/app/App";
import { MainActions } from "../../src/taskpane/app/pane/MainActions";
import { insert } from "../../src/taskpane/app/store/insertAction";
import { createPaneStore, type PaneStore } from "../../src/taskpane/app/store/paneStore";
import { PaneStoreProvider } from "../../src/taskpane/app/store/useStore";
import { portableCopy } from "../../src/taskpane/app/travel/travelPanelActions";
import { seedPlan } from "../excel/helpers";

let uninstall: (() => void) | null = null;
let store: PaneStore | null = null;

afterEach(async () => {
  await store?.stop();
  store = null;
  uninstall?.();
  uninstall = null;
});

function host(excelApiVersion: string) {
  const standin = createStandin({ displayLanguage: "zh-CN", excelApiVersion });
  uninstall = installStandin(standin);
  return standin;
}

async function paneOn(lang: "zh" | "en"): Promise<PaneStore> {
  store = createPaneStore({ lang, plan: seedPlan, debounceMs: 20 });
  await store.start();
  return store;
}

const render = (s: PaneStore, el: ReactElement) =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider store={s}>{el}</PaneStoreProvider>
    </FluentProvider>,
  );

/** The opening tag of the button whose text is `label`. */
function buttonTag(html: string, label: string): string {
  const at = html.indexOf(`>${label}</button>`);
  if (at < 0) throw new Error(`no button ${label}`);
  return html.slice(html.lastIndexOf("<button", at), at);
}

describe("the pane while an operation runs", () => {
  it("disables Insert, Validate and the highlight switch while a portable copy is being written, and says what runs", async () => {
    const standin = host("1.20");
    const s = await paneOn("zh");
    await insert(s);
    const idle = render(s, <App />);
    expect(buttonTag(idle, "插入模板")).not.toContain("disabled");
    expect(buttonTag(idle, "校验数据")).not.toContain("disabled");

    standin.workbook.setCellEditMode(true); // the copy's batch waits: the copy stays in progress
    const copy = portableCopy(s, "native");
    const busy = render(s, <App />);
    expect(buttonTag(busy, "插入模板")).toContain("disabled");
    expect(buttonTag(busy, "校验数据")).toContain("disabled");
    expect(busy).toMatch(/role="switch"[^>]*disabled|disabled[^>]*role="switch"/);
    expect(busy).toContain("正在处理：生成便携副本…");
    expect(busy).toContain('aria-busy="true"');

    standin.workbook.setCellEditMode(false);
    await copy;
    expect(buttonTag(render(s, <App />), "插入模板")).not.toContain("disabled");
  });
});

describe("what the toolbar says about undo", () => {
  it("promises one 撤销 where Excel groups the change (ExcelApi 1.20)", async () => {
    host("1.20");
    const s = await paneOn("zh");
    const html = render(s, <MainActions />);
    expect(html).toContain("将新建工作表“规划指标”");
    expect(html).toContain("完成后可用一次“撤销”整体还原。");
    await insert(s);
    const refresh = render(s, <MainActions />);
    expect(refresh).toContain("将刷新工作表“规划指标”");
    expect(refresh).toContain("完成后可用一次“撤销”整体还原。");
  });

  it("elsewhere names the sheet it will change and says it cannot be undone in one step, in both languages", async () => {
    host("1.19");
    const s = await paneOn("zh");
    expect(s.getState().undoGrouped).toBe(false);
    const html = render(s, <MainActions />);
    expect(html).not.toContain("整体还原");
    expect(html).toContain("将新建工作表“规划指标”");
    expect(html).toContain("无法一次还原；如不需要，可删除工作表“规划指标”。");
    await insert(s);
    const refresh = render(s, <MainActions />);
    expect(refresh).toContain("将刷新工作表“规划指标”中的规划列和计算列");
    expect(refresh).toContain("无法一次还原：如需保留刷新前的样子，请先保存工作簿副本。");
    await s.stop();

    const en = await paneOn("en");
    const english = render(en, <MainActions />);
    expect(english).not.toContain("One Undo reverts");
    expect(english).toContain("cannot be undone in one go");
  });
});
