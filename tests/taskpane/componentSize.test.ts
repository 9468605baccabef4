/**
 * Components only render: no component function in the pane (a function or arrow function whose name starts
 * with a capital letter, in src/taskpane) is over 80 lines. Logic belongs in the store (store/) or in plain
 * modules beside the component.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const MAX_LINES = 80;
const paneDir = path.resolve(__dirname, "../../src/taskpane");

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : e.name.endsWith(".tsx") ? [p] : [];
  });
}

/** Every capitalised function of a file with its length in lines. */
function components(file: string): Array<{ name: string; lines: number }> {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const out: Array<{ name: string; lines: number }> = [];
  const lines = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getEnd()).line -
    source.getLineAndCharacterOfPosition(node.getStart(source)).line +
    1;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name && /^[A-Z]/.test(node.name.text))
      out.push({ name: node.name.text, lines: lines(node) });
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      /^[A-Z]/.test(node.name.text) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      out.push({ name: node.name.text, lines: lines(node.initializer) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe("pane components stay small", () => {
  it(`no component function in src/taskpane is over ${MAX_LINES} lines`, () => {
    const found = tsxFiles(paneDir).flatMap((file) =>
      components(file).map((c) => ({ ...c, file: path.relative(paneDir, file) })),
    );
    expect(found.length).toBeGreaterThan(30);
    expect(found.filter((c) => c.lines > MAX_LINES).map((c) => `${c.file} ${c.name}: ${c.lines} lines`)).toEqual([]);
  });
});
