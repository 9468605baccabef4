/**
 * Each figure's record (pure): the release it comes from (快报 / 年报 / 修订), where it was published,
 * when it was entered, and every value it replaced. The sheet holds only the values; the plan stored
 * in the workbook holds the records, so the history travels with the file (and with the plan file
 * staff export, whose actuals carry `history`).
 *
 * Recording compares the sheet's figures with the stored plan's:
 * - a figure new in the sheet is entered today (`enteredOn`);
 * - a figure whose value changed keeps the previous one, with its release, source, note and entry
 *   date and `replacedOn: today`, at the end of `history` (oldest first); the new figure is a
 *   revision (`release: "revised"`) until staff say which release it is (setFigureFacts);
 * - an unchanged figure keeps its record as it is;
 * - a figure deleted from the sheet is NOT dropped: the stored plan keeps it, with its record, as the
 *   last value recorded for that year, and the recording lists it (`notInSheet`) so the pane can say
 *   so. Typed again with the same value it is the same figure; typed with another value, the kept one
 *   goes into the history like any revision. So every value ever recorded stays either current or in
 *   history, and recording the same sheet twice changes nothing.
 * Cells the sheet holds but cannot read (text in a figure cell) are not deletions: those figures are
 * left as stored. Rows the stored plan does not know are listed, not recorded; stored indicators
 * whose row is gone keep everything.
 */
import type { Actual, Indicator, Plan, PreviousFigure, Release } from "./planSchema";
import { planYears } from "./templateLayout";

export interface FigureChange {
  indicatorId: string;
  year: number;
  /** entered: the first value for the year; revised: a value replaced another. */
  kind: "entered" | "revised";
  value: number;
  /** The value it replaced (revised only). */
  previous?: number;
}

export interface FigureRef {
  indicatorId: string;
  year: number;
}

export interface KeptFigure extends FigureRef {
  /** The value the stored plan keeps for the year. */
  value: number;
}

export interface FigureRecording {
  /** The stored plan with the sheet's figures recorded; the very same object when nothing changed. */
  plan: Plan;
  changes: FigureChange[];
  /** Figures the stored plan keeps that the sheet no longer shows (a cleared cell): kept, never dropped. */
  notInSheet: KeptFigure[];
  /** Stored indicators with no row in the sheet: everything they hold is kept. */
  rowsNotInSheet: string[];
  /** Rows of the sheet the stored plan has no indicator for (an id typed by hand, a row without id): not recorded. */
  rowsNotStored: string[];
}

