import { CONFUSABLE_SOURCES, CONFUSABLE_TARGETS } from '../generated/confusables.js';

/**
 * Text folded for matching, with a map back to the caller's string: the UTF-16 unit at
 * `text[i]` came from `original.slice(starts[i], ends[i])`.
 */
export interface NormalizedText {
  original: string;
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

// Format characters (zero-width, bidi controls, soft hyphen, tags), variation selectors and combining
// marks are dropped; marks widen the span of the letter they sit on, so a span covers zalgo too.
const INVISIBLE = /^[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]$/u;
const MARK = /^\p{M}$/u;
const VARIATION_SELECTOR_SUPPLEMENT = [0xe0100, 0xe01ef] as const;
const REGIONAL_INDICATOR_A = 0x1f1e6;
const REGIONAL_INDICATOR_Z = 0x1f1ff;

let confusables: Map<number, string> | undefined;
function confusableMap(): Map<number, string> {
  if (!confusables) {
    confusables = new Map();
    const sources = Array.from(CONFUSABLE_SOURCES);
    for (let i = 0; i < sources.length; i++) confusables.set(sources[i]!.codePointAt(0)!, CONFUSABLE_TARGETS[i]!);
  }
  return confusables;
}

const foldCache = new Map<number, string>();
const FOLD_CACHE_LIMIT = 20_000;

/** One code point folded: compatibility forms decomposed, marks stripped; '' when invisible. */
function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  if (cp >= 0xd800 && cp <= 0xdfff) out = '\uFFFD';
  else if (cp >= REGIONAL_INDICATOR_A && cp <= REGIONAL_INDICATOR_Z) out = String.fromCharCode(0x41 + cp - REGIONAL_INDICATOR_A);
  else if (cp >= VARIATION_SELECTOR_SUPPLEMENT[0] && cp <= VARIATION_SELECTOR_SUPPLEMENT[1]) out = '';
  else {
    const ch = String.fromCodePoint(cp);
    if (INVISIBLE.test(ch)) out = '';
    else {
      out = '';
      for (const part of ch.normalize('NFKD')) if (!MARK.test(part)) out += part;
      if (out === '' && !MARK.test(ch)) out = ch;
    }
  }
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(cp, out);
  return out;
}

/**
 * Folds `original` for matching: NFKC-style compatibility folding (fullwidth, styled and circled
 * letters), accents and stacked marks removed, invisible and bidi characters removed, lone
 * surrogates replaced, and look-alike letters from other scripts folded (Unicode TR39 confusables)
 * inside words that mix them with Latin letters. Case is kept. Linear in the length.
 */
export function normalize(original: string): NormalizedText {
  const n = original.length;
  const parts: string[] = [];
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let length = 0;
  const grow = (extra: number) => {
    if (length + extra <= starts.length) return;
    const size = Math.max(starts.length * 2, length + extra);
    const s2 = new Int32Array(size);
    s2.set(starts.subarray(0, length));
    starts = s2;
    const e2 = new Int32Array(size);
    e2.set(ends.subarray(0, length));
    ends = e2;
  };
  let i = 0;
  while (i < n) {
    // ASCII runs are copied as they are.
    let j = i;
    while (j < n && original.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      grow(j - i);
      parts.push(original.slice(i, j));
      for (let k = i; k < j; k++) {
        starts[length] = k;
        ends[length] = k + 1;
        length++;
      }
      i = j;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (folded === '') {
      // A mark widens the span of the letter it sits on; an invisible character is dropped.
      if (length > 0 && ends[length - 1] === i && MARK.test(String.fromCodePoint(cp))) ends[length - 1] = i + width;
    } else {
      grow(folded.length);
      for (let k = 0; k < folded.length; k++) {
        starts[length] = i;
        ends[length] = i + width;
        length++;
      }
      parts.push(folded);
    }
    i += width;
  }
  const text = foldMixedScriptWords(parts.join(''));
  return { original, text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** Look-alike letters are folded only in words that also hold Latin letters: Russian stays Russian. */
function foldMixedScriptWords(text: string): string {
  if (!/[^\x00-\x7F]/.test(text)) return text;
  const map = confusableMap();
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (!/[^\x00-\x7F]/.test(word) || !/[A-Za-z]/.test(word)) return word;
    let out = '';
    for (const ch of word) {
      const target = ch.charCodeAt(0) < 0x80 ? undefined : map.get(ch.codePointAt(0)!);
      // Keep the word's length in UTF-16 units so the offset map stays aligned.
      out += target !== undefined && target.length === ch.length ? target : ch;
    }
    return out;
  });
}

/** Maps a half-open range of the normalised text back to the caller's string. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (norm.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), norm.text.length - 1);
  const e = Math.min(Math.max(end, s + 1), norm.text.length);
  return { start: norm.starts[s]!, end: norm.ends[e - 1]! };
}

