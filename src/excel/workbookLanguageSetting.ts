/**
 * Make the workbook's language (which PLAN.STATUS answers in) visible to the functions, which read
 * it from Office.context.document.settings: an in-memory copy loaded with the document.
 * The insert batch stores it through workbook.settings; this refreshes the copy and, on a host
 * where the two are separate stores, writes it there too. Refreshing first means saveAsync can
 * never write back a stale copy over the template's state.
 */
import type { Lang } from "../core/messages";
import { WORKBOOK_LANGUAGE_SETTING } from "../core/templateLayout";

/** The document's settings, or null outside Office or on a host without them (feature detection). */
function settingsApi(): Office.Settings | null {
  return typeof Office !== "undefined" ? (Office.context?.document?.settings ?? null) : null;
}

function call(fn: (done: (r: Office.AsyncResult<unknown>) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    fn((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve()));
  });
}

export async function publishWorkbookLanguage(lang: Lang): Promise<void> {
  const settings = settingsApi();
  if (!settings) return;
  await call((done) => settings.refreshAsync(done as (r: Office.AsyncResult<Office.Settings>) => void));
  if (settings.get(WORKBOOK_LANGUAGE_SETTING) === lang) return;
  settings.set(WORKBOOK_LANGUAGE_SETTING, lang);
  await call((done) => settings.saveAsync(done as (r: Office.AsyncResult<void>) => void));
}
