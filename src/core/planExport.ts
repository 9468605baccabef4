/**
 * The workbook's plan as a plan file, with the figures staff entered: each template row read back
 * by the one reader (sheetRows.ts → templateRow.ts), with the stored plan's records merged in.
 * A row whose target cannot be read is left out and listed; an unreadable yearly figure is left out
 * of its indicator and listed: nothing is dropped without a word.
 */
import type { Lang } from "./messages";
import { schemaIssue, type PlanFileIssue } from "./planFile";
import type { Indicator, LocalizedText, Plan } from "./planSchema";
import { FORMAT_VERSION, plan as planSchema } from "./planSchema";
import { readSheetRows, type BlockedCell } from "./sheetRows";
import { columnHeader, mapHeaders, type ColumnKey } from "./templateLayout";

export interface ExportSkip {
  /** 0-based row of the body. */
  row: number;
  /** The row as staff see it in Excel (1-based sheet row). */
  sheetRow: number;
  /** The indicator's name (as the sheet shows it, the other language from the stored plan). */
  name: LocalizedText;
  key: ColumnKey;
  /** The column as staff see it (2022年, 目标值). */
  header: string;
  /**
   * missing/invalid: the cell; reference: the row compared with was itself left out. The row's id cell
   * (指标代码) blank, not an id or another row's: idRestored — exported under the id it was matched to
   * by name; idFromRow — no indicator of the stored plan could be told, exported under a name made
   * from its sheet row (ROW12), which the file then says is not the plan's.
   */
  reason: "missing" | "invalid" | "reference" | "idRestored" | "idFromRow";
  /** idRestored / idFromRow: the id the row was exported under. */
  id?: string;
  /** What the cell held. */
  text?: string;
  /** reason "reference": the row compared with, which was left out. */
  reference?: LocalizedText;
}

export type PlanExport =
  { ok: true; plan: Plan; skipped: ExportSkip[] } | { ok: false; skipped: ExportSkip[]; issues: PlanFileIssue[] };

/**
 * Who the plan is when the workbook keeps no stored plan (a table typed into Excel, or the stored
 * copy gone): taken from something real — the template's record of the plan it was written from
 * (its id, title, source and years), else the sheet and table the rows are in. Never made up.
 */
export interface PlanIdentity {
  id: string;
  title: LocalizedText;
  source?: Plan["source"];
  baseYear?: number;
  targetYear?: number;
}

const isFigureKey = (key: ColumnKey) => /^y\d{4}$/.test(key);

/**
 * The plan the template rows describe. `headers` is the table's header row, `rows` its body
 * (values as read from the sheet), `firstSheetRow` the sheet row of the body's first row (rows are
 * named by it, as the pane names them). Plan-level facts (title, source, period, evaluation year)
 * come from the stored plan; without one, the id and title from `identity` (refused without it)
 * and the period from `identity` or the rows; nothing is made up.
 */
