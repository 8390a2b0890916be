const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Devanagari', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Armenian', 'Georgian', 'Ethiopic', 'Bengali', 'Tamil'] as const;
const MATCHERS = SCRIPTS.map((name) => ({ name, re: new RegExp(`\\p{Script=${name}}`, 'gu') }));
const LETTERS = /\p{L}/gu;
const ASCII = /^[\x00-\x7F]*$/;

/** Scripts whose words our rule tables read. */
const COVERED = new Set<string>(['Latin']);

/** The dominant writing system of the letters in a text, and whether our rules read it. */
export function detectScript(text: string): { script: string; covered: boolean } {
  if (ASCII.test(text)) return { script: /[A-Za-z]/.test(text) ? 'Latin' : 'None', covered: true };
  const total = text.match(LETTERS)?.length ?? 0;
  if (total === 0) return { script: 'None', covered: true };
  let best = 'Other';
  let bestCount = 0;
  let covered = 0;
  for (const { name, re } of MATCHERS) {
    const count = text.match(re)?.length ?? 0;
    if (COVERED.has(name)) covered += count;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  if (bestCount * 2 < total) best = 'Other';
  return { script: best, covered: covered * 2 >= total };
}
