/**
 * The charts' geometry as pure functions: round axis ticks, linear scales (inverted for ranks),
 * year labels that do not collide, line segments that break at every missing year, bar extents
 * clipped to 0–100 %, and text-width estimates. No React, no DOM: numbers in, numbers out.
 */
import type { Lang } from "../../../core/messages";
import type { PathChartProps } from "./chartTypes";

// ---------------------------------------------------------------------------------------------
// Numbers and text

/** A finite number, or null (NaN, ±Infinity, null and undefined all count as "no figure"). */
export function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Pixel coordinates to 0.1 px: short markup, no float noise. */
export function px(v: number): number {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

/** Estimated width of `text` at `size` px: CJK and full-width characters are 1 em, others ~0.6 em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    em += wide ? 1 : ch === " " ? 0.3 : 0.6;
  }
  return em * size;
}

/** `text` cut to fit `maxWidth` px, ending in "…" when cut. */
export function fitText(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join("") + "…", size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join("") + "…";
}

// ---------------------------------------------------------------------------------------------
// Ticks and scales

/** Decimal places needed to print multiples of `step` exactly (0.25 → 2, 5 → 0). */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  const [mantissa = "", exponent] = String(Number(step.toPrecision(12))).split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.min(20, Math.max(0, fraction - Number(exponent ?? 0)));
}

const NICE_MANTISSAS = [1, 2, 2.5, 5, 10];
const NICE_INTEGER_MANTISSAS = [1, 2, 5, 10];

/** The smallest round step (1, 2, 2.5 or 5 × 10ⁿ; whole numbers only when `integer`) that is ≥ `raw`. */
export function niceStep(raw: number, integer = false): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const mantissas = integer && magnitude < 10 ? NICE_INTEGER_MANTISSAS : NICE_MANTISSAS;
  for (const m of mantissas) {
    const step = Number((m * magnitude).toPrecision(12));
    if (step >= raw * (1 - 1e-9)) return integer ? Math.max(1, Math.round(step)) : step;
  }
  return 10 * magnitude;
}

export interface Ticks {
  /** The axis runs from `min` to `max`: the first and last tick. */
  min: number;
  max: number;
  step: number;
  /** Decimal places to print the ticks with. */
  decimals: number;
  values: number[];
}

export interface TickOptions {
  /** At most this many ticks (3 or more); default 5. */
  maxTicks?: number;
  /** Whole-number ticks only (ranks). */
  integer?: boolean;
  /**
   * The axis never starts below this when no value is below it (ranks: 1). The bound itself becomes
   * the first tick, followed by the round multiples of the step above it.
   */
  floor?: number;
}

