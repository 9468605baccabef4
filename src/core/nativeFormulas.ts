/**
 * The template's computed columns written as NATIVE Excel formulas, for the portable copy that
 * people without the add-in open (another bureau, Office 2019, WPS): the same numbers and status
 * words as the PLAN functions, with nothing that shows #NAME? where PLAN is unknown.
 *
 * Each formula repeats the core's arithmetic step for step (indicatorMath, status,
 * indicatorEvaluation) so the two agree to the last bits wherever they can: the same divisions in
 * the same order, the same 1e-9 slack at the status boundaries, the same labels. Only functions
 * that Excel 2010+, WPS and HyperFormula all have are used: IF, OR, AND, MIN, MAX, ABS, POWER, LN,
 * NA. (No LET, IFS or XLOOKUP: Office 2019 volume licences lack some; no LOOKUP(2,1/…): the
 * stand-in's engine lacks it, so the latest figure is a chain of IFs, as in the template.)
 *
 * Where a PLAN function answers with an error (the target year is reached, no baseline, growth
 * from 0), the native formula gives a blank or #N/A: a portable copy cannot carry the message.
 */
import type { Lang } from "./messages";
import type { Direction, Indicator } from "./planSchema";
import { DEFAULT_APPROX_BAND, DEFAULT_TOLERANCE, statusLabel } from "./status";

/** The slack status.ts allows at its boundaries (its EPSILON). */
const STATUS_EPSILON = 1e-9;

/** The computed columns of the template. */
export type NativeColumn = "latestYear" | "latest" | "gap" | "growth" | "step" | "progress" | "elapsed" | "status";
export const NATIVE_COLUMNS: readonly NativeColumn[] = [
  "latestYear",
  "latest",
  "gap",
  "growth",
  "step",
  "progress",
  "elapsed",
  "status",
];

/** A1 addresses of one indicator row's cells (same sheet), e.g. latest: "T6". */
export interface RowCells {
  latest: string;
  latestYear: string;
  baseline: string;
  target: string;
  baselineYear: string;
  targetYear: string;
  /** The manual status (人工状态) cell; without one the status is always computed. */
  manualStatus?: string;
  /** The yearly figure cells, ascending by year. */
  years: ReadonlyArray<{ year: number; cell: string }>;
}

/**
 * A number as formula text in plain decimals (0.000000001, not 1e-9: not every engine reads
 * exponents the same way), negatives in brackets.
 */
export function num(x: number): string {
  let s = String(Math.abs(x));
  if (/e/i.test(s))
    s = Math.abs(x)
      .toFixed(20)
      .replace(/\.?0+$/, "");
  return x < 0 ? `(-${s})` : s;
}

/** A string literal with Excel's quote doubling. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks, each the formula twin of one core function. Arguments are expressions.

/** indicatorMath.gapToTarget. */
export function gapExpr(actual: string, target: string, direction: Direction): string {
  return direction === "up" ? `${target}-${actual}` : `${actual}-${target}`;
}

/** indicatorMath.requiredAnnualGrowth, (target/current)^(1/years) − 1 (Excel's RRI); #N/A where the core fails. */
export function growthExpr(current: string, target: string, years: string): string {
  return `IF(OR(${current}<=0,${target}<0),NA(),IF(${target}=0,-1,POWER(${target}/${current},1/(${years}))-1))`;
}

/** indicatorMath.requiredAnnualStep: target/years − current/years, in that order. */
export function stepExpr(current: string, target: string, years: string): string {
  return `${target}/(${years})-${current}/(${years})`;
}

/** indicatorMath.timeProgress, clamped to 0..1; #N/A when the period is empty. */
export function elapsedExpr(baseYear: string, targetYear: string, year: string): string {
  return `IF(${targetYear}<=${baseYear},NA(),MIN(1,MAX(0,(${year}-${baseYear})/(${targetYear}-${baseYear}))))`;
}

/** The clamped time progress without the guard (used inside formulas that guard once). */
function timeExpr(baseYear: string, targetYear: string, year: string): string {
  return `MIN(1,MAX(0,(${year}-${baseYear})/(${targetYear}-${baseYear})))`;
}

/** indicatorMath.expectedValue: linear interpolation, or the constant-rate curve. */
export function expectedExpr(
  baseline: string,
  target: string,
  baseYear: string,
  targetYear: string,
  year: string,
  path: "linear" | "geometric" = "linear",
): string {
  const t = timeExpr(baseYear, targetYear, year);
  const inner =
    path === "linear"
      ? `${baseline}+(${target}-${baseline})*${t}`
      : `IF(OR(${baseline}<=0,${target}<=0),NA(),${baseline}*EXP((LN(${target})-LN(${baseline}))*${t}))`;
  return `IF(${targetYear}<=${baseYear},NA(),IF(${t}=0,${baseline},IF(${t}=1,${target},${inner})))`;
}

