/**
 * The selected cell's records in the pane: the figure's history (FigureHistoryPanel) when a year's
 * figure is selected, and the target adjustment form (TargetAdjustmentForm) for the selected row's
 * indicator (or `indicatorId`, e.g. the one picked in the pane's list). It also records the sheet's
 * figures in the workbook: once when mounted, then RECORD_DELAY_MS after each reload of the sheet.
 *
 * Mount it in App.tsx while a template is there, with the state usePlanState gives:
 *   {ready ? (
 *     <HistorySection lang={lang} sheet={ready.sheet} indicatorId={selectedId}
 *       paused={busy !== null} disabled={busy !== null} onWorkbookChanged={() => void reload()} />
 *   ) : null}
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { FigureFacts } from "../../../core/figureHistory";
import type { Lang } from "../../../core/messages";
import { adjustTarget } from "../../../excel/adjustTarget";
import { toHostError, type HostOperationError } from "../../../excel/excelRun";
import { setFigureRecord } from "../../../excel/recordFigures";
import type { SheetPlan } from "../../../excel/sheetPlan";
import { t, type StringKey } from "../i18n";
import { FigureHistoryPanel, type SaveFactsResult } from "./FigureHistoryPanel";
import { ht } from "./historyStrings";
import { figureCellView } from "./selectedFigure";
import { TargetAdjustmentForm } from "./TargetAdjustmentForm";
import { useFigureRecorder } from "./useFigureRecorder";
import { useSelectedFigure } from "./useSelectedFigure";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface HistorySectionProps {
  lang: Lang;
  /** The template as the pane read it (usePlanState's ready.sheet); a new object after each reload. */
  sheet: SheetPlan;
  /** The indicator to adjust when no cell of the table is selected (the pane's selected indicator). */
  indicatorId?: string | null;
  /** Another operation of the pane runs: recordings wait, forms are disabled. */
  paused?: boolean;
  disabled?: boolean;
  /** Called after an adjustment wrote the sheet (reload the plan state then). */
  onWorkbookChanged?: () => void;
}

function hostErrorText(error: HostOperationError, lang: Lang): string {
  return t(lang, `err_${error.code}` as StringKey, { detail: error.detail || error.code });
}

export function HistorySection(props: HistorySectionProps) {
  const { lang, sheet, indicatorId = null, paused = false, disabled = false, onWorkbookChanged } = props;
  const styles = useStyles();
  const tableName = sheet.snapshot.tableName;
  const recording = useFigureRecorder(tableName, sheet.snapshot, paused);
  const selected = useSelectedFigure(sheet);
  const snapshotPlan = sheet.snapshot.stored.kind === "ok" ? sheet.snapshot.stored.plan : null;
  const stored = recording.stored ?? snapshotPlan;
  const view = useMemo(() => figureCellView(sheet, stored, selected.cell), [sheet, stored, selected.cell]);
  const rowId = selected.cell?.indicatorId ?? indicatorId;
  const indicator = rowId ? (sheet.plan.indicators.find((i) => i.id === rowId) ?? null) : null;
  const { setStored, exclusive } = recording;

  const saveFacts = async (facts: FigureFacts): Promise<SaveFactsResult> => {
    if (!view) return { ok: false, text: ht(lang, "historyHint") };
    try {
      const outcome = await exclusive(() => setFigureRecord(tableName, view.indicatorId, view.year, facts));
      switch (outcome.kind) {
        case "set":
          setStored(outcome.stored);
          return { ok: true, text: ht(lang, "saved", { address: view.address }) };
        case "invalid":
          return { ok: false, text: outcome.message[lang] };
        case "blocked":
          return { ok: false, text: outcome.block.message[lang] };
      }
    } catch (err) {
      return { ok: false, text: hostErrorText(toHostError(err), lang) };
    }
  };

  const outcome = recording.outcome;
  const blocked = outcome?.kind === "blocked" ? outcome.block.message[lang] : null;
  const notStored = outcome?.kind === "recorded" && outcome.rowsNotStored.length > 0 ? outcome.rowsNotStored : null;

  return (
    <div className={styles.root}>
      {recording.error || blocked ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{ht(lang, "recordingProblem")}</MessageBarTitle>
            {recording.error ? hostErrorText(recording.error, lang) : blocked}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {notStored ? (
        <p className={styles.hint}>{ht(lang, "rowsNotStored", { rows: notStored.slice(0, 20).join("、") })}</p>
      ) : null}
      {selected.error ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{hostErrorText(selected.error, lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <FigureHistoryPanel
        lang={lang}
        view={view}
        other={
          selected.cell && selected.cell.year === null
            ? { address: selected.cell.address, header: selected.cell.header }
            : null
        }
        disabled={disabled}
        onSave={saveFacts}
      />
      {indicator ? (
        <TargetAdjustmentForm
          key={indicator.id}
          lang={lang}
          indicator={indicator}
          disabled={disabled}
          onSubmit={async (input, overwrite) => {
            const result = await exclusive(() => adjustTarget(tableName, indicator.id, input, { overwrite }));
            if (result.kind === "adjusted") setStored(result.stored);
            return result;
          }}
          onAdjusted={() => onWorkbookChanged?.()}
        />
      ) : (
        <p className={styles.hint}>{ht(lang, "adjustChooseRow")}</p>
      )}
    </div>
  );
}
