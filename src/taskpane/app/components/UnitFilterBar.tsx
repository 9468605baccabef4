/** Filter and group the indicators by responsible unit (牵头单位 / 责任单位, 目标责任制). Renders only. */
import { Field, makeStyles, Select, Switch, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import { t } from "../i18n";
import type { UnitFilter } from "./IndicatorList";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
});

const ALL = "__all";
const NONE = "__none";

export function UnitFilterBar(props: {
  lang: Lang;
  units: readonly string[];
  filter: UnitFilter;
  grouped: boolean;
  onFilter: (f: UnitFilter) => void;
  onGrouped: (g: boolean) => void;
}) {
  const styles = useStyles();
  const { lang, units, filter, grouped } = props;
  const value = filter.kind === "all" ? ALL : filter.kind === "none" ? NONE : filter.unit;
  return (
    <div className={styles.bar}>
      <Field label={t(lang, "unitFilter")} size="small">
        <Select
          size="small"
          value={value}
          onChange={(_e, d) =>
            props.onFilter(
              d.value === ALL ? { kind: "all" } : d.value === NONE ? { kind: "none" } : { kind: "unit", unit: d.value },
            )
          }
        >
          <option value={ALL}>{t(lang, "allUnits")}</option>
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
          <option value={NONE}>{t(lang, "noUnit")}</option>
        </Select>
      </Field>
      <Switch label={t(lang, "groupByUnit")} checked={grouped} onChange={(_e, d) => props.onGrouped(d.checked)} />
    </div>
  );
}
