const HAS_LETTER = /\p{L}/u;
// Symbols alone may spell a word ("@$$", "!$"); digits alone are a number.
const LETTERLESS_LEET = /^(?=.*[@$!|]).{2,}$/u;
const ELONGATED = /(\p{L})\1\1/u;
const RUN = /(\p{L})\1+/gu;
const LONG_RUN = /(\p{L})\1{2,}/gu;

/**
 * The leetspeak reading of a word that mixes letters with digits or symbols ("sh1t" → "shit");
 * each symbol read as its likelier letter. `letterless`: also a word of symbols alone ("@$$").
 */
export function unleet(word: string, leet: ReadonlyMap<string, string>, letterless = false): string | undefined {
  if (!HAS_LETTER.test(word) && !(letterless && LETTERLESS_LEET.test(word))) return undefined;
  let out = '';
  let changed = false;
  for (const ch of word) {
    const letters = leet.get(ch);
    if (letters !== undefined) changed = true;
    out += letters?.[0] ?? ch;
  }
  return changed ? out : undefined;
}

const MAX_AMBIGUOUS = 4;

/**
 * The other readings of a leetspeak word whose symbols may stand for two letters ("c1u3l3ss":
 * "1" is "i" or "l"), the likelier first; none when more than a few symbols are ambiguous.
 */
export function unleetReadings(word: string, leet: ReadonlyMap<string, string>, letterless = false): string[] {
  const chars = Array.from(word);
  const ambiguous: number[] = [];
  chars.forEach((ch, i) => {
    if ((leet.get(ch)?.length ?? 0) > 1) ambiguous.push(i);
  });
  if (ambiguous.length === 0 || ambiguous.length > MAX_AMBIGUOUS || (!HAS_LETTER.test(word) && !(letterless && LETTERLESS_LEET.test(word)))) return [];
  const base = chars.map((ch) => leet.get(ch)?.[0] ?? ch);
  const readings: string[] = [];
  // Every combination but the first (all likelier letters), which unleet() already gives.
  for (let mask = 1; mask < 1 << ambiguous.length; mask++) {
    const out = [...base];
    ambiguous.forEach((at, bit) => {
      if (mask & (1 << bit)) out[at] = leet.get(chars[at]!)![1]!;
    });
    readings.push(out.join(''));
  }
  return readings;
}

/** True when a letter is repeated three times or more ("fuuuck"). */
export function isElongated(word: string): boolean {
  return ELONGATED.test(word);
}

/** Every run of a repeated letter collapsed to one ("fuuuck" → "fuck", "asss" → "as"). */
export function squeeze(word: string): string {
  return word.replace(RUN, '$1');
}

const MAX_LONG_RUNS = 3;

/**
 * The readings of an elongated word with each run of three or more letters cut to one or to two
 * ("sooooorry" → "sorry", "soorry"; "hoooorrrrible" → "horrible", ...): one reading, all runs cut
 * to two, when there are too many runs.
 */
export function elongationReadings(word: string): string[] {
  const parts = word.split(/((\p{L})\2{2,})/u);
  // split() with two groups yields [text, run, letter, text, run, letter, ..., text].
  const runs = (parts.length - 1) / 3;
  if (runs === 0) return [];
  if (runs > MAX_LONG_RUNS) return [squeezeToTwo(word)];
  const readings: string[] = [];
  for (let mask = 0; mask < 1 << runs; mask++) {
    let out = parts[0]!;
    for (let r = 0; r < runs; r++) {
      const letter = parts[3 * r + 2]!;
      out += (mask & (1 << r) ? letter : letter + letter) + parts[3 * r + 3]!;
    }
    readings.push(out);
  }
  return readings;
}

/** Runs of three or more collapsed to two ("cooool" → "cool"). */
export function squeezeToTwo(word: string): string {
  return word.replace(LONG_RUN, '$1$1');
}
