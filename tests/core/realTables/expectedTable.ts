/**
 * The shape of a hand-written expected import of one real table (seeds/tables/<id>/table.tsv), and
 * small constructors so each row reads like the printed table.
 */
import type { Attribute, Direction, FigureForm, IndicatorKind, StatusCode, Target } from "../../../src/core/planSchema";

export interface ExpectedProblem {
  field: "name" | "baseline" | "target" | "reference" | "attribute";
  text: string;
  blocking: boolean;
}

export interface ExpectedRow {
  number: string | null;
  category: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  figures: FigureForm;
  attribute: Attribute;
  baseline: number | null;
  baselineYear: number | null;
  /** The target; a relative target's reference is written as the 1-based body row it compares with. */
  target: Target | { kind: "relative"; relation: "above" | "inStep"; referenceRow: number; text: string } | null;
  /** Which cell the target was read from. */
  targetCell: "targetYear" | "cumulative" | null;
  note: string | null;
  problems: ExpectedProblem[];
}

/** What staff decide in the form before the plan can be made (an unread target marked as text). */
export interface StaffDecision {
  row: number;
  textTarget: true;
  why: string;
}

export interface KnownException {
  /** The status the rules compute at the evaluation year (null: no status). */
  computed: StatusCode | "stale" | null;
  published: string;
  /** Why the published verdict differs, from the fixture's source.md / verdicts.json. */
  reason: string;
}

export interface ExpectedEvaluation {
  evaluationYear: number;
  /** Period keys of figures.json that are not calendar years, and the year they are put at. */
  periodYears?: Record<string, number>;
  /** Why the evaluation year is this one (when verdicts.json does not give it). */
  evaluationYearReason?: string;
  /** Rows whose computed status equals the published verdict. */
  matched: number[];
  /** Rows where they differ, documented. */
  exceptions: Record<number, KnownException>;
  /** Rows with a published verdict but no figure for the evaluation year in figures.json. */
  noFigure: Record<number, string>;
  /** Figures whose published form cannot be typed in the indicator's figure form as is, and what was done. */
  conversions?: Record<number, string>;
}

export interface ExpectedTable {
  id: string;
  baseYear: number;
  targetYear: number;
  starYear: number | null;
  /** Body rows of the printed table (without header and note lines). */
  rows: number;
  /** Target cells (target-year and 年均/累计 columns) that hold a number. */
  numericTargetCells: number;
  /** Table-level warnings, matched by pattern. */
  warnings: RegExp[];
  /** The note lines, as printed. */
  tableNote: string | null;
  indicators: ExpectedRow[];
  staff?: StaffDecision[];
  evaluation?: ExpectedEvaluation;
}

export const level = (
  value: number,
  comparator: ">=" | "<=",
  obligation: "reach" | "keep",
  approximate?: boolean,
): Target => ({ kind: "level", value, comparator, obligation, ...(approximate ? { approximate: true } : {}) });

export const total = (value: number, mode: "reduction" | "increase" | "decrease", approximate?: boolean): Target => ({
  kind: "cumulative",
  value,
  mode,
  ...(approximate ? { approximate: true } : {}),
});

export const growth = (value: number, approximate?: boolean): Target => ({
  kind: "annualGrowth",
  value,
  comparator: ">=",
  ...(approximate ? { approximate: true } : {}),
});

export const text = (words: string): Target => ({ kind: "text", text: { zh: words, en: words } });

export const relative = (relation: "above" | "inStep", referenceRow: number, words: string) =>
  ({ kind: "relative", relation, referenceRow, text: words }) as const;

/** A row with the fields most rows share filled in; `over` says what this row prints. */
export function row(over: Partial<ExpectedRow> & Pick<ExpectedRow, "name" | "target">): ExpectedRow {
  return {
    number: null,
    category: "",
    unit: "%",
    kind: "percent",
    direction: "up",
    figures: "level",
    attribute: "expected",
    baseline: null,
    baselineYear: null,
    targetCell: "targetYear",
    note: null,
    problems: [],
    ...over,
  };
}
