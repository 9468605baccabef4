/**
 * The evaluation report and the sharing panel, loaded only when staff open them (React.lazy + a dynamic
 * import, each its own chunk): the pane that opens with Excel carries neither their code nor what only
 * they use (the plan-file parsers, the report builder). While a panel's code arrives its place says what
 * is loading.
 */
import { Button } from "@fluentui/react-components";
import { lazy, useId, type ComponentType } from "react";
import type { Lang } from "../../../core/messages";
import { t } from "../i18n";
import type { PaneState } from "../store/paneState";
import { usePane, usePaneStore } from "../store/useStore";
import { LoadedPanel } from "./PanelBoundary";
import { usePaneStyles } from "./paneStyles";

const ReportPanel = lazy(() =>
  import(/* webpackChunkName: "report" */ "../report/ReportPanel").then((m) => ({ default: m.ReportPanel })),
);
const TravelPanel = lazy(() =>
  import(/* webpackChunkName: "travel" */ "../travel/TravelPanel").then((m) => ({ default: m.TravelPanel })),
);

type PanelKey = keyof PaneState["open"];

const PANELS: Record<PanelKey, { title: (lang: Lang) => string; Panel: ComponentType }> = {
  report: { title: (lang) => t(lang, "reportPanel"), Panel: ReportPanel },
  travel: { title: (lang) => t(lang, "travelPanel"), Panel: TravelPanel },
};

function OnDemandPanel(props: { which: PanelKey }) {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const id = useId();
  const lang = usePane((s) => s.lang);
  const open = usePane((s) => s.open[props.which]);
  const { title, Panel } = PANELS[props.which];
  const toggle = () => store.setState((s) => ({ open: { ...s.open, [props.which]: !s.open[props.which] } }));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.sectionTitle}>
        {title(lang)}
      </h2>
      <Button appearance="subtle" aria-expanded={open} aria-controls={`${id}-body`} onClick={toggle}>
        {t(lang, open ? "panelClose" : "panelOpen", { panel: title(lang) })}
      </Button>
      {open ? (
        <div id={`${id}-body`}>
          <LoadedPanel lang={lang} panel={title(lang)}>
            <Panel />
          </LoadedPanel>
        </div>
      ) : null}
    </section>
  );
}

export function OnDemandPanels() {
  return (
    <>
      <OnDemandPanel which="report" />
      <OnDemandPanel which="travel" />
    </>
  );
}
