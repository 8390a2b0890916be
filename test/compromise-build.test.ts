import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import full from 'compromise';
import { describe, expect, it } from 'vitest';
import ours from '../src/generated/compromise.js';
import { ROOT } from './helpers.js';

// The library's own compromise build (scripts/lib/nlp.mjs) leaves out plugins; it must read text
// exactly as the full package does with the steps the library runs (no post-tagger, no chunks).
type Nlp = { tokenize(text: string): { compute(steps: string[]): { docs: Array<Array<{ normal: string; tags: Set<string> }>> } }; world(): { hooks: string[] } };
const reading = (nlp: Nlp, steps: string[], text: string) =>
  nlp.tokenize(text).compute(steps).docs.map((terms) => terms.map((t) => `${t.normal}/${[...t.tags].sort().join(',')}`).join(' '));

const texts = ['fixtures', 'fixtures/functional']
  .flatMap((dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.jsonl') && f !== 'backlog.jsonl' && f !== 'disputed.jsonl').map((f) => join(ROOT, dir, f)))
  .flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { text: string }).text);

describe("the library's compromise build", () => {
  const fullSteps = (full as unknown as Nlp).world().hooks.filter((h) => h !== 'postTagger' && h !== 'chunks');
  const ourSteps = (ours as unknown as Nlp).world().hooks;

  it('runs the same steps as the full package without its post-tagger and chunker', () => {
    expect(ourSteps).toEqual(fullSteps.filter((h) => h !== 'typeahead'));
  });

  it(`tags every fixture text as the full package does (${texts.length} texts)`, () => {
    expect(texts.length).toBeGreaterThan(500);
    const differ = texts.filter((t) => JSON.stringify(reading(ours as unknown as Nlp, ourSteps, t)) !== JSON.stringify(reading(full as unknown as Nlp, fullSteps, t)));
    expect(differ).toEqual([]);
  });
});
