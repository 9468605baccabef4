/**
 * The selected indicator's yearly figures against its planned path and target, as an SVG drawn
 * from the pure scene (no chart library), with its numbers in a visually hidden table.
 */
import { pathChartScene, PANE_CHART_WIDTH, PATH_CHART_HEIGHT } from "./chartScene";
import { chartText } from "./chartStrings";
import { useChartStyles } from "./chartStyles";
import { pathSummary, pathTable } from "./chartText";
import type { ChartSize, PathChartProps } from "./chartTypes";
import { ChartTable } from "./ChartTable";
import { SceneSvg } from "./SceneSvg";

export function PathChart(props: PathChartProps & ChartSize) {
  const styles = useChartStyles();
  const { lang } = props;
  const scene = pathChartScene(props, {
    width: props.width ?? PANE_CHART_WIDTH,
    height: props.height ?? PATH_CHART_HEIGHT,
  });
  const table = pathTable(props);
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        <span className={styles.title}>{props.title}</span>
        {scene ? null : <span className={styles.muted}>{chartText(lang, "unit", { unit: props.unit })}</span>}
      </figcaption>
      {scene ? (
        <SceneSvg scene={scene} label={pathSummary(props)} className={styles.svg} />
      ) : (
        <p className={styles.empty}>{chartText(lang, "noFigures")}</p>
      )}
      {table.rows.length > 0 ? <ChartTable table={table} className={styles.visuallyHidden} /> : null}
    </figure>
  );
}
