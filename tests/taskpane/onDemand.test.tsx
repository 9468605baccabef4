/**
 * What the pane loads when it is used (issue #13 item 7): Insert's code on the first click, the history
 * section once there is a template, the stored-plan repair when one is offered. Each says that it is
 * loading while its chunk arrives, and a chunk that cannot be fetched is reported, never dropped.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { createStandin, installStandin } from "../../dev/standin";
import { App } from "../../src/taskpane/app/App";
import { HistoryOnDemand } from "../../src/taskpane/app/pane/HistoryOnDemand";
import { RepairOnDemand } from "../../src/taskpane/app/pane/RepairOnDemand";
import { runOnDemand } from "../../src/taskpane/app/pane/useOnDemand";
import { insert } from "../../src/taskpane/app/store/insertAction";
import { createPaneStore, type PaneStore } from "../../src/taskpane/app/store/paneStore";
import { PaneStoreProvider } from "../../src/taskpane/app/store/useStore";
import { seedPlan } from "../excel/helpers";

let uninstall: (() => void) | null = null;
let store: PaneStore | null = null;

afterEach(async () => {
  await store?.stop();
  store = null;
  uninstall?.();
  uninstall = null;
});

async function pane(): Promise<PaneStore> {
  uninstall = installStandin(createStandin({ displayLanguage: "zh-CN", excelApiVersion: "1.20" }));
  store = createPaneStore({ lang: "zh", plan: seedPlan, debounceMs: 20 });
  await store.start();
  return store;
}

// Server rendering draws a lazy component's Suspense fallback: what staff see while its chunk arrives.
const render = (s: PaneStore, el: ReactElement) =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider store={s}>{el}</PaneStoreProvider>
    </FluentProvider>,
  );

describe("code loaded when it is used", () => {
  it("a chunk that cannot be fetched is reported, the action does not run, and loading ends", async () => {
    const steps: string[] = [];
    const failure = new Error("Loading chunk insert failed.");
    await runOnDemand(
      () => Promise.reject(failure),
      async () => void steps.push("used"),
      { loading: (on) => steps.push(on ? "loading" : "loaded"), failed: (err) => steps.push(`failed: ${String(err)}`) },
    );
    expect(steps).toEqual(["loading", "failed: Error: Loading chunk insert failed.", "loaded"]);
  });

  it("a chunk that arrives is used once loading has ended", async () => {
    const steps: string[] = [];
    await runOnDemand(
      async () => ({ insert: () => steps.push("inserted") }),
      async (code) => void code.insert(),
      { loading: (on) => steps.push(on ? "loading" : "loaded"), failed: () => steps.push("failed") },
    );
    expect(steps).toEqual(["loading", "loaded", "inserted"]);
  });

  it("the store's reporter names the operation whose code did not load", async () => {
    const s = await pane();
    s.reportFailure("insert", new Error("Loading chunk insert failed."));
    expect(s.getState().notices[0]).toMatchObject({ intent: "error", title: expect.stringContaining("插入模板") });
    expect(s.getState().notices[0]?.text).toContain("Loading chunk insert failed.");
  });

  it("the history section is not drawn without a template, and says it is loading once there is one", async () => {
    const s = await pane();
    expect(render(s, <HistoryOnDemand />)).not.toContain("数据记录与目标调整");
    await insert(s);
    expect(render(s, <HistoryOnDemand />)).toContain("正在载入“数据记录与目标调整”…");
    // In the pane as a whole, the rest is drawn beside it.
    expect(render(s, <App />)).toContain("正在载入“数据记录与目标调整”…");
  });

  it("the repair is drawn only when one is offered, and says it is loading meanwhile", async () => {
    const s = await pane();
    expect(render(s, <RepairOnDemand />)).not.toContain("修复");
    s.setState({
      repair: { kind: "resetState", problem: null, action: { zh: "修复：……", en: "Repair: …" } },
    });
    expect(render(s, <RepairOnDemand />)).toContain("正在载入“修复保存的规划”…");
  });
});
