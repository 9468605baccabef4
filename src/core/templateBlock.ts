/**
 * A sheet's cells (its used range) read as templates: for any cell, the template row it lies in,
 * the evaluation year the template's title block sets, and the row its relative target refers to.
 * The one implementation behind the row form of the PLAN functions in Excel (rowLookup.ts), in the
 * stand-in, and behind the pane's evaluation year, so all of them find the same row and year.
 *
 * The title block above a template holds a label cell 评估年份 / Evaluation year with the year staff
 * chose in the cell to its right; blank means the latest year with a figure that can be read in the table.
 */
import { parseUserNumber } from "./numberParsing";
import { headerRowIndexes, isBlankCell, normalizeHeader } from "./templateLayout";
import { latestEnteredYear, readTemplateRow, type TemplateRow } from "./templateRow";

export const EVALUATION_YEAR_LABEL = { zh: "评估年份", en: "Evaluation year" } as const;
const LABELS = new Set([normalizeHeader(EVALUATION_YEAR_LABEL.zh), normalizeHeader(EVALUATION_YEAR_LABEL.en)]);

/** Whether a cell is the title block's 评估年份 / Evaluation year label. */
export function isEvaluationYearLabel(value: unknown): boolean {
  return typeof value === "string" && LABELS.has(normalizeHeader(value));
}

export interface BlockRow {
  row: TemplateRow;
  /** The evaluation year the title block sets (or the default), undefined when there is no figure at all. */
  evaluationYear: number | undefined;
  /** What the title block's evaluation-year cell holds when it is not a year (the functions say so), else null. */
  evaluationYearInvalid: string | null;
  /** The row a relative target refers to (same table, by indicator id), or null. */
  reference: TemplateRow | null;
}

/** A year typed in a cell: 2023, "2023", "2023年"; null for blank or anything else. */
export function yearCell(value: unknown): number | null {
  if (isBlankCell(value)) return null;
  const parsed = parseUserNumber(value);
  if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 1900 || parsed.value > 2200) return null;
  return parsed.value;
}

/** Where a title block's evaluation-year input is: the cell right of the label, in the rows above `headerRow`. */
export function findEvaluationYearCell(
  values: readonly (readonly unknown[])[],
  headerRow: number,
): { row: number; col: number } | null {
  for (let r = headerRow - 1; r >= 0; r--) {
    const cells = values[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (isEvaluationYearLabel(cells[c])) return { row: r, col: c + 1 };
    }
  }
  return null;
}

/** The contiguous body under a header row (to the first blank row). */
export function bodyRows(values: readonly (readonly unknown[])[], headerRow: number): Array<readonly unknown[]> {
  const out: Array<readonly unknown[]> = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlankCell)) break;
    out.push(row);
  }
  return out;
}

/**
 * The evaluation year of the template whose header is `headerRow`: the year typed next to the
 * 评估年份 label, else the latest year entered in the table. An input that is not a year is
 * reported as such (the caller names the cell), never replaced silently.
 */
export function templateEvaluationYear(
  values: readonly (readonly unknown[])[],
  headerRow: number,
): { year: number | undefined; invalid: string | null } {
  const at = findEvaluationYearCell(values, headerRow);
  const raw = at ? values[at.row]?.[at.col] : undefined;
  if (at && !isBlankCell(raw)) {
    const y = yearCell(raw);
    if (y !== null) return { year: y, invalid: null };
    return { year: undefined, invalid: String(raw) };
  }
  const latest = latestEnteredYear(values[headerRow] ?? [], bodyRows(values, headerRow));
  return { year: latest ?? undefined, invalid: null };
}

/** Reads the templates of one block of cells, each header and row at most once. */
export class TemplateBlock {
  private readonly headerOf: Array<number | null>;
  private readonly rows = new Map<number, TemplateRow | null>();
  private readonly years = new Map<number, { year: number | undefined; invalid: string | null }>();
  private readonly ids = new Map<number, Map<string, number>>();

  constructor(private readonly values: readonly (readonly unknown[])[]) {
    this.headerOf = headerRowIndexes(values);
  }

  /** The template row at (r, c) of the block, or null when the cell is in none (or right of its header's span). */
  rowAt(r: number, c: number): BlockRow | null {
    if (r < 0 || r >= this.values.length || c < 0) return null;
    const h = this.headerOf[r];
    if (h === null || h === undefined) return null;
    const headers = this.values[h] ?? [];
    let first = -1;
    let last = -1;
    headers.forEach((v, i) => {
      if (!isBlankCell(v)) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0 || c < first || c > last) return null;
    const row = this.row(h, r);
    if (!row) return null;
    const year = this.evaluationYear(h);
    return { row, evaluationYear: year.year, evaluationYearInvalid: year.invalid, reference: this.reference(h, row) };
  }

  private row(h: number, r: number): TemplateRow | null {
    if (!this.rows.has(r)) this.rows.set(r, readTemplateRow(this.values[h] ?? [], this.values[r] ?? []));
    return this.rows.get(r) ?? null;
  }

  private evaluationYear(h: number): { year: number | undefined; invalid: string | null } {
    let year = this.years.get(h);
    if (!year) this.years.set(h, (year = templateEvaluationYear(this.values, h)));
    return year;
  }

  private reference(h: number, row: TemplateRow): TemplateRow | null {
    if (row.reference === null) return null;
    let byId = this.ids.get(h);
    if (!byId) {
      byId = new Map();
      for (let r = h + 1; r < this.values.length && this.headerOf[r] === h; r++) {
        const id = this.row(h, r)?.id;
        if (id && !byId.has(id)) byId.set(id, r);
      }
      this.ids.set(h, byId);
    }
    const at = byId.get(row.reference);
    return at === undefined ? null : this.row(h, at);
  }
}
