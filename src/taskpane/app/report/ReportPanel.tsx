/**
 * The evaluation report in the pane (评估报告): choose the year and the kind (年度监测 / 中期评估 / 总结评估,
 * defaulting from the year), see the summary paragraph and the counts the report will carry, then write the
 * report sheet ("生成评估报告") or save the same report as a Word file ("Word 报告"). Every failure is said in
 * a message; plan and cell text are rendered as text, never as HTML.
 *
 * Mount it with the workbook's plan as the sheet holds it, e.g. in App.tsx:
 *   <ReportPanel lang={lang} plan={ready?.sheet.plan ?? null} blocked={ready?.sheet.blocked}
 *                evaluationYear={ready?.summary.evaluationYear} disabled={busy !== null} />
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { EVALUATION_KINDS, pathChartChoices, reportSheetBaseName } from "../../../core/evaluationReport";
import { summarizePlan } from "../../../core/indicatorEvaluation";
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import type { EvaluationKind } from "../../../core/reportDocument";
import { readReportAnalysis, writeReportSheet, type ReportSheetResult } from "../../../excel/reportSheet";
import { t } from "../i18n";
import {
  defaultEvaluationKind,
  failureText,
  initialReportYear,
  paneReport,
  reportChartImages,
  reportYearChoices,
} from "./reportActions";
import { rt } from "./reportStrings";
import { saveWordReport } from "./word/loadWordReport";
import type { WordReportImage } from "./word/wordReport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  summary: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  counts: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface ReportPanelProps {
  lang: Lang;
  /** The workbook's plan with the figures as the sheet holds them (SheetPlan.plan); null before a template exists. */
  plan: Plan | null;
  /** Rows with a cell to fix (SheetPlan.blocked): reported as 待修正, as the pane shows them. */
  blocked?: ReadonlyMap<string, { header: string; text: string }>;
  /** The year the sheet evaluates (the pane's evaluation year): the year the panel starts with. */
  evaluationYear?: number | null;
  /** Another operation of the pane is running. */
  disabled?: boolean;
  /** Called after the report sheet was written. */
  onReportWritten?: (result: ReportSheetResult) => void;
  /**
   * Reads the sheet as it is now (one sync). The report is built from it rather than from the pane's
   * last refresh, which may be a few hundred milliseconds behind what staff just typed.
   */
  readCurrent?: () => Promise<{ plan: Plan; blocked: ReadonlyMap<string, { header: string; text: string }> }>;
}

interface Notice {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  text: string;
  details?: string[];
}

type Busy = null | "sheet" | "word";

