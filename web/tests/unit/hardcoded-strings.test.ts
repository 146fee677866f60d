/**
 * Every word a person reads comes from the catalogues (src/i18n/*.json). This scans the
 * sources with the TypeScript parser and fails on text that is written out in code instead:
 * JSX text, string attributes and string expressions in JSX, labels and messages in object
 * literals, validation messages, and sentences anywhere.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "../../src");
/** The catalogues themselves, and the generated API types. */
const SKIPPED = [path.join(SRC, "i18n"), path.join(SRC, "api", "schema.ts")];

/** JSX attributes that hold codes, ids, styling or markup, never words a person reads. */
const TECHNICAL_ATTRIBUTES = new Set([
  "class",
  "className",
  "id",
  "name",
  "type",
  "href",
  "role",
  "key",
  "for",
  "htmlFor",
  "autoComplete",
  "inputMode",
  "rel",
  "target",
  "method",
  "tone",
  "icon",
  "testId",
  "data-testid",
  "value",
  "scope",
  "lang",
  "style",
  "viewBox",
  "d",
  "fill",
  "stroke",
  "stroke-width",
  "strokeWidth",
  "transform",
  "textAnchor",
  "text-anchor",
  "dominant-baseline",
  "dominantBaseline",
  "preserveAspectRatio",
  "markerEnd",
  "marker-end",
  "orient",
  "points",
  "xmlns",
  "kind",
  "state",
  "size",
  "variant",
  "accept",
  "pattern",
  "focusable",
  "aria-controls",
  "aria-describedby",
  "aria-labelledby",
  "aria-live",
  "aria-hidden",
  "aria-current",
  "aria-haspopup",
  "aria-expanded",
  "aria-invalid",
  "aria-sort",
  "aria-pressed",
]);

/** Object-literal properties whose string is shown to a person. */
const VISIBLE_PROPERTIES = new Set([
  "label",
  "title",
  "detail",
  "hint",
  "description",
  "message",
  "heading",
  "placeholder",
]);

const JOINING = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.PlusToken,
]);

const hasLetter = (text: string) => /\p{L}/u.test(text);
/** "Loading accounts…", "Enter a date." — a capitalised word followed by more words. */
const looksLikeSentence = (text: string) => /^\s*\p{Lu}\p{Ll}+[\s,:]+\S/u.test(text);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIPPED.some((s) => full === s || full.startsWith(`${s}${path.sep}`))) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

interface Finding {
  where: string;
  text: string;
}

/** The literal text parts of a string expression (the branches of `?:`, `&&`, `+` …). */
function literalParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  }
  if (ts.isParenthesizedExpression(node)) return literalParts(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...literalParts(node.whenTrue), ...literalParts(node.whenFalse)];
  }
  // Text joined or chosen (`a && "x"`, `a ?? "x"`, `"x" + a`), not compared (`a === "x"`).
  if (ts.isBinaryExpression(node) && JOINING.has(node.operatorToken.kind)) {
    return [...literalParts(node.left), ...literalParts(node.right)];
  }
  return [];
}

function isErrorConstruction(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    !!parent &&
    ts.isNewExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === "Error"
  );
}

function scan(file: string): Finding[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, found: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    findings.push({ where: `${path.relative(SRC, file)}:${line + 1}`, text: found.trim() });
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) {
      return;
    }
    if (ts.isJsxText(node) && hasLetter(node.text)) {
      report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      if (!TECHNICAL_ATTRIBUTES.has(name)) {
        const init = node.initializer;
        const expression = ts.isJsxExpression(init) ? init.expression : init;
        for (const part of expression ? literalParts(expression) : []) {
          if (hasLetter(part)) report(node, `${name}="${part}"`);
        }
      }
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const part of literalParts(node.expression)) if (hasLetter(part)) report(node, part);
    } else if (
      ts.isPropertyAssignment(node) &&
      VISIBLE_PROPERTIES.has(node.name.getText(source).replace(/["']/g, ""))
    ) {
      for (const part of literalParts(node.initializer)) if (hasLetter(part)) report(node, part);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      /\berrors\b/.test(node.left.getText(source))
    ) {
      for (const part of literalParts(node.right)) if (hasLetter(part)) report(node, part);
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      looksLikeSentence(node.text) &&
      !isErrorConstruction(node)
    ) {
      report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Every finding once: the sentence rule sees again what a JSX or property rule reported. */
function uniqueFindings(files: string[]): string[] {
  const seen = new Set<string>();
  for (const file of files) {
    for (const f of scan(file)) seen.add(`${f.where}  ${f.text}`);
  }
  return [...seen].sort();
}

describe("user-visible strings", () => {
  it("are all taken from the catalogues, none written out in the code", () => {
    expect(uniqueFindings(sourceFiles(SRC))).toEqual([]);
  });

  it("are found by the scan when written out (the scan itself works)", () => {
    const dir = path.join(SRC, "..", "tests", "unit", "fixtures");
    const findings = uniqueFindings([path.join(dir, "hardcoded.tsx")]).map((f) =>
      f.replace(/^\S+\s+/, ""),
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        "Plain text in JSX",
        'label="A label"',
        'title="Shown on hover"',
        "Written in an expression",
        "Chosen by a condition",
        "Enter a name.",
        "A message in an object",
      ]),
    );
    expect(findings.some((f) => f.includes("fixture.key"))).toBe(false);
  });
});
