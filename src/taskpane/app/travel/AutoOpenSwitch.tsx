/** The switch that tags the workbook to open the pane, with why it is unavailable when it is. */
import { Switch } from "@fluentui/react-components";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";
import { tt } from "./travelStrings";
import { setAutoOpen } from "./travelPanelActions";
import { useAutoOpenView } from "./useAutoOpenView";
import { useTravelStyles } from "./travelStyles";

export function AutoOpenSwitch() {
  const styles = useTravelStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const busy = usePane((s) => s.busy !== null);
  const tableName = usePane((s) => readyOf(s.plan)?.snapshot.tableName ?? null);
  const { view, shown } = useAutoOpenView(lang, tableName);
  return (
    <div className={styles.group}>
      <Switch
        label={tt(lang, "autoOpen")}
        checked={view.kind === "known" && view.on}
        disabled={busy || view.kind !== "known"}
        onChange={(_e, d) => void setAutoOpen(store, d.checked, shown)}
      />
      <p className={styles.hint}>
        {view.kind === "unavailable"
          ? view.reason
          : view.kind === "loading"
            ? tt(lang, "autoOpenLoading")
            : tt(lang, "autoOpenHint")}
      </p>
    </div>
  );
}
