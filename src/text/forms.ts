const HAS_LETTER = /\p{L}/u;
const ELONGATED = /(\p{L})\1\1/u;
const RUN = /(\p{L})\1+/gu;
const LONG_RUN = /(\p{L})\1{2,}/gu;

/** The leetspeak reading of a word that mixes letters with digits or symbols ("sh1t" → "shit"). */
export function unleet(word: string, leet: ReadonlyMap<string, string>): string | undefined {
  if (!HAS_LETTER.test(word)) return undefined;
  let out = '';
  let changed = false;
  for (const ch of word) {
    const letter = leet.get(ch);
    if (letter !== undefined) changed = true;
    out += letter ?? ch;
  }
  return changed ? out : undefined;
}

/** True when a letter is repeated three times or more ("fuuuck"). */
export function isElongated(word: string): boolean {
  return ELONGATED.test(word);
}

/** Every run of a repeated letter collapsed to one ("fuuuck" → "fuck", "asss" → "as"). */
export function squeeze(word: string): string {
  return word.replace(RUN, '$1');
}

/** Runs of three or more collapsed to two ("cooool" → "cool"). */
export function squeezeToTwo(word: string): string {
  return word.replace(LONG_RUN, '$1$1');
}
