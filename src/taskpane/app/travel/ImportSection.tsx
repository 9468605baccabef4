/**
 * Choosing another plan: a plan file picked or pasted, or a table selected in a sheet, confirmed row by
 * row in TableImportForm before it can be used.
 */
import { Button, Field, Textarea } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { TableImportResult } from "../../../core/planTableImport";
import { usePane, usePaneStore } from "../store/useStore";
import { TableImportForm } from "./TableImportForm";
import { choosePlan, readPlanFile, readPlanText, readSelectedTable } from "./travelPanelActions";
import { tt } from "./travelStrings";
import { useTravelStyles } from "./travelStyles";

export function ImportSection() {
  const styles = useTravelStyles();
  const store = usePaneStore();
  const id = useId();
  const lang = usePane((s) => s.lang);
  const busy = usePane((s) => s.busy !== null);
  const [paste, setPaste] = useState("");
  const [table, setTable] = useState<TableImportResult | null>(null);
  return (
    <>
      <div className={styles.group}>
        <h3 className={styles.sub}>{tt(lang, "importTitle")}</h3>
        <Field label={tt(lang, "importFile")}>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readPlanFile(store, file);
              e.currentTarget.value = "";
            }}
          />
        </Field>
        <Field label={tt(lang, "importPasteLabel")}>
          <Textarea value={paste} resize="vertical" onChange={(_e, d) => setPaste(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button onClick={() => readPlanText(store, paste)} disabled={busy || paste.trim() === ""}>
            {tt(lang, "importPasteRead")}
          </Button>
          <Button onClick={() => void readSelectedTable(store, setTable)} disabled={busy}>
            {tt(lang, "importFromSelection")}
          </Button>
        </div>
        <p className={styles.hint}>{tt(lang, "importSelectionHint")}</p>
      </div>
      {table ? (
        <TableImportForm
          lang={lang}
          table={table}
          onUse={(plan) => {
            setTable(null);
            choosePlan(store, plan);
          }}
          onCancel={() => setTable(null)}
        />
      ) : null}
    </>
  );
}
