/**
 * The template's rows as indicators, for the pane and the plan export: each row read by the one
 * reader (templateRow.ts), with the words and records the sheet does not hold (the other language's
 * names, notes, where a figure came from and what it replaced, the approving document of an
 * adjustment, the reason for a revised baseline) taken from the plan stored in the workbook where
 * the sheet still says the same.
 *
 * A row with a cell that cannot be read is still listed (its name, its other figures) but marked
 * blocked with that cell: it is not evaluated until the cell is fixed, in the pane as on the sheet.
 */
import type { Actual, Indicator, LocalizedText, Plan, Target } from "./planSchema";
import type { ColumnKey } from "./templateLayout";
import { ID_PATTERN, resolveRowIds, type IdProblem } from "./templateIntegrity";
import { blockingProblems, readTemplateRow, templateRowToIndicator, type TemplateRow } from "./templateRow";

export interface BlockedCell {
  key: ColumnKey;
  /** The column as staff see it (2022年, 目标值). */
  header: string;
  /** What the cell holds ("" when it is blank but needed). */
  text: string;
  reason: "missing" | "invalid";
}

export interface SheetRowReading {
  /** 0-based row of the body. */
  index: number;
  row: TemplateRow;
  /** The indicator as far as it can be read (without unreadable figures), merged with the stored plan. */
  indicator: Indicator;
  /** The first cell that stops the row from being evaluated, or null. */
  blocked: BlockedCell | null;
  /** Every unreadable yearly figure (each is left out of `indicator`). */
  unreadableFigures: BlockedCell[];
  targetYear: number | null;
  /**
   * The row's id cell is blank, not an id, or another row's id: null when it is fine. The row is then
   * read as the indicator it was matched to (by name: the add-in's record needs the cells' formulas,
   * which only an operation that writes reads), else under a name of its own (ROW12, RD_ROW12).
   */
  idProblem: IdProblem | null;
}

/** The stored text when the sheet's text is one of its languages (or "—", a blank), else the sheet's. */
function keep(sheet: LocalizedText, stored: LocalizedText | undefined): LocalizedText {
  if (!stored) return sheet;
  const t = sheet.zh;
  return t === stored.zh || t === stored.en || t === "—" ? stored : sheet;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "text" || b.kind === "text") return true;
  if (a.kind === "relative" && b.kind === "relative") return a.reference === b.reference && a.relation === b.relation;
  return "value" in a && "value" in b && a.value === b.value;
}

function mergeActual(fromSheet: Actual, stored: Actual | undefined): Actual {
  return stored && stored.value === fromSheet.value ? stored : fromSheet;
}

/**
 * The sheet's indicator with what only the stored plan knows: texts in both languages, notes, each
 * figure's record (release, source, entry date, history) where the value is unchanged, and the
 * records of an adjustment or a revision whose value the sheet still shows.
 */
export function mergeWithStored(fromSheet: Indicator, stored: Indicator | undefined): Indicator {
  if (!stored) return fromSheet;
  const targetText =
    fromSheet.target.kind === "text" && stored.target.kind === "text"
      ? { ...fromSheet.target, text: keep(fromSheet.target.text, stored.target.text) }
      : fromSheet.target.kind === "relative" && stored.target.kind === "relative"
        ? { ...fromSheet.target, text: keep(fromSheet.target.text, stored.target.text) }
        : fromSheet.target;
  const sheetAdjusted = fromSheet.targetAdjustments?.[fromSheet.targetAdjustments.length - 1];
  const storedAdjustments = stored.targetAdjustments ?? [];
  const storedLast = storedAdjustments[storedAdjustments.length - 1];
  const targetAdjustments = sheetAdjusted
    ? storedLast && sameTarget(storedLast.target, sheetAdjusted.target)
      ? storedAdjustments
      : [...storedAdjustments, sheetAdjusted]
    : undefined;
  const sheetRevision = fromSheet.baselineRevisions?.[fromSheet.baselineRevisions.length - 1];
  const storedRevisions = stored.baselineRevisions ?? [];
  const storedRevision = storedRevisions[storedRevisions.length - 1];
  const baselineRevisions = sheetRevision
    ? storedRevision && storedRevision.value === sheetRevision.value
      ? storedRevisions
      : [...storedRevisions, sheetRevision]
    : undefined;
  const { targetAdjustments: _a, baselineRevisions: _r, ...rest } = fromSheet;
  return {
    ...rest,
    category: keep(fromSheet.category, stored.category),
    name: keep(fromSheet.name, stored.name),
    unit: keep(fromSheet.unit, stored.unit),
    target: targetText,
    ...(targetAdjustments ? { targetAdjustments } : {}),
    ...(baselineRevisions ? { baselineRevisions } : {}),
    ...(stored.note ? { note: stored.note } : {}),
    ...(stored.supplementary !== undefined ? { supplementary: stored.supplementary } : {}),
    actuals: Object.fromEntries(
      Object.entries(fromSheet.actuals).map(([year, a]) => [year, mergeActual(a, stored.actuals[year])]),
    ),
    ...(fromSheet.override && stored.override?.status === fromSheet.override.status && fromSheet.override.note === "—"
      ? { override: stored.override }
      : {}),
  };
}

