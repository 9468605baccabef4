/**
 * What Insert template will change, said before it runs, and whether one 撤销 (Undo) takes it back: that is
 * promised only where Excel groups the operation's syncs into one undo step (ExcelApi 1.20,
 * canGroupUndo() in src/excel/excelRun.ts). Elsewhere the hint names the sheet it adds or refreshes and
 * says the change cannot be undone in one step, with what to do instead.
 */
import type { Lang } from "../../core/messages";
import type { Plan } from "../../core/planSchema";
import { SHEET_BASE_NAME } from "../../excel/sheetNames";
import { t } from "./i18n";

export function insertHint(lang: Lang, grouped: boolean, existingSheet: string | null, plan: Plan): string {
  if (existingSheet !== null) {
    const what = t(lang, "insertWillRefresh", { sheet: existingSheet });
    return `${what} ${grouped ? t(lang, "undoGrouped") : t(lang, "undoNotGroupedRefresh")}`;
  }
  const sheet = SHEET_BASE_NAME[lang];
  const what = t(lang, "insertWillCreate", { sheet, plan: plan.title[lang], count: plan.indicators.length });
  return `${what} ${grouped ? t(lang, "undoGrouped") : t(lang, "undoNotGroupedCreate", { sheet })}`;
}
