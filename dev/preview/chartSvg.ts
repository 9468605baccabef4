/**
 * Draws one chart of the workbook as SVG, the way Excel lays a simple chart out: title on top, value axis with
 * gridlines, category labels, legend, axis titles, data labels. Column and bar charts draw clustered bars,
 * line charts lines with markers; a series of another type in a combination chart is drawn as its own type.
 * Types the preview does not draw (pie, area, scatter …) show their frame, title and a note.
 *
 * For tests and assistive technology the <svg> carries data-chart-name, data-chart-type, data-series (JSON:
 * [{ name, values, categories }]) and an accessible name (<title> and aria-label). All text goes in with
 * textContent, never as markup.
 */
import { formatValue } from "../standin/numberFormat";

/** What a chart looks like now (the stand-in's ChartView, structurally). */
export interface GridChart {
  name: string;
  chartType: string;
  title: string | null;
  legend: { position: string; visible: boolean };
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  valueAxis: { minimum: number; maximum: number; majorUnit: number; numberFormat: string };
  series: Array<{
    name: string;
    chartType: string;
    color: string;
    lineColor: string;
    markerStyle: string;
    hasDataLabels: boolean;
    values: Array<number | null>;
    categories: string[];
  }>;
}

const SVG = "http://www.w3.org/2000/svg";
const FONT = '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif';
const TEXT = "#595959";
const GRID = "#D9D9D9";
const CHAR_PX = 6.5;

type Kind = "column" | "bar" | "line" | "other";

function kindOf(type: string): Kind {
  if (/^(Line|3DLine)/.test(type)) return "line";
  if (/^(Bar|3DBar|CylinderBar|ConeBar|PyramidBar)/.test(type)) return "bar";
  if (/^(Column|3DColumn|CylinderCol|ConeCol|PyramidCol)/.test(type)) return "column";
  return "other";
}

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

function text(parent: Element, x: number, y: number, content: string, attrs: Record<string, string | number> = {}) {
  const node = el("text", { x, y, fill: TEXT, "font-size": 11, "font-family": FONT, ...attrs }, parent);
  node.textContent = content;
  return node;
}

/** Shortens a label to about `px` pixels. */
function fit(label: string, px: number): string {
  const max = Math.max(1, Math.floor(px / CHAR_PX));
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}