/**
 * A supplementary goal whose 目标年 cell differs from the plan's target year has that year as its own
 * (the 2035 vision); a cell equal to the plan's means no field. Main-table indicators never have one
 * (planSchema.ts refuses it): their cell is the plan's time line, as the PLAN functions read it.
 */
function withOwnTargetYear(ind: Indicator, cellYear: number, planTargetYear: number | null): Indicator {
  const { targetYear: _own, ...rest } = ind;
  if (planTargetYear === null) return ind;
  return ind.supplementary === true && cellYear !== planTargetYear ? { ...rest, targetYear: cellYear } : rest;
}

/** A row without its unreadable yearly figures: what can still be shown of it. */
function withoutFigureProblems(row: TemplateRow): TemplateRow {
  return { ...row, problems: row.problems.filter((p) => !/^y\d{4}$/.test(p.key)) };
}

/** An indicator for a row that cannot be turned into one (no target): the stored one, or its name with the target cell's words. */
function placeholder(row: TemplateRow, id: string, stored: Indicator | undefined): Indicator {
  if (stored) return { ...stored, id, actuals: {} };
  const name = row.name ?? id;
  const both = (t: string | null) => ({ zh: t || "—", en: t || "—" });
  return {
    id,
    category: both(row.category),
    name: both(name),
    unit: both(row.unit),
    kind: row.kind ?? "index",
    direction: row.direction,
    figures: row.figures ?? "level",
    baseline: row.baseline,
    baselineYear: row.baselineYear,
    target: { kind: "text", text: both(row.targetText ?? (row.target !== null ? String(row.target) : "—")) },
    attribute: row.attribute,
    actuals: {},
  };
}

export function readSheetRows(
  stored: Plan | null,
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  /** 1-based sheet row of the first body row, for ids of rows without one (ROW12). */
  firstSheetRow = 1,
  /**
   * The rows are the other-goals block's (templateLayout.ts OTHER_GOALS_CAPTION): each is a supplementary
   * goal, and its figures, for which the block has no cell, are the stored plan's (kept, never dropped).
   */
  options: {
    otherGoals?: boolean;
    /** The plan's target year when no plan is stored (a goal's 目标年 cell that differs from it is its own targetYear). */
    planTargetYear?: number | null;
  } = {},
): SheetRowReading[] {
  const planTargetYear = stored?.targetYear ?? options.planTargetYear ?? null;
  const storedById = new Map((stored?.indicators ?? []).map((i) => [i.id, i]));
  const seen = new Set<string>();
  const out: SheetRowReading[] = [];
  const read = rows.map((cells) => readTemplateRow(headers, cells));
  const resolved = resolveRowIds(
    read.map((row) => (row ? { id: row.id, name: row.name } : null)),
    stored?.indicators ?? [],
  );
  read.forEach((row, index) => {
    if (!row) return;
    const sheetRow = firstSheetRow + index;
    const { id: matched, problem } = resolved[index]!;
    let id = matched ?? (row.id && ID_PATTERN.test(row.id) ? row.id : `ROW${sheetRow}`);
    if (seen.has(id)) id = `${id}_ROW${sheetRow}`;
    seen.add(id);
    const storedInd = storedById.get(matched ?? "");
    const unreadableFigures: BlockedCell[] = row.problems
      .filter((p) => /^y\d{4}$/.test(p.key))
      .map((p) => ({ key: p.key, header: p.header, text: p.text, reason: "invalid" }));
    const strict = templateRowToIndicator(row);
    let blocked: BlockedCell | null = null;
    if (!strict.ok) {
      const problem = blockingProblems(row).find((p) => p.key === strict.key);
      blocked = {
        key: strict.key,
        header: problem?.header ?? row.headers[strict.key] ?? strict.key,
        text: strict.text ?? "",
        reason: strict.reason,
      };
    }
    const lenient = strict.ok ? strict : templateRowToIndicator(withoutFigureProblems(row));
    const merged = lenient.ok
      ? mergeWithStored({ ...lenient.indicator, id }, storedInd)
      : placeholder(row, id, storedInd);
    const read = options.otherGoals ? { ...merged, supplementary: true, actuals: storedInd?.actuals ?? {} } : merged;
    const indicator = lenient.ok ? withOwnTargetYear(read, lenient.targetYear, planTargetYear) : read;
    out.push({
      index,
      row,
      indicator,
      blocked,
      unreadableFigures,
      targetYear: lenient.ok ? lenient.targetYear : row.targetYear,
      idProblem: problem,
    });
  });
  return out;
}
