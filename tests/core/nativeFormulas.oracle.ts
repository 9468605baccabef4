/**
 * The equivalence oracle for the portable copy's native formulas, without the Excel stand-in's API
 * (fast enough for property tests): the template for a plan, as insertTemplate writes it
 * (buildFreshTemplate), loaded into HyperFormula with the PLAN functions registered (the stand-in's
 * own plugin); the copy built from that sheet by buildPortableContent into a second sheet of the same
 * engine; then every computed cell and the evaluation-year cell compared, cell for cell: numbers to
 * 1e-9 (relative above 1), labels and error kinds exactly, blanks as blanks. Edits can be applied to
 * the template before the copy is made (cells to fix, a blank target year …) and to both sheets after
 * (the copy must follow them as PLAN.EVALUATE does).
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { registerPlanFunctions, withPlanFunctionHost } from "../../dev/standin/planFunctionPlugin";
import type { Lang } from "../../src/core/messages";
import type { Plan } from "../../src/core/planSchema";
import { mapHeaders, type ColumnKey, type EvaluateField } from "../../src/core/templateLayout";
import { columnIndex, columnLetters } from "../../src/excel/a1";
import { buildPortableContent, type PortableContent } from "../../src/excel/portableContent";
import { asText, buildFreshTemplate, FIRST_BODY_ROW, HEADER_ROW, titleBlock } from "../../src/excel/templateContent";
import { PLAN_FUNCTIONS } from "../../src/functions/planFunctions";

export const HF_CONFIG = {
  licenseKey: "gpl-v3",
  evaluateNullToZero: true,
  leapYear1900: true,
  smartRounding: false,
} as const;

/** A cell typed on the sheet: a number, text (typed as text, "'…" not needed), a formula, or null to clear it. */
export interface SheetEdit {
  /** Column key of the template (or "B3"/"C3" for the title block) and the indicator's 0-based index. */
  key: ColumnKey | "B3";
  index?: number;
  value: number | string | null;
}

export interface CellResult {
  address: string;
  field: EvaluateField | "evaluationYear";
  original: unknown;
  copy: unknown;
  /** HyperFormula's type of the original: NUMBER, STRING, ERROR, EMPTY, BOOLEAN. */
  type: string;
}

export interface OracleRun {
  content: PortableContent;
  /** Every compared cell after the copy was made, and again after the edits made to both sheets. */
  cells: CellResult[];
  mismatches: string[];
  /** The copy's formulas by address (for length and text checks). */
  copyFormulas: Map<string, string>;
}

const TYPES = ["NUMBER", "STRING", "ERROR", "EMPTY", "BOOLEAN"] as const;

function valueOf(v: unknown): unknown {
  if (v instanceof DetailedCellError) return v.value;
  return v === null || v === undefined ? "" : v;
}

/** The template sheet a plan is inserted as (rows 1–5 title block and header, then one row per indicator). */
export function templateSheet(plan: Plan, lang: Lang): Array<Array<string | number | null>> {
  const fresh = buildFreshTemplate(plan, lang);
  const title = titleBlock(plan, lang);
  const rows: Array<Array<string | number | null>> = [
    [asText(title.title)],
    [asText(title.source)],
    [asText(title.evaluationYearLabel), null, fresh.evaluationYearFormula],
    [],
    fresh.header.map((h) => asText(h)),
    ...fresh.rows.map((r) => r.map((c) => (c === "" ? null : typeof c === "boolean" ? String(c) : c))),
  ];
  return rows;
}

/** Where a column key is on the template of `plan` (sheet letters), from its header row. */
export function keyLetters(plan: Plan, lang: Lang): (key: ColumnKey) => string {
  const fresh = buildFreshTemplate(plan, lang);
  const map = mapHeaders(fresh.header);
  return (key) => {
    const i = map[key];
    if (i === undefined) throw new Error(`no column ${key}`);
    return columnLetters(i);
  };
}

function editAddress(plan: Plan, lang: Lang, e: SheetEdit): string {
  if (e.key === "B3") return "B3";
  return `${keyLetters(plan, lang)(e.key)}${FIRST_BODY_ROW + (e.index ?? 0)}`;
}

function toInput(v: number | string | null): number | string | null {
  if (typeof v === "string" && !v.startsWith("=")) return `'${v}`;
  return v;
}

