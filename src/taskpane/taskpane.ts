// Task-pane entry. It runs in the shared runtime after functions.js has registered PLAN.*, so it must stay
// small: no React or Fluent import here. Once Office is ready it loads the UI (./app/mount) as a lazy chunk.

const ROOT_ID = "root";

/** Shows a plain-text failure in the pane (textContent, never HTML). */
function showLoadFailure(root: HTMLElement, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  root.removeAttribute("aria-busy");
  root.setAttribute("role", "alert");
  root.textContent = `规划指标监测无法加载界面，请关闭后重新打开窗格。Plan Tracker could not load its pane; close and reopen it. (${detail})`;
}

async function start(info: { host: Office.HostType | null }): Promise<void> {
  const root = document.getElementById(ROOT_ID);
  if (!root) return;
  try {
    const { mount } = await import(/* webpackChunkName: "pane" */ "./app/mount");
    mount(root, {
      host: info.host ?? null,
      // Office's UI language ("zh-CN", "en-US", …); null outside Office (preview, browser tests).
      displayLanguage:
        typeof Office !== "undefined" && Office.context ? (Office.context.displayLanguage ?? null) : null,
    });
    root.removeAttribute("aria-busy");
  } catch (error) {
    showLoadFailure(root, error);
  }
}

void Office.onReady((info) => start(info));
