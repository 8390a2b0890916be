import nlp from '../generated/compromise.js';

/** A slot of compromise's parsed match syntax (the fields the compiler reads). */
export interface ParsedSlot {
  start?: boolean;
  end?: boolean;
  optional?: boolean;
  greedy?: boolean;
  max?: number;
  word?: string;
  fastOr?: Set<string>;
  choices?: Array<Array<{ word?: string }>>;
}

interface MatchWorld {
  methods: { one: { killUnicode(text: string, world: MatchWorld): string; parseMatch(pattern: string, options: object, world: MatchWorld): ParsedSlot[] } };
}

// Rules share long expanded patterns; each is parsed once per process (a pure, bounded memo).
const parsed = new Map<string, ParsedSlot[]>();
const MEMO_LIMIT = 10_000;

/**
 * compromise's parse of a match pattern, as `nlp.parseMatch` gives it, except that its letter
 * folding (the identity on ASCII, and a sixth of the time to build a moderator) runs only on
 * patterns with other characters.
 *
 * (Sharing the parse of each lexicon choice between patterns would halve the time again, but the
 * slot objects it builds make compromise's matcher twice as slow: measured, and left out.)
 */
export function parsePattern(pattern: string): ParsedSlot[] {
  let slots = parsed.get(pattern);
  if (!slots) {
    const world = nlp.world() as unknown as MatchWorld;
    slots = world.methods.one.parseMatch(/[^\x00-\x7f]/.test(pattern) ? world.methods.one.killUnicode(pattern, world) : pattern, {}, world);
    if (parsed.size < MEMO_LIMIT) parsed.set(pattern, slots);
  }
  return slots;
}
