/** Stored data the add-in cannot use (found when the pane opened, or by Export), and the repair (修复). */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { usePane, usePaneStore } from "../store/useStore";
import { repairStored } from "./repairAction";
import { tt } from "./travelStrings";
import { useTravelStyles } from "./travelStyles";

export function StoredPlanRepair() {
  const styles = useTravelStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const busy = usePane((s) => s.busy !== null);
  const repair = usePane((s) => s.repair);
  if (!repair) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {repair.problem ? <p className={styles.hint}>{repair.problem[lang]}</p> : null}
        <p className={styles.hint}>{repair.action[lang]}</p>
        {repair.kind !== "updateAddin" && repair.kind !== "none" ? (
          <Button onClick={() => void repairStored(store)} disabled={busy}>
            {tt(lang, "repairButton")}
          </Button>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
