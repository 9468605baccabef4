/**
 * Sharing and other plans (共享与其他规划), loaded only when staff open it: the auto-open switch, the portable
 * copy and export, and choosing another plan (the stored plan's repair is in the pane itself: StoredPlanRepair). Its actions take the pane's one
 * operation lock and report in the pane's notice area (travelPanelActions.ts). The check of the stored plan
 * when the pane opens runs with the store (store/paneOpen.ts), whether or not this panel is ever opened.
 */
import { AutoOpenSwitch } from "./AutoOpenSwitch";
import { ImportSection } from "./ImportSection";
import { PortableSection } from "./PortableSection";
import { useTravelStyles } from "./travelStyles";

export function TravelPanel() {
  const styles = useTravelStyles();
  return (
    <div className={styles.root}>
      <AutoOpenSwitch />
      <PortableSection />
      <ImportSection />
    </div>
  );
}
