import { isElongated, squeeze, squeezeToTwo, unleet } from './forms.js';

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
}

// A word: letters and digits, with the symbols used to disguise letters inside it; or one emoji.
const CHUNK = /[\p{L}\p{N}@$*!|+€£'’]+|\p{Extended_Pictographic}/gu;
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
  const spelled = spelling.get(lower);
  add(spelled);
  // "'s" is also read as rule phrases spell it, without the apostrophe.
  if (lower.startsWith("'") && lower.length > 1) add(lower.slice(1));
  const leet = unleet(lower, spelling.leet);
  add(leet);
  const leetSpelled = leet ? spelling.get(leet) : undefined;
  add(leetSpelled);
  const canon = spelled ?? leetSpelled ?? leet ?? lower;
  const base = leet ?? lower;
  if (isElongated(base)) {
    const two = squeezeToTwo(base);
    add(two);
    add(spelling.get(two));
    return { forms, canon, squeezed: squeeze(base) };
  }
  return { forms, canon };
}

/**
 * Splits normalised text into word tokens with sentence, clause and quotation context.
 * Contractions become two tokens ("don't" → "do" "not"); runs of three or more single letters
 * with one separator ("f u c k", "i.d.i.o.t") become one token.
 */
export function tokenize(text: string, spelling: Spelling): Token[] {
  const raw: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(CHUNK)) {
    let start = m.index;
    let word = m[0];
    if (EMOJI.test(word)) {
      raw.push({ start, end: start + word.length });
      continue;
    }
    const lead = LEADING_JUNK.exec(word);
    if (lead) {
      start += lead[0].length;
      word = word.slice(lead[0].length);
    }
    const trail = TRAILING_JUNK.exec(word);
    if (trail && trail[0].length < word.length) word = word.slice(0, word.length - trail[0].length);
    if (!ALNUM.test(word)) continue;
    // Contractions are found on the un-leeted reading too ("y0u'r3"); leet keeps the length.
    const c = word.length <= MAX_TOKEN ? CONTRACTION.exec(unleet(word.toLowerCase(), spelling.leet) ?? word) : null;
    if (c) {
      raw.push({ start, end: start + c[1]!.length });
      raw.push({ start: start + c[1]!.length, end: start + word.length });
    } else raw.push({ start, end: start + word.length });
  }

  const merged = joinSeparatedLetters(text, raw);
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
    const { forms, canon, squeezed } = makeForms(lower.replace(/’/g, "'"), spelling);
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
    sentenceStart = false;
    prevEnd = r.end;
  }
  return tokens;
}

/** Runs of ≥3 one-character tokens separated by the same separator become one token. */
function joinSeparatedLetters(
  text: string,
  raw: Array<{ start: number; end: number }>,
): Array<{ start: number; end: number; joined?: string }> {
  const out: Array<{ start: number; end: number; joined?: string }> = [];
  let i = 0;
  while (i < raw.length) {
    const first = raw[i]!;
    if (first.end - first.start !== 1) {
      out.push(first);
      i++;
      continue;
    }
    let j = i + 1;
    let sep: string | undefined;
    while (j < raw.length) {
      const t = raw[j]!;
      if (t.end - t.start !== 1) break;
      const gap = text.slice(raw[j - 1]!.end, t.start);
      if (!SEPARATOR.test(gap) || (sep !== undefined && gap !== sep)) break;
      sep = gap;
      j++;
    }
    if (j - i >= 3) {
      let joined = '';
      for (let k = i; k < j; k++) joined += text[raw[k]!.start];
      out.push({ start: first.start, end: raw[j - 1]!.end, joined });
      i = j;
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}
