/**
 * The workbook's plan as a plan file, with the figures staff entered: each template row read back
 * by the one reader (sheetRows.ts → templateRow.ts), with the stored plan's records merged in.
 * A row whose target cannot be read is left out and listed; an unreadable yearly figure is left out
 * of its indicator and listed: nothing is dropped without a word.
 */
import type { Indicator, Plan } from "./planSchema";
import { FORMAT_VERSION, plan as planSchema } from "./planSchema";
import { readSheetRows } from "./sheetRows";
import type { ColumnKey } from "./templateLayout";

export interface ExportSkip {
  /** 0-based row of the body. */
  row: number;
  key: ColumnKey;
  reason: "missing" | "invalid";
  /** What the cell held. */
  text?: string;
}

export type PlanExport = { ok: true; plan: Plan; skipped: ExportSkip[] } | { ok: false; skipped: ExportSkip[] };

/**
 * The plan the template rows describe. `headers` is the table's header row, `rows` its body
 * (values as read from the sheet). Plan-level facts (title, source, period, evaluation year) come
 * from the stored plan, or from the rows when there is none.
 */
export function planFromTemplate(
  stored: Plan | null,
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  evaluationYear?: number,
): PlanExport {
  const indicators: Indicator[] = [];
  const skipped: ExportSkip[] = [];
  const targetYears: number[] = [];
  for (const reading of readSheetRows(stored, headers, rows)) {
    for (const f of reading.unreadableFigures)
      skipped.push({ row: reading.index, key: f.key, reason: f.reason, text: f.text });
    const figureOnly = reading.blocked !== null && /^y\d{4}$/.test(reading.blocked.key);
    if (reading.blocked && !figureOnly) {
      skipped.push({
        row: reading.index,
        key: reading.blocked.key,
        reason: reading.blocked.reason,
        ...(reading.blocked.text ? { text: reading.blocked.text } : {}),
      });
      continue;
    }
    indicators.push(reading.indicator);
    if (reading.targetYear !== null) targetYears.push(reading.targetYear);
  }
  if (indicators.length === 0) return { ok: false, skipped };
  const targetYear = stored?.targetYear ?? Math.max(...targetYears);
  const baseYear =
    stored?.baseYear ?? Math.min(...indicators.map((i) => i.baselineYear ?? targetYear - 1), targetYear - 1);
  const title = stored?.title ?? { zh: "规划指标", en: "Plan indicators" };
  const evaluation =
    evaluationYear !== undefined ? { ...(stored?.evaluation ?? {}), year: evaluationYear } : stored?.evaluation;
  const candidate = {
    ...(stored?.$schema ? { $schema: stored.$schema } : {}),
    formatVersion: FORMAT_VERSION,
    id: stored?.id ?? "exported-plan",
    title,
    source: stored?.source ?? { document: title, issuer: { zh: "—", en: "—" }, date: "1970-01-01" },
    baseYear,
    targetYear,
    ...(evaluation ? { evaluation } : {}),
    indicators,
  };
  const parsed = planSchema.safeParse(candidate);
  return parsed.success ? { ok: true, plan: parsed.data, skipped } : { ok: false, skipped };
}
