import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No Chinese UI text outside lib/i18n: every string a user reads comes from lib/i18n/<locale>/<area>.ts,
 * so a second locale is one folder and no text hides in a component. This scans the code of app/,
 * components/ and tiles/ (not tests, not test fixtures under testing/). Comments are not UI text and
 * may be written in any language (the domain terms 立案, 派遣 … explain the code best in Chinese):
 * only string literals, template parts, JSX text and identifiers are checked.
 */
const ROOTS = ["app", "components", "tiles"];

/**
 * A Chinese character. Full-width punctuation alone (the 、 of a joined list, the （） around a name)
 * carries no words to translate and is not flagged; a text with a single character is.
 */
const CJK = /\p{Script=Han}/u;

type Stray = { line: number; text: string };

/** The lines whose code (not comments) holds Chinese; comments never become nodes of the syntax tree. */
function findStrayChinese(fileName: string, source: string): Stray[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const lines = new Set<number>();
  const visit = (node: ts.Node) => {
    if (isText(node)) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      // A multi-line template or JSX text: report each line that holds Chinese.
      node
        .getText(file)
        .split("\n")
        .forEach((part, i) => {
          if (CJK.test(part)) lines.add(first + i);
        });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const sourceLines = source.split("\n");
  return [...lines].sort((a, b) => a - b).map((line) => ({ line, text: sourceLines[line - 1].trim() }));
}

function isText(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isJsxText(node) ||
    ts.isIdentifier(node) ||
    ts.isRegularExpressionLiteral(node)
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.split(path.sep).includes("testing"));
}

describe("no Chinese UI text outside lib/i18n", () => {
  it("finds Chinese in strings, templates and JSX text, but not in comments", () => {
    const source = [
      "// 注释可以写中文",
      "/* 块注释 */",
      "const a = '立案';",
      "const b = `共 ${n} 件`;",
      "const c = <p>",
      "  返回地图",
      "</p>;",
      "const d = t.common.back; /** 说明 */",
    ].join("\n");
    expect(findStrayChinese("x.tsx", source)).toEqual([
      { line: 3, text: "const a = '立案';" },
      { line: 4, text: "const b = `共 ${n} 件`;" },
      { line: 6, text: "返回地图" },
    ]);
  });

  it("app/, components/ and tiles/ hold none", () => {
    const found = ROOTS.flatMap(sourceFiles).flatMap((file) =>
      findStrayChinese(file, readFileSync(file, "utf8")).map((s) => `${file}:${s.line}: ${s.text}`),
    );
    expect(found).toEqual([]);
  });
});
