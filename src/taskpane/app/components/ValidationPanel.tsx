/**
 * Validation results: each finding with its severity, message, indicator, year and cell; a finding
 * with a cell is a button that selects it. Safe fixes are offered with a before → after preview
 * and applied only when the user confirms.
 */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../../core/messages";
import { formatNumber } from "../figures";
import { t } from "../i18n";
import { fixesOf, type FindingView } from "../validationView";
import type { CellFix } from "../../../excel/applyFixes";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: "100%",
    display: "block",
    textAlign: "left",
    height: "auto",
    fontWeight: tokens.fontWeightRegular,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  meta: { display: "block", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  severity: { fontWeight: tokens.fontWeightSemibold },
  fixes: {
    marginTop: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { textAlign: "left", padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Styles = ReturnType<typeof useStyles>;

/** One finding: a button that selects its cell, or the text alone when it has none. */
function FindingItem(props: { finding: FindingView; lang: Lang; styles: Styles; onSelectCell: (a: string) => void }) {
  const { finding: f, lang, styles } = props;
  const severity = t(lang, f.severity === "error" ? "severityError" : "severityWarning");
  const where = [f.indicatorName, f.year !== undefined ? t(lang, "inYear", { year: f.year }) : null, f.address]
    .filter(Boolean)
    .join(" · ");
  const className = mergeClasses(styles.item, f.severity === "error" ? styles.error : styles.warning);
  const content = (
    <>
      <span className={styles.severity}>{severity}</span> {f.message}
      <span className={styles.meta}>{where}</span>
    </>
  );
  return (
    <li>
      {f.address ? (
        <Button
          className={className}
          appearance="subtle"
          title={t(lang, "goToCell", { cell: f.address })}
          onClick={() => props.onSelectCell(f.address!)}
        >
          {content}
        </Button>
      ) : (
        <div className={className}>{content}</div>
      )}
    </li>
  );
}

/** The cells each safe fix changes, before → after. */
function FixPreviewTable(props: { fixes: ReturnType<typeof fixesOf>; lang: Lang; styles: Styles }) {
  const { fixes, lang, styles } = props;
  return (
    <table className={styles.table} aria-label={t(lang, "previewFixes")}>
      <thead>
        <tr>
          {(["cell", "before", "after"] as const).map((key) => (
            <th key={key} className={styles.cell} scope="col">
              {t(lang, key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fixes.map((fix) => (
          <tr key={fix.address}>
            <td className={styles.cell}>{fix.address}</td>
            <td className={styles.cell}>{fix.beforeText}</td>
            <td className={styles.cell}>{formatNumber(fix.after, lang, 6)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The safe fixes: previewed first, applied only when staff confirm. */
function SafeFixes(props: {
  fixes: ReturnType<typeof fixesOf>;
  lang: Lang;
  busy: boolean;
  styles: Styles;
  onApplyFixes: (fixes: CellFix[]) => void;
}) {
  const { fixes, lang, busy, styles } = props;
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className={styles.fixes}>
      <span>{t(lang, "fixesAvailable", { count: fixes.length })}</span>
      {previewing ? (
        <>
          <FixPreviewTable fixes={fixes} lang={lang} styles={styles} />
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => {
                setPreviewing(false);
                props.onApplyFixes(fixes);
              }}
            >
              {t(lang, "applyFixes")}
            </Button>
            <Button onClick={() => setPreviewing(false)}>{t(lang, "cancel")}</Button>
          </div>
        </>
      ) : (
        <div className={styles.buttons}>
          <Button disabled={busy} onClick={() => setPreviewing(true)}>
            {t(lang, "previewFixes")}
          </Button>
        </div>
      )}
    </div>
  );
}

export function ValidationPanel(props: {
  findings: FindingView[];
  indicatorCount: number;
  lang: Lang;
  busy: boolean;
  onSelectCell: (address: string) => void;
  onApplyFixes: (fixes: CellFix[]) => void;
}) {
  const styles = useStyles();
  const { findings, lang, busy } = props;
  const fixes = fixesOf(findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <section aria-label={t(lang, "findingsTitle")}>
      <p role="status">
        {findings.length === 0
          ? t(lang, "noFindings", { count: props.indicatorCount })
          : t(lang, "findingsSummary", { errors, warnings: findings.length - errors })}
      </p>
      <ul className={styles.list}>
        {findings.map((f) => (
          <FindingItem key={f.key} finding={f} lang={lang} styles={styles} onSelectCell={props.onSelectCell} />
        ))}
      </ul>
      {fixes.length > 0 ? (
        <SafeFixes fixes={fixes} lang={lang} busy={busy} styles={styles} onApplyFixes={props.onApplyFixes} />
      ) : null}
    </section>
  );
}
