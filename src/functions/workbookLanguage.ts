/**
 * The language PLAN functions answer in: the workbook's, not the user's. The pane records it in the
 * document settings (WORKBOOK_LANGUAGE_SETTING, "zh" or "en") when it inserts the template, so a shared
 * workbook shows the same status words and messages on every colleague's machine. Unset (a workbook
 * without the template, or outside Office): Chinese, the add-in's first language.
 */
import { langFromLocale, type Lang } from "../core/messages";
import { WORKBOOK_LANGUAGE_SETTING } from "../core/templateLayout";

export function workbookLanguage(): Lang {
  // No Office (tests, a page outside Excel) or a host without document settings: nothing is stored
  // to read, and the functions answer in Chinese, as documented — feature detection, nothing caught.
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) return "zh";
  // Office.context.document.settings is read synchronously from the copy loaded with the document.
  const value: unknown = settings.get(WORKBOOK_LANGUAGE_SETTING);
  return typeof value === "string" && value.trim() !== "" ? langFromLocale(value) : "zh";
}
