// Disguises words the way people do to slip a comment past a filter, for `npm run eval -- --obfuscate`.
// Every choice comes from a generator seeded with the row's id, so a run is reproducible.

/** mulberry32: a small seeded generator. */
export function seeded(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

// Latin letters and look-alikes from Cyrillic, Greek and Armenian (as in Unicode's confusables data).
const LOOK_ALIKES = {
  a: ['а', 'α'], c: ['с', 'ϲ'], e: ['е', 'ε'], h: ['һ', 'հ'], i: ['і', 'ι'], j: ['ј'], k: ['к', 'κ'], n: ['ո', 'η'],
  o: ['о', 'ο', 'օ'], p: ['р', 'ρ'], s: ['ѕ'], t: ['т', 'τ'], u: ['υ', 'ս'], x: ['х', 'χ'], y: ['у', 'γ'],
};
const LEET = { a: ['4', '@'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['5', '$'], t: ['7'], l: ['1'], g: ['9'], b: ['8'] };
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff', '\u202a', '\u202c'];
const SEPARATORS = [' ', '.', '-', '_'];

/** Styled letters: fullwidth, mathematical bold, bold italic, circled, squared, regional indicators. */
const STYLES = [
  (ch, upper) => String.fromCodePoint((upper ? 0xff21 : 0xff41) + ch),
  (ch, upper) => String.fromCodePoint((upper ? 0x1d400 : 0x1d41a) + ch),
  (ch, upper) => String.fromCodePoint((upper ? 0x1d468 : 0x1d482) + ch),
  (ch, upper) => String.fromCodePoint((upper ? 0x24b6 : 0x24d0) + ch),
  (ch) => String.fromCodePoint(0x1f130 + ch),
  // Regional indicators join into flags when adjacent: a zero-width space keeps them apart.
  (ch) => `${String.fromCodePoint(0x1f1e6 + ch)}\u200b`,
];

const letters = (word) => [...word];
const isAsciiLetter = (ch) => /^[a-z]$/i.test(ch);

/** Each method disguises one word; it may assume the word has at least one letter. */
export const METHODS = {
  confusable(word, rng) {
    const chars = letters(word);
    const spots = chars.map((c, i) => (LOOK_ALIKES[c.toLowerCase()] ? i : -1)).filter((i) => i >= 0);
    if (spots.length === 0) return word;
    // Mixed script: one or two letters swapped, and at least one Latin letter left (a word wholly
    // in another script is that script's word, and is read as written).
    const count = Math.max(1, Math.min(spots.length, 1 + rng.int(2), chars.filter(isAsciiLetter).length - 1));
    for (let k = 0; k < count; k++) {
      const i = spots.splice(rng.int(spots.length), 1)[0];
      chars[i] = rng.pick(LOOK_ALIKES[chars[i].toLowerCase()]);
    }
    return chars.join('');
  },
  styled(word, rng) {
    const style = rng.pick(STYLES);
    return letters(word)
      .map((c) => (isAsciiLetter(c) ? style(c.toLowerCase().charCodeAt(0) - 97, c !== c.toLowerCase()) : c))
      .join('');
  },
  zalgo(word, rng) {
    return letters(word)
      .map((c) => {
        let marks = '';
        for (let k = 1 + rng.int(4); k > 0; k--) marks += String.fromCharCode(0x0300 + rng.int(0x70));
        return c + marks;
      })
      .join('');
  },
  invisible(word, rng) {
    const chars = letters(word);
    return chars.map((c, i) => (i < chars.length - 1 && rng.next() < 0.6 ? c + rng.pick(INVISIBLE) : c)).join('');
  },
  leet(word, rng) {
    const chars = letters(word);
    const spots = chars.map((c, i) => (LEET[c.toLowerCase()] ? i : -1)).filter((i) => i >= 0);
    if (spots.length === 0) return word;
    for (let k = 1 + rng.int(spots.length); k > 0; k--) {
      const i = spots.splice(rng.int(spots.length), 1)[0];
      chars[i] = rng.pick(LEET[chars[i].toLowerCase()]);
    }
    return chars.join('');
  },
  separated(word, rng) {
    return letters(word).join(rng.pick(SEPARATORS));
  },
  repeated(word, rng) {
    const chars = letters(word);
    const i = rng.int(chars.length);
    chars[i] = chars[i].repeat(3 + rng.int(4));
    return chars.join('');
  },
  masked(word, rng) {
    const chars = letters(word);
    if (chars.length < 4) return word;
    chars[1 + rng.int(chars.length - 2)] = rng.pick(['*', '#', '_']);
    return chars.join('');
  },
  mixedCase(word, rng) {
    return letters(word)
      .map((c) => (rng.next() < 0.5 ? c.toUpperCase() : c.toLowerCase()))
      .join('');
  },
};

export const METHOD_NAMES = Object.keys(METHODS);

const WORD = /\p{L}+/gu;

/**
 * Disguises one to three of the words under the reasons' spans in `text`, all with the row's one
 * method. Returns undefined when no span covers a word.
 */
export function disguise(id, text, reasons) {
  const rng = seeded(id);
  const method = METHOD_NAMES[seeded(`method:${id}`).int(METHOD_NAMES.length)];
  const spans = reasons.filter((r) => r.field === 'text').map((r) => r.span);
  const words = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length >= 2 && spans.some((s) => s.start < end && s.end > start)) words.push({ start, end, word: m[0] });
  }
  if (words.length === 0) return undefined;
  const chosen = [];
  for (let k = Math.min(words.length, 1 + rng.int(3)); k > 0; k--) chosen.push(words.splice(rng.int(words.length), 1)[0]);
  chosen.sort((a, b) => b.start - a.start);
  let out = text;
  for (const w of chosen) out = out.slice(0, w.start) + METHODS[method](w.word, rng) + out.slice(w.end);
  return { method, text: out, words: chosen.map((w) => w.word) };
}
