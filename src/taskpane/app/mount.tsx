/**
 * Entry of the pane's UI, loaded lazily by src/taskpane/taskpane.ts after Office is ready:
 * mount(root, options) renders the app in Office's language and theme. The preview passes
 * `lang` and `plan` to show another language or plan.
 */
import { FluentProvider } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale, type Lang } from "../../core/messages";
import type { Plan } from "../../core/planSchema";
import { seedPlan } from "../../core/seedPlan";
import { App } from "./App";
import { checkStoredPlan } from "./store/paneOpen";
import { createPaneStore } from "./store/paneStore";
import { PaneStoreProvider } from "./store/useStore";
import { officeTheme, paneTheme } from "./theme";

export interface MountOptions {
  /** Office's host (null outside Office); informational. */
  host?: Office.HostType | null;
  /** Office's UI language ("zh-CN", "en-US" …) as the entry read it. */
  displayLanguage?: string | null;
  /** Overrides the language (the preview's language switch). */
  lang?: Lang;
  /** The plan Insert template writes; the seed plan by default. */
  plan?: Plan;
}

/** Office's UI language, or null outside Office (the pane then speaks Chinese): feature detection, nothing caught. */
function officeLanguage(): string | null {
  return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
}

/** Renders the pane into `root`; returns a function that unmounts it. */
export function mount(root: HTMLElement, options: MountOptions = {}): () => void {
  const lang = options.lang ?? langFromLocale(options.displayLanguage ?? officeLanguage());
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  // The store lives outside React: it reads the sheet and checks the stored plan once per pane, not once
  // per (StrictMode) mount; a failure of either is shown in the pane by the store itself.
  const store = createPaneStore({ lang, plan: options.plan ?? seedPlan });
  void store.start().then(() => checkStoredPlan(store));
  const reactRoot = createRoot(root);
  reactRoot.render(
    <StrictMode>
      <FluentProvider theme={paneTheme(officeTheme())}>
        <PaneStoreProvider store={store}>
          <App />
        </PaneStoreProvider>
      </FluentProvider>
    </StrictMode>,
  );
  return () => {
    reactRoot.unmount();
    void store.stop();
  };
}

export default mount;
