/**
 * The name Insert template gives the sheet it adds ("规划指标", then "规划指标 (2)" … when taken). Apart from
 * the template writer (insertTemplate.ts) so the pane's toolbar can name the sheet before Insert runs
 * without loading the writer, which is fetched only when Insert is clicked.
 */
import type { Lang } from "../core/messages";

export const SHEET_BASE_NAME: Record<Lang, string> = { zh: "规划指标", en: "Plan indicators" };
