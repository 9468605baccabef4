/**
 * Insert the plan's template, or refresh the one already in the workbook.
 *
 * Round trips: a fresh sheet costs 2 syncs (look around, write); a refresh costs 3 (look around,
 * read the table, write), whatever the number of indicators, and one more when rows added to the table
 * move the other goals' block below it down (moveOtherGoalsDown). Everything is written as whole 2-D
 * ranges: the body at once for a fresh sheet, one column at a time for a refresh. Only a write
 * larger than the request budget (4 MB: thousands of indicators) is split into row blocks sent in
 * requests of their own (requestBudget.ts), so Excel on the web's 5 MB limit is never reached.
 *
 * A refresh never overwrites a cell staff filled or changed: input columns of existing rows are not
 * written at all, and a plan or computed cell is replaced only when it is blank or still holds what
 * the add-in wrote or will write. What it wrote is known from a short hash per row kept in the
 * workbook's settings (ownedCells.ts), or, for a workbook stored by an earlier version, from the
 * whole previous plan kept there. Anything else is left as it was (not written at all: null in the
 * 2-D write) and reported. Text stays text: a cell staff typed as '=2+2 reads back through
 * Range.formulas as "=2+2" (office-js #6687), so it is told from a formula by its value (readBack).
 */
import type { Lang } from "../core/messages";
import type { Indicator, Plan } from "../core/planSchema";
import { MAX_PLAN_YEARS } from "../core/planVocabulary";
import {
  isOtherGoalsColumn,
  mapHeaders,
  splitIndicators,
  templateColumns,
  WORKBOOK_LANGUAGE_SETTING,
  type ColumnKey,
  type TemplateColumn,
} from "../core/templateLayout";
import { resolveRowIds, type IdProblemKind } from "../core/templateIntegrity";
import { readTemplateRow } from "../core/templateRow";
import { bodyRows } from "../core/templateBlock";
import { queueOtherGoalsRead } from "./readTemplate";
import { blockRef, columnLetters, parseRangeAddress } from "./a1";
import { HostOperationError, runWrite } from "./excelRun";
import { RequestBatch, writeRows } from "./requestBatch";
import { COMMAND_OVERHEAD, jsonBytes, rowBytes, splitRows } from "./requestBudget";
import {
  asText,
  buildFreshTemplate,
  COMPUTED_FILL,
  EVALUATION_YEAR_CELL,
  EVALUATION_YEAR_INPUT,
  evaluationYearFormula,
  FIRST_BODY_ROW,
  HEADER_ROW,
  INPUT_FILL,
  isFormulaCell,
  otherGoalsName,
  plannedCell,
  plannedFormat,
  readBack,
  titleBlock,
  type CellContent,
  type OtherGoalsBlock,
  type RowContext,
  type TableFrame,
} from "./templateContent";
import { columnRuns, formatNewRows } from "./templateFormatting";
import { layoutTemplatePage, type TemplatePrintSetup } from "./templatePage";
import { templateColumnWidths } from "./templatePrint";
import { normalizeFormula, rowHash, rowHashes, type WrittenRows } from "./ownedCells";
import { writeNewSheet } from "./unfinishedSheet";
import { planInfo, queueStateRead, readStateResult, writeState, type TemplateState } from "./templateState";
import { writtenAs } from "./repairTemplate";
import { SHEET_BASE_NAME } from "./sheetNames";

export interface KeptCell {
  address: string;
  indicatorId: string;
  header: string;
  /** What the cell holds (kept). */
  current: string;
  /** What the plan would have put there. */
  planned: string;
}

export interface InsertResult {
  created: boolean;
  sheetName: string;
  tableName: string;
  indicatorCount: number;
  /** Rows appended by a refresh (all rows for a new sheet). */
  added: number;
  kept: KeptCell[];
  /**
   * Refresh: the yearly figures staff entered (non-blank cells of the year columns in indicator rows), which a
   * refresh never writes — counted so the notice can say how many it kept. 0 for a new sheet.
   */
  figuresKept: number;
  /**
   * Figures the plan gives for goals in the other-goals block (templateLayout.ts OTHER_GOALS_CAPTION), which has
   * no yearly cells: they stay with the plan stored in the workbook (the pane and the exported plan file have
   * them) but are not shown on the sheet — counted so the notice can say so. 0 when there are none.
   */
  otherGoalFigures: number;
  /**
   * A new sheet: how it prints (scale, pages across) and, when it is more than one page wide, why — said in
   * the sheet's footer and to be said in the pane.
   */
  print?: TemplatePrintSetup;
  /**
   * Refresh: rows whose id cell (指标代码) was blank, not an id or another row's. `matched`: the indicator
   * the row was taken for (its id is written back where the cell was blank or the add-in's record proves
   * the row); null: none could be told, the row was left as it was.
   */
  idRows?: IdRow[];
  /**
   * The workbook's template was laid out by an earlier version: a new sheet was written with every
   * figure, manual verdict and note carried over, and the earlier sheet was left as it was.
   */
  relaid?: { previousSheet: string; carriedCells: number; indicatorsNotInPlan: string[] };
}

export interface IdRow {
  sheetRow: number;
  name: string;
  problem: IdProblemKind;
  /** What the id cell held. */
  text: string;
  matched: string | null;
  /** How the row was matched: the add-in's record of the row, or its name. */
  by?: "record" | "name";
  sameAsRow?: number;
}

export { SHEET_BASE_NAME };
const TABLE_BASE_NAME = "PlanIndicators";

