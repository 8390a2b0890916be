import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../src/index.js';
import { CATEGORIES } from '../src/types.js';
import { ROOT } from './helpers.js';

// Scunthorpe, measured: every word of a large English word list is moderated alone. A word that
// is rejected must be listed, with its category and why, in fixtures/wordlist/reviewed.tsv.
const words = createRequire(import.meta.url)('an-array-of-english-words') as string[];
const REVIEWED = join(ROOT, 'fixtures', 'wordlist', 'reviewed.tsv');

interface Reviewed {
  word: string;
  category: string;
  reason: string;
}

const reviewed: Reviewed[] = readFileSync(REVIEWED, 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [word = '', category = '', reason = ''] = line.split('\t');
    return { word, category, reason };
  });
const byWord = new Map(reviewed.map((r) => [r.word, r]));

describe('the English word list', () => {
  const moderator = createModerator();
  const rejected = new Map<string, string[]>();
  for (const word of words) {
    const result = moderator.moderate(word);
    if (result.verdict === 'reject') rejected.set(word, [...new Set(result.reasons.map((r) => r.category))]);
  }

  it(`moderates all ${words.length} words`, () => {
    expect(words.length).toBeGreaterThan(200_000);
  });

  it('rejects no word alone that is not in the reviewed list', () => {
    const unlisted = [...rejected.keys()].filter((w) => !byWord.has(w));
    expect(unlisted).toEqual([]);
  });

  it('rejects every reviewed word, with the category it was reviewed for', () => {
    const wrong = reviewed.filter((r) => !rejected.get(r.word)?.includes(r.category)).map((r) => `${r.word} (${r.category})`);
    expect(wrong).toEqual([]);
  });

  it('gives every reviewed word one of the six categories and a reason', () => {
    const bad = reviewed.filter((r) => !(CATEGORIES as readonly string[]).includes(r.category) || r.reason.trim().length < 8);
    expect(bad).toEqual([]);
    expect(new Set(reviewed.map((r) => r.word)).size).toBe(reviewed.length);
  });
});
