/**
 * The language PLAN functions answer in: the workbook's, not the user's. The pane records it in the
 * document settings (WORKBOOK_LANGUAGE_SETTING, "zh" or "en") when it inserts the template, so a shared
 * workbook shows the same status words and messages on every colleague's machine. Unset (a workbook
 * without the template, or outside Office): Chinese, the add-in's first language.
 */
import { langFromLocale, type Lang } from "../core/messages";
import { WORKBOOK_LANGUAGE_SETTING } from "../core/templateLayout";

export function workbookLanguage(): Lang {
  try {
    // Office.context.document.settings is read synchronously from the copy loaded with the document.
    const value: unknown = Office.context.document.settings.get(WORKBOOK_LANGUAGE_SETTING);
    return typeof value === "string" && value.trim() !== "" ? langFromLocale(value) : "zh";
  } catch {
    return "zh"; // no Office (tests, the stand-in) or no document settings in this host
  }
}