/** "规划指标", then "规划指标 (2)", "规划指标 (3)" …: Excel compares sheet names without case. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Table names share one namespace with defined names and must not contain spaces. */
export function uniqueTableName(taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  // The table's other-goals block takes a workbook name after it: both must be free.
  const free = (name: string) => !used.has(name.toLowerCase()) && !used.has(otherGoalsName(name).toLowerCase());
  if (free(TABLE_BASE_NAME)) return TABLE_BASE_NAME;
  for (let i = 2; ; i++) {
    const name = `${TABLE_BASE_NAME}${i}`;
    if (free(name)) return name;
  }
}

export interface WriteOptions {
  /** Request budget in bytes (tests lower it to see large plans split without building them). */
  requestBudget?: number;
}

export async function insertTemplate(plan: Plan, lang: Lang, options: WriteOptions = {}): Promise<InsertResult> {
  // One input column per year, and formulas sized for it: a longer period (which the plan schema refuses
  // too) is refused before anything is sent to Excel, so nothing is half written.
  if (plan.targetYear - plan.baseYear > MAX_PLAN_YEARS)
    throw new HostOperationError("planTooLong", `${plan.baseYear}–${plan.targetYear}`);
  return runWrite(async (context) => {
    const batch = new RequestBatch(context, options.requestBudget);
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const tables = wb.tables.load("items/name");
    const names = wb.names.load("items/name");
    const stateSetting = queueStateRead(context);
    await context.sync();
    batch.synced();

    const stored = readStateResult(stateSetting);
    if (stored.kind === "invalid") throw new HostOperationError("stateInvalid");
    const tableNames = tables.items.map((t) => t.name);
    if (stored.kind === "ok" && stored.state.plan.id === plan.id && tableNames.includes(stored.state.tableName)) {
      const taken = {
        sheets: sheets.items.map((s) => s.name),
        tables: [...tableNames, ...names.items.map((n) => n.name)],
      };
      return refreshTemplate(context, batch, stored.state, stored.plan, plan, taken);
    }
    const sheetName = uniqueSheetName(
      SHEET_BASE_NAME[lang],
      sheets.items.map((s) => s.name),
    );
    const tableName = uniqueTableName([...tableNames, ...names.items.map((n) => n.name)]);
    return writeNewSheet(context, sheetName, async () => {
      const { written, print } = await writeFreshSheet(context, batch, plan, lang, sheetName, tableName);
      await writeState(batch, context, {
        version: 2,
        tableName,
        lang,
        plan: planInfo(plan),
        written,
        highlightRuleIds: [],
      });
      // PLAN.STATUS labels follow the workbook's language, whoever recalculates it.
      wb.settings.add(WORKBOOK_LANGUAGE_SETTING, lang);
      await context.sync();
      return newSheetResult(plan, sheetName, tableName, print);
    });
  });
}

/** What Insert says of a sheet it wrote from scratch: every indicator added, nothing of staff's kept. */
function newSheetResult(plan: Plan, sheetName: string, tableName: string, print: TemplatePrintSetup): InsertResult {
  return {
    created: true,
    sheetName,
    tableName,
    indicatorCount: plan.indicators.length,
    added: plan.indicators.length,
    kept: [],
    figuresKept: 0,
    otherGoalFigures: figuresOf(splitIndicators(plan.indicators).other),
    print,
  };
}

/** How many figures the plan gives for these indicators. */
function figuresOf(indicators: readonly Indicator[]): number {
  return indicators.reduce((n, ind) => n + Object.keys(ind.actuals).length, 0);
}

