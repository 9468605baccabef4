/**
 * Write a portable copy of the plan sheet: a new sheet with the same cells at the same addresses,
 * where no cell calls a PLAN function (see portableContent.ts), for people who do not have the
 * add-in. Staff then move it to a new workbook (right-click the tab → Move or Copy → new book)
 * and send that; its formulas refer to its own cells, so they move with it.
 *
 * Two syncs whatever the size: one to read the sheet, the template's table and state; one to write
 * the copy (cells, number formats, widths, fills and, when highlights are on, the same
 * conditional formats, which read the status column and call no custom function). In native mode
 * a hidden column after the copied block holds each row's latest year with a readable figure, which
 * the native evaluation year (C3) reads (PLAN.DATAYEAR's twin, short at any number of rows). Only
 * cells past the request budget (4 MB: thousands of indicators) are split into row blocks, each sent
 * in a request of its own (requestBudget.ts).
 *
 * A note above the table says what the copy is and lists every cell that holds its value instead
 * of a native formula, with the reason (portableContent.ts); the result carries the same list.
 */
import type { Lang } from "../core/messages";
import {
  FIXED_COLUMNS,
  mapHeaders,
  WORKBOOK_LANGUAGE_SETTING,
  type ColumnKey,
  type TemplateColumn,
} from "../core/templateLayout";
import { blockRef, columnIndex, columnLetters, parseRangeAddress, type Block } from "./a1";
import { runWrite } from "./excelRun";
import { RequestBatch, writeRows } from "./requestBatch";
import { HIGHLIGHT_COLOURS, highlightRules } from "./highlights";
import { uniqueSheetName } from "./insertTemplate";
import {
  buildPortableContent,
  type PortableContent,
  type PortableMode,
  type ValueCell,
  type ValueReason,
} from "./portableContent";
import { columnRuns } from "./templateFormatting";
import { columnWidth, COMPUTED_FILL, INPUT_FILL } from "./templateContent";
import { queueStateRead, readStateResult } from "./templateState";
import { writeNewSheet } from "./unfinishedSheet";

export interface PortableCopyResult {
  sheetName: string;
  mode: PortableMode;
  /** PLAN formulas replaced by native formulas, and by their values. */
  translated: number;
  frozen: number;
  /** Sheet rows whose computed cells hold values instead of native formulas (native mode). */
  unreadableRows: number[];
  /** Every PLAN cell that holds its value instead of a native formula, and why (native mode); also listed on the copy. */
  valueCells: ValueCell[];
  /** The longest formula written, in characters (Excel's limit is 8,192). */
  longestFormula: number;
  highlights: boolean;
}

const SUFFIX: Record<Lang, string> = { zh: "（便携）", en: " (portable)" };
const NOTE: Record<PortableMode, Record<Lang, string>> = {
  native: {
    zh: "便携副本：计算列已改为 Excel 自带公式，未安装加载项的 Excel 或 WPS 也能计算。",
    en: "Portable copy: computed columns use Excel's own formulas and recalculate without the add-in (Excel or WPS).",
  },
  values: {
    zh: "便携副本（数值）：公式已替换为当前结果，不再自动计算。",
    en: "Portable copy (values): formulas were replaced by their current results and no longer recalculate.",
  },
};

const VALUE_REASONS: Record<ValueReason, Record<Lang, string>> = {
  otherFormula: { zh: "不是模板生成的 PLAN 公式", en: "a PLAN formula the template did not write" },
  rowChanged: { zh: "本行的计算列曾被手工改动", en: "a computed cell of the row was changed by hand" },
  readsDifferently: {
    zh: "本行（或其参照行）有 Excel 公式读法与加载项不同的内容，如以文本输入的数字、仅含空格的单元格",
    en: "the row (or its reference row) holds something Excel formulas read differently from the add-in, such as a number typed as text or a cell of only spaces",
  },
  yearCell: {
    zh: "评估年份是 Excel 公式无法按加载项方式读取的文字",
    en: "the evaluation year is text Excel formulas would not read as the add-in does",
  },
  tooLong: {
    zh: "公式将超过 Excel 的长度或嵌套层数上限",
    en: "the formula would pass Excel's limit on length or nesting",
  },
};

const VALUE_NOTE: Record<Lang, { lead: string; join: string; open: string; close: string }> = {
  zh: { lead: "以下单元格为当前结果（数值），不随数据更新：", join: "；", open: "（", close: "）" },
  en: {
    lead: " These cells hold their current results (values) and do not recalculate: ",
    join: "; ",
    open: " (",
    close: ")",
  },
};

