/**
 * The report panel's two actions under the pane's operation lock, their results in the notice area: write
 * the report sheet, and save the same report as a Word file. Both read the sheet as it is now first (the
 * pane's last reading may be a few hundred milliseconds behind what staff just typed).
 */
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import type { EvaluationKind } from "../../../core/reportDocument";
import { readReportAnalysis, writeReportSheet } from "../../../excel/reportSheet";
import { readTemplate } from "../../../excel/readTemplate";
import { failureText } from "../hostErrorText";
import type { Notice } from "../store/paneState";
import type { PaneStore } from "../store/paneStore";
import { evaluateSnapshot, readyOf } from "../store/planState";
import { paneReport, reportChartImages } from "./reportActions";
import { rt } from "./reportStrings";
import { saveWordReport } from "./word/loadWordReport";
import type { WordReportImage } from "./word/wordReport";

export interface ReportChoice {
  year: number;
  kind: EvaluationKind;
  pathIndicatorId: string | null;
}

/** The sheet as it is now: its plan and the rows with a cell to fix; null without a template. */
async function current(store: PaneStore) {
  const ready = readyOf(store.getState().plan);
  if (!ready) return null;
  const { sheet } = evaluateSnapshot(await readTemplate(ready.snapshot.tableName));
  return { plan: sheet.plan, blocked: sheet.blocked };
}

const options = (choice: ReportChoice, lang: Lang) => ({
  year: choice.year,
  kind: choice.kind,
  lang,
  ...(choice.pathIndicatorId ? { pathIndicatorId: choice.pathIndicatorId } : {}),
});

function nameOf(plan: Plan, id: string, lang: Lang): string {
  return plan.indicators.find((i) => i.id === id)?.name[lang] ?? id;
}

export const writeSheet = (store: PaneStore, choice: ReportChoice) =>
  store.run("reportSheet", async () => {
    const { lang } = store.getState();
    store.notify(null);
    const now = await current(store);
    if (!now) return store.notify({ intent: "warning", text: rt(lang, "noPlan") });
    const doc = paneReport(now.plan, { ...options(choice, lang), blocked: now.blocked });
    const result = await writeReportSheet(doc, { planId: now.plan.id });
    const warn = result.keptCells.length > 0 || result.droppedAnalysis.length > 0 || result.previousLayoutChanged;
    const out: Notice[] = [
      {
        intent: warn ? "warning" : "success",
        text: result.created
          ? rt(lang, "written", { sheet: result.sheetName, count: result.indicatorCount })
          : rt(lang, "replaced", { sheet: result.sheetName, count: result.indicatorCount, kept: result.keptAnalysis }),
      },
    ];
    if (result.previousLayoutChanged)
      out.push({ intent: "warning", text: rt(lang, "layoutChanged", { sheet: result.sheetName }) });
    if (result.keptCells.length > 0)
      out.push({
        intent: "warning",
        title: rt(lang, "keptCellsTitle"),
        text: "",
        details: result.keptCells.map((c) => `${c.address}: ${c.text}`),
      });
    if (result.droppedAnalysis.length > 0)
      out.push({
        intent: "warning",
        title: rt(lang, "droppedTitle"),
        text: "",
        details: result.droppedAnalysis.map((d) => `${nameOf(now.plan, d.indicatorId, lang)}: ${d.text}`),
      });
    store.notify(out);
  });

export const saveWord = (store: PaneStore, choice: ReportChoice) =>
  store.run("wordReport", async () => {
    const { lang } = store.getState();
    store.notify(null);
    const warnings: string[] = [];
    // The 原因分析 staff typed on the report sheet go into the Word file too; without them, said so.
    const analysis = await readReportAnalysis(choice.kind, choice.year).catch((err: unknown) => {
      warnings.push(rt(lang, "wordNoAnalysis", { reason: failureText(err, lang) }));
      return undefined;
    });
    const now = await current(store);
    if (!now) return store.notify({ intent: "warning", text: rt(lang, "noPlan") });
    const doc = paneReport(now.plan, {
      ...options(choice, lang),
      blocked: now.blocked,
      ...(analysis ? { analysis } : {}),
    });
    const images = await reportChartImages(doc).catch((err: unknown): WordReportImage[] => {
      warnings.push(rt(lang, "wordNoImages", { reason: failureText(err, lang) }));
      return [];
    });
    let fileName: string;
    try {
      fileName = await saveWordReport(doc, images, now.plan.title[lang]);
    } catch (err) {
      // The one reporter, with what was found before the failure kept beneath it.
      return store.reportFailure("wordReport", err, warnings);
    }
    store.notify({
      intent: warnings.length > 0 ? "warning" : "success",
      text: rt(lang, "wordDone", { file: fileName }),
      ...(warnings.length > 0 ? { details: warnings } : {}),
    });
  });