export interface RecordOptions {
  /** The years the sheet has a column for; figures of other years are neither read nor reported. Default: the plan's years. */
  years?: readonly number[];
  /** Figure cells the sheet holds but could not read: left as stored, not taken for deletions. */
  unreadable?: Iterable<FigureRef>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An object without its undefined members, so records compare and serialise alike. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The record of a figure once another value replaces it. */
export function previousOf(a: Actual, replacedOn: string | undefined): PreviousFigure {
  return defined({
    value: a.value,
    release: a.release,
    source: a.source,
    enteredOn: a.enteredOn,
    note: a.note,
    replacedOn,
  });
}

/** The new figure that replaces `old`: a revision entered today, with the whole history behind it. */
function revision(old: Actual, value: number, today: string): Actual {
  return { value, release: "revised", enteredOn: today, history: [...(old.history ?? []), previousOf(old, today)] };
}

const key = (indicatorId: string, year: number | string) => `${indicatorId}\u0001${year}`;

export function recordSheetFigures(
  stored: Plan,
  sheetPlan: Plan,
  today: string,
  options: RecordOptions = {},
): FigureRecording {
  if (!ISO_DATE.test(today)) throw new Error(`recordSheetFigures: today must be an ISO date, got ${today}`);
  const years = (options.years ?? planYears(sheetPlan)).map(String);
  const unreadable = new Set<string>();
  for (const f of options.unreadable ?? []) unreadable.add(key(f.indicatorId, f.year));
  const sheetById = new Map<string, Indicator>();
  for (const ind of sheetPlan.indicators) if (!sheetById.has(ind.id)) sheetById.set(ind.id, ind);
  const storedIds = new Set(stored.indicators.map((i) => i.id));

  const changes: FigureChange[] = [];
  const notInSheet: KeptFigure[] = [];
  const rowsNotInSheet: string[] = [];
  let touched = false;
  const indicators = stored.indicators.map((ind) => {
    const sheet = sheetById.get(ind.id);
    if (!sheet) {
      rowsNotInSheet.push(ind.id);
      return ind;
    }
    let actuals: Record<string, Actual> | null = null;
    for (const year of years) {
      if (unreadable.has(key(ind.id, year))) continue;
      const old = ind.actuals[year];
      const now = sheet.actuals[year];
      if (!now) {
        if (old) notInSheet.push({ indicatorId: ind.id, year: Number(year), value: old.value });
        continue;
      }
      if (old && old.value === now.value) continue;
      actuals ??= { ...ind.actuals };
      if (old) {
        actuals[year] = revision(old, now.value, today);
        changes.push({
          indicatorId: ind.id,
          year: Number(year),
          kind: "revised",
          value: now.value,
          previous: old.value,
        });
      } else {
        actuals[year] = { value: now.value, enteredOn: today };
        changes.push({ indicatorId: ind.id, year: Number(year), kind: "entered", value: now.value });
      }
    }
    if (!actuals) return ind;
    touched = true;
    // Years in calendar order, whatever order they were entered in.
    const ordered = Object.fromEntries(Object.entries(actuals).sort(([a], [b]) => a.localeCompare(b)));
    return { ...ind, actuals: ordered };
  });
  const rowsNotStored = [...sheetById.keys()].filter((id) => !storedIds.has(id));
  return {
    plan: touched ? { ...stored, indicators } : stored,
    changes,
    notInSheet,
    rowsNotInSheet,
    rowsNotStored,
  };
}

// ---------------------------------------------------------------------------------------------
// Staff's word on one figure

export interface FigureFacts {
  /** 快报 / 年报 / 修订; null or undefined: not stated. */
  release?: Release | null;
  /** Where it was published (2024年统计公报); blank: not stated. */
  source?: string | null;
  note?: string | null;
}

type Message = { zh: string; en: string };

export type FactsResult = { ok: true; plan: Plan; actual: Actual } | { ok: false; message: Message };

const text = (s: string | null | undefined): string | undefined => {
  const t = (s ?? "").trim();
  return t === "" ? undefined : t;
};

/**
 * The plan with one figure's release, source and note set as staff give them (the three together:
 * a blank one is cleared). The value, entry date and history are left alone.
 */
export function setFigureFacts(plan: Plan, indicatorId: string, year: number, facts: FigureFacts): FactsResult {
  const ind = plan.indicators.find((i) => i.id === indicatorId);
  if (!ind)
    return {
      ok: false,
      message: {
        zh: `工作簿保存的规划中没有指标“${indicatorId}”，无法记录该数据的来源。`,
        en: `The plan stored in the workbook has no indicator “${indicatorId}”: the figure's source cannot be recorded.`,
      },
    };
  const current = ind.actuals[String(year)];
  if (!current)
    return {
      ok: false,
      message: {
        zh: `指标“${ind.name.zh}”${year}年还没有记录数值，请先在单元格中填写。`,
        en: `“${ind.name.en}” has no figure recorded for ${year}: type it in the cell first.`,
      },
    };
  const actual: Actual = defined({
    ...current,
    release: facts.release ?? undefined,
    source: text(facts.source),
    note: text(facts.note),
  });
  const indicators = plan.indicators.map((i) =>
    i === ind ? { ...i, actuals: { ...i.actuals, [String(year)]: actual } } : i,
  );
  return { ok: true, plan: { ...plan, indicators }, actual };
}

// ---------------------------------------------------------------------------------------------
// What the pane shows for one cell

export interface FigureRecordView {
  indicatorId: string;
  year: number;
  /** The figure as recorded, or null when the stored plan has none for the year. */
  current: Actual | null;
  /** The values it replaced, the most recent first. */
  previous: PreviousFigure[];
}

export function figureRecord(plan: Plan | null, indicatorId: string, year: number): FigureRecordView {
  const ind = plan?.indicators.find((i) => i.id === indicatorId);
  const current = ind?.actuals[String(year)] ?? null;
  return { indicatorId, year, current, previous: [...(current?.history ?? [])].reverse() };
}

// ---------------------------------------------------------------------------------------------
// A plan written again over the stored one (the template inserted again, a plan file imported)

/**
 * `next` with what only the stored plan knows about figures and adjustments, when both are the same
 * plan (same id), for the plan part after the template is inserted again: a refresh never rewrites
 * a figure cell, so the stored records (which describe the sheet's figures) are kept, with `next`'s
 * release, source and note filling only what they leave unsaid; years only `next` has are added;
 * approved target adjustments are kept when `next` has none. Everything else is `next`'s.
 */
export function carryFigureRecords(stored: Plan, next: Plan): Plan {
  if (stored.id !== next.id) return next;
  const storedById = new Map(stored.indicators.map((i) => [i.id, i]));
  return {
    ...next,
    indicators: next.indicators.map((ind) => {
      const old = storedById.get(ind.id);
      if (!old) return ind;
      const actuals: Record<string, Actual> = { ...ind.actuals };
      for (const [year, before] of Object.entries(old.actuals)) {
        const a = ind.actuals[year];
        actuals[year] =
          a && a.value === before.value
            ? defined({
                ...before,
                release: before.release ?? a.release,
                source: before.source ?? a.source,
                note: before.note ?? a.note,
              })
            : before;
      }
      const ordered = Object.fromEntries(Object.entries(actuals).sort(([a], [b]) => a.localeCompare(b)));
      const adjustments =
        ind.targetAdjustments && ind.targetAdjustments.length > 0 ? ind.targetAdjustments : old.targetAdjustments;
      return {
        ...ind,
        actuals: ordered,
        ...(adjustments && adjustments.length > 0 ? { targetAdjustments: adjustments } : {}),
      };
    }),
  };
}
