import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// `npm test` builds dist/ before running the tests; these check what ships.
const ENTRIES = ['dist/index.js', 'dist/index.cjs'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  exports: Record<string, unknown>;
};

describe.each(ENTRIES)('%s', (entry) => {
  const code = readFileSync(join(ROOT, entry), 'utf8');
  const imported = [
    ...code.matchAll(/^import\s[^;]*?\sfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);

  it('imports only the runtime dependencies: no Node built-ins, nothing from natural', () => {
    expect(imported.length).toBeGreaterThan(0);
    for (const specifier of imported) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
      expect(Object.keys(pkg.dependencies), `${entry} imports ${specifier}`).toContain(name);
    }
  });

  it('has no eval, new Function, network or file access', () => {
    for (const banned of [/\beval\(/, /new Function\(/, /\bfetch\(/, /XMLHttpRequest/, /\bprocess\.(env|cwd|argv)/, /readFileSync|writeFileSync/]) {
      expect(code, `${entry} contains ${banned}`).not.toMatch(banned);
    }
  });

  it('carries no rule examples', () => {
    expect(code).not.toMatch(/"examples"\s*:/);
  });
});

describe('package.json', () => {
  it('loads from CJS and ESM with the same API', async () => {
    const require = createRequire(import.meta.url);
    const cjs = require(join(ROOT, 'dist/index.cjs')) as typeof import('../src/index.js');
    const esm = (await import(join(ROOT, 'dist/index.js'))) as typeof import('../src/index.js');
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(cjs.moderate('I will kill you').verdict).toBe('reject');
    expect(esm.moderate('The council met on Tuesday.').verdict).toBe('approve');
  });

  it('ships the policy as JSON Schema, strict like the zod schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'dist/policy.schema.json'), 'utf8')) as {
      type: string;
      additionalProperties: boolean;
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.categories!.properties!).sort()).toEqual(
      ['abuse', 'personal_attack', 'profanity', 'promotion', 'threat', 'vulgarity'],
    );
    expect(pkg.exports['./policy.schema.json']).toBe('./dist/policy.schema.json');
  });

  it('puts types first in every export condition', () => {
    const root = pkg.exports['.'] as Record<string, Record<string, string>>;
    expect(Object.keys(root)).toEqual(['import', 'require']);
    for (const condition of Object.values(root)) expect(Object.keys(condition)[0]).toBe('types');
  });
});
