/**
 * One door to Excel: `Excel.run` is called only in src/excel/excelRun.ts (runRead, runWrite,
 * removeHandler). Every other module — the operations, the PLAN functions' row lookup and streams,
 * the change and selection watchers — goes through it, so cell-edit mode, undo grouping and error
 * translation are the same everywhere. Found through the type checker (an alias such as
 * `const excel = Excel; excel.run(…)` counts), with a text check besides for what the checker cannot see.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { qualifiedName, relativeName, sourceProgram, walk } from "./sourceProgram";

const DOOR = "src/excel/excelRun.ts";

/** Every place in src/ that calls or takes Excel.run: "file:line". */
function excelRunSites(): string[] {
  const { checker, files } = sourceProgram();
  const sites: string[] = [];
  for (const file of files) {
    walk(file, (node) => {
      let name: ts.Node | null = null;
      if (ts.isPropertyAccessExpression(node) && node.name.text === "run") name = node.name;
      else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        if (node.argumentExpression.text === "run") name = node.argumentExpression;
      } else if (ts.isBindingElement(node) && (node.propertyName ?? node.name).getText() === "run") {
        name = node.propertyName ?? node.name;
      }
      if (!name) return;
      const full = qualifiedName(checker, name);
      const receiver = ts.isBindingElement(node) ? "" : (node as ts.PropertyAccessExpression).expression.getText();
      if (full === "Excel.run" || /^Excel$/.test(receiver)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        sites.push(`${relativeName(file)}:${line + 1}`);
      }
    });
    // What the checker cannot resolve (an `any`-typed Excel): the text itself, comments left out.
    const text = file.getFullText();
    const pattern = /\bExcel\s*(?:\.\s*run\b|\[\s*["']run["']\s*\])/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (isInComment(file, m.index)) continue;
      const { line } = file.getLineAndCharacterOfPosition(m.index);
      const site = `${relativeName(file)}:${line + 1}`;
      if (!sites.includes(site)) sites.push(site);
    }
  }
  return sites.sort();
}

/** Whether position `pos` of the file lies inside a comment (the comments attached to any node). */
function isInComment(file: ts.SourceFile, pos: number): boolean {
  const text = file.getFullText();
  let inside = false;
  walk(file, (node) => {
    if (inside) return;
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ];
    if (ranges.some((r) => pos >= r.pos && pos < r.end)) inside = true;
  });
  return inside;
}

describe("one door to Excel", () => {
  it("Excel.run appears in src/ only in src/excel/excelRun.ts", () => {
    const sites = excelRunSites();
    expect(sites.filter((s) => !s.startsWith(`${DOOR}:`))).toEqual([]);
    // The door itself is found, so the search works.
    expect(sites.some((s) => s.startsWith(`${DOOR}:`))).toBe(true);
    // Building the whole program through the type checker takes seconds (minutes on a loaded 2-core machine).
  }, 180_000);
});
