/** A chart's data as a table (every value, as text): visually hidden, read by screen readers. */
import type { DataTable } from "./chartText";

export function ChartTable(props: { table: DataTable; className: string }) {
  const { table } = props;
  return (
    <table className={props.className}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
