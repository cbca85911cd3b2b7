import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every user-visible string of a component comes from the catalogues, so
 * the Chinese page shows no English. This reads each .tsx file of src/ui and
 * reports the literals a user would see or hear: JSX text, string literals
 * placed in JSX, and the attributes that are read or shown (aria-label,
 * title, placeholder, alt, aria-valuetext, label).
 */

const UI = join(import.meta.dirname, '..');

/** Attributes whose value a user sees or a screen reader says. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/**
 * Words that are the same in every language: the paper's message and field
 * names, the logs' one-letter marks (C commitIndex, A lastApplied, m
 * matchIndex, n nextIndex, with their words in the key) and a version's "v".
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'RequestVote',
  'TimeoutNow',
  'AppendEntries',
  'commitIndex',
  'lastApplied',
  'nextIndex',
  'matchIndex',
  'C',
  'A',
  'm',
  'n',
  'v',
]);

/** Words in a text (any script); digits, symbols and arrows alone are not words. */
const WORD = /\p{L}[\p{L}\p{N}_-]*/gu;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

const SHOWING_OPERATORS = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.PlusToken,
]);

/** The user-visible literals of one component file, as "line: text". */
function literalsIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    const words = trimmed.match(WORD) ?? [];
    if (words.every((w) => SAME_IN_EVERY_LANGUAGE.has(w))) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${line + 1}: ${trimmed}`);
  };
  /** Strings an expression shows as it is: literals, template text, both branches of a ?:. */
  const shown = (e: ts.Expression | undefined): void => {
    if (!e) return;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
    else if (ts.isTemplateExpression(e)) {
      report(e.head, e.head.text);
      for (const span of e.templateSpans) report(span.literal, span.literal.text);
    } else if (ts.isConditionalExpression(e)) {
      shown(e.whenTrue);
      shown(e.whenFalse);
    } else if (ts.isBinaryExpression(e) && SHOWING_OPERATORS.has(e.operatorToken.kind)) {
      // `a && 'text'`, `a ?? 'text'`, `'a' + b`; a comparison shows neither side.
      shown(e.left);
      shown(e.right);
    } else if (ts.isParenthesizedExpression(e)) shown(e.expression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && !ts.isJsxAttribute(node.parent)) shown(node.expression);
    else if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      else if (value && ts.isJsxExpression(value)) shown(value.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('components have no hard-coded words', () => {
  it('finds a literal when there is one', () => {
    const found = literalsIn(
      'Probe.tsx',
      `export const P = ({ on }: { on: boolean }) => (
        <p title="Say hi" aria-label={on ? 'On' : 'Off'}>
          Hello {'there'} {\`S\${1} is up\`} 42 → ✓ RequestVote {m.ok} {on && 'yes'}
          {on === 'x' ? 'Yes' : null} RequestVote failed
          <input placeholder="Name" className="plain words are fine here" />
        </p>
      );`,
    );
    expect(found).toEqual([
      '2: Say hi',
      '2: On',
      '2: Off',
      '3: Hello',
      '3: there',
      '3: S',
      '3: is up',
      '3: yes',
      '4: Yes',
      '4: RequestVote failed',
      '5: Name',
    ]);
  });

  it('no component file in src/ui shows a literal word', () => {
    const files = tsxFiles(UI);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((path) =>
      literalsIn(path, readFileSync(path, 'utf8')).map((l) => `${relative(UI, path)}:${l}`),
    );
    expect(offenders).toEqual([]);
  });
});
