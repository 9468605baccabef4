/** The pane's hand-drawn charts (no chart library): React components, SVG-markup builders, palettes. */
export { PathChart } from "./PathChart";
export { ProgressChart, PROGRESS_ROWS_SHOWN } from "./ProgressChart";
export { pathChartSvg, progressChartSvg, escapeXml } from "./chartSvg";
export {
  LIGHT_PALETTE,
  DARK_PALETTE,
  TOKEN_PALETTE,
  chartPalette,
  CHART_FONT_FAMILY,
  type ChartPalette,
} from "./chartPalette";
export type { PathChartProps, ProgressChartProps, ProgressItem, PathPoint, ChartSize } from "./chartTypes";
