/**
 * Keep each figure's record in the workbook (src/core/figureHistory.ts): the template's figures are
 * compared with the plan stored in the workbook's plan part, and the part is rewritten only when a
 * figure was entered or revised. The part travels with the file, so the history survives sharing,
 * and the plan export (which merges the part's records into the sheet's rows) carries it.
 *
 * Round trips, whatever the size of the plan: recordFigures 1 when nothing changed, 2 when the part
 * is rewritten; setFigureRecord 2. (A workbook merged from several copies holding several parts costs
 * 2 more, once, to choose among them.) The part is one setXml: a plan whose part would pass the
 * request budget (4 MB) is refused with payloadTooLarge rather than sent.
 *
 * A part the add-in cannot trust (edited outside the add-in, unreadable, written by a newer version)
 * is never overwritten: the outcome says so with the store's own message, and nothing is written. A
 * part holding another plan than the template's is left alone too.
 *
 * Recording lags the sheet without losing anything: until a change is recorded the part keeps the
 * previous value as current, so the next recording still moves it into the history (dated that day).
 */
import {
  recordSheetFigures,
  setFigureFacts,
  type FigureFacts,
  type FigureRecording,
  type FigureRef,
} from "../core/figureHistory";
import { fillTemplate } from "../core/messages";
import type { Actual, Plan } from "../core/planSchema";
import { readSheetRows } from "../core/sheetRows";
import { isBlankCell, mapHeaders } from "../core/templateLayout";
import type { StoreRead, StoredState } from "../core/workbookStore";
import { parseRangeAddress } from "./a1";
import { runWrite } from "./excelRun";
import { queueStateRead, readStateResult, type StateSettings } from "./templateState";
import { finishPlanStoreRead, queuePlanStoreRead, queuePlanStoreWrite, type PlanStoreRead } from "./workbookPlanStore";

type Message = { zh: string; en: string };

/** Why nothing could be recorded: the store's own message for a part it cannot trust, or no stored plan. */
export type RecordBlock =
  | { kind: "untrusted"; read: Exclude<StoreRead, { kind: "ok" } | { kind: "none" }>; message: Message }
  | { kind: "noStoredPlan" | "otherPlan"; message: Message };

export type RecordFiguresOutcome =
  | ({ kind: "recorded"; saved: boolean; stored: Plan } & Omit<FigureRecording, "plan">)
  | { kind: "blocked"; block: RecordBlock };

export type SetFigureOutcome =
  | { kind: "set"; stored: Plan; actual: Actual; recording: Omit<FigureRecording, "plan"> }
  | { kind: "invalid"; message: Message }
  | { kind: "blocked"; block: RecordBlock };

export interface RecordOptions {
  /** The day recorded as entry and replacement date (YYYY-MM-DD); default: today in local time. */
  today?: string;
  /** The time written as the part's savedAt. */
  now?: () => Date;
}

