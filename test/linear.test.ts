import { describe, expect, it } from 'vitest';
import { createModerator } from '../src/index.js';

// The one timing in the tests: a ratio within one run. Time per character at 1 MB must stay within
// 5× of that at 100 KB (memory effects alone reach about 3×; a quadratic step shows 10×).
const SMALL = 100_000;
const LARGE = 1_000_000;
const moderator = createModerator();

const shapes: Record<string, (n: number) => string> = {
  'one long word': (n) => 'a'.repeat(n),
  'a a a a ...': (n) => 'a '.repeat(n / 2),
  'no sentence breaks, with trigger words': (n) => 'the minister said that we will kill the plan and '.repeat(n / 50),
  'insults everywhere': (n) => 'you idiot, '.repeat(n / 11),
  'tens of thousands of links': (n) => 'see http://bit.ly/x1 '.repeat(n / 21),
  'tens of thousands of disguised links': (n) => 'h_t_t_p://a_b.c0m '.repeat(n / 18),
  'links of every kind, handles and phone numbers': (n) => 'h_t_t_p://a_b.c0m @user1 call 0207 946 0958 see www.example.com or w w w . site . com '.repeat(n / 86),
  'tens of thousands of "f u c k"': (n) => 'f u c k '.repeat(n / 8),
  'deep zalgo': (n) => 'a\u0301\u0302\u0303\u0304\u0305\u0306'.repeat(n / 7),
};

function nsPerChar(text: string): number {
  const start = performance.now();
  moderator.moderate(text);
  return ((performance.now() - start) * 1e6) / text.length;
}

describe('time is linear in the length of the text', () => {
  it.each(Object.entries(shapes))('%s', (_, make) => {
    const small = make(SMALL);
    const large = make(LARGE);
    nsPerChar(small); // warm-up: caches and JIT
    // The fastest of a few runs: other processes on the machine only ever add time.
    const fastest = (text: string, runs: number) => Math.min(...Array.from({ length: runs }, () => nsPerChar(text)));
    const ratio = fastest(large, 1) / fastest(small, 3);
    expect(ratio).toBeLessThan(5);
  }, 300_000);
});
