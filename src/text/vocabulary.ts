/** Characters that stand for one hidden letter ("f*ck", "s#it", "a_se"). */
export const MASK = /[*#_]/g;
const MASKS_MAX = 2;
const MAX_CANDIDATES = 4;
const EDGE_MASK = /^[*#_]|[*#_]$/;
// Below the cost of one more piece, however many pieces a split has.
const OTHER_WORD_COST = 1.1;

/**
 * The words the rule tables are written in, and common English words. A disguised word is read as
 * the vocabulary word it hides: "hannnnged" as "hanged", "dese*ves" as "deserves", "iknow" (from
 * "i k n o w") as "i know", "jjjjust" as "just".
 */
export class Vocabulary {
  private readonly words: ReadonlySet<string>;
  private readonly english: ReadonlySet<string>;
  private byLength: Map<number, string[]> | undefined;
  private englishByLength: Map<number, string[]> | undefined;
  private readonly unmasked = new Map<string, string[]>();

  /** `english`: common words beyond the rules' own, so that disguised everyday words are read too. */
  constructor(words: Iterable<string>, english: Iterable<string> = []) {
    this.words = new Set(words);
    this.english = new Set(english);
  }

  /** A word of the rules or a common English word. */
  has(word: string): boolean {
    return this.words.has(word) || this.english.has(word);
  }

  /** A word the rules are written in. */
  inRules(word: string): boolean {
    return this.words.has(word);
  }

  /** The one vocabulary word that one or two masked letters hide; undefined when none or several fit. */
  unmask(word: string): string | undefined {
    const fitting = this.fitting(word);
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  /** The words (at most a few) that one or two masked letters may hide: "ch*ck" → check, chick, chuck. */
  candidates(word: string): readonly string[] {
    return this.fitting(word);
  }

  /** Whether one or two masked letters hide some vocabulary word (perhaps several: "s*it"). */
  hidesWord(word: string): boolean {
    return this.fitting(word).length > 0;
  }

  /** Up to four words the masked word fits: the rules' words first, common words when none of those fit. */
  private fitting(word: string): string[] {
    const masks = word.match(MASK)?.length ?? 0;
    // A star at the edge of a word is emphasis ("**far**", "*calls*"), not a hidden letter.
    if (masks === 0 || masks > MASKS_MAX || word.length - masks < 2 || EDGE_MASK.test(word)) return [];
    let found = this.unmasked.get(word);
    if (found === undefined) {
      this.byLength ??= indexByLength(this.words);
      found = fitsAmong(word, this.byLength);
      if (found.length === 0) {
        this.englishByLength ??= indexByLength(this.english);
        found = fitsAmong(word, this.englishByLength);
      }
      // A bounded memo: masked words are rare, and the same one tends to repeat.
      if (this.unmasked.size < 10_000) this.unmasked.set(word, found);
    }
    return found;
  }

  /**
   * Splits letters run together into vocabulary words ("iknow" → ["i", "know"]), preferring the
   * fewest pieces, then the rules' words to other words; undefined when no split into at most
   * `maxPieces` words exists. `cost` may price pieces otherwise (undefined: not a word; 0: a
   * separator, not counted as a piece).
   */
  split(letters: string, maxPieces = 4, cost: (piece: string) => number | undefined = (piece) => this.cost(piece)): string[] | undefined {
    const n = letters.length;
    if (n > 40) return undefined;
    // best[i]: the cheapest split of letters[i..]; next[i]: where its first piece ends.
    const best = new Array<number>(n + 1).fill(Infinity);
    const next = new Array<number>(n + 1).fill(-1);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = n; j > i; j--) {
        if (best[j]! >= best[i]!) continue;
        const c = cost(letters.slice(i, j));
        if (c !== undefined && best[j]! + c < best[i]!) {
          best[i] = best[j]! + c;
          next[i] = j;
        }
      }
    }
    if (best[0] === Infinity) return undefined;
    const pieces: string[] = [];
    let counted = 0;
    for (let i = 0; i < n; i = next[i]!) {
      const piece = letters.slice(i, next[i]!);
      pieces.push(piece);
      if (cost(piece) !== 0) counted++;
    }
    return counted <= maxPieces ? pieces : undefined;
  }

  /** A word's cost as a piece of a split: 1 for a word of the rules, a little more for another word. */
  cost(word: string): number | undefined {
    // A lone letter is a word only as "a", "i" or "u": "f" + "aggie" is no reading of "faggie".
    if (word.length === 1 && word !== 'a' && word !== 'i' && word !== 'u') return undefined;
    if (this.words.has(word)) return 1;
    // Short words from the English list are mostly abbreviations ("sh", "ol"): no piece of a split.
    return word.length > 2 && this.english.has(word) ? OTHER_WORD_COST : undefined;
  }
}

function indexByLength(words: Iterable<string>): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    const list = map.get(w.length);
    if (list) list.push(w);
    else map.set(w.length, [w]);
  }
  return map;
}

function fitsAmong(masked: string, byLength: Map<number, string[]>): string[] {
  const found: string[] = [];
  for (const candidate of byLength.get(masked.length) ?? []) {
    if (fits(masked, candidate) && found.push(candidate) === MAX_CANDIDATES) break;
  }
  return found;
}

function fits(masked: string, word: string): boolean {
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    if (c !== '*' && c !== '#' && c !== '_' && c !== word[i]) return false;
  }
  return true;
}