async function writeFreshSheet(
  context: Excel.RequestContext,
  batch: RequestBatch,
  plan: Plan,
  lang: Lang,
  sheetName: string,
  tableName: string,
  /** Input cells carried over from an earlier layout of the template, by indicator id: written as they were. */
  carried?: ReadonlyMap<string, Partial<Record<ColumnKey, CellContent>>>,
): Promise<{ written: WrittenRows; print: TemplatePrintSetup }> {
  const sheet = context.workbook.worksheets.add(sheetName);
  // An earlier sheet's figures of a supplementary goal need yearly cells: such a goal stays in the table.
  const withFigures = new Set(
    [...(carried ?? new Map<string, Partial<Record<ColumnKey, CellContent>>>())]
      .filter(([, cells]) => Object.keys(cells).some((k) => /^y\d{4}$/.test(k)))
      .map(([id]) => id),
  );
  const fresh = buildFreshTemplate(plan, lang, withFigures);
  if (carried) {
    const at = new Map(fresh.columns.map((c, i) => [c.key, i]));
    const carry = (indicators: readonly Indicator[], rows: CellContent[][], other: boolean) =>
      indicators.forEach((ind, r) => {
        for (const [key, content] of Object.entries(carried.get(ind.id) ?? {}) as Array<[ColumnKey, CellContent]>) {
          const i = at.get(key);
          const column = i === undefined ? undefined : fresh.columns[i]!;
          if (column?.role === "input" && (!other || isOtherGoalsColumn(column))) rows[r]![i!] = content;
        }
      });
    carry(fresh.indicators, fresh.rows, false);
    // A goal of the block has no cell for a yearly figure: such figures stay with the plan (not carried over).
    if (fresh.otherGoals) carry(fresh.otherGoals.indicators, fresh.otherGoals.rows, true);
  }
  const width = fresh.columns.length;
  const n = fresh.rows.length;

  const title = titleBlock(plan, lang);
  // The title block, the header and a width per column go in the first request with the rows: counted too.
  await batch.fit(
    jsonBytes(title) +
      jsonBytes(fresh.evaluationYearFormula) +
      2 * jsonBytes(fresh.header) +
      (width + 20) * COMMAND_OVERHEAD,
  );
  writeTitleBlock(sheet, title, fresh.evaluationYearFormula);

  const header = sheet.getRange(blockRef(0, HEADER_ROW, width, 1));
  header.numberFormat = [fresh.header.map(() => "@")];
  header.values = [fresh.header];
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  header.format.autofitRows();
  await writeRows(batch, n, (first, count) => sheet.getRange(blockRef(0, FIRST_BODY_ROW + first, width, count)), {
    numberFormat: fresh.formats,
    formulas: fresh.rows,
  });
  const table = sheet.tables.add(blockRef(0, HEADER_ROW, width, Math.max(n, 1) + 1), true);
  table.name = tableName;
  table.style = "TableStyleLight1";

  const technical = fresh.columns.map((c, i) => (c.role === "technical" ? i : -1)).filter((i) => i >= 0);
  if (technical.length > 0) {
    // Codes for reading rows back (id, kind, direction …): kept out of sight, not out of reach.
    const first = Math.min(...technical);
    const last = Math.max(...technical);
    sheet.getRange(`${columnLetters(first)}:${columnLetters(last)}`).columnHidden = true;
  }
  const index = new Map<ColumnKey, number>(fresh.columns.map((c, i) => [c.key, i]));
  await formatNewRows(
    {
      sheet,
      columns: fresh.columns,
      columnOf: (k) => index.get(k),
      firstRow: FIRST_BODY_ROW,
      indicators: fresh.indicators,
      lang,
    },
    batch,
  );
  const other = fresh.otherGoals;
  if (other)
    await writeOtherGoals(
      context,
      batch,
      sheet,
      fresh.columns,
      index,
      other,
      otherGoalsName(tableName),
      sheetName,
      lang,
    );
  const lastRow = other ? other.headerRow + other.rows.length : FIRST_BODY_ROW + n - 1;

  // Widths, freeze panes and the page setup: a command per column and a fixed number more, with the title.
  await batch.fit((width + 30) * COMMAND_OVERHEAD + 2 * jsonBytes(title.title));
  // Column A also holds the title block's 评估年份 label (A3), beside the year staff type in B3.
  const widths = templateColumnWidths({
    ...fresh,
    lang,
    targetYear: plan.targetYear,
    firstColumnLabel: title.evaluationYearLabel,
  });
  const print = layoutTemplatePage({
    sheet,
    columns: fresh.columns,
    widths,
    headerRow: HEADER_ROW,
    lastRow,
    title: title.title,
    lang,
  });
  sheet.activate();
  const owned = fresh.columns.map((c, i) => (c.role === "input" ? -1 : i)).filter((i) => i >= 0);
  const rows = fresh.indicators.map((ind, r) =>
    rowHash(
      ind.id,
      owned.map((i) => fresh.rows[r]![i]),
      FIRST_BODY_ROW + r,
    ),
  );
  // The block's rows too, over the same columns (its blank year and computed cells hash as blanks).
  other?.indicators.forEach((ind, r) =>
    rows.push(
      rowHash(
        ind.id,
        owned.map((i) => other.rows[r]![i]),
        other.headerRow + 1 + r,
      ),
    ),
  );
  return { written: { keys: owned.map((i) => fresh.columns[i]!.key), rows: rows.join("") }, print };
}

/**
 * The other goals below the table (templateLayout.ts OTHER_GOALS_CAPTION): the caption, the block's own header
 * (blank over the year and computed columns), a row per goal formatted as the table's (manual status and note
 * as input cells, technical codes grey), and a workbook name over header and rows by which every reader finds it.
 */