/** The cells, per reason, as short ranges: AG12:AN12 for a row's run of cells. */
export function valueCellsText(cells: readonly ValueCell[], lang: Lang): string {
  const note = VALUE_NOTE[lang];
  const byReason = new Map<ValueReason, Map<number, number[]>>();
  for (const c of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    const rows = byReason.get(c.reason) ?? new Map<number, number[]>();
    const row = Number(m[2]);
    rows.set(row, [...(rows.get(row) ?? []), columnIndex(m[1]!)]);
    byReason.set(c.reason, rows);
  }
  const parts: string[] = [];
  for (const [reason, rows] of byReason) {
    const ranges: string[] = [];
    for (const [row, columns] of [...rows].sort((a, b) => a[0] - b[0])) {
      for (const run of columnRuns(columns.sort((a, b) => a - b))) ranges.push(blockRef(run.first, row, run.count, 1));
    }
    parts.push(`${ranges.join(lang === "zh" ? "、" : ", ")}${note.open}${VALUE_REASONS[reason][lang]}${note.close}`);
  }
  return `${note.lead}${parts.join(note.join)}`;
}

/** Sheet names are at most 31 characters: the suffix is kept, the base shortened. */
function copyName(base: string, lang: Lang, taken: readonly string[]): string {
  const suffix = SUFFIX[lang];
  const room = 31 - suffix.length - 4; // leave room for " (n)"
  return uniqueSheetName(`${base.slice(0, room)}${suffix}`, taken);
}

export async function writePortableCopy(
  tableName: string,
  mode: PortableMode,
  options: { requestBudget?: number } = {},
): Promise<PortableCopyResult> {
  return runWrite(async (context) => {
    const batch = new RequestBatch(context, options.requestBudget);
    const wb = context.workbook;
    const table = wb.tables.getItem(tableName);
    const source = table.worksheet.load("name");
    const used = source.getUsedRange().load(["address", "formulas", "values", "valueTypes", "numberFormat"]);
    const header = table.getHeaderRowRange().load("address");
    const body = table.getDataBodyRange().load("address");
    const sheets = wb.worksheets.load("items/name");
    const stateSetting = queueStateRead(context);
    const langSetting = wb.settings.getItemOrNullObject(WORKBOOK_LANGUAGE_SETTING).load("value");
    await context.sync();
    batch.synced();

    const block = parseRangeAddress(used.address);
    const headerBlock = parseRangeAddress(header.address);
    const bodyBlock = parseRangeAddress(body.address);
    const state = readStateResult(stateSetting);
    const lang: Lang =
      state.kind === "ok" ? state.state.lang : !langSetting.isNullObject && langSetting.value === "en" ? "en" : "zh";
    const content = buildPortableContent(
      {
        firstRow: block.firstRow,
        firstColumn: block.firstColumn,
        formulas: used.formulas,
        values: used.values,
        valueTypes: used.valueTypes as string[][],
        numberFormat: used.numberFormat,
        headerRow: headerBlock.firstRow - block.firstRow,
        bodyRows: bodyBlock.rowCount,
      },
      mode,
      lang,
    );
    const name = copyName(
      source.name,
      lang,
      sheets.items.map((s) => s.name),
    );
    const copy = wb.worksheets.add(name);
    return writeNewSheet(context, name, () =>
      writeCopy(context, batch, copy, name, mode, lang, content, { used, block, headerBlock, bodyBlock, state }),
    );
  });
}

