/**
 * The charts as a flat list of shapes (lines, paths, rects, circles, text) with colours named by
 * role. One scene feeds both renderers: React (token colours, in the pane) and the SVG-markup
 * builders (explicit colours, for PNG pictures). Pure: no React, no DOM.
 */
import type { Lang } from "../../../core/messages";
import { STATUS_ORDER, type StatusKey } from "../statusStyle";
import {
  BAR_HEIGHT,
  diamondPath,
  fitText,
  flowLegend,
  formatPercent,
  linePath,
  pathGeometry,
  progressLayout,
  px,
  textWidth,
  type PathGeometry,
} from "./chartGeometry";
import type { Paint } from "./chartPalette";
import { chartText } from "./chartStrings";
import { statusText } from "./chartText";
import type { PathChartProps, ProgressChartProps } from "./chartTypes";

export type Shape =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: Paint; width: number; dash?: string }
  | { kind: "path"; d: string; stroke: Paint; fill: Paint; width: number; dash?: string }
  | {
      kind: "rect";
      x: number;
      y: number;
      width: number;
      height: number;
      fill: Paint;
      stroke?: Paint;
      strokeWidth?: number;
      rx?: number;
    }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: Paint; stroke: Paint; width: number }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      fill: Paint;
      size: number;
      anchor: "start" | "middle" | "end";
      bold?: boolean;
      /** The full text when `text` was cut to fit (a tooltip). */
      title?: string;
    };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

export interface SceneOptions {
  width?: number;
  height?: number;
  /** Draw the title inside the picture (standalone SVG; the pane has a figcaption instead). */
  title?: boolean;
  /** Paint the background (standalone SVG; the pane's charts are transparent). */
  background?: boolean;
}

export const PANE_CHART_WIDTH = 300;
export const PATH_CHART_HEIGHT = 200;

const LEGEND_FONT = 10;
const LEGEND_ROW = 14;
const SWATCH = 16;

interface LegendItem {
  text: string;
  swatch: (x: number, y: number) => Shape[];
}

function legendShapes(items: LegendItem[], top: number, width: number): { shapes: Shape[]; height: number } {
  const widths = items.map((i) => SWATCH + 4 + textWidth(i.text, LEGEND_FONT));
  const flow = flowLegend(widths, width - 8);
  const shapes: Shape[] = [];
  items.forEach((item, i) => {
    const pos = flow.positions[i]!;
    const x = 4 + pos.x;
    const mid = top + pos.row * LEGEND_ROW + LEGEND_ROW / 2;
    shapes.push(...item.swatch(x, mid));
    shapes.push({
      kind: "text",
      x: px(x + SWATCH + 4),
      y: px(mid + LEGEND_FONT * 0.35),
      text: item.text,
      fill: "mutedText",
      size: LEGEND_FONT,
      anchor: "start",
    });
  });
  return { shapes, height: flow.rows * LEGEND_ROW };
}

function titleShapes(title: string, width: number, y: number): Shape[] {
  const shown = fitText(title, width - 8, 13);
  return [
    {
      kind: "text",
      x: 4,
      y,
      text: shown,
      fill: "text",
      size: 13,
      anchor: "start",
      bold: true,
      ...(shown !== title ? { title } : {}),
    },
  ];
}