async function writeOtherGoals(
  context: Excel.RequestContext,
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  columns: readonly TemplateColumn[],
  index: ReadonlyMap<ColumnKey, number>,
  other: OtherGoalsBlock,
  name: string,
  sheetName: string,
  lang: Lang,
): Promise<void> {
  const width = columns.length;
  await batch.fit(2 * jsonBytes(other.header) + jsonBytes(other.caption) + 12 * COMMAND_OVERHEAD);
  const caption = sheet.getRange(`A${other.captionRow}`);
  caption.values = [[asText(other.caption)]];
  caption.format.font.bold = true;
  const header = sheet.getRange(blockRef(0, other.headerRow, width, 1));
  header.numberFormat = [other.header.map(() => "@")];
  header.values = [other.header];
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  header.format.autofitRows();
  const n = other.rows.length;
  await writeRows(batch, n, (first, count) => sheet.getRange(blockRef(0, other.headerRow + 1 + first, width, count)), {
    numberFormat: other.formats,
    formulas: other.rows,
  });
  await formatNewRows(
    {
      sheet,
      columns: columns.filter(isOtherGoalsColumn),
      columnOf: (k) => index.get(k),
      firstRow: other.headerRow + 1,
      indicators: other.indicators,
      lang,
    },
    batch,
  );
  // The reference as text, its sheet name quoted (a name such as 规划指标 is not a valid bare reference everywhere).
  const block = blockRef(0, other.headerRow, width, n + 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  context.workbook.names.add(name, `='${sheetName.replace(/'/g, "''")}'!${block}`);
}

/**
 * Rows 1–3: the title, the source, and the evaluation year (B3: staff's choice, blank = automatic;
 * C3: the year in use, which every computed cell refers to) with the legend. Text goes in as text
 * (the apostrophe prefix): a plan's title is never taken for a formula.
 */
function writeTitleBlock(sheet: Excel.Worksheet, title: ReturnType<typeof titleBlock>, yearFormula: string): void {
  const titleCell = sheet.getRange("A1");
  titleCell.values = [[asText(title.title)]];
  titleCell.format.font.bold = true;
  titleCell.format.font.size = 14;
  sheet.getRange("A2").values = [[asText(title.source)]];
  const row3 = sheet.getRange("A3:G3");
  row3.formulas = [
    [
      asText(title.evaluationYearLabel),
      "",
      yearFormula,
      asText(title.legendLabel),
      asText(title.inputLabel),
      asText(title.computedLabel),
      asText(`${title.evaluationYearHint} ${title.note}`),
    ],
  ];
  row3.numberFormat = [["@", "0", "0", "@", "@", "@", "@"]];
  // Labels wrap within their (narrow) columns; the note in G3 runs on over the empty cells to its right.
  sheet.getRange("A3:F3").format.wrapText = true;
  sheet.getRange("A3").format.font.bold = true;
  sheet.getRange(EVALUATION_YEAR_INPUT).format.fill.color = INPUT_FILL;
  sheet.getRange(EVALUATION_YEAR_CELL).format.fill.color = COMPUTED_FILL;
  sheet.getRange(EVALUATION_YEAR_CELL).format.font.bold = true;
  sheet.getRange("E3").format.fill.color = INPUT_FILL;
  sheet.getRange("F3").format.fill.color = COMPUTED_FILL;
}

// ---------------------------------------------------------------------------------------------
// Refresh

/**
 * Which rows still hold only what the add-in wrote there: their hash over the columns it hashed is one it
 * recorded. `missingAsBlank`: the other goals' block, which has no year or computed columns — the add-in
 * hashed those cells as blanks; in the table a missing hashed column means the row cannot be proven untouched.
 */
function untouchedRows(
  hashes: ReadonlySet<string>,
  hashedAt: ReadonlyArray<number | undefined>,
  formulas: ReadonlyArray<readonly unknown[]>,
  rowIds: readonly string[],
  firstRow: number,
  missingAsBlank: boolean,
): boolean[] {
  const complete = missingAsBlank || hashedAt.every((i) => i !== undefined);
  return formulas.map(
    (row, r) =>
      complete &&
      hashes.size > 0 &&
      rowIds[r] !== "" &&
      hashes.has(
        rowHash(
          rowIds[r]!,
          hashedAt.map((i) => (i === undefined ? "" : row[i])),
          firstRow + r,
        ),
      ),
  );
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Staff's figures in the table: non-blank year-column cells of rows that are an indicator's. */
function countFigures(
  formulas: unknown[][],
  columns: readonly TemplateColumn[],
  map: Partial<Record<ColumnKey, number>>,
  rowIds: readonly string[],
): number {
  const yearAt = columns.filter((c) => c.year !== undefined).map((c) => map[c.key]!);
  let count = 0;
  formulas.forEach((row, r) => {
    if (rowIds[r] === "") return;
    for (const i of yearAt) if (!isBlank(row[i])) count++;
  });
  return count;
}

/** Whether a cell (as read through Range.formulas) holds what the add-in writes as `planned`. */
export function sameContent(current: unknown, planned: CellContent): boolean {
  if (typeof planned === "number") {
    return typeof current === "number" && Math.abs(current - planned) <= 1e-9 * Math.max(1, Math.abs(planned));
  }
  if (typeof planned === "boolean") return current === planned;
  if (planned === "") return isBlank(current);
  if (typeof current !== "string") return false;
  if (planned.startsWith("=")) return normalizeFormula(current) === normalizeFormula(planned);
  // Text is written with Excel's text-prefix apostrophe; a cell may read back with or without it. Only
  // that one prefix is optional: text that itself starts with "'" ("'%") must still match exactly.
  if (current.trim() === planned.trim()) return true;
  return planned.startsWith("'") && current.trim() === planned.slice(1).trim();
}

function display(v: unknown): string {
  if (typeof v === "string") return v.startsWith("'") ? v.slice(1) : v;
  return v === null || v === undefined ? "" : String(v);
}

async function refreshTemplate(
  context: Excel.RequestContext,
  batch: RequestBatch,
  state: TemplateState,
  /** The previous plan, only from a state stored by an earlier version (else the row hashes say it). */
  previousPlan: Plan | null,
  plan: Plan,
  /** Sheet names, and table and defined names, already in the workbook (read in the first sync). */
  taken: { sheets: string[]; tables: string[] },
): Promise<InsertResult> {
  const table = context.workbook.tables.getItem(state.tableName);
  const headerRange = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load(["address", "formulas", "values", "numberFormat", "rowCount"]);
  const worksheet = table.worksheet.load("name");
  const yearCell = worksheet.getRange(EVALUATION_YEAR_CELL).load("formulas");
  // The print area the insert set: extended over appended rows below (same round trip).
  const printArea = worksheet.pageLayout.getPrintAreaOrNullObject().load("address");
  const otherRange = queueOtherGoalsRead(context, state.tableName, true);
  await context.sync();
  batch.synced();

  const lang = state.lang;
  const headers = headerRange.values[0] ?? [];
  const map = mapHeaders(headers);
  const columns = templateColumns(plan);
  if (isEarlierLayout(map))
    return relayoutTemplate(context, batch, state, plan, headers, body.formulas, body.values, worksheet.name, taken);
  if (columns.some((c) => map[c.key] === undefined)) throw new HostOperationError("templateChanged");
  // PLAN.EVALUATE reads the row up to the last non-computed column: a computed column moved in front
  // of a column it reads would refer to itself.
  const lastRead = Math.max(...columns.filter((c) => c.role !== "computed").map((c) => map[c.key]!));
  if (columns.some((c) => c.role === "computed" && map[c.key]! < lastRead))
    throw new HostOperationError("templateChanged");
  const block = parseRangeAddress(body.address);
  const columnOf = (key: ColumnKey): number | undefined =>
    map[key] === undefined ? undefined : block.firstColumn + map[key]!;
  const sheet = worksheet;

  // Each cell as the add-in would write it: text that starts with "=" read back as text (readBack), so a
  // cell staff typed as '=2+2 is compared, hashed and reported as the text it is, never taken for a formula.
  const formulas = body.formulas.map((row, r) => row.map((f, c) => readBack(f, body.values[r]?.[c])));
  // Which indicator each row is: by its id cell, or — when that was cleared, overwritten or copied from
  // another row — by the add-in's record of the row or its name (templateIntegrity.ts); else none, and
  // the row is left as it is. Never a second row for an indicator whose row lost its id.
  const read = body.values.map((cells) => readTemplateRow(headers, cells));
  const resolved = resolveRowIds(
    read.map((row) => (row ? { id: row.id, name: row.name } : null)),
    plan.indicators,
    writtenAs(state.written, map, formulas, block.firstRow),
  );
  const rowIds = resolved.map((r) => r.id ?? "");
  const idRows = idProblemRows(resolved, read, block.firstRow);
  // A table with no data rows still reports one blank body row.
  const usedRows = rowIds.filter((id) => id !== "");
  const newById = new Map(plan.indicators.map((i) => [i.id, i]));
  const prevById = new Map((previousPlan?.indicators ?? []).map((i) => [i.id, i]));
  const kept: KeptCell[] = [];
  // Rows whose owned cells all still hold what the add-in last wrote there: all of them may be replaced.
  const hashes = rowHashes(state.written);
  const hashedAt = state.written.keys.map((k) => map[k]);
  // Only the columns the hash covers: a column the previous write did not own may hold staff's data.
  const hashedKeys = new Set<ColumnKey>(state.written.keys);
  const untouched = untouchedRows(hashes, hashedAt, formulas, rowIds, block.firstRow, false);

  // Indicators the table does not have yet are appended as new rows (a blank body row is reused).
  // The other goals' block below the table (templateLayout.ts OTHER_GOALS_CAPTION): its rows are refreshed in
  // place; a goal found there is not appended to the table. Old sheets without the block keep their rows.
  const found = otherGoalsRefresh(otherRange, plan.indicators);
  const present = new Set([...usedRows, ...(found?.rowIds.filter((id) => id !== "") ?? [])]);
  const added = plan.indicators.filter((i) => !present.has(i.id));
  const reuseBlank = usedRows.length === 0 && read.every((row) => row === null);
  // Which rows of the block still hold only what the add-in wrote there (before the block moves).
  const otherUntouched = found
    ? untouchedRows(
        hashes,
        state.written.keys.map((k) => found.map[k]),
        found.formulas,
        found.rowIds,
        found.firstRow,
        true,
      )
    : [];
  // Rows appended to the table need the rows the block stands on: it moves down first (one more round trip).
  const appendCount = added.length === 0 ? 0 : reuseBlank ? added.length - 1 : added.length;
  const movedPrintArea = found && appendCount > 0 ? printAreaOver(printArea, found, appendCount) : null;
  const other =
    found && appendCount > 0
      ? await moveOtherGoalsDown(context, batch, worksheet, found, appendCount, {
          name: otherGoalsName(state.tableName),
          columns,
          lang,
          indicators: plan.indicators,
        })
      : found;
  const firstNewRow = reuseBlank ? block.firstRow : block.firstRow + block.rowCount;
  const sheetRowOf = new Map<string, number>();
  rowIds.forEach((id, r) => {
    if (id !== "" && !sheetRowOf.has(id)) sheetRowOf.set(id, block.firstRow + r);
  });
  added.forEach((ind, k) => sheetRowOf.set(ind.id, firstNewRow + k));
  const frame: TableFrame = {
    headerRow: block.firstRow - 1,
    firstLetter: columnLetters(block.firstColumn),
    lastInputLetter: columnLetters(block.firstColumn + lastRead),
    rowOf: (id) => sheetRowOf.get(id) ?? null,
  };
  const ctxFor = (p: Plan, row: number): RowContext => ({ plan: p, lang, row, frame });
  // Owned (plan, computed, technical) columns, written as blocks of adjacent columns: one 2-D write each.
  const ownedAt = new Map<number, TemplateColumn>();
  for (const c of columns) if (c.role !== "input") ownedAt.set(map[c.key]!, c);
  // What this refresh writes, row by row, for the next one: a row with a kept cell is left out.
  const refreshOwned = async (rows: RefreshRows): Promise<{ writtenRow: CellContent[][]; rowKept: boolean[] }> => {
    const writtenRow: CellContent[][] = rows.formulas.map(() => []);
    const rowKept: boolean[] = rows.formulas.map(() => false);
    for (const run of columnRuns([...rows.ownedAt.keys()])) {
      // A kept cell is not written at all (null leaves a cell as it is: Microsoft's "null input in 2-D array").
      const values: Array<Array<CellContent | null>> = [];
      const numberFormats: Array<Array<string | null>> = [];
      rows.formulas.forEach((row, r) => {
        const ind = newById.get(rows.rowIds[r] ?? "");
        const prevInd = ind ? prevById.get(ind.id) : undefined;
        const sheetRow = rows.firstRow + r;
        const valueRow: Array<CellContent | null> = [];
        const formatRow: Array<string | null> = [];
        for (let idx = run.first; idx < run.first + run.count; idx++) {
          const column = rows.ownedAt.get(idx)!;
          const current = row[idx];
          const keep = () => {
            valueRow.push(null);
            formatRow.push(null);
          };
          if (!ind) {
            keep();
            continue;
          }
          const planned = plannedCell(column, ind, ctxFor(plan, sheetRow));
          const previous =
            prevInd && previousPlan ? plannedCell(column, prevInd, ctxFor(previousPlan, sheetRow)) : undefined;
          if (
            (rows.untouched[r] && hashedKeys.has(column.key)) ||
            isBlank(current) ||
            sameContent(current, planned) ||
            (previous !== undefined && sameContent(current, previous))
          ) {
            valueRow.push(planned);
            formatRow.push(plannedFormat(column, ind, lang));
            writtenRow[r]![idx] = planned;
          } else {
            keep();
            rowKept[r] = true;
            kept.push({
              address: `${columnLetters(rows.firstColumn + idx)}${sheetRow}`,
              indicatorId: ind.id,
              header: display(rows.headers[idx]),
              current: display(current),
              planned: display(planned),
            });
          }
        }
        values.push(valueRow);
        numberFormats.push(formatRow);
      });
      await writeRows(
        batch,
        rows.formulas.length,
        (first, count) =>
          sheet.getRange(blockRef(rows.firstColumn + run.first, rows.firstRow + first, run.count, count)),
        { numberFormat: numberFormats, formulas: values },
      );
    }
    return { writtenRow, rowKept };
  };
  const { writtenRow, rowKept } = await refreshOwned({
    headers,
    formulas,
    rowIds,
    untouched,
    ownedAt,
    firstRow: block.firstRow,
    firstColumn: block.firstColumn,
  });
  // The block's own columns (none for the years or the computed values), with the same rule for what is kept.
  const otherOwnedAt = new Map<number, TemplateColumn>();
  if (other)
    for (const c of columns) {
      const at = other.map[c.key];
      if (c.role !== "input" && isOtherGoalsColumn(c) && at !== undefined) otherOwnedAt.set(at, c);
    }
  const otherWritten = other
    ? await refreshOwned({
        headers: other.headers,
        formulas: other.formulas,
        rowIds: other.rowIds,
        untouched: otherUntouched,
        ownedAt: otherOwnedAt,
        firstRow: other.firstRow,
        firstColumn: other.firstColumn,
      })
    : null;

  const byIndex = new Map<number, TemplateColumn>(columns.map((c) => [map[c.key]!, c]));
  const newRows = added.map((ind, k) =>
    headers.map((_h, j) => {
      const c = byIndex.get(j);
      return c ? plannedCell(c, ind, ctxFor(plan, firstNewRow + k)) : "";
    }),
  );
  if (added.length > 0) {
    const appendCount = reuseBlank ? added.length - 1 : added.length;
    if (appendCount > 0) {
      // Blank rows appended at the end, in as few adds as the budget allows (one for ordinary plans).
      const blank = Array.from({ length: appendCount }, () => headers.map(() => ""));
      const sizes = rowBytes([blank]);
      for (const part of splitRows(sizes, batch.budget - COMMAND_OVERHEAD)) {
        await batch.fit(COMMAND_OVERHEAD + sizes.slice(part.first, part.first + part.count).reduce((a, b) => a + b, 0));
        table.rows.add(undefined, blank.slice(part.first, part.first + part.count));
      }
    }
    const rowFormats = added.map((ind) =>
      headers.map((_h, j) => {
        const c = byIndex.get(j);
        return c ? plannedFormat(c, ind, lang) : "General";
      }),
    );
    await writeRows(
      batch,
      added.length,
      (first, count) => sheet.getRange(blockRef(block.firstColumn, firstNewRow + first, headers.length, count)),
      { numberFormat: rowFormats, formulas: newRows },
    );
    await formatNewRows(
      { sheet, columns, columnOf, firstRow: firstNewRow, indicators: added as Indicator[], lang },
      batch,
    );
  }

  const ownedIndexes = [...ownedAt.keys()].sort((a, b) => a - b);
  const hashRows: string[] = [];
  formulas.forEach((_row, r) => {
    const ind = newById.get(rowIds[r] ?? "");
    if (!ind || rowKept[r]) return;
    hashRows.push(
      rowHash(
        ind.id,
        ownedIndexes.map((i) => writtenRow[r]![i]),
        block.firstRow + r,
      ),
    );
  });
  if (other && otherWritten) {
    const keys = ownedIndexes.map((i) => ownedAt.get(i)!.key);
    other.formulas.forEach((_row, r) => {
      const ind = newById.get(other.rowIds[r] ?? "");
      if (!ind || otherWritten.rowKept[r]) return;
      hashRows.push(
        rowHash(
          ind.id,
          keys.map((k) => (other.map[k] === undefined ? "" : otherWritten.writtenRow[r]![other.map[k]!])),
          other.firstRow + r,
        ),
      );
    });
  }
  added.forEach((ind, k) => {
    hashRows.push(
      rowHash(
        ind.id,
        ownedIndexes.map((i) => newRows[k]![i]),
        firstNewRow + k,
      ),
    );
  });
  const written: WrittenRows = { keys: ownedIndexes.map((i) => ownedAt.get(i)!.key), rows: hashRows.join("") };
  const lastBodyRow = Math.max(firstNewRow + added.length - 1, block.firstRow + block.rowCount - 1);
  const printed = movedPrintArea ?? extendedPrintArea(printArea, block, headers.length, lastBodyRow);
  if (printed) sheet.pageLayout.setPrintArea(printed);
  // C3 is written again only when it is blank or an earlier form of the add-in's formula (the body as an
  // argument); the current one does not depend on the table's extent, and a formula staff put there stays.
  const currentYearFormula = String(yearCell.formulas[0]?.[0] ?? "");
  const yearFormula = evaluationYearFormula(frame);
  if (
    currentYearFormula !== yearFormula &&
    (currentYearFormula === "" ||
      /^=IF\(B3<>"",B3,(IFERROR\()?PLAN\.DATAYEAR\(/i.test(currentYearFormula.replace(/\s+/g, "")))
  )
    yearCell.formulas = [[yearFormula]];
  await writeState(batch, context, { ...state, plan: planInfo(plan), written });
  await context.sync();
  return {
    created: false,
    sheetName: worksheet.name,
    tableName: state.tableName,
    indicatorCount: plan.indicators.length,
    added: added.length,
    kept,
    figuresKept: countFigures(formulas, columns, map, rowIds),
    otherGoalFigures: other ? figuresOf(plan.indicators.filter((i) => other.rowIds.includes(i.id))) : 0,
    ...(idRows.length > 0 ? { idRows } : {}),
  };
}

/** One block of rows a refresh writes the add-in's cells of: the table's body or the other goals' rows. */
interface RefreshRows {
  headers: readonly unknown[];
  /** The rows as read back (readBack), and which indicator each is ("" for none). */
  formulas: unknown[][];
  rowIds: readonly string[];
  /** Rows whose owned cells all still hold what the add-in last wrote. */
  untouched: readonly boolean[];
  /** The add-in's columns (plan, computed, technical) by index in the block's header. */
  ownedAt: ReadonlyMap<number, TemplateColumn>;
  /** 1-based sheet row of the first row, 0-based sheet column of the first column. */
  firstRow: number;
  firstColumn: number;
}

/** The other goals' block as a refresh reads it: its header map, rows (as read back) and which goal each is. */
function otherGoalsRefresh(
  range: Excel.Range,
  indicators: readonly Indicator[],
): {
  headers: unknown[];
  map: Partial<Record<ColumnKey, number>>;
  formulas: unknown[][];
  rowIds: string[];
  firstRow: number;
  firstColumn: number;
  /** Rows the workbook name covers: the header and the block's rows. */
  rangeRows: number;
} | null {
  if (range.isNullObject) return null;
  const at = parseRangeAddress(range.address);
  const headers = range.values[0] ?? [];
  const count = bodyRows(range.values, 0).length;
  const formulas = range.formulas
    .slice(1, 1 + count)
    .map((row, r) => row.map((f, c) => readBack(f, range.values[r + 1]?.[c])));
  const read = range.values.slice(1, 1 + count).map((cells) => readTemplateRow(headers, cells));
  const resolved = resolveRowIds(
    read.map((row) => (row ? { id: row.id, name: row.name } : null)),
    indicators,
  );
  return {
    headers,
    map: mapHeaders(headers),
    formulas,
    rowIds: resolved.map((r) => r.id ?? ""),
    firstRow: at.firstRow + 1,
    firstColumn: at.firstColumn,
    rangeRows: at.rowCount,
  };
}

type OtherGoalsRefresh = NonNullable<ReturnType<typeof otherGoalsRefresh>>;

/** A cell as read (Range.formulas and .values) written back elsewhere: formulas as they are, text as text. */
function movedContent(formula: unknown, value: unknown, format: string): CellContent {
  if (isFormulaCell(formula, value)) return formula as string;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : "";
  // A text-formatted cell (the block's header) takes text as it is; elsewhere the text prefix keeps it text.
  return format === "@" ? text : asText(text);
}

/**
 * Moves the other goals' block (its caption row, header and rows, as the workbook name covers them) down by
 * `by` rows, so the table can grow into the rows it stood on: read with the `by` rows below it (one round
 * trip), refused when those rows hold anything (otherGoalsBelow: nothing is written), else cleared and written
 * again lower down — every cell as it was, staff's included — with the block's formatting and its name.
 * Formatting staff added to the block by hand is not carried.
 */
async function moveOtherGoalsDown(
  context: Excel.RequestContext,
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  other: OtherGoalsRefresh,
  by: number,
  block: { name: string; columns: readonly TemplateColumn[]; lang: Lang; indicators: readonly Indicator[] },
): Promise<OtherGoalsRefresh> {
  const top = other.firstRow - 2; // the caption row, above the block's header
  const height = other.rangeRows + 1;
  const width = other.headers.length;
  const read = sheet
    .getRange(blockRef(other.firstColumn, top, width, height + by))
    .load(["formulas", "values", "numberFormat"]);
  await context.sync();
  batch.synced();
  if (read.values.slice(height).some((row) => row.some((v) => !isBlank(v))))
    throw new HostOperationError("otherGoalsBelow");
  const formats = read.numberFormat.slice(0, height);
  const cells = read.values
    .slice(0, height)
    .map((row, r) => row.map((v, c) => movedContent(read.formulas[r]?.[c], v, formats[r]?.[c] ?? "General")));
  await batch.fit(jsonBytes(cells) + jsonBytes(formats) + 30 * COMMAND_OVERHEAD);
  sheet.getRange(blockRef(other.firstColumn, top, width, height)).clear("All");
  const moved = sheet.getRange(blockRef(other.firstColumn, top + by, width, height));
  moved.numberFormat = formats;
  moved.formulas = cells;
  sheet.getRange(blockRef(other.firstColumn, top + by, 1, 1)).format.font.bold = true;
  const header = sheet.getRange(blockRef(other.firstColumn, top + by + 1, width, 1));
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  const firstRow = other.firstRow + by;
  const byId = new Map(block.indicators.map((i) => [i.id, i]));
  await formatNewRows(
    {
      sheet,
      columns: block.columns.filter(isOtherGoalsColumn),
      columnOf: (k) => (other.map[k] === undefined ? undefined : other.firstColumn + other.map[k]!),
      firstRow,
      // The block has no yearly cells: the indicator of a row only sizes the formatting (no per-row rule).
      indicators: Array.from(
        { length: height - 2 },
        (_x, r) => byId.get(other.rowIds[r] ?? "") ?? block.indicators[0]!,
      ),
      lang: block.lang,
    },
    batch,
  );
  const ref = blockRef(other.firstColumn, top + by + 1, width, height - 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  context.workbook.names.getItem(block.name).delete();
  context.workbook.names.add(block.name, `='${sheet.name.replace(/'/g, "''")}'!${ref}`);
  return { ...other, firstRow };
}

/** The print area over the moved block, when the one on the sheet is still the insert's (A1 to the block's end). */
function printAreaOver(
  printArea: { isNullObject: boolean; address: string },
  other: OtherGoalsRefresh,
  by: number,
): string | null {
  const top = other.firstRow - 2;
  return extendedPrintArea(
    printArea,
    { firstRow: top, firstColumn: other.firstColumn, rowCount: other.rangeRows + 1 },
    other.headers.length,
    top + other.rangeRows + by,
  );
}

/**
 * The print area over the table's new last row, when the one on the sheet is still the insert's (A1 to the
 * table's last column and last row); null when there is none, it already covers the rows, or staff set
 * their own (left as they set it).
 */
export function extendedPrintArea(
  printArea: { isNullObject: boolean; address: string },
  table: { firstRow: number; firstColumn: number; rowCount: number },
  width: number,
  lastBodyRow: number,
): string | null {
  if (printArea.isNullObject) return null;
  const address = printArea.address;
  // One block from A1 (several blocks, whole columns or rows: staff's own print area).
  const area = /^A1:([A-Z]+)(\d+)$/.exec(address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, ""));
  const lastColumn = columnLetters(table.firstColumn + width - 1);
  const oldLastRow = table.firstRow + table.rowCount - 1;
  if (!area || area[1] !== lastColumn || Number(area[2]) !== oldLastRow || lastBodyRow <= oldLastRow) return null;
  return `A1:${lastColumn}${lastBodyRow}`;
}

/** Rows whose id cell was blank, not an id or another row's: the indicator each was matched to, or none. */
function idProblemRows(
  resolved: ReturnType<typeof resolveRowIds>,
  read: ReadonlyArray<{ name: string | null } | null>,
  firstRow: number,
): IdRow[] {
  const out: IdRow[] = [];
  resolved.forEach(({ problem }, r) => {
    if (!problem) return;
    out.push({
      sheetRow: firstRow + r,
      name: read[r]?.name ?? "",
      problem: problem.kind,
      text: problem.text,
      matched: problem.restored?.id ?? null,
      ...(problem.restored ? { by: problem.restored.by } : {}),
      ...(problem.sameAs !== undefined ? { sameAsRow: firstRow + problem.sameAs } : {}),
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// An earlier layout of the template (plan format 1: computed columns before the manual ones, no
// revised baseline, adjusted target or obligation columns)

/** The columns only the current layout has: a table with none of them was laid out by an earlier version. */
const CURRENT_ONLY: readonly ColumnKey[] = ["revisedBaseline", "adjustedTarget", "obligation", "figures", "reference"];

function isEarlierLayout(map: Partial<Record<ColumnKey, number>>): boolean {
  return CURRENT_ONLY.every((k) => map[k] === undefined) && map.id !== undefined && map.target !== undefined;
}

/** A cell staff typed, as it is to be written on the new sheet: a formula's value, text as text. */
function carriedContent(formula: unknown, value: unknown): CellContent | null {
  if (isBlank(formula)) return null;
  const v = typeof formula === "string" && formula.startsWith("=") ? value : formula;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v.trim() === "" ? null : asText(v);
  return null;
}

/**
 * Writes the current layout on a new sheet with every input cell of the earlier one (each year's figure
 * as typed — unreadable ones too —, the manual verdict and its note) carried over by indicator id, and
 * leaves the earlier sheet as it was. Round trips: the two of the refresh that found it, plus the write.
 */
async function relayoutTemplate(
  context: Excel.RequestContext,
  batch: RequestBatch,
  state: TemplateState,
  plan: Plan,
  headers: readonly unknown[],
  formulas: unknown[][],
  values: unknown[][],
  previousSheet: string,
  taken: { sheets: string[]; tables: string[] },
): Promise<InsertResult> {
  const map = mapHeaders(headers);
  const carriedKeys = (Object.keys(map) as ColumnKey[]).filter(
    (k) => /^y\d{4}$/.test(k) || k === "manualStatus" || k === "manualNote",
  );
  const carried = new Map<string, Partial<Record<ColumnKey, CellContent>>>();
  let carriedCells = 0;
  const planIds = new Set(plan.indicators.map((i) => i.id));
  const notInPlan: string[] = [];
  formulas.forEach((row, r) => {
    const id = typeof row[map.id!] === "string" ? (row[map.id!] as string).trim() : "";
    if (id === "") return;
    const cells: Partial<Record<ColumnKey, CellContent>> = {};
    for (const key of carriedKeys) {
      const content = carriedContent(row[map[key]!], values[r]?.[map[key]!]);
      if (content !== null) {
        cells[key] = content;
        carriedCells++;
      }
    }
    if (!planIds.has(id)) {
      if (Object.keys(cells).length > 0) notInPlan.push(id);
      return;
    }
    carried.set(id, cells);
  });
  const lang = state.lang;
  const sheetName = uniqueSheetName(SHEET_BASE_NAME[lang], taken.sheets);
  const tableName = uniqueTableName(taken.tables);
  return writeNewSheet(context, sheetName, async () => {
    const { written, print } = await writeFreshSheet(context, batch, plan, lang, sheetName, tableName, carried);
    await writeState(batch, context, { ...state, tableName, plan: planInfo(plan), written, highlightRuleIds: [] });
    await context.sync();
    return {
      ...newSheetResult(plan, sheetName, tableName, print),
      relaid: { previousSheet, carriedCells, indicatorsNotInPlan: notInPlan },
    };
  });
}