/** `v` without float noise (3 × 0.1 → 0.3), at any magnitude. */
function clean(v: number): number {
  const r = Number(v.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Round ticks covering [min, max]: every tick a whole multiple of a round step (1, 2, 2.5, 5 × 10ⁿ),
 * the first ≤ min and the last ≥ max. All-equal values get a band around them (0 → 0…1; v → ±10 %
 * of v, never crossing zero), negatives work the same as positives, and non-finite input gives 0…1.
 */
export function niceTicks(min: number, max: number, opts: TickOptions = {}): Ticks {
  // Three at least: a range across zero needs −step, 0 and +step.
  const maxTicks = Math.max(3, Math.floor(opts.maxTicks ?? 5));
  const integer = opts.integer === true;
  let lo = Number.isFinite(min) ? min : Number.isFinite(max) ? max : 0;
  let hi = Number.isFinite(max) ? max : lo;
  if (lo > hi) [lo, hi] = [hi, lo];
  // Values too close to zero to scale count as zero; values equal but for float noise as equal.
  if (Math.max(Math.abs(lo), Math.abs(hi)) < 1e-200) lo = hi = 0;
  if (hi - lo <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12) lo = hi = (lo + hi) / 2;
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else {
      const pad = integer ? Math.max(1, Math.ceil(Math.abs(lo) * 0.1)) : Math.abs(lo) * 0.1;
      if (lo > 0) {
        lo = Math.max(0, lo - pad);
        hi += pad;
      } else {
        lo -= pad;
        hi = Math.min(0, hi + pad);
      }
    }
  }
  const span = hi - lo;
  if (!Number.isFinite(span) || span <= 0)
    return { min: lo, max: hi, step: hi - lo || 1, decimals: 0, values: [lo, hi] };
  let step = niceStep(span / (maxTicks - 1), integer);
  let first = 0;
  let last = 0;
  for (let guard = 0; guard < 10; guard++) {
    first = Math.floor(lo / step + 1e-9);
    last = Math.ceil(hi / step - 1e-9);
    if (last <= first) last = first + 1; // an axis has two ends even when the data fit one step
    if (last - first + 1 <= maxTicks) break;
    step = niceStep(step * 1.0001, integer);
  }
  const decimals = stepDecimals(step);
  let values: number[] = [];
  for (let i = first; i <= last; i++) values.push(clean(i * step));
  const floor = opts.floor;
  if (floor !== undefined && Number.isFinite(floor) && values[0]! < floor && lo >= floor) {
    values = [floor, ...values.filter((v) => v > floor && v - floor >= step * 0.5)];
  }
  return { min: values[0]!, max: values[values.length - 1]!, step, decimals, values };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One Intl.NumberFormat per language and style, reused: building one costs more than formatting. */
function numberFormat(lang: Lang, kind: "percent" | "fixed", decimals: number): Intl.NumberFormat {
  const key = `${lang}|${kind}|${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      lang === "zh" ? "zh-CN" : "en-US",
      kind === "percent"
        ? { style: "percent", maximumFractionDigits: decimals }
        : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
    );
    formatters.set(key, f);
  }
  return f;
}

/** A tick printed with the step's decimals and the language's digit grouping (12,000; 2.5; −3). */
export function formatTick(value: number, decimals: number, lang: Lang): string {
  return numberFormat(lang, "fixed", Math.min(20, Math.max(0, decimals))).format(value);
}

/** A linear map from [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * The value axis in pixels: higher values up; with `inverted` (ranks) lower values up, so rank 1 is
 * at the top.
 */
export function valueScale(ticks: Ticks, top: number, bottom: number, inverted: boolean): (v: number) => number {
  return inverted ? linearScale(ticks.min, ticks.max, top, bottom) : linearScale(ticks.min, ticks.max, bottom, top);
}

// ---------------------------------------------------------------------------------------------
// Years

/** Every value a year's label may be shown at: candidates 1, 2, 5, 10, 20, 50 … years apart. */
const YEAR_STRIDES = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

/**
 * Which years get a label so that labels at least `minGap` px apart never collide: every k-th year
 * (k the smallest stride that leaves room; round years such as 2020, 2025 when k ≥ 2), plus the years
 * in `mustShow` (the target year), which push out any neighbour that would touch them. With nothing
 * else labelled, the first year is.
 */
export function yearLabels(
  firstYear: number,
  lastYear: number,
  xOf: (year: number) => number,
  minGap: number,
  mustShow: readonly number[] = [],
): number[] {
  if (lastYear < firstYear) return [];
  if (lastYear === firstYear) return [firstYear];
  const spacing = Math.abs(xOf(firstYear + 1) - xOf(firstYear));
  const stride = YEAR_STRIDES.find((k) => spacing * k >= minGap) ?? lastYear - firstYear + 1;
  const chosen: number[] = [];
  const must = [...new Set(mustShow.filter((y) => y >= firstYear && y <= lastYear))].sort((a, b) => a - b);
  for (const y of must) if (chosen.every((c) => Math.abs(xOf(c) - xOf(y)) >= minGap)) chosen.push(y);
  for (let y = firstYear; y <= lastYear; y++) {
    const onStride = stride === 1 || y % stride === 0;
    if (onStride && chosen.every((c) => Math.abs(xOf(c) - xOf(y)) >= minGap)) chosen.push(y);
  }
  if (chosen.length === 0) chosen.push(firstYear);
  return chosen.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Lines

export interface YearValue {
  year: number;
  value: number;
}

/**
 * Runs of figures in consecutive years. A run ends at a null (or non-finite) value and at a year
 * missing from the input: two figures are joined only when they are for adjacent years and both
 * exist, so a line never bridges a gap and no value is ever made up. Input order does not matter;
 * for a year given twice the first figure counts.
 */
export function segments(points: ReadonlyArray<{ year: number; value: number | null | undefined }>): YearValue[][] {
  const byYear = new Map<number, number | null>();
  for (const p of points) {
    if (!Number.isInteger(p.year) || byYear.has(p.year)) continue;
    byYear.set(p.year, finiteOrNull(p.value));
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const runs: YearValue[][] = [];
  let run: YearValue[] = [];
  let prevYear: number | null = null;
  for (const year of years) {
    const value = byYear.get(year) ?? null;
    if (value === null || (prevYear !== null && year !== prevYear + 1)) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (value !== null) run.push({ year, value });
    prevYear = year;
  }
  if (run.length) runs.push(run);
  return runs;
}

/** An SVG path "M x y L x y …" through the points (a single point gives just "M x y"). */
export function linePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x)} ${px(p.y)}`).join(" ");
}

/** A diamond of half-diagonal `r` centred on (x, y). */
export function diamondPath(x: number, y: number, r: number): string {
  return `M${px(x)} ${px(y - r)} L${px(x + r)} ${px(y)} L${px(x)} ${px(y + r)} L${px(x - r)} ${px(y)} Z`;
}

// ---------------------------------------------------------------------------------------------
// Path chart layout

export interface PlotPoint extends YearValue {
  x: number;
  y: number;
}

export interface PlacedMarker extends PlotPoint {
  label: string;
  labelX: number;
  /** Baseline of the label. */
  labelY: number;
  anchor: "start" | "end";
}

export interface PathGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: Array<{ value: number; y: number; text: string }>;
  ticks: Ticks;
  inverted: boolean;
  firstYear: number;
  lastYear: number;
  xLabels: Array<{ year: number; x: number }>;
  /** Solid line runs (two or more consecutive years each). */
  actualLines: PlotPoint[][];
  /** Every actual figure, one marker each (isolated figures appear as markers only). */
  actualMarkers: PlotPoint[];
  /** Dashed planned-path runs of two or more years. */
  plannedLines: PlotPoint[][];
  /** Planned figures standing alone (no neighbour year): drawn as small dots. */
  plannedDots: PlotPoint[];
  target: PlacedMarker | null;
  adjustedFrom: PlacedMarker | null;
  evaluation: { year: number; x: number } | null;
  hasActual: boolean;
}

