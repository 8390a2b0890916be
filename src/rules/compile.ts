import nlp from '../generated/compromise.js';
import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { EntityOptions } from '../detect/entities.js';
import type { Addressee, TargetLexicon } from '../detect/targets.js';
import { TermIndex } from '../detect/terms.js';
import { WINDOW_RADIUS } from '../detect/windows.js';
import { normalize } from '../text/normalize.js';
import { tokenize, type Spelling } from '../text/tokenize.js';
import { Vocabulary } from '../text/vocabulary.js';
import type { AbuseSubcategory, Category } from '../types.js';
import { inflectLexicon } from './inflect.js';
import { parsePattern, type ParsedSlot } from './parse-pattern.js';
import type { Lexicon, Rule, RuleTable, SharedLexicons } from './schema.js';

export interface CompiledRule extends Omit<Rule, 'examples'> {
  index: number;
  /** The rule's compromise patterns, parsed once, grouped by the slots they require (checked once per group). */
  patternGroups: Array<{ requires: number[]; patterns: CompiledPattern[] }>;
  category: Category;
  /** Whether the policy left it on. */
  enabled: boolean;
  /** Patterns with lexicons expanded. */
  expandedPatterns: string[];
  /** `unless` patterns, parsed once. */
  unlessPatterns: unknown[];
}

export interface CompiledPattern {
  /** compromise's parsed form of the pattern, lexicons expanded. */
  regs: unknown;
  /** Whether it captures a `[<target>...]`. */
  hasTarget: boolean;
  /** The most tokens a match can span (unbounded repeats counted as WINDOW_RADIUS). */
  span: number;
  /** `^` / `$`: the match must start / end its sentence (a window may be cut out of one). */
  atStart: boolean;
  atEnd: boolean;
  /** It requires a negation word of its own: a negation inside its hit is part of what it matched. */
  negates: boolean;
}

export interface ObscenityStage {
  matcher: RegExpMatcher;
  dataset: DataSet<{ originalWord: string }>;
  /** obscenity's `originalWord` → owning rule indices. */
  owners: Map<string, number[]>;
}

export interface CompiledRules {
  rules: CompiledRule[];
  spelling: Spelling;
  negations: ReadonlySet<string>;
  terms: TermIndex;
  exceptions: TermIndex;
  /** Trigger words of pattern rules → rule indices. */
  triggers: TermIndex;
  obscenity: ObscenityStage | undefined;
  entityRules: CompiledRule[];
  /** Required word slots of all patterns, shared between patterns that have the same one. */
  slots: Array<ReadonlySet<string>>;
  /** Per entity rule with `withTerms`: the index of those terms. */
  entityTerms: Map<number, TermIndex>;
  entityOptions: EntityOptions;
  /** Groups of people and addressees, from the shared lexicons that declare them. */
  targets: TargetLexicon;
  /** A word with an innocent sense → words that show that sense nearby. */
  senses: ReadonlyMap<string, ReadonlySet<string>>;
}

function slotWords(slot: ParsedSlot, common: ReadonlySet<string>): string[] | undefined {
  if (slot.optional) return undefined;
  if (slot.word) return [slot.word];
  if (slot.fastOr && slot.fastOr.size > 0) return [...slot.fastOr];
  if (slot.choices) {
    // Any word of a multi-word alternative will do as a trigger: take its least common one.
    const picks = slot.choices.map((c) => {
      const words = c.map((t) => t.word).filter((w): w is string => typeof w === 'string');
      return words.find((w) => !common.has(w)) ?? words[0];
    });
    if (picks.every((w): w is string => typeof w === 'string')) return picks;
  }
  return undefined;
}

function patternSpan(slots: ParsedSlot[]): number {
  let span = 0;
  for (const slot of slots) {
    if (slot.max !== undefined) span += slot.max;
    else if (slot.greedy) span += WINDOW_RADIUS;
    else if (slot.choices) span += Math.max(...slot.choices.map((c) => c.length));
    else span += 1;
  }
  return Math.min(span, WINDOW_RADIUS);
}

function requiredSlots(pattern: string, common: ReadonlySet<string>): string[][] {
  const slots = parsePattern(pattern);
  return slots.map((slot) => slotWords(slot, common)).filter((w): w is string[] => w !== undefined);
}

/** The words that must appear for a pattern to match: its least common required slot. */
export function deriveTriggers(pattern: string, functionWords: ReadonlySet<string>): string[] {
  let best: string[] | undefined;
  let bestCommon = Infinity;
  for (const words of requiredSlots(pattern, functionWords)) {
    const common = words.filter((w) => functionWords.has(w)).length / words.length;
    if (common <= bestCommon) {
      best = words;
      bestCommon = common;
    }
  }
  return best ?? [];
}

