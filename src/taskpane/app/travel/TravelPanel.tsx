/**
 * Sharing and other plans: the auto-open switch, the portable copy, exporting the workbook's plan,
 * and choosing another plan (a plan file picked or pasted, or a table selected in a sheet, confirmed
 * in a form). When the pane opens it restores the add-in's state from the stored plan when that is
 * needed and possible, and shows what stored data cannot be used with the repair that would fix it
 * (修复, repairStoredPlan.ts); Export offers the same when it is refused for that reason. Every
 * failure is shown: what did not happen, and why. Plan and cell text are rendered as text, never
 * as HTML.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import type { Lang } from "../../../core/messages";
import { parsePlanFile, type PlanFileIssue } from "../../../core/planFile";
import type { Plan } from "../../../core/planSchema";
import { parsePlanTable, type TableImportResult } from "../../../core/planTableImport";
import { decodeText } from "../../../core/textDecoding";
import { autoOpenUnavailableReason, readAutoOpen } from "../../../excel/autoOpen";
import { toHostError, type HostOperationError } from "../../../excel/excelRun";
import { describeExportSkip } from "../../../core/planExport";
import { exportWorkbookPlan } from "../../../excel/exportPlan";
import { recordFigures } from "../../../excel/recordFigures";
import { valueCellsText, writePortableCopy } from "../../../excel/portableCopy";
import type { PortableMode } from "../../../excel/portableContent";
import { readSelectedValues } from "../../../excel/readSelection";
import { diagnoseStoredPlan, repairStoredPlan, type RepairProposal } from "../../../excel/repairStoredPlan";
import { t, type StringKey } from "../i18n";
import { downloadText } from "./download";
import { TableImportForm } from "./TableImportForm";
import { onPaneOpen, switchAutoOpen } from "./travelActions";
import { tt } from "./travelStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
});

type Notice = { intent: "success" | "error" | "warning" | "info"; text: string; details?: string[] };

/** The auto-open switch: loading, on/off, or not available here (and why). */
type AutoOpenView = { kind: "loading" } | { kind: "known"; on: boolean } | { kind: "unavailable"; reason: string };