function pathLegend(props: PathChartProps, lang: Lang): LegendItem[] {
  const items: LegendItem[] = [
    {
      text: chartText(lang, "actual"),
      swatch: (x, y) => [
        { kind: "line", x1: x, y1: y, x2: x + SWATCH, y2: y, stroke: "actual", width: 2 },
        { kind: "circle", cx: x + SWATCH / 2, cy: y, r: 3, fill: "actual", stroke: "background", width: 1 },
      ],
    },
  ];
  if (props.points.some((p) => typeof p.planned === "number" && Number.isFinite(p.planned))) {
    items.push({
      text: chartText(lang, "planned"),
      swatch: (x, y) => [
        { kind: "line", x1: x, y1: y, x2: x + SWATCH, y2: y, stroke: "planned", width: 1.5, dash: "5 4" },
      ],
    });
  }
  if (props.target) {
    items.push({
      text: chartText(lang, "target"),
      swatch: (x, y) => [
        { kind: "path", d: diamondPath(x + SWATCH / 2, y, 5), fill: "target", stroke: "background", width: 1 },
      ],
    });
    if (props.adjustedFrom) {
      items.push({
        text: chartText(lang, "originalTarget"),
        swatch: (x, y) => [
          {
            kind: "path",
            d: diamondPath(x + SWATCH / 2, y, 5),
            fill: "background",
            stroke: "adjusted",
            width: 1.5,
            dash: "2 2",
          },
        ],
      });
    }
  }
  if (typeof props.evaluationYear === "number") {
    items.push({
      text: chartText(lang, "evaluationYear", { year: props.evaluationYear }),
      swatch: (x, y) => [
        {
          kind: "line",
          x1: x + SWATCH / 2,
          y1: y - 6,
          x2: x + SWATCH / 2,
          y2: y + 6,
          stroke: "evaluation",
          width: 1.5,
          dash: "2 3",
        },
      ],
    });
  }
  return items;
}

function plotShapes(g: PathGeometry, props: PathChartProps): Shape[] {
  const shapes: Shape[] = [];
  const small = g.fontSize - 1;
  const { plot } = g;
  for (const tick of g.yTicks) {
    shapes.push({ kind: "line", x1: plot.left, y1: tick.y, x2: plot.right, y2: tick.y, stroke: "grid", width: 1 });
    shapes.push({
      kind: "text",
      x: plot.left - 4,
      y: px(tick.y + small * 0.35),
      text: tick.text,
      fill: "mutedText",
      size: small,
      anchor: "end",
    });
  }
  shapes.push({
    kind: "line",
    x1: plot.left,
    y1: plot.bottom,
    x2: plot.right,
    y2: plot.bottom,
    stroke: "axis",
    width: 1,
  });
  for (const label of g.xLabels) {
    shapes.push({
      kind: "line",
      x1: label.x,
      y1: plot.bottom,
      x2: label.x,
      y2: plot.bottom + 3,
      stroke: "axis",
      width: 1,
    });
    shapes.push({
      kind: "text",
      x: label.x,
      y: px(plot.bottom + 4 + small),
      text: String(label.year),
      fill: "mutedText",
      size: small,
      anchor: "middle",
    });
  }
  if (g.evaluation) {
    shapes.push({
      kind: "line",
      x1: g.evaluation.x,
      y1: plot.top,
      x2: g.evaluation.x,
      y2: plot.bottom,
      stroke: "evaluation",
      width: 1.5,
      dash: "2 3",
    });
  }
  for (const run of g.plannedLines) {
    shapes.push({ kind: "path", d: linePath(run), stroke: "planned", fill: "none", width: 1.5, dash: "5 4" });
  }
  for (const p of g.plannedDots) {
    shapes.push({ kind: "circle", cx: p.x, cy: p.y, r: 2, fill: "planned", stroke: "none", width: 0 });
  }
  for (const run of g.actualLines) {
    shapes.push({ kind: "path", d: linePath(run), stroke: "actual", fill: "none", width: 2 });
  }
  for (const p of g.actualMarkers) {
    shapes.push({ kind: "circle", cx: p.x, cy: p.y, r: 3, fill: "actual", stroke: "background", width: 1 });
  }
  if (g.adjustedFrom && g.target) {
    const a = g.adjustedFrom;
    shapes.push({
      kind: "line",
      x1: a.x,
      y1: a.y,
      x2: g.target.x,
      y2: g.target.y,
      stroke: "adjusted",
      width: 1,
      dash: "3 3",
    });
    shapes.push({
      kind: "path",
      d: diamondPath(a.x, a.y, 5),
      fill: "background",
      stroke: "adjusted",
      width: 1.5,
      dash: "2 2",
    });
    shapes.push({
      kind: "text",
      x: a.labelX,
      y: a.labelY,
      text: a.label,
      fill: "mutedText",
      size: small,
      anchor: a.anchor,
    });
  }
  if (g.target) {
    const t = g.target;
    shapes.push({ kind: "path", d: diamondPath(t.x, t.y, 5), fill: "target", stroke: "background", width: 1 });
    shapes.push({
      kind: "text",
      x: t.labelX,
      y: t.labelY,
      text: t.label,
      fill: "target",
      size: small,
      anchor: t.anchor,
      bold: true,
    });
  }
  if (!g.hasActual) {
    shapes.push({
      kind: "text",
      x: px((plot.left + plot.right) / 2),
      y: px((plot.top + plot.bottom) / 2),
      text: chartText(props.lang, "noFigures"),
      fill: "mutedText",
      size: g.fontSize,
      anchor: "middle",
    });
  }
  return shapes;
}

