import type { Token } from '../text/tokenize.js';
import type { AbuseSubcategory } from '../types.js';

export type Addressee = 'commenter' | 'author' | 'named-person' | 'anaphor';

/** Phrases (canonical words joined by spaces) that say whom a hit is aimed at. */
export interface TargetLexicon {
  groups: ReadonlyMap<string, AbuseSubcategory>;
  addressees: ReadonlyMap<string, Addressee>;
  /** The most words in one phrase of either map. */
  longest: number;
}

export interface ResolvedTarget {
  /** A group as written in the comment, or `commenter`, `author`, `named-person`, `third-party`. */
  target: string;
  subcategory?: AbuseSubcategory;
  isGroup: boolean;
}

/** How far back "they" may look for the group it stands for. */
const ANTECEDENT_SENTENCES = 3;
const ANTECEDENT_TOKENS = 80;

interface PhraseAt<T> {
  value: T;
  first: number;
  last: number;
}

/** The longest phrase of `map` that starts at token `at` and ends at or before `limit`. */
function phraseAt<T>(tokens: readonly Token[], at: number, limit: number, map: ReadonlyMap<string, T>, longest: number): PhraseAt<T> | undefined {
  let key = '';
  let found: PhraseAt<T> | undefined;
  for (let end = at; end <= limit && end - at < longest; end++) {
    key = end === at ? tokens[end]!.canon : `${key} ${tokens[end]!.canon}`;
    const value = map.get(key);
    if (value !== undefined) found = { value, first: at, last: end };
  }
  return found;
}

function groupTarget(tokens: readonly Token[], source: string, found: PhraseAt<AbuseSubcategory>): ResolvedTarget {
  return { target: source.slice(tokens[found.first]!.start, tokens[found.last]!.end), subcategory: found.value, isGroup: true };
}

/** How far back a rule without a `<target>` looks for the group its hit is about. */
const NEARBY_SENTENCES = 2;

/** The nearest group named before token `before`, within a few sentences. */
function antecedent(tokens: readonly Token[], source: string, before: number, lexicon: TargetLexicon, sentences = ANTECEDENT_SENTENCES): ResolvedTarget | undefined {
  const sentence = tokens[before]!.sentence;
  const stop = Math.max(0, before - ANTECEDENT_TOKENS);
  for (let i = before - 1; i >= stop && sentence - tokens[i]!.sentence <= sentences; i--) {
    const found = phraseAt(tokens, i, before - 1, lexicon.groups, lexicon.longest);
    if (found) return groupTarget(tokens, source, found);
  }
  return undefined;
}

/**
 * Says whom the tokens `first..last` (a pattern's `<target>`, or the whole hit) name: a group
 * of people, a group named earlier that "they" or "those people" stands for, the commenter,
 * the article's author, a named or public person, or else a third party.
 */
export function resolveTarget(
  tokens: readonly Token[],
  source: string,
  first: number,
  last: number,
  lexicon: TargetLexicon,
  /** Also look for a group named in the sentences just before ("Women drivers. Need I say more?"). */
  lookBack = false,
): ResolvedTarget {
  let addressee: Addressee | undefined;
  for (let i = first; i <= last; i++) {
    const group = phraseAt(tokens, i, last, lexicon.groups, lexicon.longest);
    if (group) return groupTarget(tokens, source, group);
    addressee ??= phraseAt(tokens, i, last, lexicon.addressees, lexicon.longest)?.value;
  }
  if (addressee === 'anaphor') return antecedent(tokens, source, first, lexicon) ?? { target: 'third-party', isGroup: false };
  if (addressee) return { target: addressee, isGroup: false };
  if (lookBack) {
    const earlier = antecedent(tokens, source, first, lexicon, NEARBY_SENTENCES);
    if (earlier) return earlier;
  }
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.capitalized && !t.sentenceStart) return { target: 'named-person', isGroup: false };
  }
  return { target: 'third-party', isGroup: false };
}