function marker(parent: Element, style: string, x: number, y: number, color: string): void {
  if (style === "None") return;
  const r = 3.5;
  if (style === "Square")
    el("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: color, class: "pv-chart-marker" }, parent);
  else if (style === "Diamond" || style === "Triangle") {
    const points =
      style === "Diamond"
        ? `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`
        : `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`;
    el("polygon", { points, fill: color, class: "pv-chart-marker" }, parent);
  } else el("circle", { cx: x, cy: y, r, fill: color, class: "pv-chart-marker" }, parent);
}

/** The chart as an <svg> of `width` × `height` CSS pixels. */
export function chartSvg(chart: GridChart, width: number, height: number): SVGSVGElement {
  const label = chart.title ?? chart.name;
  const svg = el("svg", {
    class: "pv-chart",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": `${label} (${chart.chartType})`,
  });
  svg.dataset.chartName = chart.name;
  svg.dataset.chartType = chart.chartType;
  svg.dataset.series = JSON.stringify(
    chart.series.map((s) => ({ name: s.name, values: s.values, categories: s.categories })),
  );
  el("title", {}, svg).textContent = `${label}: ${chart.series.map((s) => s.name).join(", ")}`;
  el("rect", { x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: "#FFFFFF", stroke: GRID }, svg);

  const pad = 8;
  let top = pad;
  let bottom = height - pad;
  let left = pad;
  let right = width - pad;

  if (chart.title !== null) {
    text(svg, width / 2, top + 13, fit(chart.title, width - 2 * pad), {
      "text-anchor": "middle",
      "font-size": 14,
      fill: "#404040",
      class: "pv-chart-title",
    });
    top += 24;
  }

  // Legend: a row at the top or bottom, a column at the left or right (Corner and Custom: right).
  const legendItems = chart.legend.visible ? chart.series : [];
  if (legendItems.length > 0) {
    const legend = el("g", { class: "pv-chart-legend" }, svg);
    const entry = (s: GridChart["series"][number], x: number, y: number, maxPx: number) => {
      const lineKind = kindOf(s.chartType) === "line";
      if (lineKind) {
        el("line", { x1: x, y1: y - 4, x2: x + 14, y2: y - 4, stroke: s.lineColor, "stroke-width": 2 }, legend);
        marker(legend, s.markerStyle, x + 7, y - 4, s.color);
      } else el("rect", { x: x + 3, y: y - 8, width: 8, height: 8, fill: s.color }, legend);
      text(legend, x + 18, y, fit(s.name, maxPx - 18));
    };
    const position = chart.legend.position;
    if (position === "Top" || position === "Bottom") {
      const widths = legendItems.map((s) => Math.min(140, s.name.length * CHAR_PX + 26));
      const total = widths.reduce((a, b) => a + b, 0);
      let x = Math.max(pad, (width - total) / 2);
      const y = position === "Top" ? top + 12 : bottom - 4;
      legendItems.forEach((s, i) => {
        entry(s, x, y, widths[i]!);
        x += widths[i]!;
      });
      if (position === "Top") top += 20;
      else bottom -= 20;
    } else {
      const colWidth = Math.min(130, Math.max(...legendItems.map((s) => s.name.length * CHAR_PX + 26)), width / 3);
      const x = position === "Left" ? left : right - colWidth;
      let y = (top + bottom) / 2 - (legendItems.length * 18) / 2 + 12;
      for (const s of legendItems) {
        entry(s, x, y, colWidth);
        y += 18;
      }
      if (position === "Left") left += colWidth + 4;
      else right -= colWidth + 4;
    }
  }

  const chartKind = kindOf(chart.chartType);
  if (chartKind === "other") {
    text(svg, width / 2, (top + bottom) / 2, `${chart.chartType} (not drawn by the preview)`, {
      "text-anchor": "middle",
      class: "pv-chart-note",
    });
    return svg;
  }

  // Axis titles.
  if (chart.valueAxisTitle !== null || chart.categoryAxisTitle !== null) {
    const sideTitle = chartKind === "bar" ? chart.categoryAxisTitle : chart.valueAxisTitle;
    const bottomTitle = chartKind === "bar" ? chart.valueAxisTitle : chart.categoryAxisTitle;
    if (sideTitle !== null) {
      const cx = left + 7;
      const cy = (top + bottom) / 2;
      text(svg, cx, cy, fit(sideTitle, bottom - top), {
        "text-anchor": "middle",
        transform: `rotate(-90 ${cx} ${cy})`,
        class: "pv-chart-axis-title",
      });
      left += 16;
    }
    if (bottomTitle !== null) {
      text(svg, (left + right) / 2, bottom - 2, fit(bottomTitle, right - left), {
        "text-anchor": "middle",
        class: "pv-chart-axis-title",
      });
      bottom -= 16;
    }
  }

  const axis = chart.valueAxis;
  const ticks: number[] = [];
  const unit = axis.majorUnit > 0 ? axis.majorUnit : 1;
  for (let v = axis.minimum; v <= axis.maximum + unit / 1e6 && ticks.length < 50; v += unit)
    ticks.push(Number(v.toPrecision(12)));
  const tickText = (v: number) => formatValue(v, axis.numberFormat);
  const categories = chart.series.find((s) => s.categories.length > 0)?.categories ?? [];
  const count = Math.max(categories.length, ...chart.series.map((s) => s.values.length), 1);
  const span = axis.maximum - axis.minimum || 1;
  const plot = el("g", { class: "pv-chart-plot" }, svg);

  if (chartKind === "bar") {
    // Horizontal bars: categories up the left side (the first at the bottom, as Excel draws them), values along the bottom.
    const labelWidth = Math.min((right - left) / 3, Math.max(...categories.map((c) => c.length * CHAR_PX), 10) + 6);
    const x0 = left + labelWidth;
    const y1 = bottom - 16;
    const xOf = (v: number) =>
      x0 + ((Math.min(Math.max(v, axis.minimum), axis.maximum) - axis.minimum) / span) * (right - x0);
    for (const t of ticks) {
      const x = xOf(t);
      el("line", { x1: x, y1: top, x2: x, y2: y1, stroke: GRID }, plot);
      text(plot, x, bottom - 3, tickText(t), { "text-anchor": "middle" });
    }
    const band = (y1 - top) / count;
    categories.forEach((c, i) => {
      const y = y1 - band * (i + 0.5);
      text(plot, x0 - 4, y + 4, fit(c, labelWidth - 6), { "text-anchor": "end", class: "pv-chart-category" });
    });
    const series = chart.series;
    const group = band / (1 + 1.5);
    series.forEach((s, k) => {
      const g = el("g", { class: "pv-chart-series" }, plot);
      g.dataset.seriesName = s.name;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const yTop = y1 - band * (i + 1) + (band - group) / 2 + (k * group) / series.length;
        const base = xOf(Math.max(axis.minimum, Math.min(0, axis.maximum)));
        const x = xOf(v);
        const bar = el(
          "rect",
          {
            x: Math.min(base, x),
            y: yTop,
            width: Math.max(1, Math.abs(x - base)),
            height: Math.max(1, group / series.length),
            fill: s.color,
          },
          g,
        );
        bar.dataset.value = String(v);
        if (s.hasDataLabels) text(g, Math.max(base, x) + 3, yTop + group / series.length / 2 + 4, tickText(v));
      });
    });
    return svg;
  }

  // Columns and lines: values up the left side, categories along the bottom.
  const labelWidth = Math.max(...ticks.map((t) => tickText(t).length * CHAR_PX), 10) + 6;
  const x0 = left + labelWidth;
  const y1 = bottom - 16;
  const yOf = (v: number) =>
    y1 - ((Math.min(Math.max(v, axis.minimum), axis.maximum) - axis.minimum) / span) * (y1 - top);
  for (const t of ticks) {
    const y = yOf(t);
    el("line", { x1: x0, y1: y, x2: right, y2: y, stroke: GRID }, plot);
    text(plot, x0 - 4, y + 4, tickText(t), { "text-anchor": "end" });
  }
  const band = (right - x0) / count;
  categories.forEach((c, i) => {
    text(plot, x0 + band * (i + 0.5), bottom - 3, fit(c, band), {
      "text-anchor": "middle",
      class: "pv-chart-category",
    });
  });
  const columns = chart.series.filter((s) => kindOf(s.chartType) !== "line");
  const group = band / (1 + 1.5);
  const base = yOf(Math.max(axis.minimum, Math.min(0, axis.maximum)));
  chart.series.forEach((s) => {
    const g = el("g", { class: "pv-chart-series" }, plot);
    g.dataset.seriesName = s.name;
    if (kindOf(s.chartType) === "line") {
      let path = "";
      s.values.forEach((v, i) => {
        if (v === null) return;
        const cmd = i === 0 || s.values[i - 1] === null ? "M" : "L";
        path += `${cmd}${(x0 + band * (i + 0.5)).toFixed(1)},${yOf(v).toFixed(1)} `;
      });
      if (path) el("path", { d: path.trim(), fill: "none", stroke: s.lineColor, "stroke-width": 2.25 }, g);
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = x0 + band * (i + 0.5);
        marker(g, s.markerStyle, x, yOf(v), s.color);
        if (s.hasDataLabels) text(g, x, yOf(v) - 7, tickText(v), { "text-anchor": "middle" });
      });
      return;
    }
    const k = columns.indexOf(s);
    s.values.forEach((v, i) => {
      if (v === null) return;
      const x = x0 + band * i + (band - group) / 2 + (k * group) / columns.length;
      const y = yOf(v);
      const bar = el(
        "rect",
        {
          x,
          y: Math.min(base, y),
          width: Math.max(1, group / columns.length),
          height: Math.max(1, Math.abs(base - y)),
          fill: s.color,
        },
        g,
      );
      bar.dataset.value = String(v);
      if (s.hasDataLabels)
        text(g, x + group / columns.length / 2, Math.min(base, y) - 3, tickText(v), { "text-anchor": "middle" });
    });
  });
  el("line", { x1: x0, y1: base, x2: right, y2: base, stroke: "#BFBFBF" }, plot);
  return svg;
}