export interface PathLayoutOptions {
  width: number;
  height: number;
  /** Space above the plot kept free for a title and the unit (px). */
  reserveTop: number;
  /** Space below the year labels kept free for the legend (px). */
  reserveBottom: number;
  fontSize?: number;
  /** Label text for the original target marker ("原 ≥2.5"); defaults to its label. */
  adjustedLabel?: string;
}

type PathInput = Pick<
  PathChartProps,
  "points" | "target" | "adjustedFrom" | "evaluationYear" | "lowerIsBetter" | "lang"
>;

/**
 * Where everything of the path chart goes, or null when there is nothing to draw (no actual and no
 * planned figure: the chart then shows its "no figures yet" message instead).
 */
export function pathGeometry(input: PathInput, opts: PathLayoutOptions): PathGeometry | null {
  const fontSize = opts.fontSize ?? 11;
  const actualRuns = segments(input.points.map((p) => ({ year: p.year, value: p.actual })));
  const plannedRuns = segments(input.points.map((p) => ({ year: p.year, value: p.planned })));
  if (actualRuns.length === 0 && plannedRuns.length === 0) return null;

  const target =
    input.target && Number.isInteger(input.target.year) && finiteOrNull(input.target.value) !== null
      ? input.target
      : null;
  const adjusted =
    target && input.adjustedFrom && finiteOrNull(input.adjustedFrom.value) !== null ? input.adjustedFrom : null;
  const evaluationYear =
    typeof input.evaluationYear === "number" && Number.isInteger(input.evaluationYear) ? input.evaluationYear : null;

  // Domains.
  const values = [...actualRuns.flat(), ...plannedRuns.flat()].map((p) => p.value);
  if (target) values.push(target.value);
  if (adjusted) values.push(adjusted.value);
  const years = input.points.filter((p) => Number.isInteger(p.year)).map((p) => p.year);
  if (target) years.push(target.year);
  if (evaluationYear !== null) years.push(evaluationYear);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);

  // Vertical frame first: the number of ticks depends on the plot's height.
  const plotTop = opts.reserveTop + Math.ceil(fontSize * 0.6);
  const plotBottom = opts.height - opts.reserveBottom - Math.ceil(fontSize * 1.7);
  const plotHeight = Math.max(20, plotBottom - plotTop);
  const maxTicks = clamp(Math.floor(plotHeight / (fontSize * 2.4)) + 1, 3, 6);
  // Lower is better (ranks): inverted axis; whole-number ticks from rank 1 when every figure is whole.
  const inverted = input.lowerIsBetter === true;
  const dataMin = Math.min(...values);
  const ranks = inverted && values.every(Number.isInteger);
  const ticks = niceTicks(dataMin, Math.max(...values), {
    maxTicks,
    integer: ranks,
    floor: ranks && dataMin >= 1 ? 1 : undefined,
  });
  const tickTexts = ticks.values.map((v) => formatTick(v, ticks.decimals, input.lang));
  const tickFont = fontSize - 1;
  const labelWidth = Math.max(...tickTexts.map((s) => textWidth(s, tickFont)));
  const plot = {
    left: Math.ceil(labelWidth + 8),
    right: opts.width - Math.ceil(textWidth("2025", tickFont) / 2 + 4),
    top: plotTop,
    bottom: plotTop + plotHeight,
  };
  const yOf = valueScale(ticks, plot.top, plot.bottom, inverted);
  const xOf = linearScale(firstYear, lastYear, plot.left, plot.right);
  const place = (p: YearValue): PlotPoint => ({ ...p, x: px(xOf(p.year)), y: px(yOf(p.value)) });

  const yearGap = textWidth("2025", tickFont) + 8;
  const xLabels = yearLabels(firstYear, lastYear, xOf, yearGap, target ? [target.year] : []).map((year) => ({
    year,
    x: px(xOf(year)),
  }));

  const actualPlaced = actualRuns.map((run) => run.map(place));
  const plannedPlaced = plannedRuns.map((run) => run.map(place));

  // Target and original target: labels beside the marker (left of it when there is room), pushed
  // apart vertically when both would touch.
  const marker = (value: number, label: string): PlacedMarker => {
    const p = place({ year: target!.year, value });
    const w = textWidth(label, tickFont);
    const left = p.x - 8 - w >= plot.left;
    return {
      ...p,
      label,
      labelX: px(left ? p.x - 8 : p.x + 8),
      labelY: px(p.y + tickFont * 0.35),
      anchor: left ? "end" : "start",
    };
  };
  const targetMarker = target ? marker(target.value, target.label) : null;
  const adjustedMarker = adjusted ? marker(adjusted.value, opts.adjustedLabel ?? adjusted.label) : null;
  if (targetMarker && adjustedMarker) {
    const need = tickFont + 2;
    const gap = Math.abs(targetMarker.labelY - adjustedMarker.labelY);
    if (gap < need) {
      const upper = targetMarker.y <= adjustedMarker.y ? targetMarker : adjustedMarker;
      const lower = upper === targetMarker ? adjustedMarker : targetMarker;
      const shift = (need - gap) / 2;
      upper.labelY = px(upper.labelY - shift);
      lower.labelY = px(lower.labelY + shift);
    }
  }

  return {
    width: opts.width,
    height: opts.height,
    fontSize,
    plot,
    ticks,
    yTicks: ticks.values.map((value, i) => ({ value, y: px(yOf(value)), text: tickTexts[i]! })),
    inverted,
    firstYear,
    lastYear,
    xLabels,
    actualLines: actualPlaced.filter((run) => run.length > 1),
    actualMarkers: actualPlaced.flat(),
    plannedLines: plannedPlaced.filter((run) => run.length > 1),
    plannedDots: plannedPlaced.filter((run) => run.length === 1).flat(),
    target: targetMarker,
    adjustedFrom: adjustedMarker,
    evaluation: evaluationYear !== null ? { year: evaluationYear, x: px(xOf(evaluationYear)) } : null,
    hasActual: actualRuns.length > 0,
  };
}

