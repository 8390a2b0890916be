import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Every regular expression literal in the library's source passes recheck's ReDoS analysis. The
// rule tables compile to compromise match patterns and word indexes, not regular expressions; the
// one expression built at run time (a disguised host read against known domains) has no
// quantifier, so it is linear.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const literals: Array<{ file: string; text: string }> = [];
for (const file of sourceFiles(join(ROOT, 'src'))) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push({ file: file.slice(ROOT.length + 1), text: node.getText(source) });
    ts.forEachChild(node, visit);
  };
  visit(source);
}

describe('regular expressions', () => {
  it('finds the source’s regular expressions', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it.each(literals.map((l) => [`${l.file}: ${l.text.slice(0, 80)}`, l.text]))('%s is safe from ReDoS', (_, text) => {
    const slash = text.lastIndexOf('/');
    const diagnostics = checkSync(text.slice(1, slash), text.slice(slash + 1), { timeout: 20_000 });
    expect(diagnostics.status, JSON.stringify(diagnostics).slice(0, 300)).toBe('safe');
  });
});
