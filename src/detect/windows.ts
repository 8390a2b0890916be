import nlp from '../generated/compromise.js';
import type { Token } from '../text/tokenize.js';

/** Tokens on each side of a trigger given to compromise: its cost grows faster than linearly. */
export const WINDOW_RADIUS = 12;

/** A bounded stretch of one sentence, rebuilt from token readings for compromise. */
export interface Window {
  first: number;
  last: number;
  text: string;
  /** Character offset in `text` where each token of the window begins. */
  offsets: number[];
  /** compromise's document for `text`. */
  doc: unknown;
}

let steps: string[] | undefined;
/**
 * The tagging steps of our compromise build (src/generated/compromise.js): the lexicon and suffix
 * tags our patterns read. It has no post-tagger (contextual corrections, run as a large match net,
 * that cost more than half the time) and no noun-phrase chunks.
 */
function taggingSteps(): string[] {
  // Then each term's place in the window's text, for matchedTokens.
  steps ??= [...(nlp.world() as unknown as { hooks: string[] }).hooks, 'offset'];
  return steps;
}

const KEPT_PUNCTUATION = /[,;:?!"“”]/g;

/** `source` is the normalised text the tokens point into; its punctuation between tokens is kept. */
export function buildWindow(source: string, tokens: readonly Token[], first: number, last: number): Window {
  let text = '';
  const offsets: number[] = [];
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    offsets.push(text.length);
    text += token.canon;
    if (i < last) {
      const kept = source.slice(token.end, tokens[i + 1]!.start).match(KEPT_PUNCTUATION);
      text += `${kept ? kept.join('').replace(/[“”]/g, '"') : ''} `;
    }
  }
  return { first, last, text, offsets, doc: nlp.tokenize(text).compute(taggingSteps()) };
}

/** A term of a compromise match, with its place in the window's text (computed with the tags). */
export interface MatchedTerm {
  offset?: { start: number; length: number };
}

/** The window's tokens each match covers: from its first term's start to its last term's end. */
export function matchedTokens(window: Window, matches: ReadonlyArray<readonly MatchedTerm[]>): Array<{ first: number; last: number } | undefined> {
  return matches.map((terms) => {
    const a = terms[0]?.offset;
    const b = terms[terms.length - 1]?.offset;
    return a && b ? tokensInRange(window, a.start, b.start + b.length - a.start) : undefined;
  });
}

/** The window's tokens covered by a character range of its text. */
function tokensInRange(window: Window, start: number, length: number): { first: number; last: number } {
  const end = start + Math.max(length, 1);
  let first = -1;
  let last = -1;
  for (let k = 0; k < window.offsets.length; k++) {
    const s = window.offsets[k]!;
    const tokenIndex = window.first + k;
    const e = k + 1 < window.offsets.length ? window.offsets[k + 1]! : window.text.length;
    if (s < end && e > start) {
      if (first < 0) first = tokenIndex;
      last = tokenIndex;
    }
  }
  if (first < 0) return { first: window.first, last: window.first };
  return { first, last };
}

/** The tokens from `first` to `last` widened by up to WINDOW_RADIUS on each side, within the sentence of `first`. */
export function widen(tokens: readonly Token[], first: number, last: number): [number, number] {
  const sentence = tokens[first]!.sentence;
  let from = first;
  while (from > 0 && first - from < WINDOW_RADIUS && tokens[from - 1]!.sentence === sentence) from--;
  let to = last;
  while (to + 1 < tokens.length && to - last < WINDOW_RADIUS && tokens[to + 1]!.sentence === sentence) to++;
  return [from, to];
}

/** Windows around trigger tokens: the trigger's sentence, clipped to WINDOW_RADIUS, overlapping ones merged. */
export function windowRanges(tokens: readonly Token[], triggerTokens: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const sorted = [...new Set(triggerTokens)].sort((a, b) => a - b);
  for (const t of sorted) {
    const sentence = tokens[t]!.sentence;
    const [first, last] = widen(tokens, t, t);
    const prev = ranges[ranges.length - 1];
    if (prev && first <= prev[1] && tokens[prev[0]]!.sentence === sentence && last - prev[0] <= 3 * WINDOW_RADIUS) prev[1] = Math.max(prev[1], last);
    else ranges.push([first, last]);
  }
  return ranges;
}
