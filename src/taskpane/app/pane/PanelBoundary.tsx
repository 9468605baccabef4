/**
 * Catches a failure while a panel loads or draws (its code could not be fetched, a bug): the panel's
 * place says what did not load and why, and the failure is logged; the rest of the pane keeps working.
 * LoadedPanel is the one place a panel loaded on demand (React.lazy) is drawn: its loading line, then it.
 */
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, Suspense, type ReactNode } from "react";
import type { Lang } from "../../../core/messages";
import { t } from "../i18n";

interface Props {
  /** What to say, given the failure's message. */
  failed: (detail: string) => string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error("Plan Tracker: a panel failed to load or draw", error);
  }

  override render() {
    if (this.state.error)
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{this.props.failed(this.state.error.message || this.state.error.name)}</MessageBarBody>
        </MessageBar>
      );
    return this.props.children;
  }
}

/** A panel whose code is fetched on demand: "loading “panel”" while it arrives, a failure said in its place. */
export function LoadedPanel(props: { lang: Lang; panel: string; children: ReactNode }) {
  const { lang, panel } = props;
  return (
    <PanelBoundary failed={(detail) => t(lang, "panelFailed", { panel, detail })}>
      <Suspense fallback={<Spinner size="tiny" label={t(lang, "panelLoading", { panel })} />}>
        {props.children}
      </Suspense>
    </PanelBoundary>
  );
}
