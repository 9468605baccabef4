/**
 * Write a portable copy of the plan sheet: a new sheet with the same cells at the same addresses,
 * where no cell calls a PLAN function (see portableContent.ts), for people who do not have the
 * add-in. Staff then move it to a new workbook (right-click the tab → Move or Copy → new book)
 * and send that; its formulas refer to its own cells, so they move with it.
 *
 * Two syncs whatever the size: one to read the sheet, the template's table and state; one to write
 * the copy (cells, number formats, widths, fills and, when highlights are on, the same
 * conditional formats, which read the status column and call no custom function). Only cells
 * past the request budget (4 MB: thousands of indicators) are split into row blocks, each sent
 * in a request of its own (requestBudget.ts).
 */
import type { Lang } from "../core/messages";
import {
  FIXED_COLUMNS,
  mapHeaders,
  WORKBOOK_LANGUAGE_SETTING,
  type ColumnKey,
  type TemplateColumn,
} from "../core/templateLayout";
import { blockRef, columnLetters, parseRangeAddress, type Block } from "./a1";
import { runWrite } from "./excelRun";
import { RequestBatch, writeRows } from "./requestBatch";
import { HIGHLIGHT_COLOURS, highlightRules } from "./highlights";
import { uniqueSheetName } from "./insertTemplate";
import { buildPortableContent, type PortableMode } from "./portableContent";
import { columnRuns } from "./templateFormatting";
import { columnWidth, COMPUTED_FILL, INPUT_FILL } from "./templateContent";
import { queueStateRead, readStateResult } from "./templateState";

export interface PortableCopyResult {
  sheetName: string;
  mode: PortableMode;
  /** PLAN formulas replaced by native formulas, and by their values. */
  translated: number;
  frozen: number;
  /** Sheet rows whose PLAN cells became values because the row could not be read. */
  unreadableRows: number[];
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
    await writeRows(
      batch,
      block.rowCount,
      (first, count) => copy.getRange(blockRef(block.firstColumn, block.firstRow + first, block.columnCount, count)),
      { numberFormat: used.numberFormat, formulas: content.formulas },
    );

    const headers = (used.values[headerBlock.firstRow - block.firstRow] ?? []) as unknown[];
    const map = mapHeaders(headers);
    const sheetColumn = (key: ColumnKey): number | undefined =>
      map[key] === undefined ? undefined : block.firstColumn + map[key]!;
    styleCopy(copy, block.firstColumn, headerBlock, bodyBlock, headers);

    const note = copy.getRange(`${columnLetters(block.firstColumn)}${Math.max(1, headerBlock.firstRow - 1)}`);
    const noteRow = headerBlock.firstRow - 1 - block.firstRow;
    const noteFree = noteRow >= 0 && (used.formulas[noteRow] ?? []).every((v) => v === "" || v === null);
    if (noteFree) {
      note.values = [[`'${NOTE[mode][lang]}`]];
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
      highlights,
    };
  });
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
