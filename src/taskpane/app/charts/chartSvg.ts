/**
 * Standalone SVG markup of the two charts, for turning into PNG pictures (the Word report): explicit
 * colours from a palette (no CSS variables), fonts with a CJK fallback list, every text escaped —
 * an indicator named `<script>` or `&` is drawn as those characters, never read as markup.
 */
import { CHART_FONT_FAMILY, paintColour, type ChartPalette } from "./chartPalette";
import { messageScene, pathChartScene, progressChartScene, type Scene, type Shape } from "./chartScene";
import { chartText } from "./chartStrings";
import { pathSummary, progressSummary } from "./chartText";
import type { ChartSize, PathChartProps, ProgressChartProps } from "./chartTypes";

/** Characters XML 1.0 forbids (controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or an attribute value made safe for XML: & < > " ' as entities, forbidden characters dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

function shapeSvg(shape: Shape, palette: ChartPalette): string {
  const c = (p: Parameters<typeof paintColour>[0]) => paintColour(p, palette);
  switch (shape.kind) {
    case "line":
      return `<line${attrs({
        x1: shape.x1,
        y1: shape.y1,
        x2: shape.x2,
        y2: shape.y2,
        stroke: c(shape.stroke),
        "stroke-width": shape.width,
        "stroke-dasharray": shape.dash,
      })}/>`;
    case "path":
      return `<path${attrs({
        d: shape.d,
        fill: c(shape.fill),
        stroke: c(shape.stroke),
        "stroke-width": shape.stroke === "none" ? undefined : shape.width,
        "stroke-dasharray": shape.dash,
        "stroke-linejoin": "round",
        "stroke-linecap": "round",
      })}/>`;
    case "rect":
      return `<rect${attrs({
        x: shape.x,
        y: shape.y,
        width: shape.width,
        height: shape.height,
        rx: shape.rx,
        fill: c(shape.fill),
        stroke: shape.stroke ? c(shape.stroke) : undefined,
        "stroke-width": shape.stroke ? (shape.strokeWidth ?? 1) : undefined,
      })}/>`;
    case "circle":
      return `<circle${attrs({
        cx: shape.cx,
        cy: shape.cy,
        r: shape.r,
        fill: c(shape.fill),
        stroke: c(shape.stroke),
        "stroke-width": shape.stroke === "none" ? undefined : shape.width,
      })}/>`;
    case "text":
      return `<text${attrs({
        x: shape.x,
        y: shape.y,
        fill: c(shape.fill),
        "font-size": shape.size,
        "text-anchor": shape.anchor,
        "font-weight": shape.bold ? "bold" : undefined,
      })}>${shape.title ? `<title>${escapeXml(shape.title)}</title>` : ""}${escapeXml(shape.text)}</text>`;
  }
}

/** A scene as a standalone SVG document: explicit size, colours and fonts; `label` its accessible name. */
export function sceneToSvg(scene: Scene, palette: ChartPalette, label: string): string {
  const open = `<svg${attrs({
    xmlns: "http://www.w3.org/2000/svg",
    width: scene.width,
    height: scene.height,
    viewBox: `0 0 ${scene.width} ${scene.height}`,
    role: "img",
    "aria-label": label,
    "font-family": CHART_FONT_FAMILY,
  })}>`;
  const body = scene.shapes.map((s) => shapeSvg(s, palette)).join("");
  return `${open}<title>${escapeXml(label)}</title>${body}</svg>`;
}

/** Standalone SVG of the path chart (default 480 × 280, title drawn inside, background painted). */
export function pathChartSvg(props: PathChartProps, palette: ChartPalette, size: ChartSize = {}): string {
  const opts = { width: size.width ?? 480, height: size.height ?? 280, title: true, background: true };
  const scene = pathChartScene(props, opts) ?? messageScene(props.title, chartText(props.lang, "noFigures"), opts);
  return sceneToSvg(scene, palette, pathSummary(props));
}

/** Standalone SVG of the progress chart (default 480 wide; as tall as its rows need). */
export function progressChartSvg(props: ProgressChartProps, palette: ChartPalette, size: ChartSize = {}): string {
  const scene = progressChartScene(props, { width: size.width ?? 480, title: true, background: true });
  return sceneToSvg(scene, palette, progressSummary(props.items, props.lang));
}