export function planFromTemplate(
  stored: Plan | null,
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  options: {
    evaluationYear?: number;
    firstSheetRow?: number;
    identity?: PlanIdentity;
    /** The other-goals block below the table (its header row, its rows, its first row's sheet row), when there is one. */
    otherGoals?: { headers: readonly unknown[]; rows: readonly (readonly unknown[])[]; firstSheetRow: number } | null;
  } = {},
): PlanExport {
  const firstSheetRow = options.firstSheetRow ?? 1;
  const evaluationYear = options.evaluationYear;
  const indicators: Indicator[] = [];
  const sheetRows: number[] = [];
  const skipped: ExportSkip[] = [];
  const targetYears: number[] = [];
  const namesById = new Map<string, LocalizedText>();
  const other = options.otherGoals;
  const main = readSheetRows(stored, headers, rows, firstSheetRow);
  // The plan's period is the main table's: a goal's own target year (the 2035 vision) is not the plan's.
  // Without a stored plan it is where the year columns end (they run to the plan's target year), else the main rows' latest.
  const yearColumns = Object.keys(mapHeaders(headers))
    .filter((k) => /^y\d{4}$/.test(k))
    .map((k) => Number(k.slice(1)));
  const mainTargetYears = main.flatMap((r) =>
    r.targetYear !== null && !r.indicator.supplementary ? [r.targetYear] : [],
  );
  const planTargetYear =
    stored?.targetYear ??
    options.identity?.targetYear ??
    (yearColumns.length ? Math.max(...yearColumns) : mainTargetYears.length ? Math.max(...mainTargetYears) : null);
  const readings = [
    ...main.map((r) => ({ ...r, sheetRow: firstSheetRow + r.index })),
    ...(other
      ? readSheetRows(stored, other.headers, other.rows, other.firstSheetRow, {
          otherGoals: true,
          planTargetYear,
        }).map((r) => ({
          ...r,
          sheetRow: other.firstSheetRow + r.index,
          index: other.firstSheetRow + r.index - firstSheetRow,
        }))
      : []),
  ];
  for (const reading of readings) {
    namesById.set(reading.indicator.id, reading.indicator.name);
    const sheetRow = reading.sheetRow;
    const name = reading.indicator.name;
    const skip = (cell: BlockedCell): ExportSkip => ({
      row: reading.index,
      sheetRow,
      name,
      key: cell.key,
      header: cell.header,
      reason: cell.reason,
      ...(cell.text ? { text: cell.text } : {}),
    });
    for (const f of reading.unreadableFigures) skipped.push(skip(f));
    if (reading.idProblem) {
      skipped.push({
        row: reading.index,
        sheetRow,
        name,
        key: "id",
        header: reading.row.headers.id ?? columnHeader("id", "zh"),
        reason: reading.idProblem.restored ? "idRestored" : "idFromRow",
        id: reading.indicator.id,
        ...(reading.idProblem.text ? { text: reading.idProblem.text } : {}),
      });
    }
    if (reading.blocked && !isFigureKey(reading.blocked.key)) {
      skipped.push(skip(reading.blocked));
      continue;
    }
    indicators.push(reading.indicator);
    sheetRows.push(sheetRow);
    if (reading.targetYear !== null && reading.indicator.targetYear === undefined) targetYears.push(reading.targetYear);
  }
  // A relative target needs the row it is compared with: when that row was left out, so is this one.
  for (let changed = true; changed;) {
    changed = false;
    const ids = new Set(indicators.map((i) => i.id));
    for (let i = indicators.length - 1; i >= 0; i--) {
      const ind = indicators[i]!;
      const targets = [ind.target, ...(ind.targetAdjustments ?? []).map((a) => a.target)];
      const orphan = targets.find((t) => t.kind === "relative" && !ids.has(t.reference));
      if (!orphan || orphan.kind !== "relative") continue;
      skipped.push({
        row: sheetRows[i]! - firstSheetRow,
        sheetRow: sheetRows[i]!,
        name: ind.name,
        key: "reference",
        header: columnHeader("reference", "zh"),
        reason: "reference",
        reference: namesById.get(orphan.reference) ?? { zh: orphan.reference, en: orphan.reference },
      });
      indicators.splice(i, 1);
      sheetRows.splice(i, 1);
      changed = true;
    }
  }
  skipped.sort((a, b) => a.sheetRow - b.sheetRow);
  if (indicators.length === 0) {
    const issue: PlanFileIssue = {
      path: "indicators",
      message:
        skipped.length > 0
          ? { zh: "没有一行指标可以导出（见下列各行）。", en: "No indicator row can be exported (see the rows below)." }
          : { zh: "指标表中没有指标行。", en: "The indicator table has no indicator rows." },
    };
    return { ok: false, skipped, issues: [issue] };
  }
  const identity = stored ?? options.identity ?? null;
  if (identity === null) {
    const issue: PlanFileIssue = {
      path: "title",
      message: {
        zh: "工作簿中没有保存的规划，也不知道这张指标表属于哪个规划（名称、代码），未导出：加载项不会编造规划名称。",
        en: "The workbook keeps no stored plan and nothing says which plan this table belongs to (title, code); nothing was exported: the add-in does not make up a plan's name.",
      },
    };
    return { ok: false, skipped, issues: [issue] };
  }
  const targetYear = identity.targetYear ?? planTargetYear ?? Math.max(...targetYears);
  const baseYear =
    identity.baseYear ?? Math.min(...indicators.map((i) => i.baselineYear ?? targetYear - 1), targetYear - 1);
  const title = identity.title;
  const evaluation =
    evaluationYear !== undefined ? { ...(stored?.evaluation ?? {}), year: evaluationYear } : stored?.evaluation;
  const candidate = {
    ...(stored?.$schema ? { $schema: stored.$schema } : {}),
    formatVersion: FORMAT_VERSION,
    id: identity.id,
    title,
    // A plan typed into Excel has no source document: none is made up.
    ...(identity.source ? { source: identity.source } : {}),
    baseYear,
    targetYear,
    ...(evaluation ? { evaluation } : {}),
    indicators,
  };
  const parsed = planSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, plan: parsed.data, skipped };
  const sheetRowOf = (index: number) => sheetRows[index] ?? firstSheetRow + index;
  return { ok: false, skipped, issues: parsed.error.issues.map((i) => schemaIssue(candidate, i, sheetRowOf)) };
}

