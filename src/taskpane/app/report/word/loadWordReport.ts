/**
 * The Word export, loaded only when the user asks for the Word file: `docx` (about 100 kB gzipped) lives in
 * its own chunk, "word-report", that this dynamic import fetches. Nothing else may import ./wordReport
 * statically, or the library would land in the pane's up-front JavaScript.
 */
import type { ReportDocument } from "../../../../core/reportDocument";
import { downloadBytes } from "./downloadBytes";
import { wordReportFileName } from "./wordFileName";
import type { WordReportImage } from "./wordReport";

/** The MIME type of a .docx file. */
export const DOCX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Loads the Word export module (and `docx` with it) on first use; later calls reuse the loaded module. */
export function loadWordReport(): Promise<typeof import("./wordReport")> {
  return import(/* webpackChunkName: "word-report" */ "./wordReport");
}

/**
 * Builds the report's Word file and saves it through the browser's download; returns the file name used.
 * `planTitle` names the file (`<plan title>-2025年总结评估.docx`); without it the report's title does.
 */
export async function saveWordReport(
  doc: ReportDocument,
  images: readonly WordReportImage[] = [],
  planTitle?: string,
): Promise<string> {
  const { buildWordReport } = await loadWordReport();
  const bytes = await buildWordReport(doc, images);
  const fileName = wordReportFileName(doc, planTitle);
  downloadBytes(fileName, bytes, DOCX_MIME_TYPE);
  return fileName;
}
