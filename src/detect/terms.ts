import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Token } from '../text/tokenize.js';

/** A word or phrase of a rule table, split into the token readings it must match. */
export interface TermEntry {
  words: readonly string[];
  /** The last word matches as a prefix ("fuck*" → "fucking"). */
  prefix: boolean;
  /** A one-word term matched on its Porter stem ("~disgust" → disgusting, disgusted). */
  stem?: boolean;
  /** Index of the rule that owns the term. */
  owner: number;
}

export interface TermHit {
  entry: TermEntry;
  first: number;
  last: number;
}

const MIN_PREFIX = 3;
const LETTERS_ONLY = /^\p{L}+$/u;
const MAX_PREFIX = 24;

function push<K>(map: Map<K, TermEntry[]>, key: K, entry: TermEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function squeezeRuns(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/** Phrases indexed by their first word, matched on whole tokens and every token reading. */
export class TermIndex {
  private readonly exact = new Map<string, TermEntry[]>();
  private readonly prefixes = new Map<string, TermEntry[]>();
  private readonly squeezed = new Map<string, TermEntry[]>();
  // Built on the first masked token seen: most comments have none.
  private masked: Map<string, TermEntry[]> | undefined;
  private readonly maskable: TermEntry[] = [];
  private readonly stems = new Map<string, TermEntry[]>();
  private readonly stemCache = new Map<string, string>();
  private maxPrefix = 0;
  /** Which prefix lengths occur, so that absent lengths are not sliced and looked up. */
  private readonly prefixLengths: boolean[] = [];
  size = 0;

  /** Adds a term as written in a rule table: "word", "two words", "prefix*" or "~stem". */
  addTerm(words: readonly string[], owner: number): void {
    const last = words[words.length - 1];
    if (!last) return;
    if (words.length === 1 && last.startsWith('~') && last.length > 1) {
      const entry: TermEntry = { words: [last.slice(1)], prefix: false, stem: true, owner };
      push(this.stems, PorterStemmer.stem(last.slice(1)), entry);
      this.size++;
      return;
    }
    if (last.endsWith('*') && last.length > 1) this.add([...words.slice(0, -1), last.slice(0, -1)], true, owner);
    else this.add(words, false, owner);
  }

  /** One or two inner letters masked: "f*ck", "f**k", "id*ot". */
  private maskedIndex(): Map<string, TermEntry[]> {
    if (!this.masked) {
      this.masked = new Map();
      for (const entry of this.maskable) {
        const word = entry.words[0]!;
        for (let i = 1; i < word.length - 1; i++) {
          push(this.masked, `${word.slice(0, i)}*${word.slice(i + 1)}`, entry);
          if (i < word.length - 2) push(this.masked, `${word.slice(0, i)}**${word.slice(i + 2)}`, entry);
        }
      }
    }
    return this.masked;
  }

  private stemOf(form: string): string {
    let stem = this.stemCache.get(form);
    if (stem === undefined) {
      stem = PorterStemmer.stem(form);
      if (this.stemCache.size < 50_000) this.stemCache.set(form, stem);
    }
    return stem;
  }

  add(words: readonly string[], prefix: boolean, owner: number): void {
    if (words.length === 0) return;
    const entry: TermEntry = { words, prefix, owner };
    const first = words[0]!;
    this.size++;
    if (prefix && words.length === 1) {
      if (first.length < MIN_PREFIX) return;
      push(this.prefixes, first, entry);
      this.maxPrefix = Math.max(this.maxPrefix, first.length);
      this.prefixLengths[first.length] = true;
      return;
    }
    push(this.exact, first, entry);
    if (words.length === 1 && first.length >= 3 && /^\p{L}+$/u.test(first)) {
      push(this.squeezed, squeezeRuns(first), entry);
      this.maskable.push(entry);
      this.masked = undefined;
    }
  }

  /** Calls `found` for every occurrence, in token order. */
  find(tokens: readonly Token[], found: (hit: TermHit) => void): void {
    if (this.size === 0) return;
    // Entries already reported for the current token (a token has several readings).
    const seen: TermEntry[] = [];
    const tryEntries = (i: number, entries: TermEntry[] | undefined, prefixOnFirst: boolean) => {
      if (!entries) return;
      for (const entry of entries) {
        if (seen.includes(entry)) continue;
        let last = i;
        if (entry.words.length === 1) {
          if (entry.prefix !== prefixOnFirst) continue;
        } else {
          last = this.matchRest(tokens, i, entry);
          if (last < 0) continue;
        }
        seen.push(entry);
        found({ entry, first: i, last });
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      seen.length = 0;
      for (const form of token.forms) {
        tryEntries(i, this.exact.get(form), false);
        if (form.includes('*')) tryEntries(i, this.maskedIndex().get(form), false);
        if (this.maxPrefix > 0 && form.length >= MIN_PREFIX) {
          const top = Math.min(form.length, this.maxPrefix, MAX_PREFIX);
          for (let k = MIN_PREFIX; k <= top; k++) if (this.prefixLengths[k]) tryEntries(i, this.prefixes.get(form.slice(0, k)), true);
        }
      }
      if (token.squeezed !== undefined) tryEntries(i, this.squeezed.get(token.squeezed), false);
      if (this.stems.size > 0 && LETTERS_ONLY.test(token.forms[0]!)) tryEntries(i, this.stems.get(this.stemOf(token.forms[0]!)), false);
    }
  }

  private matchRest(tokens: readonly Token[], at: number, entry: TermEntry): number {
    const sentence = tokens[at]!.sentence;
    for (let k = 1; k < entry.words.length; k++) {
      const token = tokens[at + k];
      if (!token || token.sentence !== sentence) return -1;
      const word = entry.words[k]!;
      const isLast = k === entry.words.length - 1;
      const ok = token.forms.some((f) => (isLast && entry.prefix ? f.startsWith(word) : f === word));
      if (!ok) return -1;
    }
    return at + entry.words.length - 1;
  }
}