function addressOf(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/**
 * Inserts `plan` (as a sheet), applies `before`, builds the portable copy in native mode, compares; then
 * applies `after` to both sheets and compares again.
 */
export function runOracle(
  plan: Plan,
  lang: Lang,
  before: SheetEdit[] = [],
  after: SheetEdit[] = [],
  /** Changes a native formula before it is written (to show the oracle catches a wrong formula). */
  mutate?: (formula: string) => string,
): OracleRun {
  registerPlanFunctions(PLAN_FUNCTIONS);
  const host = { lang: () => lang, rowAt: () => null };
  return withPlanFunctionHost(host, () => {
    const hf = HyperFormula.buildFromSheets({ plan: templateSheet(plan, lang) }, HF_CONFIG);
    try {
      return compareSheets(hf, plan, lang, before, after, mutate);
    } finally {
      hf.destroy();
    }
  });
}

function compareSheets(
  hf: HyperFormula,
  plan: Plan,
  lang: Lang,
  before: SheetEdit[],
  after: SheetEdit[],
  mutate: ((formula: string) => string) | undefined,
): OracleRun {
  const original = hf.getSheetId("plan")!;
  const setCell = (sheet: number, address: string, v: number | string | null) => {
    const { row, col } = addressOf(address);
    hf.setCellContents({ sheet, row, col }, [[toInput(v)]]);
  };
  for (const e of before) setCell(original, editAddress(plan, lang, e), e.value);

  const { height, width } = hf.getSheetDimensions(original);
  const formulas: unknown[][] = [];
  const values: unknown[][] = [];
  const valueTypes: string[][] = [];
  const numberFormat: string[][] = [];
  for (let r = 0; r < height; r++) {
    formulas.push([]);
    values.push([]);
    valueTypes.push([]);
    numberFormat.push([]);
    for (let c = 0; c < width; c++) {
      const at = { sheet: original, row: r, col: c };
      const v = hf.getCellValue(at);
      values[r]!.push(valueOf(v));
      valueTypes[r]!.push(
        v instanceof DetailedCellError
          ? "Error"
          : typeof v === "number"
            ? "Double"
            : typeof v === "string"
              ? "String"
              : typeof v === "boolean"
                ? "Boolean"
                : "Empty",
      );
      formulas[r]!.push(hf.doesCellHaveFormula(at) ? hf.getCellFormula(at) : valueOf(v));
      numberFormat[r]!.push("General");
    }
  }
  const content = buildPortableContent(
    {
      firstRow: 1,
      firstColumn: 0,
      formulas,
      values,
      valueTypes,
      numberFormat,
      headerRow: HEADER_ROW - 1,
      bodyRows: plan.indicators.length,
    },
    "native",
    lang,
  );
  hf.addSheet("copy");
  const copy = hf.getSheetId("copy")!;
  hf.setSheetContent(
    copy,
    content.formulas.map((line) =>
      line.map((v) => (v === "" ? null : mutate && typeof v === "string" && v.startsWith("=") ? mutate(v) : v)),
    ),
  );
  const copyFormulas = new Map<string, string>();
  content.formulas.forEach((line, r) =>
    line.forEach((v, c) => {
      if (typeof v === "string" && v.startsWith("=")) copyFormulas.set(`${columnLetters(c)}${r + 1}`, v);
    }),
  );

  const fresh = buildFreshTemplate(plan, lang);
  const map = mapHeaders(fresh.header);
  const fields = fresh.columns.filter((c) => c.field);
  const cells: CellResult[] = [];
  const mismatches: string[] = [];
  const valueCells = new Set(content.valueCells.map((c) => c.address));
  // B3 typed as text ("2023年"): the template's C3 shows the text, the copy's C3 the year PLAN reads from it.
  const yearText = (v: unknown) => {
    const m = typeof v === "string" ? /^\s*(\d{4})\s*年?\s*$/.exec(v) : null;
    return m ? Number(m[1]) : v;
  };
  const compare = (stage: string) => {
    const targets: Array<{ address: string; field: CellResult["field"] }> = [
      { address: "C3", field: "evaluationYear" },
    ];
    for (let i = 0; i < plan.indicators.length; i++)
      for (const c of fields)
        targets.push({ address: `${columnLetters(map[c.key]!)}${FIRST_BODY_ROW + i}`, field: c.field! });
    for (const t of targets) {
      const { row, col } = addressOf(t.address);
      const a = hf.getCellValue({ sheet: original, row, col });
      const b = hf.getCellValue({ sheet: copy, row, col });
      const type = hf.getCellValueType({ sheet: original, row, col });
      // A cell listed as holding its value does not follow edits: it is compared only as copied.
      if (stage !== "copied" && valueCells.has(t.address)) continue;
      const va = t.field === "evaluationYear" ? yearText(valueOf(a)) : valueOf(a);
      const vb = valueOf(b);
      cells.push({ address: t.address, field: t.field, original: va, copy: vb, type });
      const formula = copyFormulas.get(t.address) ?? "";
      const where = `${stage} ${t.address} (${t.field}, ${plan.indicators[Number(/\d+/.exec(t.address)![0]) - FIRST_BODY_ROW]?.id ?? "-"}): PLAN ${JSON.stringify(va)} vs native ${JSON.stringify(vb)}`;
      if (/PLAN\./i.test(formula.replace(/"[^"]*"/g, '""'))) mismatches.push(`${where}: the copy calls PLAN`);
      if (typeof va === "number" && typeof vb === "number") {
        if (!(Math.abs(va - vb) <= 1e-9 * Math.max(1, Math.abs(va)))) mismatches.push(where);
      } else if (va !== vb) mismatches.push(where);
      if (!TYPES.includes(type as (typeof TYPES)[number])) mismatches.push(`${where}: type ${type}`);
    }
  };
  compare("copied");
  if (after.length > 0) {
    for (const e of after) {
      const address = editAddress(plan, lang, e);
      setCell(original, address, e.value);
      setCell(copy, address, e.value);
    }
    compare("edited");
  }
  return { content, cells, mismatches, copyFormulas };
}
