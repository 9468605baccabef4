/**
 * What the preview grid shows for a cell: displayed text under its number format, the effective fill
 * and font (the cell's own format overlaid by the conditional formats that apply, in priority order,
 * stopping at stopIfTrue), the formula-bar text, the table it is in and whether its data validation holds.
 */
import { rectContains, cellAddress, shiftFormula } from "./addressing";
import { effectiveEdge } from "./borders";
import type { BorderState, SheetState, WorkbookModel } from "./model";
import { formatValue } from "./numberFormat";
import { satisfiesValidation } from "./validationRules";

export interface CellView {
  address: string;
  row: number;
  col: number;
  /** What the formula bar shows: the formula, or the constant as typed. */
  input: string;
  value: number | string | boolean;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  text: string;
  numberFormat: string;
  /** Effective colours (own format overlaid by conditional formats); null fill = no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** Points. */
  fontSize: number;
  /** Lines on the cell's edges as drawn (its own or its neighbour's facing edge); null: none. */
  borders: { top: BorderState | null; right: BorderState | null; bottom: BorderState | null; left: BorderState | null };
  /** The cell's own fill, without conditional formats. */
  ownFill: string | null;
  /** Ids of the conditional formats whose rule is true for this cell. */
  conditionalFormatIds: string[];
  tableId: string | null;
  isTableHeader: boolean;
  /** The message an error value carries (PLAN functions explain their #VALUE! here). */
  errorMessage: string | null;
  validation: { prompt: { title: string; message: string } | null; valid: boolean } | null;
}

/** Excel's error values; a text cell cannot hold them (typing "#N/A" gives the error, as in Excel). */
const ERROR_VALUES = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|CYCLE!|SPILL!|CALC!)$/;

export function valueTypeOf(value: unknown): CellView["valueType"] {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return typeof value === "string" && ERROR_VALUES.test(value) ? "Error" : "String";
}

function truthy(v: unknown): boolean {
  return v === true || (typeof v === "number" && v !== 0);
}

export class GridView {
  private cfCache = new Map<
    string,
    {
      version: number;
      generation: number;
      ids: string[];
      fill: string | null;
      fontColor: string | null;
      bold: boolean | null;
      italic: boolean | null;
    }
  >();

  constructor(private readonly model: () => WorkbookModel) {}

  /** Which conditional formats apply to a cell and the format they give it; cached until the workbook changes. */
  conditional(sheet: SheetState, row: number, col: number) {
    const model = this.model();
    const k = `${sheet.id}:${row},${col}`;
    const cached = this.cfCache.get(k);
    if (cached && cached.version === model.version && cached.generation === model.engine.generation) return cached;
    const out = {
      version: model.version,
      generation: model.engine.generation,
      ids: [] as string[],
      fill: null as string | null,
      fontColor: null as string | null,
      bold: null as boolean | null,
      italic: null as boolean | null,
    };
    for (const cf of model.sheetConditionalFormats(sheet)) {
      if (!rectContains(cf.rect, row, col) || cf.formula === "") continue;
      const formula = shiftFormula(cf.formula, row - cf.rect.row, col - cf.rect.col);
      if (!truthy(model.engine.evaluate(formula, sheet.engineId))) continue;
      out.ids.push(cf.id);
      out.fill ??= cf.fill;
      out.fontColor ??= cf.fontColor;
      out.bold ??= cf.bold;
      out.italic ??= cf.italic;
      if (cf.stopIfTrue) break;
    }
    out.generation = model.engine.generation;
    this.cfCache.set(k, out);
    return out;
  }

  cell(sheet: SheetState, row: number, col: number): CellView {
    const model = this.model();
    const engine = model.engine;
    const value = engine.value(sheet.engineId, row, col);
    const style = model.style(sheet, row, col);
    const own = sheet.styles.get(`${row},${col}`);
    const cf = this.conditional(sheet, row, col);
    const table = model.tableAt(sheet, row, col);
    const validationEntry = model.validationAt(sheet, row, col);
    const text = formatValue(value, style.numberFormat);
    const valueType = valueTypeOf(value);
    let input: string;
    if (engine.isFormula(sheet.engineId, row, col)) input = String(engine.formula(sheet.engineId, row, col));
    else {
      const raw = engine.hf.getCellSerialized({ sheet: sheet.engineId, row, col });
      input =
        raw === null || raw === undefined ? "" : typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : String(raw);
    }
    const hasOwnFill = own?.fill !== undefined && own.fill !== null;
    const edge = (key: "borderTop" | "borderRight" | "borderBottom" | "borderLeft") => {
      const b = effectiveEdge(model, sheet, row, col, key);
      return b.style === "None" ? null : { ...b };
    };
    const layerFill = style.fill !== "#FFFFFF" || hasOwnFill ? style.fill : null;
    return {
      address: cellAddress(row, col),
      row,
      col,
      input,
      value,
      valueType,
      text,
      numberFormat: style.numberFormat,
      fill: cf.fill ?? layerFill,
      fontColor: cf.fontColor ?? style.fontColor,
      bold: cf.bold ?? style.bold,
      italic: cf.italic ?? style.italic,
      wrapText: style.wrapText,
      horizontalAlignment: style.horizontalAlignment,
      verticalAlignment: style.verticalAlignment,
      fontSize: style.fontSize,
      borders: {
        top: edge("borderTop"),
        right: edge("borderRight"),
        bottom: edge("borderBottom"),
        left: edge("borderLeft"),
      },
      ownFill: layerFill,
      conditionalFormatIds: cf.ids,
      tableId: table?.id ?? null,
      isTableHeader: table !== undefined && table.rect.row === row,
      errorMessage: engine.errorMessage(sheet.engineId, row, col),
      validation: validationEntry
        ? {
            prompt: validationEntry.prompt.showPrompt
              ? { title: validationEntry.prompt.title, message: validationEntry.prompt.message }
              : null,
            valid: satisfiesValidation(model, sheet, row, col, validationEntry, value),
          }
        : null,
    };
  }
}
