/** What the pane's store holds (paneStore.ts): the plan, the one operation running, the notices, the view. */
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import type { HostOperationError } from "../../../excel/excelRun";
import type { RepairProposal } from "../../../excel/repairStoredPlan";
import type { UnitFilter } from "../components/IndicatorList";
import type { StatusKey } from "../statusStyle";
import type { FindingView } from "../validationView";
import type { RecorderState } from "./figureRecorder";
import type { OperationName } from "./operations";
import type { PlanState } from "./planState";

export interface Notice {
  intent: "success" | "error" | "info" | "warning";
  title?: string;
  text: string;
  details?: string[];
}

export interface PaneState {
  lang: Lang;
  plan: PlanState;
  /** The operation running (the lock): while it is set every other action is disabled and refused. */
  busy: OperationName | null;
  /** Shown at the top of the pane, under the toolbar, newest operation's only. */
  notices: Notice[];
  findings: FindingView[] | null;
  /** The plan Insert template writes: the one the pane was opened with, or one staff imported. */
  chosenPlan: Plan;
  /** The plan the pane was opened with (a plan chosen in the pane replaces a stored part it cannot trust). */
  openedWith: Plan;
  /** Stored data the add-in cannot use, and the repair offered for it (null: nothing to repair). */
  repair: RepairProposal | null;
  /** Whether this Excel groups an operation's changes into one undo step (ExcelApi 1.20). */
  undoGrouped: boolean;
  selectedId: string | null;
  filter: StatusKey | null;
  unitFilter: UnitFilter;
  groupedByUnit: boolean;
  /** The cell staff last selected on the template's sheet (address without the sheet's name), or null. */
  selection: { sheet: string; address: string } | null;
  /** Watching the selection failed (the history section says so); null while it works. */
  selectionError: HostOperationError | null;
  /** The background recording of the figures staff enter (figureRecorder.ts). */
  recording: RecorderState;
  /** Panels loaded on demand (their code is fetched the first time they are opened). */
  open: { travel: boolean; report: boolean };
}
