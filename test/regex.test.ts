import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULE_TABLES, SHARED_LEXICONS } from '../src/generated/tables.js';
import { compileRules } from '../src/rules/compile.js';
import { ROOT } from './helpers.js';

// Every regular expression literal in the library's source passes recheck's ReDoS analysis, and so
// does every expression obscenity compiles from the rule tables' `obscenity` words. The rest of the
// tables compile to compromise match patterns and word indexes, not regular expressions; the one
// expression built at run time (a disguised host read against known domains) has no quantifier, so
// it is linear.
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

// obscenity keeps its compiled expressions in a private field: read it, and fail loudly if it moves.
const compiled = compileRules({ tables: RULE_TABLES, shared: SHARED_LEXICONS, disabledRules: new Set(), enabledOptIn: () => true, allowTerms: [] });
const obscenityTerms = (compiled.obscenity?.matcher as unknown as { blacklistedTerms?: Array<{ id: number; regExp: RegExp }> } | undefined)?.blacklistedTerms ?? [];

describe('regular expressions', () => {
  it('finds the source’s regular expressions', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('finds the expressions obscenity compiles from the rule tables', () => {
    expect(obscenityTerms.length).toBeGreaterThan(10);
    expect(obscenityTerms.every((t) => t.regExp instanceof RegExp)).toBe(true);
  });

  it.each(obscenityTerms.map((t) => [`obscenity term ${t.id}: ${t.regExp.source.slice(0, 80)}`, t.regExp] as const))('%s is safe from ReDoS', (_, re) => {
    const diagnostics = checkSync(re.source, re.flags, { timeout: 20_000 });
    expect(diagnostics.status, JSON.stringify(diagnostics).slice(0, 300)).toBe('safe');
  });

  it.each(literals.map((l) => [`${l.file}: ${l.text.slice(0, 80)}`, l.text]))('%s is safe from ReDoS', (_, text) => {
    const slash = text.lastIndexOf('/');
    const diagnostics = checkSync(text.slice(1, slash), text.slice(slash + 1), { timeout: 20_000 });
    expect(diagnostics.status, JSON.stringify(diagnostics).slice(0, 300)).toBe('safe');
  });
});