/** Whether a value meets the target: status.isTargetMet for one comparator. */
type MetTest = (value: string) => string;

function reachTest(target: string, direction: Direction): MetTest {
  return (v) => (direction === "up" ? `${v}>=${target}` : `${v}<=${target}`);
}

/** `~` (左右) targets: the shortfall may be up to the band (5 % of the target unless the row gives its own). */
function approxTest(target: string, direction: Direction, tolerance: number | undefined): MetTest {
  const band = tolerance !== undefined ? num(Math.abs(tolerance)) : `ABS(${target})*${num(DEFAULT_APPROX_BAND)}`;
  return (v) =>
    `${direction === "up" ? `${target}-${v}` : `${v}-${target}`}<=${band}+${num(STATUS_EPSILON)}*MAX(1,ABS(${target}))`;
}

/** status.evaluateStatus's progress: 1/0 when the baseline already meets the target, else the ratio. */
function progressExpr(met: MetTest, baseline: string, actual: string, ratio: string): string {
  return `IF(${met(baseline)},IF(${met(actual)},1,0),${ratio})`;
}

interface StatusParts {
  met: MetTest;
  baseline: string;
  actual: string;
  ratio: string;
  baseYear: string;
  targetYear: string;
  year: string;
  binding: boolean;
  lang: Lang;
}

/** status.evaluateStatus + statusLabel: the officials' words, achieved read as 提前实现 before the target year. */
function statusExpr(p: StatusParts): string {
  const label = (code: Parameters<typeof statusLabel>[0], opts?: { year: number; targetYear: number }) =>
    str(statusLabel(code, p.lang, opts));
  const t = timeExpr(p.baseYear, p.targetYear, p.year);
  const eps = num(STATUS_EPSILON);
  const tol = num(DEFAULT_TOLERANCE);
  const onTrackFloor = p.binding ? `${t}-${eps}` : `${t}-${tol}-${eps}`;
  const achieved = `IF(${p.year}<${p.targetYear},${label("achieved", { year: 0, targetYear: 1 })},${label("achieved", { year: 1, targetYear: 1 })})`;
  return (
    `IF(${p.targetYear}<=${p.baseYear},NA(),` +
    `IF(${p.met(p.actual)},${achieved},` +
    `IF(${p.year}>=${p.targetYear},${label("missed")},` +
    `IF(${p.met(p.baseline)},${label("lagging")},` +
    `IF(${p.ratio}>=${t}+${tol}-${eps},${label("ahead")},` +
    `IF(${p.ratio}>=${onTrackFloor},${label("onTrack")},${label("lagging")}))))))`
  );
}

// ---------------------------------------------------------------------------------------------
// One row of the template

/** The cells the latest figure is taken from: =IF(y2025<>"",y2025,IF(y2024<>"",…,"")). */
function latestChain(cells: RowCells, pick: (year: number, cell: string) => string): string {
  let formula = '""';
  for (const { year, cell } of cells.years) formula = `IF(${cell}<>"",${pick(year, cell)},${formula})`;
  return formula;
}

/** A yearly rate counted in a 〔〕 total: only years after the baseline year, blanks as 0. */
function rateTerm(year: number, cell: string, baseYear: string): string {
  return `IF(OR(${year}<=${baseYear},${cell}=""),0,${cell})`;
}

/** indicatorMath.compoundCumulative over the row's year cells. */
export function cumulativeExpr(cells: RowCells, mode: "reduction" | "increase"): string {
  if (cells.years.length === 0) return "0";
  const terms = cells.years.map(({ year, cell }) => rateTerm(year, cell, cells.baselineYear));
  if (mode === "increase") return `(${terms.join("+")})`;
  return `(1-${terms.map((t) => `(1-${t}/100)`).join("*")})*100`;
}

type Formulas = Record<NativeColumn, string>;

/**
 * Every computed cell of an indicator's row as native formula text ("=…"), or "" where the
 * template leaves the cell blank (growth of ranks, progress without a baseline, text targets).
 * Blank cells follow the template's own rules (src/excel/templateContent.ts) so the copy has the
 * same shape. `ind` is the row read back through templateRowToIndicator.
 */
