import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../src/index.js';
import { readJsonl, ROOT, type FixtureRow } from './helpers.js';

// Known misses: listed in fixtures/backlog.jsonl ({"id", "why"}). They run as expected failures,
// so a miss stays visible instead of being deleted, and a row that starts passing must leave the backlog.
const BACKLOG = join(ROOT, 'fixtures', 'backlog.jsonl');
const backlog = new Map(existsSync(BACKLOG) ? readJsonl<{ id: string; why: string }>(BACKLOG).map((r) => [r.id, r.why]) : []);
const moderator = createModerator();
const files = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.jsonl') && !['backlog.jsonl', 'disputed.jsonl'].includes(f));

describe.each(files)('fixtures/%s', (file) => {
  for (const row of readJsonl<FixtureRow>(join(ROOT, 'fixtures', file))) {
    const title = `${row.id} ${row.reject ? 'rejects' : 'approves'} (${row.note ?? ''}): ${JSON.stringify(row.text.slice(0, 80))}`;
    const test = backlog.has(row.id) ? it.fails : it;
    test(backlog.has(row.id) ? `[backlog: ${backlog.get(row.id)}] ${title}` : title, () => {
      const result = moderator.moderate(row.text);
      expect(result.verdict).toBe(row.reject ? 'reject' : 'approve');
      if (row.reject) {
        // A rejection names at least one of the row's categories.
        expect(result.reasons.some((r) => row.categories.includes(r.category))).toBe(true);
      }
    });
  }
});
