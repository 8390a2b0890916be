import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator, type CommentInput, type ModerationResult } from '../src/index.js';

const moderator = createModerator();
const strict = createModerator({ categories: { profanity: { threshold: 0.9 } }, links: 'reject' });

const SEEDS = ['I will kill you', 'you f*cking id1ot', 'immigrants are vermin', 'check out my channel bit.ly/x', 'Shia militias attacked the base'];
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', '\u200B', '\u200D', '\u202E', '\u0000', '\u0301', '👨‍👩‍👧', '🇺🇸', 'a', ' ', '.', '*', '1'), maxLength: 200 }),
  fc.tuple(fc.constantFrom(...SEEDS), fc.string({ unit: 'binary', maxLength: 20 }), fc.nat(40)).map(([seed, noise, at]) => seed.slice(0, at) + noise + seed.slice(at)),
  fc.constantFrom(...SEEDS).map((s) => s.split('').join('\u200B')),
);

function spansPointAtMatches(input: CommentInput, result: ModerationResult): void {
  for (const r of result.reasons) {
    const value = input[r.field] ?? '';
    expect(r.span.start).toBeGreaterThanOrEqual(0);
    expect(r.span.end).toBeLessThanOrEqual(value.length);
    expect(r.span.start).toBeLessThan(r.span.end);
    expect(value.slice(r.span.start, r.span.end)).toBe(r.match);
  }
}

describe('any string', () => {
  it('is moderated without throwing, with spans inside the field that point at the match', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const result = moderator.moderate(text);
        expect(['approve', 'reject']).toContain(result.verdict);
        spansPointAtMatches({ text }, result);
      }),
      { numRuns: 2000 },
    );
  });

  it('in every field', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (text, author, url) => {
        const input = { text, author, url };
        spansPointAtMatches(input, moderator.moderate(input));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result every time, interleaved with another policy', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const first = moderator.moderate(a);
        strict.moderate(b);
        moderator.moderate(b);
        expect(moderator.moderate(a)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