/**
 * The path chart as shapes, or null when there is no figure to draw (the pane then shows its
 * "no figures yet" message; the SVG builder draws that message instead).
 */
export function pathChartScene(props: PathChartProps, opts: SceneOptions = {}): Scene | null {
  const width = opts.width ?? PANE_CHART_WIDTH;
  const height = opts.height ?? PATH_CHART_HEIGHT;
  const lang = props.lang;
  const head: Shape[] = [];
  let top = 4;
  if (opts.title) {
    head.push(...titleShapes(props.title, width, top + 13));
    top += 20;
  }
  const unitText = fitText(chartText(lang, "unit", { unit: props.unit }), width - 8, LEGEND_FONT);
  head.push({
    kind: "text",
    x: 4,
    y: top + LEGEND_FONT,
    text: unitText,
    fill: "mutedText",
    size: LEGEND_FONT,
    anchor: "start",
  });
  top += 14;
  const legendItems = pathLegend(props, lang);
  const reserveBottom = legendShapes(legendItems, 0, width).height + 4;
  const g = pathGeometry(props, {
    width,
    height,
    reserveTop: top,
    reserveBottom,
    adjustedLabel: props.adjustedFrom
      ? `${chartText(lang, "originalTargetShort")} ${props.adjustedFrom.label}`
      : undefined,
  });
  if (!g) return null;
  const legend = legendShapes(legendItems, height - reserveBottom, width);
  const shapes: Shape[] = [];
  if (opts.background) shapes.push({ kind: "rect", x: 0, y: 0, width, height, fill: "background" });
  shapes.push(...head, ...plotShapes(g, props), ...legend.shapes);
  return { width, height, shapes };
}

/** A picture holding only a title and a message ("no figures yet", "no indicators"). */
export function messageScene(title: string | null, text: string, opts: SceneOptions = {}): Scene {
  const width = opts.width ?? PANE_CHART_WIDTH;
  const shapes: Shape[] = [];
  let top = 4;
  if (title !== null) {
    shapes.push(...titleShapes(title, width, top + 13));
    top += 20;
  }
  const height = top + 40;
  shapes.push({ kind: "text", x: px(width / 2), y: top + 24, text, fill: "mutedText", size: 12, anchor: "middle" });
  if (opts.background) shapes.unshift({ kind: "rect", x: 0, y: 0, width, height, fill: "background" });
  return { width, height, shapes };
}

function progressLegend(props: ProgressChartProps): LegendItem[] {
  const { lang } = props;
  const present = new Set<StatusKey>(props.items.map((i) => i.status));
  const items: LegendItem[] = [
    {
      text: chartText(lang, "timeProgress"),
      swatch: (x, y) => [
        { kind: "line", x1: x + SWATCH / 2, y1: y - 6, x2: x + SWATCH / 2, y2: y + 6, stroke: "timeTick", width: 2 },
      ],
    },
  ];
  for (const key of STATUS_ORDER) {
    if (!present.has(key)) continue;
    items.push({
      text: statusText(key, lang),
      swatch: (x, y) => [
        { kind: "rect", x, y: y - BAR_HEIGHT / 2, width: SWATCH, height: BAR_HEIGHT, fill: `status.${key}`, rx: 2 },
      ],
    });
  }
  return items;
}

