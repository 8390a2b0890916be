/** Characters that stand for one hidden letter ("f*ck", "s#it", "a_se"). */
export const MASK = /[*#_]/g;
const MASKS_MAX = 2;

/**
 * The words the rule tables are written in. A disguised word is read as the vocabulary word it
 * hides: "hannnnged" as "hanged", "dese*ves" as "deserves", "iknow" (from "i k n o w") as "i know".
 */
export class Vocabulary {
  private readonly words: ReadonlySet<string>;
  private byLength: Map<number, string[]> | undefined;
  private readonly unmasked = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The one vocabulary word that one or two masked letters hide; undefined when none or several fit. */
  unmask(word: string): string | undefined {
    const fitting = this.fitting(word);
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  /** Whether one or two masked letters hide some vocabulary word (perhaps several: "s*it"). */
  hidesWord(word: string): boolean {
    return this.fitting(word).length > 0;
  }

  /** Up to two vocabulary words the masked word fits. */
  private fitting(word: string): string[] {
    const masks = word.match(MASK)?.length ?? 0;
    if (masks === 0 || masks > MASKS_MAX || word.length - masks < 2) return [];
    let found = this.unmasked.get(word);
    if (found === undefined) {
      this.byLength ??= this.indexByLength();
      found = [];
      for (const candidate of this.byLength.get(word.length) ?? []) {
        if (fits(word, candidate) && found.push(candidate) === 2) break;
      }
      // A bounded memo: masked words are rare, and the same one tends to repeat.
      if (this.unmasked.size < 10_000) this.unmasked.set(word, found);
    }
    return found;
  }

  /**
   * Splits letters run together into vocabulary words ("iknow" → ["i", "know"]), preferring the
   * fewest pieces; undefined when no split into at most `maxPieces` words exists.
   */
  split(letters: string, maxPieces = 4): string[] | undefined {
    const n = letters.length;
    if (n > 40) return undefined;
    // best[i]: the fewest pieces covering letters[i..]; next[i]: where the first piece ends.
    const best = new Array<number>(n + 1).fill(Infinity);
    const next = new Array<number>(n + 1).fill(-1);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = n; j > i; j--) {
        if (best[j]! + 1 < best[i]! && this.words.has(letters.slice(i, j))) {
          best[i] = best[j]! + 1;
          next[i] = j;
        }
      }
    }
    if (best[0]! > maxPieces) return undefined;
    const pieces: string[] = [];
    for (let i = 0; i < n; i = next[i]!) pieces.push(letters.slice(i, next[i]!));
    return pieces;
  }

  private indexByLength(): Map<number, string[]> {
    const map = new Map<number, string[]>();
    for (const w of this.words) {
      const list = map.get(w.length);
      if (list) list.push(w);
      else map.set(w.length, [w]);
    }
    return map;
  }
}

function fits(masked: string, word: string): boolean {
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    if (c !== '*' && c !== '#' && c !== '_' && c !== word[i]) return false;
  }
  return true;
}