/** One left-out cell in staff words: the sheet row, the indicator, the column and what it held. */
export function describeExportSkip(s: ExportSkip, lang: Lang): string {
  const held = s.text ?? "";
  if (isFigureKey(s.key)) {
    return lang === "zh"
      ? `第${s.sheetRow}行“${s.name[lang]}”${s.header}：“${held}”无法读取为数字，该年数据未导出。`
      : `Row ${s.sheetRow} “${s.name[lang]}”, ${s.header}: “${held}” cannot be read as a number; that year was not exported.`;
  }
  if (s.reason === "reference") {
    const other = s.reference?.[lang] ?? "";
    return lang === "zh"
      ? `第${s.sheetRow}行“${s.name[lang]}”与“${other}”对照，而“${other}”未导出，本行也未导出。`
      : `Row ${s.sheetRow} “${s.name[lang]}” is compared with “${other}”, which was not exported; the row was not exported either.`;
  }
  if (s.reason === "idRestored" || s.reason === "idFromRow") {
    const cell =
      held === "" ? (lang === "zh" ? "为空" : "is blank") : lang === "zh" ? `为“${held}”` : `holds “${held}”`;
    if (s.reason === "idRestored")
      return lang === "zh"
        ? `第${s.sheetRow}行“${s.name[lang]}”的“${s.header}”${cell}，已按指标名称认定为规划中的 ${s.id ?? ""} 导出。请在任务窗格中修复指标代码。`
        : `Row ${s.sheetRow} “${s.name[lang]}”: ${s.header} ${cell}; exported as the plan's ${s.id ?? ""}, matched by its name. Repair the indicator IDs in the pane.`;
    return lang === "zh"
      ? `第${s.sheetRow}行“${s.name[lang]}”的“${s.header}”${cell}，无法认定是规划中的哪个指标，暂以 ${s.id ?? ""} 导出（不是规划中的代码）。`
      : `Row ${s.sheetRow} “${s.name[lang]}”: ${s.header} ${cell} and the row cannot be told to be one of the plan's indicators; exported as ${s.id ?? ""}, which is not the plan's ID.`;
  }
  if (s.reason === "missing") {
    return lang === "zh"
      ? `第${s.sheetRow}行“${s.name[lang]}”缺少“${s.header}”，本行未导出。`
      : `Row ${s.sheetRow} “${s.name[lang]}” has no ${s.header}; the row was not exported.`;
  }
  return lang === "zh"
    ? `第${s.sheetRow}行“${s.name[lang]}”的“${s.header}”为“${held}”，无法读取，本行未导出。`
    : `Row ${s.sheetRow} “${s.name[lang]}”: ${s.header} holds “${held}”, which cannot be read; the row was not exported.`;
}
