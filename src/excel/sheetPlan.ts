/**
 * The plan as the sheet now holds it (pure): every row read by the one reader the sheet's formulas
 * use (src/core/sheetRows.ts → templateRow.ts), names and records from the plan stored in the
 * workbook, plan-wide title and period from the stored plan (or the sheet when none was found).
 * The evaluation year is the one the sheet's C3 computes: B3 when staff typed a year there, else
 * the latest year with a figure that can be read. So the pane's numbers are the sheet's numbers.
 */
import { latestEnteredYear } from "../core/templateRow";
import type { Finding } from "../core/validation";
import type { Plan } from "../core/planSchema";
import { FORMAT_VERSION } from "../core/planSchema";
import { readSheetRows, type BlockedCell } from "../core/sheetRows";
import { yearCell } from "../core/templateBlock";
import { checkHeaders, isEarlierLayout, type HeaderCheck, type IdProblem } from "../core/templateIntegrity";
import { mapHeaders, otherGoalsColumns, templateColumns, type ColumnKey, type HeaderMap } from "../core/templateLayout";
import { columnLetters } from "./a1";
import type { TemplateSnapshot } from "./readTemplate";
import { EVALUATION_YEAR_INPUT } from "./templateContent";

export interface SheetEntry {
  indicatorId: string;
  year: number;
  raw: unknown;
  address: string;
  /** The unit as the sheet shows it: numbers are read with it. */
  unit?: string;
}

export interface SheetBlock extends BlockedCell {
  /** The cell, e.g. "K8" (null when the table has no such column). */
  address: string | null;
}

/** A row whose hidden id cell (指标代码) is blank, not an id, or another row's. */
export interface SheetIdProblem extends IdProblem {
  sheetRow: number;
  /** The indicator's name as the row shows it. */
  name: string;
  /** The id cell, e.g. "AB8" (null when the table has no id column). */
  address: string | null;
  /** duplicate: the sheet row that keeps the id. */
  sameAsRow?: number;
}

/**
 * Whether the table still holds what the add-in wrote where it reads it (templateIntegrity.ts):
 * the header row against the one it wrote (null when that cannot be known: no stored state, or a
 * table laid out by an earlier version), and each row's id.
 */
export interface TemplateIntegrity {
  headers: HeaderCheck | null;
  /** The header row (1-based sheet row), to name header cells. */
  headerRow: number;
  /**
   * The other goals' block's header against the one the add-in wrote (null when there is no block or no
   * stored state): a cleared or renamed header there is named and repaired too (repairTemplate.ts).
   */
  otherGoals: { headers: HeaderCheck; headerRow: number; firstColumn: number } | null;
  ids: SheetIdProblem[];
}

