import { elongationReadings, isElongated, squeeze, squeezeToTwo, unleet, unleetReadings } from './forms.js';
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
  /** The rules' phrases of several words, run together ("killyourself" → kill, yourself). */
  readonly phrases?: ReadonlyMap<string, readonly string[]> | undefined;
}

// A word: letters and digits, with the symbols used to disguise letters inside it; or one emoji.
// "#" and "_" between letters mask a letter ("s#it") or separate letters ("t_a_k_e").
const CHUNK = /[\p{L}\p{N}@$*!|+€£'’]+(?:[#_][\p{L}\p{N}@$*!|+€£'’]+)*|\p{Extended_Pictographic}/gu;
const INNER_MASK = /[#_]/;
const MENTION = /^@[\p{L}\p{N}]/u;
const CAMEL_PARTS = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu;
// Capitalised parts whose lower-case letters may be disguised: "S3nd", "Th#m", "Depor#".
const DISGUISED_CAMEL_PARTS = /\p{Lu}+(?![\p{Ll}\p{N}*#_@$!|])|\p{Lu}?[\p{Ll}\p{N}*#_@$!|]+/gu;
const DISGUISE = /[\p{N}*#_@$!|]|(\p{L})\1\1/u;
const DISGUISE_CHAR = /[\p{N}*#_@$!|]/u;
const DISGUISED_WORD_COST = 1.2;
const MASK_CHARS = new Set(['*', '#', '_']);
const RUN_TOGETHER_MIN = 6;
// All lower case or all capitals: "YouAreAnIdiot" outside a hashtag is a name or a brand.
const RUN_TOGETHER = /^(?:\p{Ll}+|\p{Lu}+)$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const LEADING_JUNK = /^['’!|*+]+/;
// Characters dropped from the end of a word; "$" and "@" among them may be letters ("a$$").
const TRAILING_JUNK = new Set(['\'', '’', '!', '|', '@', '$', '+', '€', '£']);
const TRAILING_LEET = new Set(['@', '$']);
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
const HAS_UPPER = /\p{Lu}/u;
const MAX_TOKEN = 64;
// Dotted letter pairs that are abbreviations, not a separated word.
const DOTTED_ABBREVIATIONS = new Set(['us', 'uk', 'un', 'eu', 'am', 'pm', 'ad', 'bc', 'dc', 'la', 'ny', 'ps', 'no', 'ma', 'pa', 'ok', 'in', 'me', 'oh', 'hi', 'id', 'ie', 'eg', 'vs', 'st', 'dr', 'mr', 'jr', 'sr', 'co', 'tv', 'pc']);

function makeForms(lower: string, spelling: Spelling): { forms: string[]; canon: string; squeezed?: string } {
  const forms = [lower];
  const add = (f: string | undefined) => {
    if (f && !forms.includes(f)) forms.push(f);
  };
  // "@user" is a mention, not leetspeak, unless it reads as a word the rules know ("@ss").
  if (MENTION.test(lower) && spelling.vocabulary) {
    const asLeet = unleet(lower, spelling.leet, true);
    if (asLeet === undefined || !spelling.vocabulary.inRules(asLeet)) return { forms, canon: lower };
  }
  const spelled = spelling.get(lower);
  add(spelled);
  // "'s" is also read as rule phrases spell it, without the apostrophe.
  if (lower.startsWith("'") && lower.length > 1) add(lower.slice(1));
  const { vocabulary } = spelling;
  let leet = unleet(lower, spelling.leet);
  // Symbols alone ("@$$", "!$") are a word only when they spell one the rules know.
  if (leet === undefined && vocabulary) {
    leet = [unleet(lower, spelling.leet, true), ...unleetReadings(lower, spelling.leet, true)].find((r) => r !== undefined && vocabulary.inRules(r));
  }
  add(leet);
  const leetSpelled = leet ? spelling.get(leet) : undefined;
  add(leetSpelled);
  let canon = spelled ?? leetSpelled ?? leet ?? lower;
  let base = leet ?? lower;
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
    // "hannnnged" reads as "hanged", "sooo" as "so", "sooooorry" as "sorry": a reading the rules
    // know, else a common word.
    if (vocabulary && !vocabulary.has(canon)) {
      const readings = [twoSpelled, ...elongationReadings(base), squeezed].filter((w): w is string => w !== undefined);
      const known = readings.find((w) => vocabulary.inRules(w)) ?? readings.find((w) => vocabulary.has(w));
      if (known) {
        add(known);
        add(spelling.get(known));
        canon = spelling.get(known) ?? known;
      }
    }
  }
  if (vocabulary && base.includes('*') && !vocabulary.has(canon)) {
    const unmasked = vocabulary.unmask(base);
    if (unmasked) {
      add(unmasked);
      canon = unmasked;
      // Several words fit ("ch*ck"): each is a reading the rules' terms may match.
    } else for (const candidate of vocabulary.candidates(base)) add(candidate);
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
        const first = unleet(lower, spelling.leet, true);
        return (first !== undefined && vocabulary.inRules(first)) || unleetReadings(lower, spelling.leet, true).some((r) => vocabulary.inRules(r));
      }
    : undefined;
  const addWord = (at: number, chunk: string) => {
    const { start, word } = trimJunk(at, chunk, leetWord);
    if ((!ALNUM.test(word) && !leetWord?.(word)) || splitSpelled(start, word)) return;
    // Contractions are found on the un-leeted reading too ("y0u'r3"); leet keeps the length.
    const c = word.length <= MAX_TOKEN ? CONTRACTION.exec(unleet(word.toLowerCase(), spelling.leet) ?? word) : null;
    if (c) {
      raw.push({ start, end: start + c[1]!.length });
      raw.push({ start: start + c[1]!.length, end: start + word.length });
    } else raw.push({ start, end: start + word.length });
  };
  // A disguised word reads as a word the rules or English know ("s3nd", "th#m", "sennnnd").
  const reads = (lower: string): boolean => {
    if (!vocabulary) return false;
    if (vocabulary.has(lower)) return true;
    if (!DISGUISE.test(lower)) return false;
    const masked = lower.replace(/[#_]/g, '*');
    return vocabulary.has(makeForms(masked, spelling).canon) || vocabulary.hidesWord(masked);
  };
  // A hashtag reads as its words: "#SendThemBack" at its capitals, "#deportthemall" into known
  // words, "#S3ndTh#mBack" and "#isla#istheproblem" through their disguises.
  const splitHashtag = (start: number, word: string): boolean => {
    const lower = word.toLowerCase();
    // A hashtag the rules list as one word ("#DeportThemAll") stays one, however disguised.
    if (!vocabulary || word.length > MAX_TOKEN || reads(lower)) return false;
    const pieces = word.includes('#') ? chainPieces(word, vocabulary, reads) : (camelPieces(word, reads) ?? lowerPieces(lower, vocabulary, reads));
    if (!pieces) return false;
    for (const [at, length] of pieces) raw.push({ start: start + at, end: start + at + length });
    return true;
  };
  // A known phrase run together ("killyourself", "youareanidiot") reads as its words.
  const splitRunTogether = (start: number, word: string): boolean => {
    if (!spelling.phrases || word.length < RUN_TOGETHER_MIN || word.length > MAX_TOKEN || !RUN_TOGETHER.test(word)) return false;
    const words = spelling.phrases.get(word.toLowerCase());
    if (!words) return false;
    let at = start;
    for (const w of words) {
      raw.push({ start: at, end: at + w.length });
      at += w.length;
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
    else if (m.index > 0 && text[m.index - 1] === '#' && splitHashtag(m.index, word)) continue;
    else if (INNER_MASK.test(word)) addMasked(m.index, word, vocabulary, raw, addWord);
    else if (!splitRunTogether(m.index, word)) addWord(m.index, word);
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
  let reposting = false;
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
    if (quotes && quotes.length % 2 === 1) {
      // “@user: ...” is a repost of someone's words, not a quotation held up to be judged.
      if (reposting) reposting = false;
      else if (!quoted && text[r.start] === '@' && text[r.end] === ':') reposting = true;
      else quoted = !quoted;
    }
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

/** The letters of one-letter tokens from `at` on that follow each other with separator `sep`. */
function separatedLetters(text: string, raw: readonly RawToken[], at: number, sep: string): string {
  let letters = text[raw[at]!.start]!;
  for (let k = at; k + 1 < raw.length && letters.length < 40; k++) {
    const next = raw[k + 1]!;
    if (next.end - next.start !== 1 || next.joined !== undefined || text.slice(raw[k]!.end, next.start) !== sep) break;
    letters += text[next.start];
  }
  return letters.toLowerCase();
}

/**
 * Whether the last letter of the run `i..j-1` belongs to the run that starts at `j` with another
 * separator: so when the two runs then read as fewer words ("youre" + "fool", not "youref" + "ool").
 */
function stealsLetter(text: string, raw: readonly RawToken[], i: number, j: number, gap: string, vocabulary: Vocabulary | undefined): boolean {
  const next = separatedLetters(text, raw, j, gap);
  // The new separator must go on ("f-o-o-l"), or join a pair ("u-p"); "k.i.l.l y.o.u" changes twice.
  if (next.length < 2 && gap !== '-' && gap !== '_') return false;
  if (!vocabulary) return next.length >= 3;
  let run = '';
  for (let k = i; k < j; k++) run += text[raw[k]!.start];
  run = run.toLowerCase();
  const words = (letters: string) => (vocabulary.has(letters) ? 1 : (vocabulary.split(letters, 6)?.length ?? Infinity));
  const kept = words(run) + words(next);
  const stolen = words(run.slice(0, -1)) + words(run.slice(-1) + next);
  return stolen < kept;
}

interface RawToken {
  start: number;
  end: number;
  /** The letters of a separated or masked run, read as one word. */
  joined?: string;
}

/** Where a word's trailing junk begins (its length when there is none); a scan, not a regular expression, so a long run stays linear. */
function junkStart(word: string): number {
  let end = word.length;
  while (end > 0 && TRAILING_JUNK.has(word[end - 1]!)) end--;
  return end;
}

function trimJunk(start: number, word: string, leetWord?: (word: string) => boolean): { start: number; word: string } {
  const junk = junkStart(word);
  // "a$$", "4s$", "!$": a "$" or "@" at the end is a letter when the whole reads as a word the rules know.
  if (leetWord && word.length <= MAX_TOKEN && junk < word.length && [...word.slice(junk)].some((c) => TRAILING_LEET.has(c)) && leetWord(word)) return { start, word };
  const lead = LEADING_JUNK.exec(word);
  if (lead && leetWord && word.length <= MAX_TOKEN) {
    const kept = word.slice(0, junk);
    if (leetWord(kept)) return { start, word: kept };
  }
  if (lead) {
    start += lead[0].length;
    word = word.slice(lead[0].length);
  }
  const end = junkStart(word);
  if (end > 0) word = word.slice(0, end);
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
    // The run ends where the separator changes to another one ("a f-a-r-t").
    let changes = false;
    while (j < raw.length) {
      const t = raw[j]!;
      if (!single(t)) break;
      const gap = text.slice(raw[j - 1]!.end, t.start);
      if (!SEPARATOR.test(gap) || (sep !== undefined && gap !== sep)) {
        changes = sep !== undefined && SEPARATOR.test(gap);
        // "i k n o w w-h-e-r-e", "y o u r e f-o-o-l": the letter before a change of separator
        // starts the next run, when the two runs then read as fewer words.
        if (changes && j - i >= 3 && stealsLetter(text, raw, i, j, gap, vocabulary)) j--;
        break;
      }
      sep = gap;
      j++;
    }
    // Two letters join with a dash, underscore or dot into a known word ("u-p", "m.y"), but an
    // abbreviation ("U.S.", "a.m.") stays.
    const pairWord = (text[first.start]! + text[raw[i + 1]?.start ?? first.start]!).toLowerCase();
    const pair = j - i === 2 && (sep === '-' || sep === '_' || (sep === '.' && !DOTTED_ABBREVIATIONS.has(pairWord))) && vocabulary?.has(pairWord);
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
      // Each letter stays a word; the run is not scanned again from its next letter, except the
      // last one when another separator follows it ("a f-a-r-t").
      const end = changes ? j - 1 : j;
      for (let k = i; k < end; k++) out.push(raw[k]!);
      i = Math.max(end, i + 1);
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}

/** [offset, length] of each word of a hashtag. */
type Pieces = Array<[number, number]>;

/**
 * A hashtag split at its capitals. Disguised parts must read as words ("Th#m"); a mask at a
 * part's edge ("Safe#Deport") separates words. Undefined when it has no capitals inside.
 */
function camelPieces(word: string, reads: (lower: string) => boolean): Pieces | undefined {
  if (DISGUISE_CHAR.test(word)) {
    const parts = word.match(DISGUISED_CAMEL_PARTS);
    if (parts && parts.length >= 2 && parts.join('') === word) {
      const pieces: Pieces = [];
      let at = 0;
      for (const part of parts) {
        const lower = part.toLowerCase();
        if (!DISGUISE_CHAR.test(part) || reads(lower)) pieces.push([at, part.length]);
        else {
          const trimmed = trimMasks(lower);
          if (trimmed === lower || trimmed.length === 0 || !reads(trimmed)) break;
          pieces.push([at + lower.indexOf(trimmed), trimmed.length]);
        }
        at += part.length;
      }
      if (at === word.length) return pieces;
    }
  }
  const parts = HAS_UPPER.test(word) ? word.match(CAMEL_PARTS) : null;
  if (!parts || parts.length < 2 || parts.join('') !== word) return undefined;
  let at = 0;
  return parts.map((part) => {
    const piece: [number, number] = [at, part.length];
    at += part.length;
    return piece;
  });
}

/**
 * A run of hashtags ("BuildTheWall#DeportThemAll") split at its "#"s, each hashtag read on its
 * own; a "#" that masks a letter ("Depor#ThemAll", "SendTh#mBack") joins its neighbours.
 */
function chainPieces(word: string, vocabulary: Vocabulary, reads: (lower: string) => boolean): Pieces {
  const segments = word.split('#');
  const pieces: Pieces = [];
  const push = (at: number, found: Pieces) => {
    for (const [offset, length] of found) pieces.push([at + offset, length]);
  };
  const one = (text: string): Pieces => [[0, text.length]];
  let at = 0;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const lower = segment.toLowerCase();
    if (segment.length > 0 && !reads(lower) && k + 1 < segments.length) {
      const merged = `${segment}#${segments[k + 1]!}`;
      const masked = reads(merged.toLowerCase()) ? one(merged) : camelPieces(merged, reads);
      // Only when the "#" falls inside a word that reads ("Th#m"), not between two words.
      if (masked?.some(([offset, length]) => offset < segment.length && offset + length > segment.length + 1)) {
        push(at, masked);
        at += merged.length + 1;
        k++;
        continue;
      }
    }
    if (segment.length > 0) push(at, reads(lower) ? one(segment) : (camelPieces(segment, reads) ?? lowerPieces(lower, vocabulary, reads) ?? one(segment)));
    at += segment.length + 1;
  }
  return pieces;
}

/** A lower-case hashtag split into the fewest known words; a lone mask between words separates them. */
function lowerPieces(lower: string, vocabulary: Vocabulary, reads: (lower: string) => boolean): Pieces | undefined {
  if (!/^[\p{Ll}\p{N}*#_@$!|]+$/u.test(lower)) return undefined;
  // A lone mask between words separates them; a disguised piece costs a little more than a plain word.
  const cost = (p: string) => (p === '#' || p === '_' ? 0 : (vocabulary.cost(p) ?? (reads(p) ? DISGUISED_WORD_COST : undefined)));
  const split = DISGUISE.test(lower) ? vocabulary.split(lower, 6, cost) : vocabulary.split(lower);
  if (!split || split.length < 2 || split.some((p) => p.length < 2 && p !== 'a' && p !== 'i' && p !== '#' && p !== '_')) return undefined;
  const pieces: Pieces = [];
  let at = 0;
  for (const p of split) {
    if (p !== '#' && p !== '_') pieces.push([at, p.length]);
    at += p.length;
  }
  return pieces;
}

/** A part without the masks at its edges ("Safe#" → "safe"). */
function trimMasks(part: string): string {
  let start = 0;
  let end = part.length;
  while (start < end && MASK_CHARS.has(part[start]!)) start++;
  while (end > start && MASK_CHARS.has(part[end - 1]!)) end--;
  return part.slice(start, end);
}
