/**
 * Insert template (插入模板), under the operation lock: writes or refreshes the template, then stores the
 * plan and the workbook's language and lays the highlight rules again over appended rows. The template
 * is in either way: a follow-up that fails is a warning saying what did not happen, never swallowed.
 */
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import { applyHighlightRules, highlightsOn } from "../../../excel/highlights";
import { insertTemplate } from "../../../excel/insertTemplate";
import { readTemplate } from "../../../excel/readTemplate";
import { publishWorkbookLanguage } from "../../../excel/workbookLanguageSetting";
import { failureText } from "../hostErrorText";
import { t } from "../i18n";
import { describeIdRows, describeLeftRules } from "../integrityView";
import { afterInsert } from "../travel/travelActions";
import type { PaneStore, RunOutcome } from "./paneStore";
import { readyOf } from "./planState";

/** What a new sheet holds: the main indicators, and the other goals listed in their block below the table. */
export function insertedText(sheet: string, plan: Plan, lang: Lang): string {
  const other = plan.indicators.filter((i) => i.supplementary).length;
  const count = plan.indicators.length - other;
  return other > 0 ? t(lang, "insertedWithOtherGoals", { sheet, count, other }) : t(lang, "inserted", { sheet, count });
}

export function insert(store: PaneStore): Promise<RunOutcome> {
  return store.run("insert", async () => {
    const { lang, chosenPlan, openedWith, plan } = store.getState();
    const ready = readyOf(plan);
    store.notify(null);
    const highlighted = ready !== null && highlightsOn(ready.snapshot);
    const result = await insertTemplate(chosenPlan, lang);
    const followUps: string[] = [];
    const reason = (e: unknown) => failureText(e, lang);
    const notDone = await afterInsert(result.created, chosenPlan, chosenPlan !== openedWith).catch((e: unknown) => {
      followUps.push(t(lang, "planNotStored", { reason: reason(e) }));
      return [];
    });
    followUps.push(...notDone.map((m) => m[lang]));
    if (result.created)
      await publishWorkbookLanguage(lang).catch((e: unknown) => {
        followUps.push(t(lang, "languageNotStored", { reason: reason(e) }));
      });
    // Rows a refresh appended are outside the highlight rules' range: lay the rules again over all rows.
    if (highlighted && !result.created && result.added > 0)
      followUps.push(
        ...describeLeftRules((await applyHighlightRules(await readTemplate(result.tableName))).left, lang),
      );
    followUps.push(...describeIdRows(result.idRows ?? [], lang));
    if (result.otherGoalFigures > 0) followUps.push(t(lang, "otherGoalFigures", { count: result.otherGoalFigures }));
    await store.reload(result.tableName);
    store.setState({ findings: null });
    const kept = result.kept.map((k) => `${k.address} ${k.header}: ${k.current} (${k.planned})`);
    if (result.relaid?.indicatorsNotInPlan.length)
      followUps.push(t(lang, "relaidNotInPlan", { ids: result.relaid.indicatorsNotInPlan.join("、") }));
    store.notify({
      intent: result.kept.length > 0 || followUps.length > 0 || result.relaid ? "warning" : "success",
      text: result.relaid
        ? t(lang, "relaid", {
            sheet: result.sheetName,
            count: result.relaid.carriedCells,
            old: result.relaid.previousSheet,
          })
        : result.created
          ? insertedText(result.sheetName, chosenPlan, lang)
          : t(lang, result.kept.length > 0 ? "refreshedKeptCells" : "refreshed", {
              sheet: result.sheetName,
              added: result.added,
              figures: result.figuresKept,
              kept: result.kept.length,
            }),
      ...(result.kept.length > 0 ? { title: t(lang, "keptCellsTitle") } : {}),
      ...(kept.length + followUps.length > 0 ? { details: [...followUps, ...kept] } : {}),
    });
  });
}
