/**
 * The plan as the sheet now holds it (pure). Definitions come from each row (the template's
 * technical columns carry kind, direction and target form), names and texts from the plan stored
 * in the workbook when it has the indicator (plan-wide title and years from the settings when the
 * plan itself was not found), figures only from the sheet. The pane's numbers are
 * the core's evaluation of this plan, so they are the numbers of what staff typed.
 */
import type { Finding } from "../core/validation";
import { validateEntry } from "../core/validation";
import type { Indicator, LocalizedText, Plan, Target } from "../core/planSchema";
import { mapHeaders, readTemplateRow, type ColumnKey, type HeaderMap, type TemplateRow } from "../core/templateLayout";
import { columnLetters } from "./a1";
import type { TemplateSnapshot } from "./readTemplate";

export interface SheetEntry {
  indicatorId: string;
  year: number;
  raw: unknown;
  address: string;
}

export interface SheetPlan {
  plan: Plan;
  /** Sheet row (1-based) of each indicator. */
  rowOf: Map<string, number>;
  /** Every non-blank yearly figure as typed, with its cell. */
  entries: SheetEntry[];
  /** Manual statuses that are not one of the official words. */
  unreadableStatuses: Array<{ indicatorId: string; text: string; address: string }>;
  headerMap: HeaderMap;
  snapshot: TemplateSnapshot;
}

function same(text: string | null, fallback: LocalizedText | undefined): LocalizedText {
  if (fallback && (text === null || text === fallback.zh || text === fallback.en)) return fallback;
  const t = text && text.length > 0 ? text : "—";
  return { zh: t, en: t };
}

