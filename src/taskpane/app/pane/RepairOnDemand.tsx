/**
 * The repair of stored data the add-in cannot use (StoredPlanRepair), fetched only when the check the
 * pane runs as it opens (or Export) found something to repair: the repair code, the plan-file writer and
 * the sharing panel's words are not loaded for a workbook that needs none. While the chunk arrives its
 * place says what is loading; a chunk that cannot be fetched is said there (LoadedPanel).
 */
import { lazy } from "react";
import { operationLabel } from "../store/operations";
import { usePane } from "../store/useStore";
import { LoadedPanel } from "./PanelBoundary";

const StoredPlanRepair = lazy(() =>
  import(/* webpackChunkName: "repair" */ "../travel/StoredPlanRepair").then((m) => ({
    default: m.StoredPlanRepair,
  })),
);

export function RepairOnDemand() {
  const lang = usePane((s) => s.lang);
  const offered = usePane((s) => s.repair !== null);
  if (!offered) return null;
  const panel = operationLabel("storedRepair", lang);
  return (
    <LoadedPanel lang={lang} panel={panel}>
      <StoredPlanRepair />
    </LoadedPanel>
  );
}
