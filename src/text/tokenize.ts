import { isElongated, squeeze, squeezeToTwo, unleet, unleetReadings } from './forms.js';
import type { Vocabulary } from './vocabulary.js';

export interface Token {
  /** Position in the token list. */
  index: number;
  /** Half-open range in the normalised text. */
  start: number;
  end: number;
  /** The normalised text of the token, case kept. */
  text: string;
  /** Lower-case readings used for lookup: as written, spelled out, un-leeted, de-elongated. */
  forms: string[];
  /** The reading given to compromise and to phrase building: spelled out and un-leeted. */
  canon: string;
  /** A form with every repeated letter collapsed, when the word was elongated ("fuuuck"). */
  squeezed?: string;
  sentence: number;
  clause: number;
  quoted: boolean;
  /** Starts with a capital letter (a name, when not sentence-initial). */
  capitalized: boolean;
  /** The first token of its sentence. */
  sentenceStart: boolean;
}

export interface Spelling {
  /** Lower-case word → its standard reading ("u" → "you", "n't" → "not"). */
  get(word: string): string | undefined;
  /** Digit or symbol → the letter it stands in for. */
  readonly leet: ReadonlyMap<string, string>;
  /** The words the rules are written in: a disguised word is read as the one it hides. */
  readonly vocabulary?: Vocabulary | undefined;
}

