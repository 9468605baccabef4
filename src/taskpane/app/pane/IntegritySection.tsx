/** When the table no longer matches the template: which cells, why it matters, and the repair offered. */
import { TemplateIntegrityNotice } from "../components/TemplateIntegrityNotice";
import { integrityProblems, integrityText, repairOffered } from "../integrityView";
import { restoreTemplate } from "../store/sheetActions";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";

export function IntegritySection() {
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const busy = usePane((s) => s.busy !== null);
  const problems = ready ? integrityProblems(ready.sheet, lang) : [];
  if (!ready || problems.length === 0) return null;
  return (
    <TemplateIntegrityNotice
      title={integrityText(lang, "title")}
      problems={problems.map((p) => p.message)}
      repair={
        repairOffered(ready.sheet)
          ? { label: integrityText(lang, "repairAction"), hint: integrityText(lang, "repairHint") }
          : null
      }
      disabled={busy}
      onRepair={() => void restoreTemplate(store)}
    />
  );
}
