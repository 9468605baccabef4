/** The portable copy (native formulas or values) and the plan file export. */
import { Button, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import type { PortableMode } from "../../../excel/portableContent";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";
import { exportPlan, portableCopy } from "./travelPanelActions";
import { tt } from "./travelStrings";
import { useTravelStyles } from "./travelStyles";

export function PortableSection() {
  const styles = useTravelStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const busy = usePane((s) => s.busy !== null);
  const hasTable = usePane((s) => readyOf(s.plan) !== null);
  const [mode, setMode] = useState<PortableMode>("native");
  return (
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
        <Button onClick={() => void portableCopy(store, mode)} disabled={busy || !hasTable}>
          {tt(lang, "portableWrite")}
        </Button>
        <Button onClick={() => void exportPlan(store)} disabled={busy || !hasTable}>
          {tt(lang, "exportTitle")}
        </Button>
      </div>
    </div>
  );
}
