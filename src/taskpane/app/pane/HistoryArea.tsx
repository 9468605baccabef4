/** The selected figure's records and the target adjustment form, under the pane's operation lock. */
import { HistorySection } from "../history/HistorySection";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";

export function HistoryArea() {
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const selectedId = usePane((s) => s.selectedId);
  const busy = usePane((s) => s.busy !== null);
  const selection = usePane((s) => s.selection);
  const selectionError = usePane((s) => s.selectionError);
  const recording = usePane((s) => s.recording);
  if (!ready) return null;
  return (
    <section>
      <HistorySection
        lang={lang}
        sheet={ready.sheet}
        indicatorId={selectedId}
        disabled={busy}
        selection={selection}
        selectionError={selectionError}
        recording={recording}
        lock={store.exclusive}
        showStored={store.showStored}
        onWorkbookChanged={() => void store.reload()}
      />
    </section>
  );
}
