/** The count per status; a card filters the indicator list. */
import { StatusCards } from "../components/StatusCards";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";

export function StatusSection() {
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const filter = usePane((s) => s.filter);
  if (!ready) return null;
  return (
    <StatusCards summary={ready.summary} lang={lang} filter={filter} onFilter={(f) => store.setState({ filter: f })} />
  );
}
