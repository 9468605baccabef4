/**
 * The validation list as the pane shows it (pure): the core's findings on what the sheet holds,
 * each with its cell, in the UI language; errors first, then by row. Safe fixes carry the value
 * read at validation time, so applying them can skip cells that changed since.
 */
import type { Lang } from "../../core/messages";
import { validatePlanData } from "../../core/validation";
import type { CellFix } from "../../excel/applyFixes";
import { findingAddress, type SheetPlan } from "../../excel/sheetPlan";
import { unitFormat } from "../../excel/templateContent";
import { t } from "./i18n";
import { integrityFindings } from "./integrityView";

export interface FindingView {
  key: string;
  severity: "error" | "warning";
  message: string;
  indicatorName: string;
  year?: number;
  address: string | null;
  fix?: CellFix & { beforeText: string };
}

function rowNumber(address: string | null): number {
  const m = address ? /(\d+)$/.exec(address) : null;
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

export function buildFindings(sheet: SheetPlan, lang: Lang): FindingView[] {
  const byId = new Map(sheet.plan.indicators.map((i) => [i.id, i]));
  const entryAt = new Map(sheet.entries.map((e) => [`${e.indicatorId}|${e.year}`, e]));
  const findings = validatePlanData(
    sheet.plan,
    sheet.entries.map(({ indicatorId, year, raw }) => ({ indicatorId, year, raw })),
  );
  const views: FindingView[] = findings.map((f, i) => {
    const ind = byId.get(f.indicatorId);
    const address = findingAddress(sheet, f);
    const entry = f.year !== undefined ? entryAt.get(`${f.indicatorId}|${f.year}`) : undefined;
    const view: FindingView = {
      key: `${i}|${f.code}|${address ?? f.indicatorId}`,
      severity: f.severity,
      message: f.message[lang],
      indicatorName: ind ? ind.name[lang] : f.indicatorId,
      ...(f.year !== undefined ? { year: f.year } : {}),
      address,
    };
    if (f.fix && address && entry && f.field === "actual") {
      view.fix = {
        address,
        before: entry.raw,
        beforeText: String(entry.raw),
        after: f.fix.value,
        ...(ind && ind.kind === "percent" ? { numberFormat: unitFormat(ind) } : {}),
      };
    }
    return view;
  });
  sheet.unreadableStatuses.forEach((s, i) => {
    const ind = byId.get(s.indicatorId);
    views.push({
      key: `status|${i}|${s.address}`,
      severity: "warning",
      message: t(lang, "unknownStatusWord", { text: s.text }),
      indicatorName: ind ? ind.name[lang] : s.indicatorId,
      address: s.address,
    });
  });
  sheet.targetYearMismatches.forEach((m, i) => {
    const ind = byId.get(m.indicatorId);
    views.push({
      key: `targetYear|${i}|${m.address}`,
      severity: "warning",
      message: t(lang, "targetYearNotPlan", { year: m.year, plan: m.planYear }),
      indicatorName: ind ? ind.name[lang] : m.indicatorId,
      address: m.address,
    });
  });
  // A header or an id the add-in cannot read any more hides rows from everything above: listed first.
  views.unshift(...integrityFindings(sheet, lang));
  return views.sort(
    (a, b) =>
      Number(a.severity !== "error") - Number(b.severity !== "error") || rowNumber(a.address) - rowNumber(b.address),
  );
}

/** One fix per cell (two findings may offer the same cell's fix). */
export function fixesOf(findings: readonly FindingView[]): Array<CellFix & { beforeText: string }> {
  const seen = new Map<string, CellFix & { beforeText: string }>();
  for (const f of findings) if (f.fix && !seen.has(f.fix.address)) seen.set(f.fix.address, f.fix);
  return [...seen.values()];
}
