/**
 * What the pane says under an indicator beyond its figures (pure): the assumptions the evaluation
 * made, a revised baseline and an adjusted target beside the published ones, stale data, the year's
 * own target, and why there is no status. Each line in planning staff's words, zh or en.
 */
import type { IndicatorEvaluation } from "../../core/indicatorEvaluation";
import { message, type Lang } from "../../core/messages";
import { needsFixColumn } from "../../core/status";
import { unreadableMessage } from "../../core/validation";
import type { Indicator, Target } from "../../core/planSchema";
import { formatNumber } from "./figures";
import { t } from "./i18n";

/** A target as the plan writes it: ≥1.47, ≤5.5, 15左右, 〔13.5〕, 年均 7%, 高于GDP增长. */
export function targetText(target: Target, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  switch (target.kind) {
    case "text":
    case "relative":
      return target.text[lang];
    case "cumulative":
      return `〔${target.approximate ? (lang === "zh" ? "约" : "~") : ""}${n(target.value)}〕`;
    case "annualGrowth":
      return lang === "zh"
        ? `年均${target.comparator === "<=" ? "不超过" : ""}${n(target.value)}%${target.approximate ? "左右" : ""}`
        : `${target.comparator === "<=" ? "≤" : ""}${target.approximate ? "~" : ""}${n(target.value)}% a year`;
    case "level": {
      const op = target.comparator === "<=" ? "≤" : "≥";
      if (target.approximate) return lang === "zh" ? `${n(target.value)}左右` : `~${n(target.value)}`;
      return `${target.obligation === "keep" || target.comparator === "<=" ? op : ""}${n(target.value)}`;
    }
  }
}

export function indicatorNotes(ind: Indicator, ev: IndicatorEvaluation, lang: Lang): string[] {
  const notes: string[] = [];
  if (ev.needsFix)
    notes.push(
      unreadableMessage(
        needsFixColumn(ev.needsFix.header, ev.needsFix.reference?.[lang]),
        ev.needsFix.text,
        lang,
        ev.needsFix.reference ? "" : ind.unit.zh,
      ),
    );
  if (ev.stale && ev.latest) notes.push(t(lang, "noteStale", { dataYear: ev.latest.year, year: ev.evaluationYear }));
  if (ev.baseline.revision) {
    const r = ev.baseline.revision;
    notes.push(
      t(lang, "noteRevisedBaseline", {
        published: ev.baseline.published === null ? "—" : formatNumber(ev.baseline.published, lang),
        revised: formatNumber(r.value, lang),
        reason: r.reason ?? t(lang, "notStated"),
      }),
    );
  }
  if (ev.target.adjustment) {
    const a = ev.target.adjustment;
    notes.push(
      t(lang, "noteAdjustedTarget", {
        original: targetText(ev.target.original, lang),
        adjusted: targetText(ev.target.effective, lang),
        document: a.document ?? t(lang, "notStated"),
      }),
    );
  }
  if (ev.yearly) {
    const y = ev.yearly;
    notes.push(
      t(lang, y.met === null ? "noteYearlyNoFigure" : y.met ? "noteYearlyMet" : "noteYearlyMissed", {
        year: y.year,
        target: y.target.text ?? `${y.target.comparator === "<=" ? "≤" : "≥"}${formatNumber(y.target.value, lang)}`,
      }),
    );
  }
  for (const note of ev.notes) notes.push(message(note.code, lang, note.args));
  if (!ev.status && !ev.needsFix && ev.statusReason) notes.push(message(ev.statusReason, lang, ev.statusReasonArgs));
  if (ind.leadUnit) notes.push(t(lang, "noteLeadUnit", { unit: ind.leadUnit }));
  return notes;
}