/** The local calendar day as YYYY-MM-DD (staff's day, not UTC's). */
export function localIsoDate(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const MESSAGES = {
  noStoredPlan: {
    zh: "工作簿中没有保存规划（自定义 XML 部件），无法记录数据的来源和修订记录。请重新插入模板或导入规划文件。",
    en: "The workbook holds no stored plan (custom XML part), so figures' sources and revisions cannot be recorded. Insert the template again or import the plan file.",
  },
  otherPlan: {
    zh: "工作簿中保存的规划（{stored}）不是此模板的规划（{template}），数据记录未写入。",
    en: "The plan stored in the workbook ({stored}) is not this template's plan ({template}); nothing was recorded.",
  },
} as const;

interface Loaded {
  stored: Plan;
  state: StoredState;
  store: PlanStoreRead;
  recording: FigureRecording;
}

/**
 * The stored plan an operation may update, or why not: no part, a part the add-in cannot trust, or a
 * part holding another plan than the template's (`templatePlanId`, from the pane's settings, when known).
 */
export function storedPlanOf(
  read: StoreRead,
  templatePlanId: string | null,
): { ok: true; plan: Plan; state: StoredState } | { ok: false; block: RecordBlock } {
  if (read.kind === "none") return { ok: false, block: { kind: "noStoredPlan", message: MESSAGES.noStoredPlan } };
  if (read.kind !== "ok") return { ok: false, block: { kind: "untrusted", read, message: read.message } };
  const plan = read.doc.plan;
  if (templatePlanId !== null && templatePlanId !== plan.id) {
    const args = { stored: plan.id, template: templatePlanId };
    return {
      ok: false,
      block: {
        kind: "otherPlan",
        message: { zh: fillTemplate(MESSAGES.otherPlan.zh, args), en: fillTemplate(MESSAGES.otherPlan.en, args) },
      },
    };
  }
  return { ok: true, plan, state: read.doc.state };
}

/** The plan id the pane's settings say the template was written from, or null when they say nothing. */
export function templatePlanId(settings: StateSettings): string | null {
  const state = readStateResult(settings);
  return state.kind === "ok" ? state.state.plan.id : null;
}

/** One sync: the table, the pane's settings and the plan part; then the recording (pure). */
async function load(
  context: Excel.RequestContext,
  tableName: string,
  today: string,
): Promise<Loaded | { block: RecordBlock }> {
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load(["address", "values"]);
  const settings = queueStateRead(context);
  const q = queuePlanStoreRead(context);
  await context.sync();
  const store = await finishPlanStoreRead(context, q);
  const { read } = store;
  const storedPlan = storedPlanOf(read, templatePlanId(settings));
  if (!storedPlan.ok) return { block: storedPlan.block };
  const stored = storedPlan.plan;
  const headers = header.values[0] ?? [];
  const rows = body.values;
  const map = mapHeaders(headers);
  const years = Object.keys(map)
    .filter((k) => /^y\d{4}$/.test(k))
    .map((k) => Number(k.slice(1)))
    .sort((a, b) => a - b);
  const firstRow = parseRangeAddress(body.address).firstRow;
  const readings = readSheetRows(stored, headers, rows, firstRow);
  // A figure cell that is not blank but did not become a figure could not be read: not a deletion.
  const unreadable: FigureRef[] = [];
  for (const r of readings) {
    const cells = rows[r.index] ?? [];
    for (const year of years) {
      if (!isBlankCell(cells[map[`y${year}`]!]) && r.indicator.actuals[String(year)] === undefined)
        unreadable.push({ indicatorId: r.indicator.id, year });
    }
  }
  const sheetPlan: Plan = { ...stored, indicators: readings.map((r) => r.indicator) };
  const recording = recordSheetFigures(stored, sheetPlan, today, { years, unreadable });
  return { stored, state: storedPlan.state, store, recording };
}

/** Queues the part's new text: in pieces when it passes 1 MB, each request under the budget (workbookPlanStore.ts). */
async function queueWrite(
  context: Excel.RequestContext,
  loaded: Loaded,
  plan: Plan,
  now: (() => Date) | undefined,
): Promise<void> {
  const savedAt = (now ?? (() => new Date()))().toISOString();
  await queuePlanStoreWrite(context, loaded.store, { plan, state: loaded.state, savedAt });
}

function withoutPlan(r: FigureRecording): Omit<FigureRecording, "plan"> {
  const { plan: _plan, ...rest } = r;
  return rest;
}

/**
 * Records the sheet's figures in the plan part: entry dates for new figures, the previous value in the
 * history of a revised one. Call it when the pane opens and a little after the sheet stops changing.
 */
export async function recordFigures(tableName: string, options: RecordOptions = {}): Promise<RecordFiguresOutcome> {
  const today = options.today ?? localIsoDate(options.now?.());
  return runWrite(async (context) => {
    const loaded = await load(context, tableName, today);
    if ("block" in loaded) return { kind: "blocked", block: loaded.block };
    const changed = loaded.recording.plan !== loaded.stored;
    if (changed) {
      await queueWrite(context, loaded, loaded.recording.plan, options.now);
      await context.sync();
    }
    return { kind: "recorded", saved: changed, stored: loaded.recording.plan, ...withoutPlan(loaded.recording) };
  });
}

/**
 * Staff's word on the figure of one cell: its release (快报/年报/修订), source and note. The sheet's
 * figures are recorded first (so a value just typed is the one described). 2 syncs.
 */
export async function setFigureRecord(
  tableName: string,
  indicatorId: string,
  year: number,
  facts: FigureFacts,
  options: RecordOptions = {},
): Promise<SetFigureOutcome> {
  const today = options.today ?? localIsoDate(options.now?.());
  return runWrite(async (context) => {
    const loaded = await load(context, tableName, today);
    if ("block" in loaded) return { kind: "blocked", block: loaded.block };
    const result = setFigureFacts(loaded.recording.plan, indicatorId, year, facts);
    if (!result.ok) return { kind: "invalid", message: result.message };
    await queueWrite(context, loaded, result.plan, options.now);
    await context.sync();
    return { kind: "set", stored: result.plan, actual: result.actual, recording: withoutPlan(loaded.recording) };
  });
}