export function TravelPanel(props: {
  lang: Lang;
  /** The template's table, when the workbook has one. */
  tableName: string | null;
  disabled: boolean;
  onPlanChosen: (plan: Plan) => void;
  onWorkbookChanged: () => void;
}) {
  const styles = useStyles();
  const { lang, tableName } = props;
  const fileId = useId();
  const [autoOpen, setAutoOpenState] = useState<AutoOpenView>({ kind: "loading" });
  /** Stored data the add-in cannot use, and the repair offered for it (null: nothing to repair). */
  const [repair, setRepair] = useState<RepairProposal | null>(null);
  const [mode, setMode] = useState<PortableMode>("native");
  const [paste, setPaste] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [table, setTable] = useState<TableImportResult | null>(null);

  const hostText = (error: HostOperationError) =>
    t(lang, `err_${error.code}` as StringKey, { detail: error.detail || error.code });

  /** The switch as the document now is: on/off, or why it is not available here (a failure to read says so). */
  const showAutoOpen = async (): Promise<AutoOpenView> => {
    try {
      const on = await readAutoOpen();
      if (on !== null) return { kind: "known", on };
      return { kind: "unavailable", reason: autoOpenUnavailableReason()?.[lang] ?? tt(lang, "autoOpenUnavailable") };
    } catch (err) {
      return { kind: "unavailable", reason: tt(lang, "autoOpenReadFailed", { reason: hostText(toHostError(err)) }) };
    }
  };

  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        const opened = await onPaneOpen();
        if (!alive) return;
        if (opened.restored) {
          setNotice({
            intent: "info",
            text: tt(lang, opened.restored === "repaired" ? "storedRepaired" : "storedRestored"),
          });
          props.onWorkbookChanged();
        }
        if (opened.proposal.kind !== "none") setRepair(opened.proposal);
      } catch (err) {
        const error = toHostError(err);
        // Outside Excel nothing is stored to check: said once, as what it is, not as a failure.
        if (alive)
          setNotice(
            error.code === "notInExcel"
              ? { intent: "info", text: tt(lang, "storeNotChecked") }
              : { intent: "error", text: tt(lang, "storeCheckFailed", { reason: hostText(error) }) },
          );
      }
      const view = await showAutoOpen();
      if (alive) setAutoOpenState(view);
    })();
    return () => {
      alive = false;
    };
    // Once per pane: the workbook's stored plan is read when the pane opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Inserting a template tags the workbook: show the switch as the document now is.
  useEffect(() => {
    let alive = true;
    if (tableName) void showAutoOpen().then((view) => alive && setAutoOpenState(view));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tableName]);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setNotice({ intent: "error", text: hostText(toHostError(err)) });
    } finally {
      setBusy(false);
    }
  }

  const disabled = busy || props.disabled;
  const rowsText = (rows: number[]) => rows.slice(0, 20).join(lang === "zh" ? "、" : ", ");

  const onAutoOpen = (on: boolean) =>
    run(async () => {
      const now = await switchAutoOpen(on);
      const notes = now.notes.map((m) => m[lang]);
      if (now.autoOpen === null) {
        setAutoOpenState(await showAutoOpen());
        setNotice({ intent: "warning", text: tt(lang, "autoOpenNotChanged"), details: notes });
        return;
      }
      setAutoOpenState({ kind: "known", on: now.autoOpen });
      const text = tt(lang, on ? "autoOpenOn" : "autoOpenOff");
      setNotice(notes.length > 0 ? { intent: "warning", text, details: notes } : { intent: "success", text });
    });

  const onRepair = () =>
    run(async () => {
      const outcome = await repairStoredPlan();
      if (outcome.kind !== "repaired") {
        setNotice({ intent: outcome.kind === "notNeeded" ? "info" : "warning", text: outcome.message[lang] });
        if (outcome.kind === "notNeeded") setRepair(null);
        return;
      }
      // Nothing removed is lost: each copy replaced or removed is handed back as a file.
      for (const b of outcome.backups) downloadText(b.fileName, b.text);
      setRepair(null);
      setNotice({
        intent: "success",
        text: tt(lang, "repairDone"),
        details: [
          ...outcome.done.map((m) => m[lang]),
          ...outcome.backups.map((b) => tt(lang, "repairBackup", { file: b.fileName })),
        ],
      });
      props.onWorkbookChanged();
    });

  const onPortable = () =>
    run(async () => {
      if (!tableName) throw toHostError({ code: "ItemNotFound" });
      const r = await writePortableCopy(tableName, mode);
      const text = tt(lang, "portableDone", { sheet: r.sheetName, translated: r.translated, frozen: r.frozen });
      const details = [
        ...(r.unreadableRows.length > 0 ? [tt(lang, "portableUnreadable", { rows: rowsText(r.unreadableRows) })] : []),
        ...(r.valueCells.length > 0 ? [valueCellsText(r.valueCells, lang)] : []),
      ];
      setNotice(details.length > 0 ? { intent: "warning", text, details } : { intent: "success", text });
    });

  const onExport = () =>
    run(async () => {
      if (!tableName) throw toHostError({ code: "ItemNotFound" });
      // Record what was typed since the last recording first, so the file carries every revision's history.
      const recorded = await recordFigures(tableName);
      const r = await exportWorkbookPlan(tableName);
      const skipped = r.skipped.map((s) => describeExportSkip(s, lang));
      const notRecorded = recorded.kind === "blocked" ? [recorded.block.message[lang]] : [];
      if (!r.ok && r.store) {
        // The stored plan cannot be used: say which and why, and offer the repair (never a made-up plan).
        setNotice({ intent: "error", text: tt(lang, "exportStoreProblem"), details: [r.store.message[lang]] });
        if (r.store.kind !== "otherPlan") {
          const { proposal } = await diagnoseStoredPlan();
          setRepair(proposal.kind === "none" ? null : proposal);
        }
        return;
      }
      if (!r.ok) {
        setNotice({
          intent: "error",
          text: tt(lang, "exportRefused"),
          details: [...r.issues.map((i) => i.message[lang]), ...skipped, ...notRecorded],
        });
        return;
      }
      downloadText(r.fileName, r.text);
      const origin = r.origin.kind === "stored" ? [] : [r.origin.message[lang]];
      const details = [...origin, ...skipped, ...notRecorded];
      setNotice({
        intent: skipped.length > 0 || origin.length > 0 ? "warning" : "success",
        text: tt(lang, "exportDone", { file: r.fileName, count: r.plan.indicators.length }),
        ...(details.length > 0 ? { details } : {}),
      });
    });

  const choose = (plan: Plan, encodingNote?: string) => {
    setTable(null);
    props.onPlanChosen(plan);
    setNotice({
      intent: "success",
      text: tt(lang, "importChosen", { plan: plan.title[lang], count: plan.indicators.length }),
      ...(encodingNote ? { details: [encodingNote] } : {}),
    });
  };

  const readPlanText = (text: string, encodingNote?: string) => {
    const r = parsePlanFile(text);
    if (r.ok) return choose(r.plan, encodingNote);
    setNotice({
      intent: "error",
      text: tt(lang, "importProblems", { count: r.issues.length }),
      details: [
        ...(encodingNote ? [encodingNote] : []),
        ...r.issues.slice(0, 20).map((i: PlanFileIssue) => i.message[lang]),
      ],
    });
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      // Notepad saves UTF-8, UTF-16 or GBK ("ANSI"): decode the bytes, or say why not, never import mojibake.
      const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return setNotice({ intent: "error", text: decoded.message[lang] });
      readPlanText(decoded.text, decoded.note?.[lang]);
    });
  };

  const onSelection = () =>
    run(async () => {
      const { address, values } = await readSelectedValues();
      // Messages name sheet rows: the selection's first row is in its address (Sheet1!B3:H25).
      const firstRow = Number(/^\$?[A-Z]+\$?(\d+)/.exec(address.slice(address.lastIndexOf("!") + 1))?.[1] ?? 1);
      const r = parsePlanTable(values, { firstRow });
      if (!r.ok) return setNotice({ intent: "error", text: r.message[lang] });
      setTable(r);
    });

  return (
    <section className={styles.root} aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`} className={styles.title}>
        {tt(lang, "sectionTitle")}
      </h2>

      <div className={styles.group}>
        <Switch
          label={tt(lang, "autoOpen")}
          checked={autoOpen.kind === "known" && autoOpen.on}
          disabled={disabled || autoOpen.kind !== "known"}
          onChange={(_e, d) => void onAutoOpen(d.checked)}
        />
        <p className={styles.hint}>
          {autoOpen.kind === "unavailable"
            ? autoOpen.reason
            : autoOpen.kind === "loading"
              ? tt(lang, "autoOpenLoading")
              : tt(lang, "autoOpenHint")}
        </p>
      </div>

      {repair ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {repair.problem ? <p className={styles.hint}>{repair.problem[lang]}</p> : null}
            <p className={styles.hint}>{repair.action[lang]}</p>
            {repair.kind !== "updateAddin" && repair.kind !== "none" ? (
              <Button onClick={() => void onRepair()} disabled={disabled}>
                {tt(lang, "repairButton")}
              </Button>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.group}>
        <h3 className={styles.sub}>{tt(lang, "portableTitle")}</h3>
        <p className={styles.hint}>{tt(lang, "portableHint")}</p>
        <RadioGroup
          value={mode}
          onChange={(_e, d) => setMode(d.value as PortableMode)}
          aria-label={tt(lang, "portableTitle")}
        >
          <Radio value="native" label={tt(lang, "portableNative")} />
          <Radio value="values" label={tt(lang, "portableValues")} />
        </RadioGroup>
        <div className={styles.buttons}>
          <Button onClick={() => void onPortable()} disabled={disabled || !tableName}>
            {tt(lang, "portableWrite")}
          </Button>
          <Button onClick={() => void onExport()} disabled={disabled || !tableName}>
            {tt(lang, "exportTitle")}
          </Button>
        </div>
      </div>

      <div className={styles.group}>
        <h3 className={styles.sub}>{tt(lang, "importTitle")}</h3>
        <Field label={tt(lang, "importFile")}>
          <input
            id={`${fileId}-file`}
            type="file"
            accept=".json,application/json"
            disabled={disabled}
            onChange={(e) => {
              onFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = "";
            }}
          />
        </Field>
        <Field label={tt(lang, "importPasteLabel")}>
          <Textarea value={paste} resize="vertical" onChange={(_e, d) => setPaste(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button onClick={() => readPlanText(paste)} disabled={disabled || paste.trim() === ""}>
            {tt(lang, "importPasteRead")}
          </Button>
          <Button onClick={() => void onSelection()} disabled={disabled}>
            {tt(lang, "importFromSelection")}
          </Button>
        </div>
        <p className={styles.hint}>{tt(lang, "importSelectionHint")}</p>
      </div>

      {table ? <TableImportForm lang={lang} table={table} onUse={choose} onCancel={() => setTable(null)} /> : null}

      {busy ? <Spinner size="tiny" label={tt(lang, "sectionTitle")} /> : null}
      {notice ? (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.text}
            {notice.details ? (
              <ul className={styles.list}>
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
