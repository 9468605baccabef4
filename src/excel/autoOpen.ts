/**
 * Open the pane with the workbook for whoever opens it (who has the add-in installed):
 * - the document is tagged with Office.AutoShowTaskpaneWithDocument (Common API settings, saved
 *   with saveAsync), which the manifest's ShowTaskpane action with that TaskpaneId answers;
 * - in the shared runtime, Office.addin.setStartupBehavior(load) also loads the runtime on the next
 *   opening of this document, so the PLAN functions and highlights are ready before the pane is
 *   shown (`none` when turned off). Feature-detected: older hosts simply skip it.
 * Limits (docs/travel.md): the colleague needs the add-in (central deployment); Marketplace add-ins
 * no longer auto-open since March 2026; a new unsaved workbook opens the pane only after a save.
 *
 * The Common API's settings are an in-memory copy loaded with the document: it is refreshed first,
 * so saving it never writes back stale values over the state the Excel batches stored.
 */

export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

function settingsApi(): Office.Settings | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.document?.settings ?? null) : null;
  } catch {
    return null;
  }
}

function call<T>(fn: (done: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    fn((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve(r.value)));
  });
}

/** Whether the workbook opens the pane; null where there are no document settings (outside Office). */
export async function readAutoOpen(): Promise<boolean | null> {
  const settings = settingsApi();
  if (!settings) return null;
  await call<Office.Settings>((done) => settings.refreshAsync(done));
  return settings.get(AUTO_OPEN_SETTING) === true;
}

export interface AutoOpenResult {
  /** The tag as now saved in the document. */
  autoOpen: boolean;
  /** What the shared runtime was told: "load"/"none", or "unsupported" on hosts without it. */
  startup: "load" | "none" | "unsupported";
}

function sharedRuntime(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      typeof Office.addin?.setStartupBehavior === "function" &&
      Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === true
    );
  } catch {
    return false;
  }
}

/** Tags (or untags) the workbook and sets the shared runtime's startup behaviour to match. */
export async function setAutoOpen(on: boolean): Promise<AutoOpenResult | null> {
  const settings = settingsApi();
  if (!settings) return null;
  await call<Office.Settings>((done) => settings.refreshAsync(done));
  if (on) settings.set(AUTO_OPEN_SETTING, true);
  else settings.remove(AUTO_OPEN_SETTING);
  await call<void>((done) => settings.saveAsync(done));
  let startup: AutoOpenResult["startup"] = "unsupported";
  if (sharedRuntime()) {
    try {
      await Office.addin.setStartupBehavior(on ? Office.StartupBehavior.load : Office.StartupBehavior.none);
      startup = on ? "load" : "none";
    } catch {
      startup = "unsupported";
    }
  }
  return { autoOpen: on, startup };
}
