/** The two charts' props: plain data, shared by the React components and the SVG-markup builders. */
import type { Lang } from "../../../core/messages";
import type { StatusKey } from "../statusStyle";

export interface PathPoint {
  year: number;
  actual: number | null;
  planned: number | null;
  /** Where the figure comes from (统计公报 2023, revised …); shown in the data table. */
  vintage?: string;
}

export interface PathChartProps {
  lang: Lang;
  /** The indicator's name. */
  title: string;
  /** 亿元, %, 位 … */
  unit: string;
  points: PathPoint[];
  /** The target at its year; `label` in the plan's notation, e.g. "〔13.5〕", "≥2.5". */
  target: { year: number; value: number; label: string } | null;
  /** An approved target adjustment: the original target, drawn dashed at the target year. */
  adjustedFrom?: { value: number; label: string } | null;
  /** A vertical marker. */
  evaluationYear?: number;
  /** Ranks: the axis is inverted (rank 1 at the top); ticks are whole numbers when every figure is. */
  lowerIsBetter?: boolean;
  /** The pane formats numbers in the indicator's notation. */
  formatValue: (v: number) => string;
}

export interface ProgressItem {
  id: string;
  label: string;
  /** Completion progress as a fraction (0.6 = 60 %); may be below 0 or above 1; null = not computed. */
  progress: number | null;
  /** Time progress as a fraction; null = not known. */
  timeProgress: number | null;
  status: StatusKey;
  /** 约束性 (binding) indicator. */
  binding: boolean;
}

export interface ProgressChartProps {
  lang: Lang;
  items: ProgressItem[];
  /** Clicking (or Enter/Space on) a row selects that indicator. */
  onSelect?: (id: string) => void;
}

/** Size options of the SVG builders and the path chart (CSS pixels of the drawing). */
export interface ChartSize {
  width?: number;
  height?: number;
}
