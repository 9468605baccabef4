/**
 * Open the pane with the workbook for whoever opens it (who has the add-in installed):
 * - the document is tagged with Office.AutoShowTaskpaneWithDocument (Common API settings, saved
 *   with saveAsync), which the manifest's ShowTaskpane action with that TaskpaneId answers;
 * - in the shared runtime, Office.addin.setStartupBehavior(load) also loads the runtime on the next
 *   opening of this document, so the PLAN functions and highlights are ready before the pane is
 *   shown (`none` when turned off). Feature-detected: on a host without a shared runtime the result
 *   says "unsupported" and the pane tells staff what that means; a refusal is "failed", with why.
 * Limits (docs/travel.md): the colleague needs the add-in (central deployment); Marketplace add-ins
 * no longer auto-open since March 2026; a new unsaved workbook opens the pane only after a save.
 *
 * The Common API's settings are an in-memory copy loaded with the document: it is refreshed first,
 * so saving it never writes back stale values over the state the Excel batches stored.
 */

export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

type Message = { zh: string; en: string };

/**
 * The document's Common API settings, or null where there are none: outside Office (the pane opened
 * in a browser tab) or on a host without them. Feature detection, not a caught failure: a host that
 * has the settings and fails to load or save them rejects, and the caller reports it.
 */
function settingsApi(): Office.Settings | null {
  if (typeof Office === "undefined") return null;
  return Office.context?.document?.settings ?? null;
}

/**
 * Why the pane cannot be set to open with this workbook here, in staff words (null when it can):
 * the pane's switch shows it instead of silently staying off.
 */
export function autoOpenUnavailableReason(): Message | null {
  if (typeof Office === "undefined")
    return {
      zh: "任务窗格没有在 Excel 中运行（Office 未加载），无法设置随工作簿打开。",
      en: "The pane is not running inside Excel (Office is not loaded), so it cannot be set to open with the workbook.",
    };
  if (settingsApi() === null)
    return {
      zh: "此版本的 Excel 不提供文档设置（Office.context.document.settings），无法让工作簿打开时自动显示任务窗格。",
      en: "This version of Excel has no document settings (Office.context.document.settings), so the workbook cannot be set to open the pane.",
    };
  return null;
}

function call<T>(fn: (done: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    fn((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve(r.value)));
  });
}

/**
 * Whether the workbook opens the pane; null where there are no document settings
 * (autoOpenUnavailableReason says why). A failure to read them rejects.
 */
export async function readAutoOpen(): Promise<boolean | null> {
  const settings = settingsApi();
  if (!settings) return null;
  await call<Office.Settings>((done) => settings.refreshAsync(done));
  return settings.get(AUTO_OPEN_SETTING) === true;
}

export interface AutoOpenResult {
  /** The tag as now saved in the document. */
  autoOpen: boolean;
  /**
   * What the shared runtime was told: "load"/"none"; "unsupported" on hosts without a shared
   * runtime (SharedRuntime 1.1); "failed" when the host has one and refused (startupError says why).
   */
  startup: "load" | "none" | "unsupported" | "failed";
  startupError?: string;
}

/** Whether this host runs the add-in in a shared runtime (SharedRuntime 1.1) with Office.addin.setStartupBehavior. */
function sharedRuntime(): boolean {
  return (
    typeof Office !== "undefined" &&
    typeof Office.addin?.setStartupBehavior === "function" &&
    Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === true
  );
}

/** Tags (or untags) the workbook and sets the shared runtime's startup behaviour to match. */
export async function setAutoOpen(on: boolean): Promise<AutoOpenResult | null> {
  const settings = settingsApi();
  if (!settings) return null;
  await call<Office.Settings>((done) => settings.refreshAsync(done));
  if (on) settings.set(AUTO_OPEN_SETTING, true);
  else settings.remove(AUTO_OPEN_SETTING);
  await call<void>((done) => settings.saveAsync(done));
  if (!sharedRuntime()) return { autoOpen: on, startup: "unsupported" };
  try {
    await Office.addin.setStartupBehavior(on ? Office.StartupBehavior.load : Office.StartupBehavior.none);
    return { autoOpen: on, startup: on ? "load" : "none" };
  } catch (error) {
    // The tag is saved either way; what the runtime was not told is reported, not dropped.
    return { autoOpen: on, startup: "failed", startupError: error instanceof Error ? error.message : String(error) };
  }
}
