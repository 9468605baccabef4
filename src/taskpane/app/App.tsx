/**
 * The pane: the state of the plan at the top (title, data year, counts by status), the three
 * actions (insert the template, validate, highlight off-track rows), their results, and the
 * indicators. Every workbook call goes through src/excel; every number comes from the core.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { Lang } from "../../core/messages";
import type { Plan } from "../../core/planSchema";
import { columnLetters } from "../../excel/a1";
import { applyFixes, type CellFix } from "../../excel/applyFixes";
import { canGroupUndo, toHostError, type HostOperationError } from "../../excel/excelRun";
import { applyHighlightRules, highlightsOn, removeHighlightRules } from "../../excel/highlights";
import { insertTemplate, SHEET_BASE_NAME } from "../../excel/insertTemplate";
import { readTemplate } from "../../excel/readTemplate";
import { repairTemplate } from "../../excel/repairTemplate";
import { planFromSnapshot } from "../../excel/sheetPlan";
import { selectRange } from "../../excel/selectCell";
import { publishWorkbookLanguage } from "../../excel/workbookLanguageSetting";
import { setEvaluationYear } from "../../excel/evaluationYear";
import { planYears } from "../../core/templateLayout";
import { yearCell } from "../../core/templateBlock";
import { EvaluationYearControl } from "./components/EvaluationYearControl";
import { PlanCharts } from "./components/PlanCharts";
import { HighlightControl } from "./components/HighlightControl";
import { TemplateIntegrityNotice } from "./components/TemplateIntegrityNotice";
import { groupByLeadUnit, IndicatorList, indicatorRows, unitsOf, type UnitFilter } from "./components/IndicatorList";
import { UnitFilterBar } from "./components/UnitFilterBar";
import { StatusCards, statusName } from "./components/StatusCards";
import { HistorySection } from "./history/HistorySection";
import { ReportPanel } from "./report/ReportPanel";
import { TravelPanel } from "./travel/TravelPanel";
import { afterHighlight, afterInsert } from "./travel/travelActions";
import { ValidationPanel } from "./components/ValidationPanel";
import { t, type StringKey } from "./i18n";
import type { StatusKey } from "./statusStyle";
import { evaluateSnapshot, usePlanState } from "./usePlanState";
import { buildFindings, type FindingView } from "./validationView";
import {
  describeIdRows,
  describeLeftRules,
  describeRepair,
  integrityProblems,
  integrityText,
  repairOffered,
} from "./integrityView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    overflowWrap: "anywhere",
  },
  sub: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  sectionTitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  details: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
});

type Busy = null | "insert" | "validate" | "highlight" | "fix" | "select" | "year" | "repair";

interface Notice {
  intent: "success" | "error" | "info" | "warning";
  title?: string;
  text: string;
  details?: string[];
}

/** The year staff chose in the template's B3, or null when it is automatic (blank) or not a year. */
function yearOf(ready: { snapshot: { evaluationYearInput: unknown } }): number | null {
  return yearCell(ready.snapshot.evaluationYearInput);
}

export function errorText(error: HostOperationError, lang: Lang): string {
  const key = `err_${error.code}` as StringKey;
  return t(lang, key, { detail: error.detail || error.code });
}

export interface AppProps {
  lang: Lang;
  /** The plan Insert template writes (the seed plan unless the host passes another). */
  plan: Plan;
}

