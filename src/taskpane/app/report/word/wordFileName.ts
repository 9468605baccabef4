/**
 * The Word file's name: `<plan title>-2025年总结评估.docx` (English: `<plan title> - 2025 final evaluation.docx`),
 * made safe for Windows, macOS and Linux file systems and for the browser's download.
 */
import type { EvaluationKind, ReportDocument } from "../../../../core/reportDocument";

const KIND_ZH: Record<EvaluationKind, string> = { annual: "年度监测", midterm: "中期评估", final: "总结评估" };
const KIND_EN: Record<EvaluationKind, string> = {
  annual: "annual monitoring",
  midterm: "mid-term evaluation",
  final: "final evaluation",
};

/** Characters no Windows file name may hold, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Stays well under the 255-byte limit of most file systems even in UTF-8 Chinese (3 bytes a character). */
const MAX_STEM_CHARACTERS = 80;

/**
 * A file-name stem from any text: forbidden characters become "_", runs of white space one space,
 * no leading or trailing dots or spaces, at most `maxCharacters` (80) characters, never cutting a surrogate pair,
 * never a reserved device name, never empty (`fallback`).
 */
export function sanitizeFileStem(text: string, fallback = "report", maxCharacters = MAX_STEM_CHARACTERS): string {
  let stem = text
    .replace(FORBIDDEN, "_")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  stem = Array.from(stem).slice(0, maxCharacters).join("");
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, "");
  if (stem === "") return fallback;
  if (RESERVED.test(stem.split(".")[0]!)) return `_${stem}`;
  return stem;
}

/** The .docx file name for a report: the plan's title (or the report's) with the year and kind of evaluation. */
export function wordReportFileName(
  doc: Pick<ReportDocument, "lang" | "kind" | "evaluationYear" | "title">,
  planTitle?: string,
): string {
  const fallback = doc.lang === "zh" ? "评估报告" : "evaluation report";
  if (planTitle === undefined || planTitle.trim() === "") return `${sanitizeFileStem(doc.title, fallback)}.docx`;
  const suffix =
    doc.lang === "zh"
      ? `-${doc.evaluationYear}年${KIND_ZH[doc.kind]}`
      : ` - ${doc.evaluationYear} ${KIND_EN[doc.kind]}`;
  // The plan's title gives way to the suffix when the name is too long: the year and kind always show.
  const plan = sanitizeFileStem(planTitle, fallback, MAX_STEM_CHARACTERS - Array.from(suffix).length);
  return `${plan}${suffix}.docx`;
}