function targetFrom(row: TemplateRow, stored: Indicator | undefined, cellText: string | null): Target {
  const value = row.target;
  switch (row.targetForm) {
    case "cumulativeReduction":
    case "cumulativeIncrease":
      if (value !== null)
        return { kind: "cumulative", value, mode: row.targetForm === "cumulativeReduction" ? "reduction" : "increase" };
      break;
    case "annualGrowth":
      if (value !== null) return { kind: "annualGrowth", value };
      break;
    case "text":
      if (stored?.target.kind === "text") return stored.target;
      return { kind: "text", text: same(cellText, undefined) };
    case "level": {
      if (value === null) break;
      const comparator =
        row.comparator ??
        (stored?.target.kind === "level" ? stored.target.comparator : row.direction === "down" ? "<=" : ">=");
      const tolerance = row.approxTolerance ?? (stored?.target.kind === "level" ? stored.target.tolerance : undefined);
      return tolerance === undefined
        ? { kind: "level", value, comparator }
        : { kind: "level", value, comparator, tolerance };
    }
  }
  // No usable number in the target cell: keep the stored target, or read it as a text target.
  if (stored) return stored.target;
  return { kind: "text", text: same(cellText, undefined) };
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function planFromSnapshot(snapshot: TemplateSnapshot): SheetPlan {
  const storedPlan = snapshot.stored.kind === "ok" ? (snapshot.stored.plan ?? snapshot.stored.state.plan) : null;
  const fullPlan: Plan | null = snapshot.stored.kind === "ok" ? snapshot.stored.plan : null;
  const storedById = new Map((fullPlan?.indicators ?? []).map((i) => [i.id, i]));
  const headerMap = mapHeaders(snapshot.headers);
  const letter = (key: ColumnKey): string | null =>
    headerMap[key] === undefined ? null : columnLetters(snapshot.body.firstColumn + headerMap[key]!);

  const indicators: Indicator[] = [];
  const rowOf = new Map<string, number>();
  const entries: SheetEntry[] = [];
  const unreadableStatuses: SheetPlan["unreadableStatuses"] = [];
  const yearKeys = (Object.keys(headerMap) as ColumnKey[]).filter((k) => /^y\d{4}$/.test(k));
  const targetYears: number[] = [];

  snapshot.values.forEach((cells, r) => {
    const row = readTemplateRow(snapshot.headers, cells);
    if (!row) return;
    const sheetRow = snapshot.body.firstRow + r;
    let id = row.id && ID_PATTERN.test(row.id) ? row.id : `ROW${sheetRow}`;
    if (rowOf.has(id)) id = `${id}_ROW${sheetRow}`;
    const stored = storedById.get(row.id ?? "");
    const targetText = headerMap.target === undefined ? null : String(cells[headerMap.target] ?? "").trim() || null;
    const baselineYear =
      row.baselineYear ?? stored?.baselineYear ?? storedPlan?.baseYear ?? new Date().getFullYear() - 1;
    const ind: Indicator = {
      id,
      ...(row.number !== null ? { number: row.number } : stored?.number !== undefined ? { number: stored.number } : {}),
      category: same(row.category, stored?.category),
      name: same(row.name, stored?.name),
      unit: same(row.unit, stored?.unit),
      kind: row.kind ?? stored?.kind ?? (row.unit === "%" ? "percent" : "amount"),
      direction: headerMap.direction !== undefined ? row.direction : (stored?.direction ?? row.direction),
      baseline: row.baseline,
      baselineYear,
      target: targetFrom(row, stored, targetText),
      attribute: row.attribute,
      ...(stored?.note ? { note: stored.note } : {}),
      actuals: {},
      ...(row.manualStatus ? { override: { status: row.manualStatus, note: row.manualNote ?? "—" } } : {}),
    };
    rowOf.set(id, sheetRow);
    if (row.targetYear !== null) targetYears.push(row.targetYear);

    // Figures as typed: each one read by the core's validation; only usable ones count.
    for (const key of yearKeys) {
      const raw = cells[headerMap[key]!];
      if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue;
      const year = Number(key.slice(1));
      entries.push({ indicatorId: id, year, raw, address: `${letter(key)}${sheetRow}` });
    }
    if (headerMap.manualStatus !== undefined) {
      const text = cells[headerMap.manualStatus];
      if (typeof text === "string" && text.trim() !== "" && row.manualStatus === null) {
        unreadableStatuses.push({
          indicatorId: id,
          text: text.trim(),
          address: `${letter("manualStatus")}${sheetRow}`,
        });
      }
    }
    indicators.push(ind);
  });

  const latestColumnYear = Math.max(...targetYears, ...yearKeys.map((k) => Number(k.slice(1))));
  // An empty table without a stored plan has no year at all: fall back to this year.
  const targetYear =
    storedPlan?.targetYear ?? (Number.isFinite(latestColumnYear) ? latestColumnYear : new Date().getFullYear());
  const plan: Plan = {
    formatVersion: 1,
    id: storedPlan?.id ?? "sheet",
    title: storedPlan?.title ?? { zh: snapshot.sheetName, en: snapshot.sheetName },
    source: storedPlan?.source ?? {
      document: { zh: snapshot.sheetName, en: snapshot.sheetName },
      issuer: { zh: "—", en: "—" },
      date: "1970-01-01",
    },
    baseYear: storedPlan?.baseYear ?? Math.min(...indicators.map((i) => i.baselineYear), targetYear - 1),
    targetYear,
    indicators,
  };
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const e of entries) {
    const ind = byId.get(e.indicatorId)!;
    const { value } = validateEntry(plan, ind, e.year, e.raw);
    if (value !== null) ind.actuals[String(e.year)] = { value };
  }
  return { plan, rowOf, entries, unreadableStatuses, headerMap, snapshot };
}

/** The cell a finding is about, e.g. "K8", or null when the table has no such column. */
export function findingAddress(sheet: SheetPlan, f: Pick<Finding, "indicatorId" | "field" | "year">): string | null {
  const row = sheet.rowOf.get(f.indicatorId);
  if (row === undefined) return null;
  const key: ColumnKey | null =
    f.field === "actual"
      ? f.year !== undefined
        ? `y${f.year}`
        : null
      : f.field === "override"
        ? "manualStatus"
        : f.field;
  if (key === null) return null;
  const i = sheet.headerMap[key];
  return i === undefined ? null : `${columnLetters(sheet.snapshot.body.firstColumn + i)}${row}`;
}