class MapSpelling implements Spelling {
  /** Set once every table is compiled: rule phrases themselves are read without it. */
  vocabulary: Vocabulary | undefined;
  phrases: Map<string, readonly string[]> | undefined;
  constructor(
    private readonly map: ReadonlyMap<string, string>,
    readonly leet: ReadonlyMap<string, string>,
  ) {}
  get(word: string): string | undefined {
    return this.map.get(word);
  }
}

const LEXICON_REF = /%([a-z_]+)%/g;

function escapeChoice(word: string): string {
  return word.replace(/[()|[\]{}#~/<>^$*+?.!@%]/g, '');
}

const MAX_SPLIT_GROUPS = 4;

function longestFirst(alternatives: string[]): string[] {
  const words = (a: string) => a.split(' ').length;
  return [...alternatives].sort((a, b) => words(b) - words(a));
}

/**
 * compromise matches a choice of single words with one set lookup, but tries a choice that holds
 * any multi-word alternative one alternative at a time, at every position. A pattern whose choice
 * mixes both is split in two: one with the single words, one with the phrases; the requirement
 * check then skips the phrase variant in nearly every window.
 */
export function splitChoices(pattern: string): string[] {
  let variants = [pattern];
  let split = 0;
  for (const [written, inner, optional] of pattern.matchAll(/\(([^()]*)\)(\?)?/g)) {
    if (split >= MAX_SPLIT_GROUPS) break;
    const alternatives = inner!.split('|');
    const singles = alternatives.filter((a) => !a.trim().includes(' '));
    const phrases = alternatives.filter((a) => a.trim().includes(' '));
    if (phrases.length === 0 || (singles.length === 0 && !optional)) continue;
    split++;
    // An optional choice becomes an optional choice of its single words, or its phrases required:
    // the same matches, and the phrase variant is skipped wherever its words are absent.
    const replacements = optional ? [singles.length > 0 ? `(${singles.join('|')})?` : '', `(${phrases.join('|')})`] : [`(${singles.join('|')})`, `(${phrases.join('|')})`];
    variants = variants.flatMap((v) => {
      const at = v.indexOf(written);
      if (at < 0) return [v];
      return replacements.map((r) => (v.slice(0, at) + r + v.slice(at + written.length)).replace(/ {2,}/g, ' ').trim());
    });
    // A capture left empty would capture nothing: keep such a pattern whole.
    if (variants.some((v) => /\[<\w+>\s*\]/.test(v))) return [pattern];
  }
  return variants;
}

export interface CompileInput {
  tables: readonly RuleTable[];
  shared: SharedLexicons;
  disabledRules: ReadonlySet<string>;
  /** Rules marked off by default that the policy switched on. */
  enabledOptIn: (rule: Rule) => boolean;
  allowTerms: readonly string[];
}

/** Compiles rule tables once: term indexes, parsed compromise patterns, obscenity's matcher. */
export function compileRules(input: CompileInput): CompiledRules {
  const spelling = new MapSpelling(new Map(Object.entries(input.shared.spellings)), new Map(Object.entries(input.shared.leet)));
  const functionWords = new Set(input.shared.functionWords);
  const negations = new Set(input.shared.negations);
  const phraseCache = new Map<string, string[]>();
  const phraseWords = (phrase: string): string[] => {
    let words = phraseCache.get(phrase);
    if (!words) {
      words = tokenize(normalize(phrase).text, spelling).map((t) => t.canon);
      phraseCache.set(phrase, words);
    }
    return [...words];
  };
  // A term as written: its words read like comment text, with a trailing `*` or leading `~` kept.
  const termWords = (term: string): string[] => {
    const marker = term.startsWith('~') ? '~' : '';
    const suffix = term.endsWith('*') ? '*' : '';
    const words = phraseWords(term.slice(marker.length, term.length - suffix.length));
    if (words.length === 0) return [];
    words[0] = marker + words[0]!;
    words[words.length - 1] += suffix;
    return words;
  };

  const rules: CompiledRule[] = [];
  const terms = new TermIndex();
  const exceptions = new TermIndex();
  const triggers = new TermIndex();
  const obscenityOwners = new Map<string, number[]>();
  const entityRules: CompiledRule[] = [];
  const entityTerms = new Map<number, TermIndex>();
  const slots: Array<ReadonlySet<string>> = [];
  const slotIds = new Map<string, number>();
  const slotId = (words: string[]): number => {
    const key = words.join('|');
    let id = slotIds.get(key);
    if (id === undefined) {
      id = slots.length;
      slots.push(new Set(words.map((w) => phraseWords(w)[0] ?? w)));
      slotIds.set(key, id);
    }
    return id;
  };
  const lexiconCache = new Map<string, string[]>();
  const phrases = new Map<string, readonly string[]>();
  // Every word the rules are written in: the vocabulary disguised words are read against.
  const vocabulary = new Set<string>([...input.shared.functionWords, ...input.shared.negations, ...Object.keys(input.shared.spellings), ...Object.values(input.shared.spellings)]);
  const phrasesSeen = new Set<string>();
  const addWords = (phrase: string) => {
    if (phrasesSeen.has(phrase)) return;
    phrasesSeen.add(phrase);
    for (const w of phrase.toLowerCase().split(/[^\p{L}\p{N}'-]+/u)) if (/\p{L}/u.test(w)) vocabulary.add(w);
  };
  const addPatternWords = (slots: readonly ParsedSlot[]) => {
    for (const slot of slots) {
      if (slot.word) addWords(slot.word);
      for (const w of slot.fastOr ?? []) addWords(w);
      for (const choice of slot.choices ?? []) for (const t of choice) if (t.word) addWords(t.word);
    }
  };
  for (const lexicon of Object.values(input.shared.lexicons)) for (const w of inflectLexicon(lexicon)) addWords(w);

  for (const [tableIndex, table] of input.tables.entries()) {
    const lexiconWords = (name: string): string[] => {
      const key = table.lexicons?.[name] ? `${tableIndex}:${name}` : name;
      let words = lexiconCache.get(key);
      if (!words) {
        const lexicon = table.lexicons?.[name] ?? input.shared.lexicons[name];
        if (!lexicon) throw new Error(`rules/${table.category}: unknown lexicon %${name}%`);
        words = inflectLexicon(lexicon);
        lexiconCache.set(key, words);
      }
      return words;
    };
    // Longer alternatives first: compromise takes the first alternative that fits and never comes back.
    const choiceCache = new Map<string, string>();
    const choice = (name: string): string => {
      let written = choiceCache.get(name);
      if (written === undefined) choiceCache.set(name, (written = `(${longestFirst(lexiconWords(name).map(escapeChoice)).join('|')})`));
      return written;
    };
    const expand = (pattern: string) => pattern.replace(LEXICON_REF, (_, name: string) => choice(name));

    for (const lexicon of Object.values(table.lexicons ?? {})) for (const w of inflectLexicon(lexicon)) addWords(w);
    for (const rule of table.rules) {
      const { examples: _examples, ...rest } = rule;
      const compiled: CompiledRule = {
        ...rest,
        index: rules.length,
        category: table.category,
        enabled: !input.disabledRules.has(rule.id) && input.enabledOptIn(rule),
        expandedPatterns: (rule.patterns ?? []).map(expand),
        unlessPatterns: (rule.unless ?? []).map((p) => parsePattern(expand(p))),
        patternGroups: [],
      };
      const groups = new Map<string, { requires: number[]; patterns: CompiledPattern[] }>();
      for (const p of compiled.expandedPatterns.flatMap(splitChoices)) {
        const regs = parsePattern(p);
        // Ids (into `slots`) of the word sets the pattern's required slots need: a window lacking one cannot match.
        const requires = [...new Set(requiredSlots(p, functionWords).map(slotId))].sort((a, b) => a - b);
        const key = requires.join(',');
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { requires, patterns: [] }));
        group.patterns.push({ regs, hasTarget: p.includes('<target>'), span: patternSpan(regs), atStart: regs[0]?.start === true, atEnd: regs.at(-1)?.end === true, negates: spellsNegation(regs, negations) });
      }
      compiled.patternGroups = [...groups.values()];
      rules.push(compiled);
      if (!compiled.enabled) continue;
      // The split variants hold every alternative of the patterns, already parsed.
      for (const group of compiled.patternGroups) for (const pattern of group.patterns) addPatternWords(pattern.regs as ParsedSlot[]);
      for (const w of [...(rule.terms ?? []), ...(rule.exceptions ?? []), ...(rule.triggers ?? []), ...(rule.obscenity ?? [])]) addWords(w.replace(/^~|\*$/g, ''));
      for (const term of rule.terms ?? []) {
        for (const t of term.startsWith('%') ? lexiconWords(term.slice(1, -1)) : [term]) {
          const words = termWords(t);
          terms.addTerm(words, compiled.index);
          if (words.length >= 2 && words.every((w) => PLAIN_WORD.test(w))) phrases.set(words.join(''), words);
        }
      }
      for (const phrase of rule.exceptions ?? []) exceptions.addTerm(termWords(phrase), compiled.index);
      for (const word of rule.obscenity ?? []) {
        const list = obscenityOwners.get(word) ?? [];
        list.push(compiled.index);
        obscenityOwners.set(word, list);
      }
      if (rule.entity) {
        entityRules.push(compiled);
        if (rule.entity.withTerms) {
          const index = new TermIndex();
          for (const t of rule.entity.withTerms) index.addTerm(termWords(t), compiled.index);
          entityTerms.set(compiled.index, index);
        }
      }
      const triggerWords = new Set<string>();
      for (const pattern of compiled.expandedPatterns) {
        const explicit = rule.triggers?.flatMap((t) => (t.startsWith('%') && t.endsWith('%') ? lexiconWords(t.slice(1, -1)) : [t]));
        for (const w of explicit ?? deriveTriggers(pattern, functionWords)) {
          const first = phraseWords(w)[0];
          if (first) triggerWords.add(first);
        }
      }
      for (const w of triggerWords) triggers.add([w], false, compiled.index);
    }
  }
  for (const phrase of input.allowTerms) exceptions.add(phraseWords(phrase), false, -1);
  spelling.vocabulary = new Vocabulary(vocabulary, englishWords());
  // A phrase run together is read as its words, unless the rules know the run as one word.
  for (const joined of phrases.keys()) if (vocabulary.has(joined)) phrases.delete(joined);
  spelling.phrases = phrases;

  let obscenity: ObscenityStage | undefined;
  if (obscenityOwners.size > 0) {
    const dataset = new DataSet<{ originalWord: string }>()
      .addAll(englishDataset)
      .removePhrasesIf((p) => !p.metadata || !obscenityOwners.has(p.metadata.originalWord));
    obscenity = {
      dataset,
      matcher: new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers }),
      owners: obscenityOwners,
    };
  }

  const entityOptions: EntityOptions = {
    fuzzyTlds: new Set(input.shared.links.fuzzyTlds),
    placeholderHandles: new Set(input.shared.links.placeholderHandles),
    knownDomains: [...new Set(entityRules.flatMap((r) => r.entity?.domains ?? []).filter((d) => d.includes('.')))],
  };
  return { rules, spelling, negations, terms, exceptions, triggers, obscenity, entityRules, entityTerms, entityOptions, slots, targets: targetLexicon([input.shared.lexicons, ...input.tables.map((t) => t.lexicons ?? {})], phraseWords), senses: senseMap(input.shared, phraseWords) };
}

function senseMap(shared: SharedLexicons, phraseWords: (phrase: string) => string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [word, context] of Object.entries(shared.senses ?? {})) {
    const key = phraseWords(word)[0];
    if (!key) continue;
    const set = map.get(key) ?? new Set<string>();
    for (const c of context) for (const w of phraseWords(c)) set.add(w);
    map.set(key, set);
  }
  return map;
}

