/**
 * The selected cell's records in the pane: the figure's history (FigureHistoryPanel) when a year's
 * figure is selected, and the target adjustment form (TargetAdjustmentForm) for the selected row's
 * indicator (or `indicatorId`, e.g. the one picked in the pane's list), and why the figures entered were
 * not recorded, when they were not (the store records them in the background: figureRecorder.ts).
 *
 * Mounted by the pane's HistoryArea while a template is there, with the store's plan state, selection,
 * recording and lock; saves run under the lock, which keeps any recording from running beside them.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { FigureFacts } from "../../../core/figureHistory";
import type { Lang } from "../../../core/messages";
import { adjustTarget } from "../../../excel/adjustTarget";
import type { HostOperationError } from "../../../excel/excelRun";
import { setFigureRecord } from "../../../excel/recordFigures";
import type { Plan } from "../../../core/planSchema";
import type { SheetPlan } from "../../../excel/sheetPlan";
import { failureText, hostErrorText } from "../hostErrorText";
import { t } from "../i18n";
import type { RecorderState } from "../store/figureRecorder";
import { operationLabel } from "../store/operations";
import type { PaneState } from "../store/paneState";
import type { PaneStore } from "../store/paneStore";
import { FigureHistoryPanel, type SaveFactsResult } from "./FigureHistoryPanel";
import { ht } from "./historyStrings";
import { figureCellView } from "./selectedFigure";
import { TargetAdjustmentForm } from "./TargetAdjustmentForm";
import { useSelectedFigure } from "./useSelectedFigure";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface HistorySectionProps {
  lang: Lang;
  /** The template as the pane read it (the pane store's ready.sheet); a new object after each reload. */
  sheet: SheetPlan;
  /** The indicator to adjust when no cell of the table is selected (the pane's selected indicator). */
  indicatorId?: string | null;
  /** Another operation of the pane runs: the forms are disabled. */
  disabled?: boolean;
  /** The store's selection on the template's sheet and a failure to watch it. */
  selection: PaneState["selection"];
  selectionError: HostOperationError | null;
  /** The store's background recording of the figures. */
  recording: RecorderState;
  /** Called after an adjustment wrote the sheet (reload the plan state then). */
  onWorkbookChanged?: () => void;
  /** The pane's operation lock (PaneStore.exclusive): a save waits for no other operation, it is refused. */
  lock: PaneStore["exclusive"];
  /** Shows the plan a save stored until the next recording (PaneStore.showStored). */
  showStored: (plan: Plan) => void;
}

/** Runs `work` under the pane's lock; a refusal is said in the form that asked. */
async function locked<T>(
  lock: HistorySectionProps["lock"],
  op: "figureFacts" | "targetAdjustment",
  lang: Lang,
  work: () => Promise<T>,
): Promise<T> {
  const r = await lock(op, work);
  if (!r.ran)
    throw new Error(
      t(lang, "refusedBusy", { running: operationLabel(r.running, lang), operation: operationLabel(op, lang) }),
    );
  return r.value;
}

export function HistorySection(props: HistorySectionProps) {
  const { lang, sheet, indicatorId = null, disabled = false, onWorkbookChanged, lock, recording, showStored } = props;
  const styles = useStyles();
  const tableName = sheet.snapshot.tableName;
  const selected = useSelectedFigure(sheet, props.selection);
  const snapshotPlan = sheet.snapshot.stored.kind === "ok" ? sheet.snapshot.stored.plan : null;
  const stored = recording.stored ?? snapshotPlan;
  const view = useMemo(() => figureCellView(sheet, stored, selected.cell), [sheet, stored, selected.cell]);
  const rowId = selected.cell?.indicatorId ?? indicatorId;
  const indicator = rowId ? (sheet.plan.indicators.find((i) => i.id === rowId) ?? null) : null;

  const saveFacts = async (facts: FigureFacts): Promise<SaveFactsResult> => {
    if (!view) return { ok: false, text: ht(lang, "historyHint") };
    try {
      const outcome = await locked(lock, "figureFacts", lang, () =>
        setFigureRecord(tableName, view.indicatorId, view.year, facts),
      );
      switch (outcome.kind) {
        case "set":
          showStored(outcome.stored);
          return { ok: true, text: ht(lang, "saved", { address: view.address }) };
        case "invalid":
          return { ok: false, text: outcome.message[lang] };
        case "blocked":
          return { ok: false, text: outcome.block.message[lang] };
      }
    } catch (err) {
      return { ok: false, text: failureText(err, lang) };
    }
  };

  return (
    <div className={styles.root}>
      <RecordingNotices lang={lang} recording={recording} selectedError={props.selectionError} />
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
            const result = await locked(lock, "targetAdjustment", lang, () =>
              adjustTarget(tableName, indicator.id, input, { overwrite }),
            );
            if (result.kind === "adjusted") showStored(result.stored);
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

/** Why figures were not recorded (a failure, a stored plan that may not be overwritten), and a failed selection read. */
function RecordingNotices(props: { lang: Lang; recording: RecorderState; selectedError: HostOperationError | null }) {
  const styles = useStyles();
  const { lang, recording, selectedError } = props;
  const outcome = recording.outcome;
  const blocked = outcome?.kind === "blocked" ? outcome.block.message[lang] : null;
  const notStored = outcome?.kind === "recorded" && outcome.rowsNotStored.length > 0 ? outcome.rowsNotStored : null;
  return (
    <>
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
      {selectedError ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{hostErrorText(selectedError, lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
