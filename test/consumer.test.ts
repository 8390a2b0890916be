import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// What a user gets from npm: the packed tarball installed with its production dependencies only,
// in a fresh project outside this repository. `npm test` builds dist/ before this runs.
const MAX_DEPENDENCY_PACKAGES = 10;
const MAX_INSTALLED_BYTES = 15 * 1024 * 1024;
const FORBIDDEN = ['natural', 'mongoose', 'mongodb', 'pg', 'redis', 'mysql', 'mysql2', 'sqlite3'];

let project: string;
const run = (command: string, args: string[], cwd = project) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'cm-consumer-'));
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', project], ROOT).trim().split('\n').pop()!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(project, tarball)]);
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Every package directory under node_modules (scoped ones included), nested ones too. */
function packages(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.startsWith('@')) found.push(...packages(path));
    else {
      found.push(path);
      try {
        found.push(...packages(join(path, 'node_modules')));
      } catch {
        // no nested node_modules
      }
    }
  }
  return found;
}

function bytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytes(join(path, name)), 0);
}

describe('the packed package, installed in a fresh project', () => {
  it('imports from ESM', () => {
    writeFileSync(join(project, 'esm.mjs'), "import { moderate } from 'comment-moderation';\nconsole.log(moderate('I will kill you').verdict);\n");
    expect(run('node', ['esm.mjs']).trim()).toBe('reject');
  });

  it('requires from CJS', () => {
    writeFileSync(join(project, 'cjs.cjs'), "const { moderate } = require('comment-moderation');\nconsole.log(moderate('Shia militias attacked the base.').verdict);\n");
    expect(run('node', ['cjs.cjs']).trim()).toBe('approve');
  });

  it('type-checks a TypeScript file against the published types, with literal category names', () => {
    mkdirSync(join(project, 'ts'), { recursive: true });
    writeFileSync(
      join(project, 'ts', 'use.ts'),
      [
        "import { moderate, createModerator, type Category, type ModerationResult, type Verdict } from 'comment-moderation';",
        "const result: ModerationResult = createModerator({ links: 'reject' }).moderate({ text: 'hello', author: 'Jo' });",
        'const verdict: Verdict = result.verdict;',
        "const literal: 'approve' | 'reject' = moderate('hi').verdict;",
        "const categories: Array<'profanity' | 'vulgarity' | 'threat' | 'personal_attack' | 'abuse' | 'promotion'> = result.reasons.map((r) => r.category);",
        "// @ts-expect-error: not one of the six categories",
        "const wrong: Category = 'spam';",
        "// @ts-expect-error: the policy is strict",
        "createModerator({ linkz: 'reject' });",
        'export { verdict, literal, categories, wrong };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'ts', 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022', skipLibCheck: true, types: [] }, files: ['use.ts'] }),
    );
    // A failed check throws with tsc's output.
    run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(project, 'ts', 'tsconfig.json')]);
  });

  it('runs the CLI from node_modules/.bin', () => {
    const out = JSON.parse(run(join(project, 'node_modules', '.bin', 'comment-moderation'), ['you are an idiot'])) as { verdict: string };
    expect(out.verdict).toBe('reject');
  });

  it(`installs at most ${MAX_DEPENDENCY_PACKAGES} dependency packages and ${MAX_INSTALLED_BYTES / 1024 / 1024} MB, no database client, no natural`, () => {
    const modules = join(project, 'node_modules');
    const installed = packages(modules).map((p) => p.slice(modules.length + 1).replace(/\\/g, '/'));
    const dependencies = installed.filter((name) => name !== 'comment-moderation');
    const size = bytes(modules);
    console.log(`installed: ${dependencies.length} dependency packages (${dependencies.join(', ')}), ${(size / 1024 / 1024).toFixed(1)} MB`);
    expect(dependencies.length).toBeLessThanOrEqual(MAX_DEPENDENCY_PACKAGES);
    expect(size).toBeLessThanOrEqual(MAX_INSTALLED_BYTES);
    for (const name of FORBIDDEN) expect(installed.some((p) => p.split('/').pop() === name), name).toBe(false);
    const manifest = JSON.parse(readFileSync(join(modules, 'comment-moderation', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('natural');
  });
});