/** Whether a pattern requires a negation word of its own ("do not belong", "have no place"). */
function spellsNegation(slots: readonly ParsedSlot[], negations: ReadonlySet<string>): boolean {
  return slots.some((slot) => {
    if (slot.optional) return false;
    const words = slot.word ? [slot.word] : [...(slot.fastOr ?? []), ...(slot.choices ?? []).flatMap((c) => c.map((t) => t.word ?? ''))];
    return words.length > 0 && words.every((w) => negations.has(w));
  });
}

/** Phrases of the lexicons (shared ones first, then the tables') that name a group (with its subcategory) or an addressee; the first lexicon to list a phrase wins. */
function targetLexicon(lexiconSets: ReadonlyArray<Record<string, Lexicon>>, phraseWords: (phrase: string) => string[]): TargetLexicon {
  const groups = new Map<string, AbuseSubcategory>();
  const addressees = new Map<string, Addressee>();
  let longest = 1;
  for (const lexicon of lexiconSets.flatMap((set) => Object.values(set))) {
    if (!lexicon.subcategory && !lexicon.refersTo) continue;
    for (const word of inflectLexicon(lexicon)) {
      const words = phraseWords(word);
      if (words.length === 0) continue;
      const key = words.join(' ');
      longest = Math.max(longest, words.length);
      if (lexicon.subcategory && !groups.has(key)) groups.set(key, lexicon.subcategory);
      if (lexicon.refersTo && !addressees.has(key)) addressees.set(key, lexicon.refersTo);
    }
  }
  return { groups, addressees, longest };
}

const ENGLISH_WORD = /^[a-z]{2,}$/;
const PLAIN_WORD = /^[a-z]+$/;

/** Common English words, taken from compromise's own lexicon (already in the bundle), for reading disguised words. */
function englishWords(): string[] {
  const { lexicon } = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one;
  return Object.keys(lexicon).filter((w) => ENGLISH_WORD.test(w));
}