export function App({ lang, plan }: AppProps) {
  const styles = useStyles();
  const { state, reload } = usePlanState();
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [filter, setFilter] = useState<StatusKey | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [unitFilter, setUnitFilter] = useState<UnitFilter>({ kind: "all" });
  const [groupedByUnit, setGroupedByUnit] = useState(false);
  const grouped = useMemo(() => canGroupUndo(), []);
  const ready = state.kind === "ready" ? state : null;
  // The plan Insert template writes: the one passed in, or one staff imported in the pane.
  const [chosenPlan, setChosenPlan] = useState(plan);

  const fail = useCallback(
    (err: unknown) =>
      setNotice({ intent: "error", title: t(lang, "errorTitle"), text: errorText(toHostError(err), lang) }),
    [lang],
  );

  async function run(kind: Exclude<Busy, null>, work: () => Promise<void>): Promise<void> {
    setBusy(kind);
    try {
      await work();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  }

  const onInsert = () =>
    run("insert", async () => {
      setNotice(null);
      const highlighted = ready !== null && highlightsOn(ready.snapshot);
      const result = await insertTemplate(chosenPlan, lang);
      // The plan and state travel with the file; the workbook is tagged to open the pane. The template
      // is in either way: a failure here is a warning that says what did not happen, never swallowed.
      const followUps: string[] = [];
      const reason = (e: unknown) => errorText(toHostError(e), lang);
      const notDone = await afterInsert(result.created, chosenPlan, chosenPlan !== plan).catch((e: unknown) => {
        followUps.push(t(lang, "planNotStored", { reason: reason(e) }));
        return [];
      });
      followUps.push(...notDone.map((m) => m[lang]));
      if (result.created)
        await publishWorkbookLanguage(lang).catch((e: unknown) => {
          followUps.push(t(lang, "languageNotStored", { reason: reason(e) }));
        });
      // Rows a refresh appended are outside the highlight rules' range: lay the rules again over all rows.
      if (highlighted && !result.created && result.added > 0)
        followUps.push(
          ...describeLeftRules((await applyHighlightRules(await readTemplate(result.tableName))).left, lang),
        );
      followUps.push(...describeIdRows(result.idRows ?? [], lang));
      await reload(result.tableName);
      setFindings(null);
      const kept = result.kept.map((k) => `${k.address} ${k.header}: ${k.current} (${k.planned})`);
      if (result.relaid?.indicatorsNotInPlan.length)
        followUps.push(t(lang, "relaidNotInPlan", { ids: result.relaid.indicatorsNotInPlan.join("、") }));
      setNotice({
        intent: result.kept.length > 0 || followUps.length > 0 || result.relaid ? "warning" : "success",
        text: result.relaid
          ? t(lang, "relaid", {
              sheet: result.sheetName,
              count: result.relaid.carriedCells,
              old: result.relaid.previousSheet,
            })
          : result.created
            ? t(lang, "inserted", { sheet: result.sheetName, count: result.indicatorCount })
            : t(lang, "refreshed", {
                sheet: result.sheetName,
                added: result.added,
                figures: result.figuresKept,
                kept: result.kept.length,
              }),
        ...(result.kept.length > 0 ? { title: t(lang, "keptCellsTitle") } : {}),
        ...(kept.length + followUps.length > 0 ? { details: [...followUps, ...kept] } : {}),
      });
    });

  const validate = async (tableName: string) => {
    const snapshot = await readTemplate(tableName);
    setFindings(buildFindings(planFromSnapshot(snapshot), lang));
  };

  const onValidate = () =>
    run("validate", async () => {
      setNotice(null);
      if (!ready) throw toHostError({ code: "ItemNotFound" });
      await validate(ready.snapshot.tableName);
    });

  const onApplyFixes = (fixes: CellFix[]) =>
    run("fix", async () => {
      if (!ready) throw toHostError({ code: "ItemNotFound" });
      const outcome = await applyFixes(ready.snapshot.tableName, fixes);
      const parts = [t(lang, "fixesApplied", { applied: outcome.applied.length })];
      if (outcome.skipped.length > 0) parts.push(t(lang, "fixesSkipped", { skipped: outcome.skipped.length }));
      setNotice({ intent: outcome.skipped.length > 0 ? "warning" : "success", text: parts.join(" ") });
      await validate(ready.snapshot.tableName);
      await reload();
    });

  const onHighlight = (on: boolean) =>
    run("highlight", async () => {
      if (!ready) throw toHostError({ code: "ItemNotFound" });
      const change = on ? await applyHighlightRules(ready.snapshot) : await removeHighlightRules(ready.snapshot);
      // Rules behind stored ids that are not (any more) the add-in's were left: say which.
      const details = describeLeftRules(change.left, lang);
      await afterHighlight().then(
        (notStored) => details.push(...notStored.map((m) => m[lang])),
        (e: unknown) => details.push(t(lang, "highlightNotStored", { reason: errorText(toHostError(e), lang) })),
      );
      setNotice(
        details.length > 0
          ? { intent: "warning", text: t(lang, on ? "highlightOn" : "highlightOff"), details }
          : { intent: "success", text: t(lang, on ? "highlightOn" : "highlightOff") },
      );
      await reload();
    });

  const onRepair = () =>
    run("repair", async () => {
      if (!ready) throw toHostError({ code: "ItemNotFound" });
      setNotice(describeRepair(await repairTemplate(ready.snapshot.tableName), lang));
      setFindings(null);
      await reload();
    });

  const onEvaluationYear = (year: number | null) =>
    run("year", async () => {
      if (!ready) throw toHostError({ code: "ItemNotFound" });
      await setEvaluationYear(ready.snapshot.tableName, year);
      setNotice({
        intent: "success",
        text: year === null ? t(lang, "evaluationYearCleared") : t(lang, "evaluationYearSet", { year }),
      });
      await reload();
    });

  const onSelectCell = (address: string) => {
    if (!ready) return;
    void run("select", () => selectRange(ready.snapshot.sheetName, address));
  };

  const onSelectIndicator = (id: string) => {
    if (!ready) return;
    setSelectedId(id);
    const row = ready.sheet.rowOf.get(id);
    if (row === undefined) return;
    const { firstColumn } = ready.snapshot.body;
    const last = firstColumn + Math.max(ready.snapshot.headers.length, 1) - 1;
    onSelectCell(`${columnLetters(firstColumn)}${row}:${columnLetters(last)}${row}`);
  };

  const insertHint = ready
    ? t(lang, "insertWillRefresh", { sheet: ready.snapshot.sheetName })
    : t(lang, "insertWillCreate", {
        sheet: SHEET_BASE_NAME[lang],
        plan: chosenPlan.title[lang],
        count: chosenPlan.indicators.length,
      });

  const rows = ready ? indicatorRows(ready.summary, ready.sheet.plan.indicators, filter, unitFilter) : [];
  const integrity = ready ? integrityProblems(ready.sheet, lang) : [];
  const units = ready ? unitsOf(ready.sheet.plan.indicators) : [];

  return (
    <main
      className={styles.root}
      lang={lang === "zh" ? "zh-CN" : "en-US"}
      aria-busy={busy !== null || state.kind === "loading"}
    >
      <header>
        <h1 className={styles.title}>{ready ? ready.sheet.plan.title[lang] : t(lang, "appTitle")}</h1>
        {ready ? (
          <p className={styles.sub}>
            {ready.summary.dataYear !== null
              ? t(lang, "evaluationYearNow", {
                  year: ready.summary.evaluationYear,
                  auto:
                    ready.sheet.evaluationYearInvalid === null && yearOf(ready) === null
                      ? t(lang, "evaluationYearIsAuto")
                      : "",
                })
              : t(lang, "noDataYear")}
            {" · "}
            {ready.snapshot.sheetName}
          </p>
        ) : null}
      </header>

      {ready ? (
        <EvaluationYearControl
          lang={lang}
          years={planYears(ready.sheet.plan)}
          chosen={yearOf(ready)}
          latest={ready.summary.dataYear}
          disabled={busy !== null}
          onChange={(year) => void onEvaluationYear(year)}
        />
      ) : null}
      {ready?.sheet.evaluationYearInvalid ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t(lang, "evaluationYearInvalid", {
              cell: ready.sheet.evaluationYearInvalid.address,
              text: ready.sheet.evaluationYearInvalid.text,
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {ready && integrity.length > 0 ? (
        <TemplateIntegrityNotice
          title={integrityText(lang, "title")}
          problems={integrity.map((p) => p.message)}
          repair={
            repairOffered(ready.sheet)
              ? { label: integrityText(lang, "repairAction"), hint: integrityText(lang, "repairHint") }
              : null
          }
          disabled={busy !== null}
          onRepair={() => void onRepair()}
        />
      ) : null}

      {state.kind === "loading" ? <Spinner size="tiny" label={t(lang, "working")} /> : null}
      {state.kind === "none" ? <p className={styles.sub}>{t(lang, "noTemplate")}</p> : null}
      {state.kind === "error" ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(state.error, lang)}</MessageBarBody>
        </MessageBar>
      ) : null}

      {ready ? <StatusCards summary={ready.summary} lang={lang} filter={filter} onFilter={setFilter} /> : null}

      <section className={styles.actions}>
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={onInsert} disabled={busy !== null}>
            {t(lang, "insertTemplate")}
          </Button>
          <Button onClick={onValidate} disabled={busy !== null || !ready}>
            {t(lang, "validate")}
          </Button>
        </div>
        <p className={styles.hint}>
          {insertHint} {t(lang, grouped ? "undoGrouped" : "undoNotGrouped")}
        </p>
        <HighlightControl
          lang={lang}
          checked={ready ? highlightsOn(ready.snapshot) : false}
          disabled={busy !== null || !ready}
          onChange={(on) => void onHighlight(on)}
        />
        {busy !== null && busy !== "select" ? <Spinner size="tiny" label={t(lang, "working")} /> : null}
      </section>

      {notice ? (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.title ? <MessageBarTitle>{notice.title}</MessageBarTitle> : null}
            {notice.text}
            {notice.details ? (
              <ul className={styles.details}>
                {notice.details.slice(0, 20).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={() => setNotice(null)}>
                {t(lang, "dismiss")}
              </Button>
            }
          />
        </MessageBar>
      ) : null}

      {findings && ready ? (
        <section>
          <h2 className={styles.sectionTitle}>{t(lang, "findingsTitle")}</h2>
          <ValidationPanel
            findings={findings}
            indicatorCount={ready.sheet.plan.indicators.length}
            lang={lang}
            busy={busy !== null}
            onSelectCell={onSelectCell}
            onApplyFixes={(fixes) => void onApplyFixes(fixes)}
          />
        </section>
      ) : null}

      {ready ? (
        <section>
          <h2 className={styles.sectionTitle}>{t(lang, "charts")}</h2>
          <PlanCharts
            lang={lang}
            plan={ready.sheet.plan}
            summary={ready.summary}
            selectedId={selectedId}
            onSelect={onSelectIndicator}
          />
        </section>
      ) : null}

      {ready ? (
        <section>
          <h2 className={styles.sectionTitle}>{t(lang, "indicators")}</h2>
          {filter !== null ? (
            <div className={styles.buttons}>
              <span className={styles.sub}>{t(lang, "filteredBy", { status: statusName(filter, lang) })}</span>
              <Button size="small" onClick={() => setFilter(null)}>
                {t(lang, "showAll")}
              </Button>
            </div>
          ) : null}
          {units.length > 0 ? (
            <UnitFilterBar
              lang={lang}
              units={units}
              filter={unitFilter}
              grouped={groupedByUnit}
              onFilter={setUnitFilter}
              onGrouped={setGroupedByUnit}
            />
          ) : null}
          {groupedByUnit ? (
            groupByLeadUnit(rows).map((g) => (
              <section key={g.unit ?? ""} aria-label={g.unit ?? t(lang, "noUnit")}>
                <h3 className={styles.sectionTitle}>{g.unit ?? t(lang, "noUnit")}</h3>
                <IndicatorList rows={g.rows} lang={lang} onSelect={onSelectIndicator} />
              </section>
            ))
          ) : (
            <IndicatorList rows={rows} lang={lang} onSelect={onSelectIndicator} />
          )}
        </section>
      ) : null}

      {ready ? (
        <section>
          <HistorySection
            lang={lang}
            sheet={ready.sheet}
            indicatorId={selectedId}
            paused={busy !== null}
            disabled={busy !== null}
            onWorkbookChanged={() => void reload()}
          />
        </section>
      ) : null}

      <ReportPanel
        lang={lang}
        plan={ready ? ready.sheet.plan : null}
        {...(ready
          ? {
              blocked: ready.sheet.blocked,
              evaluationYear: ready.summary.evaluationYear,
              readCurrent: async () => {
                const { sheet } = evaluateSnapshot(await readTemplate(ready.snapshot.tableName));
                return { plan: sheet.plan, blocked: sheet.blocked };
              },
            }
          : {})}
        disabled={busy !== null}
      />

      <TravelPanel
        lang={lang}
        tableName={ready ? ready.snapshot.tableName : null}
        disabled={busy !== null}
        onPlanChosen={setChosenPlan}
        onWorkbookChanged={() => void reload()}
      />
    </main>
  );
}
