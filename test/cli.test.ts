// Tests of the CLI as built: `npm test` builds dist/ before vitest runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPretty, markSpans } from '../src/cli.js';
import type { ModerationResult } from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');

const THREAT = 'I will kill you';
const CLEAN = 'The council met on Tuesday.';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'cm-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts node and loads the library (about a second), so allow for a busy machine.
describe('comment-moderation CLI', { timeout: 60_000 }, () => {
  it('prints one line of JSON for a text argument', () => {
    const r = cli([THREAT]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ verdict: 'reject' });
    expect(jsonLines(cli([CLEAN]).stdout)[0]).toMatchObject({ verdict: 'approve', reasons: [] });
  });

  it('--pretty shows the verdict, the reasons and the marked span', () => {
    const r = cli(['--pretty', THREAT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^verdict: reject$/m);
    expect(r.stdout).toMatch(/threat\//);
    expect(r.stdout).toMatch(/^text: .*\[\[[^\]]*kill[^\]]*\]\]/m);
  });

  it('reads stdin: JSON and plain lines give one result per non-empty line', () => {
    const input = [CLEAN, '', JSON.stringify({ text: THREAT }), JSON.stringify({ text: CLEAN, author: 'Jo' }), '   '].join('\n');
    const r = cli([], input);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((l) => l.verdict)).toEqual(['approve', 'reject', 'approve']);
  });

  it('reads stdin with --pretty, one block per line', () => {
    const r = cli(['--pretty'], `${CLEAN}\n${THREAT}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/line 1:\nverdict: approve/);
    expect(r.stdout).toMatch(/line 2:\nverdict: reject/);
  });

  it('reports a bad stdin line on stdout with its number, goes on, and exits 2', () => {
    const input = [CLEAN, JSON.stringify({ body: 'no text here' }), '{not json}', THREAT].join('\n');
    const r = cli([], input);
    expect(r.code).toBe(2);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ verdict: 'approve' });
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(String(lines[1]!.error)).toMatch(/text/);
    expect(lines[2]).toMatchObject({ line: 3 });
    expect(String(lines[2]!.error)).toMatch(/JSON/);
    expect(lines[3]).toMatchObject({ verdict: 'reject' });
  });

  it('--fail-on-reject exits 1 on a rejected comment and 0 otherwise', () => {
    expect(cli(['--fail-on-reject', THREAT]).code).toBe(1);
    expect(cli(['--fail-on-reject', CLEAN]).code).toBe(0);
    expect(cli(['--fail-on-reject'], `${CLEAN}\n${THREAT}\n`).code).toBe(1);
    expect(cli(['--fail-on-reject'], `${CLEAN}\n`).code).toBe(0);
    expect(cli([THREAT]).code).toBe(0);
  });

  it('--policy applies a valid policy file', () => {
    const file = join(dir, 'no-threats.json');
    writeFileSync(file, JSON.stringify({ categories: { threat: { enabled: false } } }));
    const r = cli(['--policy', file, '--fail-on-reject', THREAT]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ verdict: 'approve' });
  });

  it('--policy with a bad file exits 2 naming the file and the problem', () => {
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ categories: { threat: { threshold: 2 } } }));
    let r = cli(['--policy', invalid, CLEAN]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(invalid);
    expect(r.stderr).toMatch(/threshold/);

    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ categories: ');
    r = cli(['--policy', notJson, CLEAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(notJson);
    expect(r.stderr).toMatch(/not valid JSON/);

    const missing = join(dir, 'missing.json');
    r = cli(['--policy', missing, CLEAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toMatch(/no such file/);
  });

  it('exits 2 on an unknown flag or more than one text argument', () => {
    let r = cli(['--bogus', CLEAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--bogus/);
    expect(r.stdout).toBe('');
    r = cli([CLEAN, THREAT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one text argument/);
  });

  it('--help prints usage and exits 0; --version prints the package version', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: comment-moderation/);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('formatPretty', () => {
  const result: ModerationResult = {
    verdict: 'reject',
    reasons: [
      {
        category: 'abuse',
        subcategory: 'xenophobia',
        rule: 'abuse/example',
        severity: 0.9,
        message: 'An example reason.',
        field: 'text',
        span: { start: 4, end: 9 },
        match: 'quick',
      },
      { category: 'profanity', rule: 'profanity/example', severity: 0.8, message: 'Another.', field: 'author', span: { start: 0, end: 3 }, match: 'Bad' },
    ],
    scores: { profanity: 0.8, vulgarity: 0, threat: 0, personal_attack: 0, abuse: 0.9, promotion: 0 },
    language: { script: 'Latin', covered: true },
    rulesetVersion: 'test',
  };

  it('lists the verdict and every reason, and marks spans in their own field', () => {
    const out = formatPretty(result, { text: 'The quick fox', author: 'Bad name' });
    expect(out).toContain('verdict: reject');
    expect(out).toContain('abuse/xenophobia | abuse/example | severity 0.9 | text 4-9');
    expect(out).toContain('An example reason.');
    expect(out).toContain('text: The [[quick]] fox');
    expect(out).toContain('author: [[Bad]] name');
  });

  it('uses ANSI inverse when asked', () => {
    expect(formatPretty(result, 'The quick fox', { ansi: true })).toContain('text: The \x1b[7mquick\x1b[27m fox');
  });

  it('merges overlapping spans', () => {
    expect(markSpans('abcdefgh', [{ start: 1, end: 4 }, { start: 3, end: 6 }, { start: 7, end: 8 }], '[', ']')).toBe('a[bcdef]g[h]');
  });
});