/**
 * The progress chart as shapes: per indicator a label (with a 约束 badge when binding), a track, the
 * progress bar clipped to 0–100 % (a break mark when above, an arrow when below), the time-progress
 * tick and the real percentage.
 */
export function progressChartScene(props: ProgressChartProps, opts: SceneOptions = {}): Scene {
  const width = opts.width ?? PANE_CHART_WIDTH;
  const { lang } = props;
  const title = chartText(lang, "progressTitle");
  if (props.items.length === 0) return messageScene(opts.title ? title : null, chartText(lang, "noItems"), opts);
  const shapes: Shape[] = [];
  let top = 4;
  if (opts.title) {
    shapes.push(...titleShapes(title, width, top + 13));
    top += 20;
  }
  const legend = legendShapes(progressLegend(props), top, width);
  shapes.push(...legend.shapes);
  top += legend.height + 6;
  const badgeText = chartText(lang, "bindingBadge");
  const layout = progressLayout(props.items, { width, top, badgeText });
  const fontSize = 12;
  for (const row of layout.rows) {
    const item = props.items[row.index]!;
    shapes.push({
      kind: "text",
      x: 4,
      y: row.labelY,
      text: row.shownLabel,
      fill: "text",
      size: fontSize,
      anchor: "start",
      ...(row.shownLabel !== row.label ? { title: row.label } : {}),
    });
    if (row.badgeX !== null) {
      const badgeWidth = textWidth(badgeText, fontSize - 2) + 8;
      shapes.push({
        kind: "rect",
        x: row.badgeX,
        y: px(row.labelY - fontSize + 1),
        width: px(badgeWidth),
        height: fontSize + 2,
        fill: "badgeBackground",
        rx: 3,
      });
      shapes.push({
        kind: "text",
        x: px(row.badgeX + badgeWidth / 2),
        y: px(row.labelY - 1),
        text: badgeText,
        fill: "badgeText",
        size: fontSize - 2,
        anchor: "middle",
      });
    }
    shapes.push({
      kind: "rect",
      x: row.trackX,
      y: row.trackY,
      width: row.trackWidth,
      height: BAR_HEIGHT,
      fill: "track",
      stroke: "trackBorder",
      strokeWidth: 1,
      rx: 2,
    });
    const fill: Paint = `status.${item.status}`;
    if (row.barWidth !== null && row.barWidth > 0) {
      shapes.push({ kind: "rect", x: row.trackX, y: row.trackY, width: row.barWidth, height: BAR_HEIGHT, fill, rx: 2 });
    }
    if (row.clipped === "high") {
      const end = row.trackX + row.trackWidth;
      shapes.push({
        kind: "path",
        d: `M${px(end - 9)} ${px(row.trackY + BAR_HEIGHT)} L${px(end - 6)} ${row.trackY} M${px(end - 5)} ${px(row.trackY + BAR_HEIGHT)} L${px(end - 2)} ${row.trackY}`,
        stroke: "background",
        fill: "none",
        width: 1.5,
      });
    } else if (row.clipped === "low") {
      const x = row.trackX;
      const mid = row.trackY + BAR_HEIGHT / 2;
      shapes.push({
        kind: "path",
        d: `M${px(x + 1)} ${px(mid)} L${px(x + 6)} ${px(mid - 4)} L${px(x + 6)} ${px(mid + 4)} Z`,
        stroke: "none",
        fill,
        width: 0,
      });
    }
    if (row.tickX !== null) {
      shapes.push({
        kind: "line",
        x1: row.tickX,
        y1: px(row.trackY - 3),
        x2: row.tickX,
        y2: px(row.trackY + BAR_HEIGHT + 3),
        stroke: "timeTick",
        width: 2,
      });
    }
    shapes.push({
      kind: "text",
      x: row.valueX,
      y: row.valueY,
      text: formatPercent(item.progress, lang),
      fill: "text",
      size: 11,
      anchor: "end",
    });
  }
  const height = layout.height;
  if (opts.background) shapes.unshift({ kind: "rect", x: 0, y: 0, width, height, fill: "background" });
  return { width, height, shapes };
}