export function nativeRowFormulas(ind: Indicator, cells: RowCells, lang: Lang): Formulas {
  const L = cells.latest;
  const LY = cells.latestYear;
  const B = cells.baseline;
  const T = cells.target;
  const BY = cells.baselineYear;
  const TY = cells.targetYear;
  const left = `${TY}-${LY}`;
  const withManual = (formula: string) =>
    cells.manualStatus ? `=IF(${cells.manualStatus}<>"",${cells.manualStatus},${formula})` : `=${formula}`;
  const whenData = (formula: string) => `IF(${L}="","",${formula})`;
  const whenYearsLeft = (formula: string) => `=IF(OR(${L}="",${left}<=0),"",${formula})`;
  const binding = ind.attribute === "binding";
  const t = ind.target;
  const hasBaseline = ind.baseline !== null;

  const out: Formulas = {
    latestYear: `=${latestChain(cells, (year) => String(year))}`,
    latest: `=${latestChain(cells, (_y, cell) => cell)}`,
    gap: "",
    growth: "",
    step: "",
    progress: "",
    elapsed: t.kind === "text" ? "" : `=IF(${LY}="","",${elapsedExpr(BY, TY, LY)})`,
    status: withManual('""'),
  };
  const status = (met: MetTest, baseline: string, actual: string, ratio: string) =>
    withManual(
      whenData(statusExpr({ met, baseline, actual, ratio, baseYear: BY, targetYear: TY, year: LY, binding, lang })),
    );

  switch (t.kind) {
    case "text":
      return out;
    case "level": {
      // A ceiling (<=) is kept from below whatever the indicator's direction.
      const dir: Direction = t.comparator === "<=" ? "down" : ind.direction;
      const met = t.comparator === "~" ? approxTest(T, ind.direction, t.tolerance) : reachTest(T, dir);
      out.gap = `=${whenData(gapExpr(L, T, dir))}`;
      if (ind.kind !== "rank") out.growth = whenYearsLeft(growthExpr(L, T, left));
      out.step = whenYearsLeft(stepExpr(L, T, left));
      if (hasBaseline) {
        const ratio = `(${L}-${B})/(${T}-${B})`;
        // The value form (>=, <=) has no period check; the row form (~) goes through the status, which has.
        const progress = progressExpr(met, B, L, ratio);
        out.progress = `=${whenData(t.comparator === "~" ? `IF(${TY}<=${BY},NA(),${progress})` : progress)}`;
        out.status = status(met, B, L, ratio);
      }
      return out;
    }
    case "cumulative": {
      const S = cumulativeExpr(cells, t.mode);
      const met = reachTest(T, "up");
      out.gap = `=${whenData(gapExpr(S, T, "up"))}`;
      out.step = whenYearsLeft(
        t.mode === "increase"
          ? stepExpr(S, T, left)
          : `IF(OR(${S}>=100,${T}>=100),NA(),-(POWER((1-${T}/100)/(1-${S}/100),1/(${left}))-1)*100)`,
      );
      // The 〔〕 total is measured from 0: progress is total/target.
      const ratio = `${S}/${T}`;
      out.progress = `=${whenData(`IF(${TY}<=${BY},NA(),${progressExpr(met, "0", S, ratio)})`)}`;
      out.status = status(met, "0", S, ratio);
      return out;
    }
    case "annualGrowth": {
      // 年均增长 g: the level the plan implies, baseline·(1 + g)^(target year − base year).
      const level = `${B}*POWER(1+${T}/100,${TY}-${BY})`;
      const guard = (formula: string) => `IF(OR(${B}<=0,${T}<=-100),NA(),${formula})`;
      const whenBaseline = (formula: string) => `IF(OR(${L}="",${B}=""),"",${guard(formula)})`;
      out.gap = `=${whenBaseline(gapExpr(L, level, ind.direction))}`;
      if (ind.kind !== "rank")
        out.growth = `=IF(OR(${L}="",${B}="",${left}<=0),"",${guard(growthExpr(L, level, left))})`;
      out.step = `=IF(OR(${L}="",${B}="",${left}<=0),"",${guard(stepExpr(L, level, left))})`;
      if (hasBaseline) {
        // Progress on the log scale: ln(actual/baseline) / (years · ln(1 + g)), from 0.
        const actual = `LN(${L}/${B})`;
        const goal = `((${TY}-${BY})*LN(1+${T}/100))`;
        const met = reachTest(goal, ind.direction);
        const ratio = `${actual}/${goal}`;
        const positive = (formula: string) => guard(`IF(${L}<=0,NA(),IF(${TY}<=${BY},NA(),${formula}))`);
        out.progress = `=${whenData(positive(progressExpr(met, "0", actual, ratio)))}`;
        out.status = withManual(
          whenData(
            positive(
              statusExpr({ met, baseline: "0", actual, ratio, baseYear: BY, targetYear: TY, year: LY, binding, lang }),
            ),
          ),
        );
      }
      return out;
    }
  }
}