// A word: letters and digits, with the symbols used to disguise letters inside it; or one emoji.
// "#" and "_" between letters mask a letter ("s#it") or separate letters ("t_a_k_e").
const CHUNK = /[\p{L}\p{N}@$*!|+€£'’]+(?:[#_][\p{L}\p{N}@$*!|+€£'’]+)*|\p{Extended_Pictographic}/gu;
const INNER_MASK = /[#_]/;
const MENTION = /^@[\p{L}\p{N}]/u;
const CAMEL_PARTS = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const LEADING_JUNK = /^['’!|*+]+/;
const TRAILING_JUNK = /['’!|@$+€£]+$/;
const ALNUM = /[\p{L}\p{N}]/u;
const CONTRACTION = /^(.*[\p{L}])(n['’]t|['’](?:re|ll|ve|m|d|s))$/iu;
const SENTENCE_END = /[.!?\n]/;
const CLAUSE_END = /[,;:()\u2013\u2014]/;
const QUOTE = /["“”«»„]/g;
// Single quotes are told from apostrophes by where they stand: before a word after a space, or
// right after a word before a space or punctuation.
const SINGLE_OPEN = /(?:^|[\s(\[])['‘]$/;
const SINGLE_CLOSE = /^['’](?=$|[\s.,;:!?)\]])/;
const SEPARATOR = /^(?: |\.|-|_|\*|\/| \. | - |\. )$/;
const UPPER = /^\p{Lu}/u;
const MAX_TOKEN = 64;

function makeForms(lower: string, spelling: Spelling): { forms: string[]; canon: string; squeezed?: string } {
  const forms = [lower];
  const add = (f: string | undefined) => {
    if (f && !forms.includes(f)) forms.push(f);
  };
  // "@user" is a mention, not leetspeak, unless it reads as a word the rules know ("@ss").
  if (MENTION.test(lower) && spelling.vocabulary) {
    const asLeet = unleet(lower, spelling.leet);
    if (asLeet === undefined || !spelling.vocabulary.has(asLeet)) return { forms, canon: lower };
  }
  const spelled = spelling.get(lower);
  add(spelled);
  // "'s" is also read as rule phrases spell it, without the apostrophe.
  if (lower.startsWith("'") && lower.length > 1) add(lower.slice(1));
  const leet = unleet(lower, spelling.leet);
  add(leet);
  const leetSpelled = leet ? spelling.get(leet) : undefined;
  add(leetSpelled);
  let canon = spelled ?? leetSpelled ?? leet ?? lower;
  let base = leet ?? lower;
  const { vocabulary } = spelling;
  // "c1u3l3ss": a symbol that may stand for two letters is read as the one that makes a known word.
  if (vocabulary && leet !== undefined && !vocabulary.has(canon)) {
    const known = unleetReadings(lower, spelling.leet).find((r) => vocabulary.has(r) || vocabulary.has(squeezeToTwo(r)));
    if (known) {
      add(known);
      canon = known;
      base = known;
    }
  }
  let squeezed: string | undefined;
  if (isElongated(base)) {
    const two = squeezeToTwo(base);
    add(two);
    const twoSpelled = spelling.get(two);
    add(twoSpelled);
    squeezed = squeeze(base);
    // "hannnnged" reads as "hanged", "sooo" as "so": the first reading the rules know.
    if (vocabulary && !vocabulary.has(canon)) {
      const known = [twoSpelled, two, squeezed].find((w) => w !== undefined && vocabulary.has(w));
      if (known) {
        add(known);
        canon = known;
      }
    }
  }
  if (vocabulary && base.includes('*') && !vocabulary.has(canon)) {
    const unmasked = vocabulary.unmask(base);
    if (unmasked) {
      add(unmasked);
      canon = unmasked;
    }
  }
  return squeezed === undefined ? { forms, canon } : { forms, canon, squeezed };
}

/**
 * Splits normalised text into word tokens with sentence, clause and quotation context.
 * Contractions become two tokens ("don't" → "do" "not"); runs of three or more single letters
 * with one separator ("f u c k", "i.d.i.o.t") become one token.
 */
export function tokenize(text: string, spelling: Spelling): Token[] {
  const raw: RawToken[] = [];
  // "!d!07": symbols at the edge of a word are letters when they make a word the rules know.
  const { vocabulary } = spelling;
  const leetWord = vocabulary
    ? (word: string) => {
        const lower = word.toLowerCase();
        const first = unleet(lower, spelling.leet);
        return (first !== undefined && vocabulary.has(first)) || unleetReadings(lower, spelling.leet).some((r) => vocabulary.has(r));
      }
    : undefined;
  const addWord = (at: number, chunk: string) => {
    const { start, word } = trimJunk(at, chunk, leetWord);
    if (!ALNUM.test(word) || splitSpelled(start, word)) return;
    // Contractions are found on the un-leeted reading too ("y0u'r3"); leet keeps the length.
    const c = word.length <= MAX_TOKEN ? CONTRACTION.exec(unleet(word.toLowerCase(), spelling.leet) ?? word) : null;
    if (c) {
      raw.push({ start, end: start + c[1]!.length });
      raw.push({ start: start + c[1]!.length, end: start + word.length });
    } else raw.push({ start, end: start + word.length });
  };
  // A hashtag reads as its words: "#SendThemBack" at its capitals, "#deportthemall" into words the rules know.
  const splitHashtag = (start: number, word: string): boolean => {
    // A hashtag the rules list as one word ("#DeportThemAll") stays one.
    if (word.length > MAX_TOKEN || vocabulary?.has(word.toLowerCase())) return false;
    let pieces: string[] | null = word.match(CAMEL_PARTS);
    if (!pieces || pieces.join('') !== word || pieces.length < 2) {
      const lower = word.toLowerCase();
      if (!vocabulary || !/^\p{Ll}+$/u.test(word)) return false;
      pieces = vocabulary.split(lower) ?? null;
      if (!pieces || pieces.length < 2 || pieces.some((p) => p.length < 2 && p !== 'a' && p !== 'i')) return false;
    }
    let at = start;
    for (const piece of pieces) {
      raw.push({ start: at, end: at + piece.length });
      at += piece.length;
    }
    return true;
  };
  // A chat spelling that stands for several words ("arent" → "aren't", "imma" → "i'm going to")
  // becomes one token per word, each over a share of the letters, so rules see every word.
  const splitSpelled = (start: number, word: string): boolean => {
    const spelled = word.length <= MAX_TOKEN ? spelling.get(word.toLowerCase().replace(/’/g, "'")) : undefined;
    if (!spelled || !/[ '’]/.test(spelled)) return false;
    const pieces = spelled.split(' ').flatMap((w) => {
      const c = CONTRACTION.exec(w);
      return c ? [c[1]!, c[2]!] : [w];
    });
    if (pieces.length < 2 || pieces.length > word.length) return false;
    // The first piece keeps as many letters as it has, leaving one for each piece after it.
    let at = start + Math.min(pieces[0]!.length, word.length - (pieces.length - 1));
    raw.push({ start, end: at, joined: pieces[0]! });
    for (let k = 1; k < pieces.length; k++) {
      const end = k === pieces.length - 1 ? start + word.length : Math.min(at + pieces[k]!.length, start + word.length - (pieces.length - 1 - k));
      raw.push({ start: at, end, joined: pieces[k]! });
      at = end;
    }
    return true;
  };
  for (const m of text.matchAll(CHUNK)) {
    const word = m[0];
    if (EMOJI.test(word)) raw.push({ start: m.index, end: m.index + word.length });
    else if (INNER_MASK.test(word)) addMasked(m.index, word, vocabulary, raw, addWord);
    else if (m.index > 0 && text[m.index - 1] === '#' && splitHashtag(m.index, word)) continue;
    else addWord(m.index, word);
  }

  const merged = joinSeparatedLetters(text, raw, vocabulary);
  // Quotes that wrap the whole comment (as CSV exports do) quote nothing in it; "" is one quote.
  const wrapped = /^\s*["“]/.test(text) && /["”]\s*$/.test(text);
  const firstWord = merged[0]?.start ?? 0;
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let quoted = false;
  let singleQuoted = false;
  let prevEnd = 0;
  let sentenceStart = true;
  for (const r of merged) {
    const gap = text.slice(prevEnd, r.start);
    if (singleQuoted && SINGLE_CLOSE.test(gap)) singleQuoted = false;
    if (tokens.length > 0) {
      if (SENTENCE_END.test(gap)) {
        sentence++;
        clause++;
        sentenceStart = true;
        singleQuoted = false;
      } else if (CLAUSE_END.test(gap)) clause++;
    }
    const quotes = (wrapped && r.start === firstWord ? gap.replace(/^\s*["“]/, '') : gap).replace(/""/g, '"').match(QUOTE);
    if (quotes) quoted = quotes.length % 2 === 1 ? !quoted : quoted;
    if (!singleQuoted && SINGLE_OPEN.test(gap)) singleQuoted = true;
    const tokenText = r.joined ? r.joined : text.slice(r.start, r.end);
    const lower = tokenText.length <= MAX_TOKEN ? tokenText.toLowerCase() : tokenText.slice(0, MAX_TOKEN).toLowerCase();
    const { forms, canon, squeezed } = makeForms(lower.replace(/’/g, "'").replace(/[#_]/g, '*'), spelling);
    const token: Token = {
      index: tokens.length,
      start: r.start,
      end: r.end,
      text: tokenText,
      forms,
      canon,
      sentence,
      clause,
      quoted: quoted || singleQuoted,
      capitalized: UPPER.test(tokenText),
      sentenceStart,
    };
    if (squeezed !== undefined) token.squeezed = squeezed;
    tokens.push(token);
    // Mentions that open a sentence ("@user Idiot.") stand apart: what follows starts the sentence.
    if (sentenceStart && canon.startsWith('@')) {
      sentence++;
      clause++;
    } else sentenceStart = false;
    prevEnd = r.end;
  }
  return tokens;
}

/** How many one-letter tokens from `at` on follow each other with separator `sep`. */
function separatedRun(text: string, raw: readonly RawToken[], at: number, sep: string): number {
  let n = 0;
  for (let k = at; k + 1 < raw.length && n < 3; k++) {
    const next = raw[k + 1]!;
    if (next.end - next.start !== 1 || next.joined !== undefined || text.slice(raw[k]!.end, next.start) !== sep) break;
    n++;
  }
  return n;
}

interface RawToken {
  start: number;
  end: number;
  /** The letters of a separated or masked run, read as one word. */
  joined?: string;
}

function trimJunk(start: number, word: string, leetWord?: (word: string) => boolean): { start: number; word: string } {
  const lead = LEADING_JUNK.exec(word);
  if (lead && leetWord && word.length <= MAX_TOKEN) {
    const kept = word.replace(TRAILING_JUNK, '');
    if (leetWord(kept)) return { start, word: kept };
  }
  if (lead) {
    start += lead[0].length;
    word = word.slice(lead[0].length);
  }
  const trail = TRAILING_JUNK.exec(word);
  if (trail && trail[0].length < word.length) word = word.slice(0, word.length - trail[0].length);
  return { start, word };
}

/**
 * A chunk with "#" or "_" inside: letters separated by them ("t_a_k_e") join into one word; a
 * masked letter ("s#it", "bull_t") is kept when it hides a word the rules know; anything else
 * ("mike_77", "all!!#hashtag") splits at them.
 */
function addMasked(at: number, chunk: string, vocabulary: Vocabulary | undefined, raw: RawToken[], addWord: (at: number, word: string) => void): void {
  const { start, word } = trimJunk(at, chunk);
  const segments = word.split(/[#_]/);
  if (segments.length >= 2 && segments.every((s) => s.length === 1 && ALNUM.test(s))) {
    raw.push({ start, end: start + word.length, joined: segments.join('') });
    return;
  }
  if (vocabulary && word.length <= MAX_TOKEN && vocabulary.hidesWord(word.toLowerCase().replace(/[#_]/g, '*'))) {
    addWord(start, word);
    return;
  }
  let offset = at;
  for (const segment of chunk.split(/[#_]/)) {
    addWord(offset, segment);
    offset += segment.length + 1;
  }
}

/**
 * Runs of ≥3 one-character tokens separated by the same separator become one token; a run the
 * rules do not know as a word is split into words they know ("i k n o w" → "i" "know").
 */
function joinSeparatedLetters(text: string, raw: readonly RawToken[], vocabulary: Vocabulary | undefined): RawToken[] {
  const out: RawToken[] = [];
  const single = (t: RawToken) => t.end - t.start === 1 && t.joined === undefined;
  let i = 0;
  while (i < raw.length) {
    const first = raw[i]!;
    if (!single(first)) {
      out.push(first);
      i++;
      continue;
    }
    let j = i + 1;
    let sep: string | undefined;
    while (j < raw.length) {
      const t = raw[j]!;
      if (!single(t)) break;
      const gap = text.slice(raw[j - 1]!.end, t.start);
      if (!SEPARATOR.test(gap) || (sep !== undefined && gap !== sep)) {
        // "i k n o w w-h-e-r-e": the letter before a change of separator starts the next run,
        // when the new separator goes on for at least three more letters.
        if (sep !== undefined && j - i >= 4 && SEPARATOR.test(gap) && separatedRun(text, raw, j, gap) >= 3) j--;
        break;
      }
      sep = gap;
      j++;
    }
    // Two letters join only with a dash or underscore, into a word the rules know ("u-p", "m-y"): "U.S." stays.
    const pair = j - i === 2 && (sep === '-' || sep === '_') && vocabulary?.has((text[first.start]! + text[raw[i + 1]!.start]!).toLowerCase());
    let joined = '';
    for (let k = i; k < j; k++) joined += text[raw[k]!.start];
    // "u r a liar": letters that are each a word, spaced, and make no word together, stay words.
    const words = sep === ' ' && vocabulary !== undefined && !vocabulary.has(joined.toLowerCase()) && [...joined.toLowerCase()].every((c) => vocabulary.has(c));
    if ((j - i >= 3 || pair) && !words) {
      const pieces = vocabulary && !vocabulary.has(joined.toLowerCase()) ? vocabulary.split(joined.toLowerCase()) : undefined;
      if (pieces && pieces.length > 1) {
        let k = i;
        for (const piece of pieces) {
          out.push({ start: raw[k]!.start, end: raw[k + piece.length - 1]!.end, joined: joined.slice(k - i, k - i + piece.length) });
          k += piece.length;
        }
      } else out.push({ start: first.start, end: raw[j - 1]!.end, joined });
      i = j;
    } else if (words) {
      // Each letter stays a word; the run is not scanned again from its next letter.
      for (let k = i; k < j; k++) out.push(raw[k]!);
      i = j;
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}