/** Years up to the latest actual figure that have none (listed in the summary as gaps). */
export function missingActualYears(points: PathChartProps["points"]): number[] {
  const have = new Set(points.filter((p) => finiteOrNull(p.actual) !== null).map((p) => p.year));
  if (have.size === 0) return [];
  const first = Math.min(...points.map((p) => p.year).filter(Number.isInteger));
  const last = Math.max(...have);
  const missing: number[] = [];
  for (let y = first; y <= last; y++) if (!have.has(y)) missing.push(y);
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Legend

/** Legend entries flowed into rows of at most `width` px: each entry's x and row. */
export function flowLegend(
  itemWidths: readonly number[],
  width: number,
  gap = 12,
): { positions: Array<{ x: number; row: number }>; rows: number } {
  const positions: Array<{ x: number; row: number }> = [];
  let x = 0;
  let row = 0;
  for (const w of itemWidths) {
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    positions.push({ x, row });
    x += w + gap;
  }
  return { positions, rows: itemWidths.length ? row + 1 : 0 };
}

// ---------------------------------------------------------------------------------------------
// Progress bars

export interface BarExtent {
  /** Drawn length as a fraction of the track (0…1), or null when there is no progress figure. */
  fraction: number | null;
  /** The real value lies beyond the track: above 100 % ("high") or below 0 ("low"). */
  clipped: "high" | "low" | null;
}

/** A progress bar's drawn extent: the value clipped to 0–100 % of the track, and which side it was cut. */
export function barExtent(progress: number | null | undefined): BarExtent {
  const v = finiteOrNull(progress);
  if (v === null) return { fraction: null, clipped: null };
  return { fraction: clamp(v, 0, 1), clipped: v > 1 ? "high" : v < 0 ? "low" : null };
}

/** Where the time-progress tick sits on the track (0…1), or null when time progress is unknown. */
export function timeTickFraction(timeProgress: number | null | undefined): number | null {
  const v = finiteOrNull(timeProgress);
  return v === null ? null : clamp(v, 0, 1);
}

/** The real percentage, printed whatever was clipped: 1.32 → "132%", −0.08 → "-8%", null → "—". */
export function formatPercent(fraction: number | null | undefined, lang: Lang): string {
  const v = finiteOrNull(fraction);
  if (v === null) return "—";
  const shown = Math.abs(v) < 0.0005 ? 0 : v;
  return numberFormat(lang, "percent", 1).format(shown);
}

export interface ProgressRowGeometry {
  index: number;
  /** Top of the row. */
  y: number;
  labelY: number;
  label: string;
  /** The label as drawn (cut with "…" when too long), and where the binding badge starts. */
  shownLabel: string;
  badgeX: number | null;
  trackX: number;
  trackY: number;
  trackWidth: number;
  barWidth: number | null;
  clipped: "high" | "low" | null;
  tickX: number | null;
  valueX: number;
  valueY: number;
}

export interface ProgressLayout {
  width: number;
  height: number;
  /** Label above the bar (narrow) or beside it (≥ 480 px). */
  stacked: boolean;
  rows: ProgressRowGeometry[];
}

export const STACK_BELOW = 480;
export const BAR_HEIGHT = 10;

/**
 * Rows of the progress chart: below 480 px wide the label sits on its own line above the bar,
 * wider the label takes the left 38 %. The track leaves room at both ends for the clip arrows; the
 * bar's width is the progress clipped to 0–100 % of the track.
 */
export function progressLayout(
  items: ReadonlyArray<{ label: string; progress: number | null; timeProgress: number | null; binding: boolean }>,
  opts: { width: number; top: number; fontSize?: number; badgeText: string },
): ProgressLayout {
  const fontSize = opts.fontSize ?? 12;
  const width = opts.width;
  const stacked = width < STACK_BELOW;
  const pad = 4;
  const valueWidth = textWidth("-100.0%", fontSize) + 4;
  const badgeWidth = textWidth(opts.badgeText, fontSize - 2) + 8;
  const rowHeight = stacked ? fontSize + 6 + BAR_HEIGHT + 10 : Math.max(fontSize + 10, BAR_HEIGHT + 12);
  const labelColumn = stacked ? width - 2 * pad : Math.round(width * 0.38);
  const trackX = stacked ? pad + 8 : pad + labelColumn + 8;
  const trackWidth = Math.max(20, width - pad - valueWidth - 8 - trackX);
  const rows = items.map((item, index): ProgressRowGeometry => {
    const y = opts.top + index * rowHeight;
    const labelRoom = labelColumn - (item.binding ? badgeWidth + 4 : 0);
    const shownLabel = fitText(item.label, labelRoom, fontSize);
    const extent = barExtent(item.progress);
    const tick = timeTickFraction(item.timeProgress);
    const labelY = y + fontSize;
    const trackY = stacked ? y + fontSize + 6 : y + (rowHeight - BAR_HEIGHT) / 2;
    return {
      index,
      y,
      labelY: stacked ? labelY : px(trackY + BAR_HEIGHT / 2 + fontSize * 0.35),
      label: item.label,
      shownLabel,
      badgeX: item.binding ? px(pad + textWidth(shownLabel, fontSize) + 4) : null,
      trackX,
      trackY: px(trackY),
      trackWidth: px(trackWidth),
      barWidth: extent.fraction === null ? null : px(extent.fraction * trackWidth),
      clipped: extent.clipped,
      tickX: tick === null ? null : px(trackX + tick * trackWidth),
      valueX: px(width - pad),
      valueY: px(trackY + BAR_HEIGHT / 2 + fontSize * 0.35),
    };
  });
  return { width, height: opts.top + items.length * rowHeight + pad, stacked, rows };
}
