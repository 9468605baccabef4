/**
 * The workbook's plan as a plan file, with the figures staff entered: each template row read back
 * through readTemplateRow / templateRowToIndicator (numbers, target forms and manual verdicts from
 * the sheet), and the words the sheet shows in one language only (names, units, categories, text
 * targets, notes) taken from the plan stored in the workbook when the sheet still says the same.
 */
import type { Indicator, LocalizedText, Plan } from "./planSchema";
import { plan as planSchema } from "./planSchema";
import { readTemplateRow, templateRowToIndicator, type ColumnKey } from "./templateLayout";

export interface ExportSkip {
  /** 0-based row of the body. */
  row: number;
  key: ColumnKey;
  reason: "missing" | "invalid";
}

export type PlanExport = { ok: true; plan: Plan; skipped: ExportSkip[] } | { ok: false; skipped: ExportSkip[] };

/** The stored text when the sheet's text is one of its languages (or "—", a blank), else the sheet's. */
function keep(sheet: LocalizedText, stored: LocalizedText | undefined): LocalizedText {
  if (!stored) return sheet;
  const t = sheet.zh;
  return t === stored.zh || t === stored.en || t === "—" ? stored : sheet;
}

function merge(fromSheet: Indicator, stored: Indicator | undefined): Indicator {
  if (!stored) return fromSheet;
  const target =
    fromSheet.target.kind === "text" && stored.target.kind === "text"
      ? { ...fromSheet.target, text: keep(fromSheet.target.text, stored.target.text) }
      : fromSheet.target;
  return {
    ...fromSheet,
    category: keep(fromSheet.category, stored.category),
    name: keep(fromSheet.name, stored.name),
    unit: keep(fromSheet.unit, stored.unit),
    target,
    ...(stored.note ? { note: stored.note } : {}),
    ...(stored.supplementary !== undefined ? { supplementary: stored.supplementary } : {}),
    // Where a figure in the sheet is the stored one, its note and vintage stay with it.
    actuals: Object.fromEntries(
      Object.entries(fromSheet.actuals).map(([year, a]) => {
        const old = stored.actuals[year];
        return [year, old && old.value === a.value ? old : a];
      }),
    ),
    ...(fromSheet.override && stored.override?.status === fromSheet.override.status && fromSheet.override.note === "—"
      ? { override: stored.override }
      : {}),
  };
}

/**
 * The plan the template rows describe. `headers` is the table's header row, `rows` its body
 * (values as read from the sheet). Rows that cannot be read (no target, a target year that is
 * not a number) are left out and listed. Plan-level facts (title, source, period) come from the
 * stored plan, or from the rows when there is none.
 */
export function planFromTemplate(
  stored: Plan | null,
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): PlanExport {
  const byId = new Map((stored?.indicators ?? []).map((i) => [i.id, i]));
  const indicators: Indicator[] = [];
  const skipped: ExportSkip[] = [];
  const targetYears: number[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, r) => {
    const row = readTemplateRow(headers, cells);
    if (!row) return;
    const model = templateRowToIndicator(row);
    if (!model.ok) {
      skipped.push({ row: r, key: model.key, reason: model.reason });
      return;
    }
    let id = model.indicator.id;
    if (id === "TEMPLATE_ROW" || seen.has(id)) id = `ROW_${r + 1}`;
    seen.add(id);
    indicators.push(merge({ ...model.indicator, id }, byId.get(id)));
    targetYears.push(model.targetYear);
  });
  if (indicators.length === 0) return { ok: false, skipped };
  const targetYear = stored?.targetYear ?? Math.max(...targetYears);
  const baseYear = stored?.baseYear ?? Math.min(...indicators.map((i) => i.baselineYear));
  const title = stored?.title ?? { zh: "规划指标", en: "Plan indicators" };
  const candidate = {
    ...(stored?.$schema ? { $schema: stored.$schema } : {}),
    formatVersion: 1 as const,
    id: stored?.id ?? "exported-plan",
    title,
    source: stored?.source ?? { document: title, issuer: { zh: "—", en: "—" }, date: "1970-01-01" },
    baseYear,
    targetYear,
    indicators,
  };
  const parsed = planSchema.safeParse(candidate);
  return parsed.success ? { ok: true, plan: parsed.data, skipped } : { ok: false, skipped };
}