export interface SheetPlan {
  plan: Plan;
  /** The year evaluated: B3's year, else the latest year with anything entered. */
  evaluationYear: number | null;
  /** B3 when it holds something that is not a year (the pane says so), else null. */
  evaluationYearInvalid: { address: string; text: string } | null;
  /** Sheet row (1-based) of each indicator. */
  rowOf: Map<string, number>;
  /** Rows that cannot be evaluated until a cell is fixed, by indicator id. */
  blocked: Map<string, SheetBlock>;
  /** Every non-blank yearly figure as typed, with its cell. */
  entries: SheetEntry[];
  /** Manual statuses that are not one of the official words. */
  unreadableStatuses: Array<{ indicatorId: string; text: string; address: string }>;
  /**
   * Main-table rows whose 目标年 cell holds another year than the plan's target year: the row's PLAN functions
   * evaluate toward the cell's year, the pane, the report and the exported plan toward the plan's (a main
   * indicator has no target year of its own), so Validate says so rather than let the two readings differ unseen.
   */
  targetYearMismatches: Array<{ indicatorId: string; year: number; planYear: number; address: string }>;
  headerMap: HeaderMap;
  integrity: TemplateIntegrity;
  snapshot: TemplateSnapshot;
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function planFromSnapshot(snapshot: TemplateSnapshot): SheetPlan {
  const storedPlan = snapshot.stored.kind === "ok" ? (snapshot.stored.plan ?? snapshot.stored.state.plan) : null;
  const fullPlan: Plan | null = snapshot.stored.kind === "ok" ? snapshot.stored.plan : null;
  const headerMap = mapHeaders(snapshot.headers);
  const letter = (key: ColumnKey): string | null =>
    headerMap[key] === undefined ? null : columnLetters(snapshot.body.firstColumn + headerMap[key]!);
  const yearKeys = (Object.keys(headerMap) as ColumnKey[]).filter((k) => /^y\d{4}$/.test(k));

  const rowOf = new Map<string, number>();
  const blocked = new Map<string, SheetBlock>();
  const entries: SheetEntry[] = [];
  const unreadableStatuses: SheetPlan["unreadableStatuses"] = [];
  const targetYearMismatches: SheetPlan["targetYearMismatches"] = [];
  const other = snapshot.otherGoals;
  const main = readSheetRows(fullPlan, snapshot.headers, snapshot.values, snapshot.body.firstRow);
  // The plan's period is the main table's: a goal's own target year (the 2035 vision) is not the plan's.
  // Without a stored plan it is where the year columns end (they run to the plan's target year), else the main rows' latest.
  const mainYears = main.flatMap((r) => (r.targetYear !== null && !r.indicator.supplementary ? [r.targetYear] : []));
  const columnYears = yearKeys.map((k) => Number(k.slice(1)));
  const planTargetYear =
    storedPlan?.targetYear ??
    (columnYears.length ? Math.max(...columnYears) : mainYears.length ? Math.max(...mainYears) : null);
  const readings = [
    ...main.map((r) => ({
      ...r,
      sheetRow: snapshot.body.firstRow + r.index,
      cells: snapshot.values[r.index] ?? [],
    })),
    // The other goals (no year cells: their figures stay the stored plan's, sheetRows.ts), read the same way.
    ...(other
      ? readSheetRows(fullPlan, other.headers, other.values, other.body.firstRow, {
          otherGoals: true,
          planTargetYear,
        }).map((r) => ({
          ...r,
          sheetRow: other.body.firstRow + r.index,
          cells: other.values[r.index] ?? [],
        }))
      : []),
  ];
  const ids: SheetIdProblem[] = [];
  for (const reading of readings) {
    const { indicator, row, sheetRow, cells } = reading;
    rowOf.set(indicator.id, sheetRow);
    if (reading.idProblem) {
      const { sameAs, ...problem } = reading.idProblem;
      const l = letter("id");
      ids.push({
        ...problem,
        sheetRow,
        name: row.name ?? indicator.name.zh,
        address: l === null ? null : `${l}${sheetRow}`,
        ...(sameAs !== undefined ? { sameAsRow: snapshot.body.firstRow + sameAs } : {}),
      });
    }
    if (reading.blocked) {
      const l = letter(reading.blocked.key);
      blocked.set(indicator.id, { ...reading.blocked, address: l === null ? null : `${l}${sheetRow}` });
    }
    for (const key of yearKeys) {
      const raw = cells[headerMap[key]!];
      if (blank(raw)) continue;
      entries.push({
        indicatorId: indicator.id,
        year: Number(key.slice(1)),
        raw,
        address: `${letter(key)}${sheetRow}`,
        ...(row.unit !== null ? { unit: row.unit } : {}),
      });
    }
    const yearAt = letter("targetYear");
    if (
      !indicator.supplementary &&
      reading.targetYear !== null &&
      planTargetYear !== null &&
      reading.targetYear !== planTargetYear &&
      yearAt !== null
    )
      targetYearMismatches.push({
        indicatorId: indicator.id,
        year: reading.targetYear,
        planYear: planTargetYear,
        address: `${yearAt}${sheetRow}`,
      });
    if (headerMap.manualStatus !== undefined) {
      const text = cells[headerMap.manualStatus];
      if (typeof text === "string" && text.trim() !== "" && row.manualStatus === null) {
        unreadableStatuses.push({
          indicatorId: indicator.id,
          text: text.trim(),
          address: `${letter("manualStatus")}${sheetRow}`,
        });
      }
    }
  }
  const indicators = readings.map((r) => r.indicator);

  // An empty table without a stored plan has no year at all.
  const targetYear = planTargetYear;
  const firstColumnYear = Math.min(...yearKeys.map((k) => Number(k.slice(1))));
  const baseYear =
    storedPlan?.baseYear ??
    (Number.isFinite(firstColumnYear) ? firstColumnYear - 1 : targetYear !== null ? targetYear - 1 : null);
  const input = snapshot.evaluationYearInput;
  const typedYear = yearCell(input);
  const evaluationYear = typedYear ?? latestEnteredYear(snapshot.headers, snapshot.values);
  const plan: Plan = {
    formatVersion: FORMAT_VERSION,
    id: storedPlan?.id ?? "sheet",
    title: storedPlan?.title ?? { zh: snapshot.sheetName, en: snapshot.sheetName },
    ...(storedPlan?.source ? { source: storedPlan.source } : {}),
    // A sheet with no year column and no stored plan cannot be evaluated; these keep the plan well-formed.
    baseYear: baseYear ?? 2020,
    targetYear: targetYear ?? 2025,
    ...(evaluationYear !== null ? { evaluation: { ...(fullPlan?.evaluation ?? {}), year: evaluationYear } } : {}),
    indicators,
  };
  return {
    plan,
    evaluationYear,
    evaluationYearInvalid:
      typedYear === null && !blank(input) ? { address: EVALUATION_YEAR_INPUT, text: String(input) } : null,
    rowOf,
    blocked,
    entries,
    unreadableStatuses,
    targetYearMismatches,
    headerMap,
    integrity: {
      headers: headerCheck(snapshot),
      headerRow: snapshot.body.firstRow - 1,
      ids,
      otherGoals: otherGoalsHeaderCheck(snapshot),
    },
    snapshot,
  };
}

/** The header row against the one the add-in wrote, when the stored state says what it wrote. */
function headerCheck(snapshot: TemplateSnapshot): HeaderCheck | null {
  if (snapshot.stored.kind !== "ok" || isEarlierLayout(snapshot.headers)) return null;
  const { state } = snapshot.stored;
  return checkHeaders(snapshot.headers, templateColumns(state.plan), state.lang);
}

/** The other goals' header against the block the add-in wrote (its columns: templateLayout.ts otherGoalsColumns). */
function otherGoalsHeaderCheck(snapshot: TemplateSnapshot): TemplateIntegrity["otherGoals"] {
  const other = snapshot.otherGoals;
  if (!other || snapshot.stored.kind !== "ok") return null;
  const { state } = snapshot.stored;
  return {
    headers: checkHeaders(other.headers, otherGoalsColumns(state.plan), state.lang),
    headerRow: other.body.firstRow - 1,
    firstColumn: other.body.firstColumn,
  };
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
