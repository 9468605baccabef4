/**
 * Set the year the template is evaluated at: staff's choice goes into the title block's B3 (blank =
 * the latest year with a figure that can be read), which C3 and every PLAN.EVALUATE cell follow. One sync.
 * B3 is the one title-block cell staff own; the add-in writes it only when they choose a year here.
 */
import { runWrite } from "./excelRun";
import { EVALUATION_YEAR_INPUT } from "./templateContent";

export async function setEvaluationYear(tableName: string, year: number | null): Promise<void> {
  await runWrite(async (context) => {
    const sheet = context.workbook.tables.getItem(tableName).worksheet;
    sheet.getRange(EVALUATION_YEAR_INPUT).values = [[year ?? ""]];
    await context.sync();
  });
}