export function ReportPanel(props: ReportPanelProps) {
  const styles = useStyles();
  const { lang, plan, blocked } = props;
  // The user's choices; until there is one (or when it no longer fits the plan) the defaults apply:
  // the sheet's evaluation year, and the kind that year calls for.
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [chosenKind, setChosenKind] = useState<{ year: number; kind: EvaluationKind } | null>(null);
  const [pathId, setPathId] = useState<string>("");
  const [busy, setBusy] = useState<Busy>(null);
  const [notices, setNotices] = useState<Notice[]>([]);

  const years = useMemo(() => (plan ? reportYearChoices(plan) : []), [plan]);
  const year =
    plan === null
      ? null
      : chosenYear !== null && years.includes(chosenYear)
        ? chosenYear
        : initialReportYear(plan, props.evaluationYear);
  const kind: EvaluationKind =
    plan === null || year === null
      ? "annual"
      : chosenKind !== null && chosenKind.year === year
        ? chosenKind.kind
        : defaultEvaluationKind(plan, year);

  const preview = useMemo(() => {
    if (!plan || year === null) return null;
    try {
      return { doc: paneReport(plan, { year, kind, lang, ...(blocked ? { blocked } : {}) }), error: null };
    } catch (err) {
      return { doc: null, error: failureText(err, lang) };
    }
  }, [plan, year, kind, lang, blocked]);

  const pathChoices = useMemo(() => {
    if (!plan || year === null) return [];
    return pathChartChoices(plan, summarizePlan(plan, { evaluationYear: year, ...(blocked ? { blocked } : {}) }));
  }, [plan, year, blocked]);

  const disabled = busy !== null || props.disabled === true || !plan || year === null;

  const onYear = (value: string) => {
    const y = Number(value);
    if (Number.isInteger(y)) setChosenYear(y);
  };

  async function run(which: Exclude<Busy, null>, work: () => Promise<Notice[]>) {
    setBusy(which);
    setNotices([]);
    try {
      setNotices(await work());
    } catch (err) {
      setNotices([{ intent: "error", title: t(lang, "errorTitle"), text: failureText(err, lang) }]);
    } finally {
      setBusy(null);
    }
  }

  const choice = () => ({
    year: year!,
    kind,
    lang,
    ...(blocked ? { blocked } : {}),
    ...(pathId ? { pathIndicatorId: pathId } : {}),
  });

  /** The plan and the cells to fix as the sheet holds them now (or as last shown, without a reader). */
  const current = async () => {
    if (!props.readCurrent) return { plan, blocked };
    const now = await props.readCurrent();
    return { plan: now.plan, blocked: now.blocked };
  };

  const onSheet = () =>
    run("sheet", async () => {
      if (!plan || year === null) return [{ intent: "warning", text: rt(lang, "noPlan") }];
      const now = await current();
      const doc = paneReport(now.plan ?? plan, { ...choice(), ...(now.blocked ? { blocked: now.blocked } : {}) });
      const result = await writeReportSheet(doc, { planId: plan.id });
      props.onReportWritten?.(result);
      const out: Notice[] = [];
      const warn = result.keptCells.length > 0 || result.droppedAnalysis.length > 0 || result.previousLayoutChanged;
      out.push({
        intent: warn ? "warning" : "success",
        text: result.created
          ? rt(lang, "written", { sheet: result.sheetName, count: result.indicatorCount })
          : rt(lang, "replaced", { sheet: result.sheetName, count: result.indicatorCount, kept: result.keptAnalysis }),
      });
      if (result.previousLayoutChanged)
        out.push({ intent: "warning", text: rt(lang, "layoutChanged", { sheet: result.sheetName }) });
      if (result.keptCells.length > 0)
        out.push({
          intent: "warning",
          title: rt(lang, "keptCellsTitle"),
          text: "",
          details: result.keptCells.map((c) => `${c.address}: ${c.text}`),
        });
      if (result.droppedAnalysis.length > 0)
        out.push({
          intent: "warning",
          title: rt(lang, "droppedTitle"),
          text: "",
          details: result.droppedAnalysis.map((d) => `${nameOf(plan, d.indicatorId, lang)}: ${d.text}`),
        });
      return out;
    });

  const onWord = () =>
    run("word", async () => {
      if (!plan || year === null) return [{ intent: "warning", text: rt(lang, "noPlan") }];
      const out: Notice[] = [];
      // The 原因分析 staff typed on the report sheet go into the Word file too.
      let analysis: Map<string, string> | undefined;
      try {
        analysis = await readReportAnalysis(kind, year);
      } catch (err) {
        out.push({ intent: "warning", text: rt(lang, "wordNoAnalysis", { reason: failureText(err, lang) }) });
      }
      const now = await current();
      const doc = paneReport(now.plan ?? plan, {
        ...choice(),
        ...(now.blocked ? { blocked: now.blocked } : {}),
        ...(analysis ? { analysis } : {}),
      });
      let images: WordReportImage[] = [];
      try {
        images = await reportChartImages(doc);
      } catch (err) {
        out.push({ intent: "warning", text: rt(lang, "wordNoImages", { reason: failureText(err, lang) }) });
      }
      let fileName: string;
      try {
        fileName = await saveWordReport(doc, images, plan.title[lang]);
      } catch (err) {
        return [
          ...out,
          {
            intent: "error",
            title: t(lang, "errorTitle"),
            text: rt(lang, "wordFailed", { reason: failureText(err, lang) }),
          },
        ];
      }
      return [
        { intent: out.length > 0 ? "warning" : "success", text: rt(lang, "wordDone", { file: fileName }) },
        ...out,
      ];
    });

  const doc = preview?.doc ?? null;

  return (
    <section className={styles.root} aria-labelledby="report-panel-title" aria-busy={busy !== null}>
      <h2 className={styles.title} id="report-panel-title">
        {rt(lang, "sectionTitle")}
      </h2>
      {!plan ? <p className={styles.hint}>{rt(lang, "noPlan")}</p> : null}
      {plan && year !== null ? (
        <>
          <div className={styles.row}>
            <Field label={rt(lang, "year")}>
              <Select value={String(year)} onChange={(_e, data) => onYear(data.value)} disabled={busy !== null}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {lang === "zh" ? `${y}年` : String(y)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={rt(lang, "kind")}>
              <Select
                value={kind}
                onChange={(_e, data) => year !== null && setChosenKind({ year, kind: data.value as EvaluationKind })}
                disabled={busy !== null}
              >
                {EVALUATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {rt(lang, `kind_${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label={rt(lang, "pathIndicator")}>
            <Select value={pathId} onChange={(_e, data) => setPathId(data.value)} disabled={busy !== null}>
              <option value="">{rt(lang, "pathAuto")}</option>
              {pathChoices.map((ind) => (
                <option key={ind.id} value={ind.id}>
                  {ind.name[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void onSheet()} disabled={disabled}>
              {rt(lang, "generate")}
            </Button>
            <Button onClick={() => void onWord()} disabled={disabled}>
              {rt(lang, "word")}
            </Button>
          </div>
          <p className={styles.hint}>{rt(lang, "willWrite", { sheet: reportSheetBaseName(kind, year, lang) })}</p>
        </>
      ) : null}
      {busy !== null ? <Spinner size="tiny" label={t(lang, "working")} /> : null}

      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {n.title ? <MessageBarTitle>{n.title}</MessageBarTitle> : null}
            {n.text}
            {n.details ? (
              <ul className={styles.list}>
                {n.details.slice(0, 20).map((d, j) => (
                  <li key={j}>{d}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                onClick={() => setNotices((all) => all.filter((_n, j) => j !== i))}
              >
                {t(lang, "dismiss")}
              </Button>
            }
          />
        </MessageBar>
      ))}

      {preview?.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{preview.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {doc ? (
        <div aria-label={rt(lang, "preview")}>
          <h3 className={styles.sub}>{rt(lang, "preview")}</h3>
          {doc.rows.length === 0 ? <p className={styles.hint}>{rt(lang, "noIndicators")}</p> : null}
          {doc.summary.map((paragraph, i) => (
            <p key={i} className={styles.summary}>
              {paragraph}
            </p>
          ))}
          {doc.counts.length > 0 ? (
            <>
              <h3 className={styles.sub}>{rt(lang, "countsTitle")}</h3>
              <ul className={styles.counts}>
                {doc.counts.map((c) => (
                  <li key={c.verdict}>{rt(lang, "countItem", { label: c.label, count: c.count })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function nameOf(plan: Plan, id: string, lang: Lang): string {
  return plan.indicators.find((i) => i.id === id)?.name[lang] ?? id;
}