/** Everything the copy holds, written on the sheet just added (a failure removes it: writeNewSheet). */
async function writeCopy(
  context: Excel.RequestContext,
  batch: RequestBatch,
  copy: Excel.Worksheet,
  name: string,
  mode: PortableMode,
  lang: Lang,
  content: PortableContent,
  read: {
    used: Excel.Range;
    block: Block;
    headerBlock: Block;
    bodyBlock: Block;
    state: ReturnType<typeof readStateResult>;
  },
): Promise<PortableCopyResult> {
  const { used, block, headerBlock, bodyBlock, state } = read;
  // The block, and after it the hidden columns the native C3 reads (each row's latest readable year).
  const helpers = content.helperColumns;
  const columns = block.columnCount + helpers.length;
  await writeRows(
    batch,
    block.rowCount,
    (first, count) => copy.getRange(blockRef(block.firstColumn, block.firstRow + first, columns, count)),
    { numberFormat: content.numberFormat, formulas: content.formulas },
  );
  for (const column of helpers) copy.getRange(`${columnLetters(column)}:${columnLetters(column)}`).columnHidden = true;

  const headers = (used.values[headerBlock.firstRow - block.firstRow] ?? []) as unknown[];
  const map = mapHeaders(headers);
  const sheetColumn = (key: ColumnKey): number | undefined =>
    map[key] === undefined ? undefined : block.firstColumn + map[key]!;
  styleCopy(copy, block.firstColumn, headerBlock, bodyBlock, headers);

  // The note goes in the nearest empty row above the table (row 4 of the template).
  let noteRow = headerBlock.firstRow - 1 - block.firstRow;
  while (noteRow >= 0 && !(used.formulas[noteRow] ?? []).every((v) => v === "" || v === null)) noteRow -= 1;
  const noteFree = noteRow >= 0;
  const note = copy.getRange(`${columnLetters(block.firstColumn)}${block.firstRow + Math.max(0, noteRow)}`);
  if (noteFree) {
    const listed = content.valueCells.length > 0 ? valueCellsText(content.valueCells, lang) : "";
    note.values = [[`'${NOTE[mode][lang]}${listed}`.slice(0, 32767)]];
    note.format.font.italic = true;
  }

  const highlights = state.kind === "ok" && state.state.highlightRuleIds.length > 0;
  const status = sheetColumn("status");
  if (highlights && status !== undefined) {
    const progress = sheetColumn("progress");
    const elapsed = sheetColumn("elapsed");
    const rules = highlightRules(
      {
        status: columnLetters(status),
        progress: progress === undefined ? null : columnLetters(progress),
        elapsed: elapsed === undefined ? null : columnLetters(elapsed),
      },
      bodyBlock.firstRow,
    );
    const bodyOfCopy = copy.getRange(
      blockRef(bodyBlock.firstColumn, bodyBlock.firstRow, bodyBlock.columnCount, bodyBlock.rowCount),
    );
    for (const rule of rules) {
      const cf = bodyOfCopy.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      const colour = HIGHLIGHT_COLOURS[rule.tone];
      cf.custom.format.fill.color = colour.fill;
      cf.custom.format.font.color = colour.font;
      if (colour.bold) cf.custom.format.font.bold = true;
    }
  }
  copy.freezePanes.freezeRows(headerBlock.firstRow);
  copy.activate();
  await context.sync();
  return {
    sheetName: name,
    mode,
    translated: content.translated,
    frozen: content.frozen,
    unreadableRows: content.unreadableRows,
    valueCells: content.valueCells,
    longestFormula: content.longestFormula,
    highlights,
  };
}

/** The template column a sheet column holds, for its role and width. */
function columnAt(key: ColumnKey): TemplateColumn | null {
  const fixed = FIXED_COLUMNS.find((c) => c.key === key);
  if (fixed) return fixed;
  if (!/^y\d{4}$/.test(key)) return null;
  const year = Number(key.slice(1));
  return { key, role: "input", header: { zh: `${year}年`, en: String(year) }, year };
}

/**
 * Header bold and wrapped, input and computed columns filled and sized as in the template, technical
 * codes hidden. `headers` spans the whole copied block, which starts at column `firstColumn`.
 */
function styleCopy(
  copy: Excel.Worksheet,
  firstColumn: number,
  header: Block,
  body: Block,
  headers: readonly unknown[],
): void {
  const headerRange = copy.getRange(blockRef(header.firstColumn, header.firstRow, header.columnCount, 1));
  headerRange.format.font.bold = true;
  headerRange.format.wrapText = true;
  copy.getRange(`${columnLetters(firstColumn)}1`).format.font.bold = true;

  const byRole: Record<TemplateColumn["role"], number[]> = { plan: [], input: [], computed: [], technical: [] };
  for (const [key, index] of Object.entries(mapHeaders(headers)) as Array<[ColumnKey, number]>) {
    const column = columnAt(key);
    if (!column) continue;
    const sheetIndex = firstColumn + index;
    byRole[column.role].push(sheetIndex);
    copy.getRange(`${columnLetters(sheetIndex)}1`).format.columnWidth = columnWidth(column);
  }
  if (body.rowCount > 0) {
    for (const run of columnRuns(byRole.input))
      copy.getRange(blockRef(run.first, body.firstRow, run.count, body.rowCount)).format.fill.color = INPUT_FILL;
    for (const run of columnRuns(byRole.computed))
      copy.getRange(blockRef(run.first, body.firstRow, run.count, body.rowCount)).format.fill.color = COMPUTED_FILL;
  }
  for (const run of columnRuns(byRole.technical))
    copy.getRange(`${columnLetters(run.first)}:${columnLetters(run.first + run.count - 1)}`).columnHidden = true;
}
