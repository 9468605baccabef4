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
  if (!ready) return null;
  return (
    <section>
      <HistorySection
        lang={lang}
        sheet={ready.sheet}
        indicatorId={selectedId}
        paused={busy}
        disabled={busy}
        lock={store.exclusive}
        onWorkbookChanged={() => void store.reload()}
      />
    </section>
  );
}
