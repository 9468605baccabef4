/** The indicators: the status filter in force, the unit filter and grouping, and the list itself. */
import { Button } from "@fluentui/react-components";
import { groupByLeadUnit, IndicatorList, indicatorRows, unitsOf } from "../components/IndicatorList";
import { statusName } from "../components/StatusCards";
import { UnitFilterBar } from "../components/UnitFilterBar";
import { t } from "../i18n";
import { readyOf } from "../store/planState";
import { selectIndicator } from "../store/sheetActions";
import { usePane, usePaneStore } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function IndicatorsSection() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const filter = usePane((s) => s.filter);
  const unitFilter = usePane((s) => s.unitFilter);
  const grouped = usePane((s) => s.groupedByUnit);
  if (!ready) return null;
  const rows = indicatorRows(ready.summary, ready.sheet.plan.indicators, filter, unitFilter);
  const units = unitsOf(ready.sheet.plan.indicators);
  const onSelect = (id: string) => void selectIndicator(store, id);
  return (
    <section>
      <h2 className={styles.sectionTitle}>{t(lang, "indicators")}</h2>
      {filter !== null ? (
        <div className={styles.buttons}>
          <span className={styles.sub}>{t(lang, "filteredBy", { status: statusName(filter, lang) })}</span>
          <Button size="small" onClick={() => store.setState({ filter: null })}>
            {t(lang, "showAll")}
          </Button>
        </div>
      ) : null}
      {units.length > 0 ? (
        <UnitFilterBar
          lang={lang}
          units={units}
          filter={unitFilter}
          grouped={grouped}
          onFilter={(f) => store.setState({ unitFilter: f })}
          onGrouped={(g) => store.setState({ groupedByUnit: g })}
        />
      ) : null}
      {grouped ? (
        groupByLeadUnit(rows).map((g) => (
          <section key={g.unit ?? ""} aria-label={g.unit ?? t(lang, "noUnit")}>
            <h3 className={styles.sectionTitle}>{g.unit ?? t(lang, "noUnit")}</h3>
            <IndicatorList rows={g.rows} lang={lang} onSelect={onSelect} />
          </section>
        ))
      ) : (
        <IndicatorList rows={rows} lang={lang} onSelect={onSelect} />
      )}
    </section>
  );
}
