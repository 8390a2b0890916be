import type { CompiledPattern, CompiledRule, CompiledRules } from '../rules/compile.js';
import type { NormalizedText } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';
import type { AbuseSubcategory, Field } from '../types.js';
import { resolveTarget } from './targets.js';
import { findEntities, hostMatches, type Entity } from './entities.js';
import { buildWindow, matchedTokens, widen, windowRanges, type MatchedTerm, type Window } from './windows.js';

/** A rule that fired, located in the normalised text. */
export interface Hit {
  rule: CompiledRule;
  /** Half-open range in the normalised text. */
  start: number;
  end: number;
  /** Token range, inclusive; -1 when no token lies under the hit (an entity of punctuation only). */
  first: number;
  last: number;
  /** Whom the hit is aimed at: a group as written, `commenter`, `author`, `named-person` or `third-party`. */
  target?: string;
  /** The abuse subcategory of the group aimed at. */
  subcategory?: AbuseSubcategory;
  /** Found by a pattern that requires a negation word of its own. */
  spellsNegation?: boolean;
}

export interface DetectOptions {
  allowDomains: readonly string[];
  /** The field moderated: a link alone is a reason in the comment's text, not in its url field. */
  field: Field;
}

export interface Detection {
  hits: Hit[];
  /** Whether compromise was run on this field. */
  usedCompromise: boolean;
}

/** Finds the token whose range contains a normalised offset (binary search). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return Math.min(lo, tokens.length - 1);
}

/**
 * Runs every enabled rule over one field: term lookups, obscenity's matcher, compromise patterns
 * (only on bounded windows around trigger words), and entity finders; then drops hits that a
 * rule's own context conditions rule out.
 */
export function detect(norm: NormalizedText, tokens: readonly Token[], compiled: CompiledRules, options: DetectOptions): Detection {
  const { rules } = compiled;
  const hits: Hit[] = [];
  const addTokenHit = (rule: CompiledRule, first: number, last: number) => {
    hits.push({ rule, first, last, start: tokens[first]!.start, end: tokens[last]!.end });
  };
  /** A pattern's hit, with whom its `<target>` (or, without one, the hit) is aimed at. */
  const addPatternHit = (rule: CompiledRule, pattern: CompiledPattern, first: number, last: number, target: { first: number; last: number } | undefined) => {
    const hit: Hit = { rule, first, last, start: tokens[first]!.start, end: tokens[last]!.end };
    if (pattern.negates) hit.spellsNegation = true;
    if (target || rule.requireGroup) {
      // Without a `<target>`, a requireGroup hit may be about a group named just before it.
      const resolved = resolveTarget(tokens, norm.text, target?.first ?? first, target?.last ?? last, compiled.targets, !target);
      if (rule.requireGroup && !resolved.isGroup) return;
      hit.target = resolved.target;
      if (resolved.subcategory) hit.subcategory = resolved.subcategory;
    }
    hits.push(hit);
  };

  compiled.terms.find(tokens, ({ entry, first, last }) => addTokenHit(rules[entry.owner]!, first, last));

  if (compiled.obscenity && tokens.length > 0) {
    const { matcher, dataset, owners } = compiled.obscenity;
    const addMatches = (text: string, toToken: (offset: number) => number) => {
      for (const m of matcher.getAllMatches(text)) {
        const word = dataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord;
        if (!word) continue;
        const first = toToken(m.startIndex);
        const last = toToken(m.endIndex);
        for (const owner of owners.get(word) ?? []) addTokenHit(rules[owner]!, first, last);
      }
    };
    addMatches(norm.text, (offset) => tokenAt(tokens, offset));
    // Words the tokenizer saw through ("fa9907", "dy*e", "n_gger") are matched again as read.
    const reading = canonReading(tokens);
    if (reading) addMatches(reading.text, (offset) => reading.tokenAt[offset]!);
  }

  // compromise, only where a trigger word was found, on a bounded window around it.
  const windows: Window[] = [];
  const triggered: Triggered[] = [];
  compiled.triggers.find(tokens, ({ first, entry }) => triggered.push({ token: first, rule: entry.owner }));
  if (triggered.length > 0) {
    const bounds = sentenceBounds(tokens);
    // Triggers come in token order, and so do windows: each window takes the next slice of them.
    let next = 0;
    for (const [first, last] of windowRanges(tokens, triggered.map((t) => t.token))) {
      while (next < triggered.length && triggered[next]!.token < first) next++;
      let end = next;
      while (end < triggered.length && triggered[end]!.token <= last) end++;
      const inWindow = triggered.slice(next, end);
      next = end;
      const todo = patternsToRun(inWindow, tokens, first, last, compiled, bounds);
      if (todo.length === 0) continue;
      // Narrow the window to what the patterns to run can span on either side of their triggers.
      const reach = Math.max(...todo.map((t) => t.pattern.span));
      let from = last;
      let to = first;
      for (const t of inWindow) {
        from = Math.min(from, Math.max(first, t.token - reach));
        to = Math.max(to, Math.min(last, t.token + reach));
      }
      const window = buildWindow(norm.text, tokens, from, to);
      windows.push(window);
      const doc = window.doc as Doc;
      for (const { rule, pattern } of todo) {
        const found = doc.match(pattern.regs);
        const ranges = found.found ? matchedTokens(window, found.docs) : [];
        ranges.forEach((range, i) => {
          if (!range) return;
          if (pattern.atStart && bounds.start[range.first] !== range.first) return;
          if (pattern.atEnd && bounds.end[range.last] !== range.last) return;
          const captured = pattern.hasTarget ? found.eq(i).match(pattern.regs).groups('target') : undefined;
          const target = captured?.found ? matchedTokens(window, captured.docs)[0] : undefined;
          addPatternHit(rule, pattern, range.first, range.last, target);
        });
      }
    }
  }

  if (compiled.entityRules.length > 0) addEntityHits(norm, tokens, compiled, options, hits);

  const exceptionRanges: TokenRange[] = [];
  compiled.exceptions.find(tokens, ({ entry, first, last }) => exceptionRanges.push({ owner: entry.owner, first, last }));

  const unlessWindows: Window[] = [];
  const kept = hits.filter(contextFilter(tokens, compiled, exceptionRanges, windows, norm.text, unlessWindows));
  return { hits: dedupe(kept), usedCompromise: windows.length + unlessWindows.length > 0 };
}

/**
 * The tokens' canonical readings joined by spaces, with the token under each character; undefined
 * when every token reads as written (its canon is its lower-case text, and its text is what stands
 * in the source, not letters joined from a separated run).
 */
function canonReading(tokens: readonly Token[]): { text: string; tokenAt: Int32Array } | undefined {
  if (!tokens.some((t) => t.canon !== t.forms[0] || t.text.length !== t.end - t.start)) return undefined;
  const text = tokens.map((t) => t.canon).join(' ');
  const tokenAt = new Int32Array(text.length + 1);
  let at = 0;
  tokens.forEach((t, i) => {
    tokenAt.fill(i, at, at + t.canon.length + 1);
    at += t.canon.length + 1;
  });
  return { text, tokenAt };
}

interface Triggered {
  token: number;
  rule: number;
}

/** The patterns of the triggered rules whose required words are all in the window (and anchors near). */
function patternsToRun(
  inWindow: readonly Triggered[],
  tokens: readonly Token[],
  first: number,
  last: number,
  compiled: CompiledRules,
  bounds: { start: Int32Array; end: Int32Array },
): Array<{ rule: CompiledRule; pattern: CompiledPattern }> {
  const present = new Set<string>();
  for (let i = first; i <= last; i++) for (const f of tokens[i]!.forms) present.add(f);
  // Each distinct slot is checked once per window: 0 not yet, 1 present, 2 absent.
  const slotState = new Uint8Array(compiled.slots.length);
  const has = (slot: number) => {
    if (slotState[slot] === 0) slotState[slot] = intersects(compiled.slots[slot]!, present) ? 1 : 2;
    return slotState[slot] === 1;
  };
  const todo: Array<{ rule: CompiledRule; pattern: CompiledPattern }> = [];
  const seen = new Set<number>();
  for (const t of inWindow) {
    if (seen.has(t.rule)) continue;
    seen.add(t.rule);
    const rule = compiled.rules[t.rule]!;
    for (const group of rule.patternGroups) {
      if (!group.requires.every(has)) continue;
      for (const pattern of group.patterns) {
        // An anchored pattern needs one of its rule's triggers near the sentence's start or end.
        if (pattern.atStart || pattern.atEnd) {
          const near = inWindow.some(
            (u) =>
              u.rule === t.rule &&
              (!pattern.atStart || u.token - bounds.start[u.token]! < pattern.span) &&
              (!pattern.atEnd || bounds.end[u.token]! - u.token < pattern.span),
          );
          if (!near) continue;
        }
        todo.push({ rule, pattern });
      }
    }
  }
  return todo;
}

/** For every token, the index of its sentence's first and last token. */
function sentenceBounds(tokens: readonly Token[]): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(tokens.length);
  const end = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) start[i] = i > 0 && tokens[i - 1]!.sentence === tokens[i]!.sentence ? start[i - 1]! : i;
  for (let i = tokens.length - 1; i >= 0; i--) end[i] = i + 1 < tokens.length && tokens[i + 1]!.sentence === tokens[i]!.sentence ? end[i + 1]! : i;
  return { start, end };
}

function intersects(words: ReadonlySet<string>, present: ReadonlySet<string>): boolean {
  const [small, large] = words.size < present.size ? [words, present] : [present, words];
  for (const f of small) if (large.has(f)) return true;
  return false;
}

/** The little of compromise's View API used here. */
interface View {
  found: boolean;
  docs: MatchedTerm[][];
  eq(i: number): View;
  match(parsed: unknown): View;
  groups(name: string): View | undefined;
}

interface Doc extends View {
  has(parsed: unknown): boolean;
}

interface TokenRange {
  owner: number;
  first: number;
  last: number;
}

/** The context conditions of rules (exceptions, quotes, negation, `unless`), each looked up in constant time per hit. */
function contextFilter(
  tokens: readonly Token[],
  compiled: CompiledRules,
  exceptionRanges: readonly TokenRange[],
  windows: readonly Window[],
  source: string,
  /** Receives the windows built here for `unless` checks. */
  built: Window[],
): (hit: Hit) => boolean {
  const exceptionsAt = new Map<number, TokenRange[]>();
  let longestException = 0;
  for (const ex of exceptionRanges) {
    const list = exceptionsAt.get(ex.first) ?? [];
    list.push(ex);
    exceptionsAt.set(ex.first, list);
    longestException = Math.max(longestException, ex.last - ex.first);
  }
  const windowAt = new Int32Array(tokens.length).fill(-1);
  windows.forEach((w, i) => windowAt.fill(i, w.first, w.last + 1));
  const sentenceWindows = new Map<number, Window>();
  const unlessAnswers = new Map<Window, Map<number, boolean>>();

  const excepted = (hit: Hit): boolean => {
    for (let at = Math.max(0, hit.first - longestException); at <= hit.last; at++) {
      for (const ex of exceptionsAt.get(at) ?? []) {
        if ((ex.owner === hit.rule.index || ex.owner === -1) && ex.last >= hit.first) return true;
      }
    }
    return false;
  };

  const windowFor = (hit: Hit): Window => {
    const inMain = windowAt[hit.first]!;
    if (inMain >= 0 && windows[inMain]!.last >= hit.last) return windows[inMain]!;
    const [first, last] = widen(tokens, hit.first, hit.last);
    let window = sentenceWindows.get(first);
    if (!window || window.last < hit.last) {
      window = buildWindow(source, tokens, first, last);
      sentenceWindows.set(first, window);
      built.push(window);
    }
    return window;
  };

  return (hit) => {
    const { rule } = hit;
    if (hit.first < 0) return true;
    if (excepted(hit)) return false;
    if (rule.notInQuote && isQuoted(hit, tokens)) return false;
    if (compiled.senses.size > 0 && innocentSense(hit, tokens, compiled.senses)) return false;
    if (rule.notNegated && isNegated(hit, tokens, compiled.negations)) return false;
    if (rule.unlessPatterns.length > 0) {
      // A rule's `unless` reads the whole window: hits of the rule in one window share the answer.
      const window = windowFor(hit);
      let answers = unlessAnswers.get(window);
      if (!answers) unlessAnswers.set(window, (answers = new Map()));
      let suppressed = answers.get(rule.index);
      if (suppressed === undefined) {
        const doc = window.doc as Doc;
        suppressed = rule.unlessPatterns.some((p) => doc.has(p));
        answers.set(rule.index, suppressed);
      }
      if (suppressed) return false;
    }
    return true;
  };
}

/** Words in quotation marks that still read as a label put in quotes, not a quoted passage. */
const LABEL_QUOTE = 3;

/**
 * The hit starts inside quotation marks, or ends on a short quoted label: quoted to be reported,
 * discussed or condemned ("calls refugees 'animals'"). A long quotation that opens in the middle
 * of a hit is the commenter's own emphasis and counts.
 */
function isQuoted(hit: Hit, tokens: readonly Token[]): boolean {
  if (tokens[hit.first]!.quoted) return true;
  let start = hit.first + 1;
  while (start <= hit.last && !tokens[start]!.quoted) start++;
  if (start > hit.last) return false;
  let end = start;
  while (end + 1 < tokens.length && end - start < LABEL_QUOTE && tokens[end + 1]!.quoted) end++;
  return end - start < LABEL_QUOTE;
}

/** Tokens on either side of a hit searched for a word that shows an innocent sense. */
const SENSE_REACH = 15;

/** A word of the hit has an innocent sense, and a word showing that sense stands near it in its sentence. */
function innocentSense(hit: Hit, tokens: readonly Token[], senses: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const from = Math.max(0, hit.first - SENSE_REACH);
  const to = Math.min(tokens.length - 1, hit.last + SENSE_REACH);
  for (let i = hit.first; i <= hit.last; i++) {
    for (const form of tokens[i]!.forms) {
      const context = senses.get(form);
      if (!context) continue;
      const sentence = tokens[i]!.sentence;
      for (let j = from; j <= to; j++) {
        if (j >= hit.first && j <= hit.last) continue;
        const t = tokens[j]!;
        if (t.sentence === sentence && t.forms.some((f) => context.has(f))) return true;
      }
    }
  }
  return false;
}

const NEGATION_REACH = 5;

/** Words after a negation that make it intensify rather than negate: "nothing but", "no better than". */
const INTENSIFYING = new Set(['but', 'better', 'less', 'more']);

/**
 * A negation in the hit's clause shortly before the hit, or inside it ("are not human"). A "no"
 * that opens a sentence answers someone ("No, you are the idiot"), and "nothing but" intensifies.
 */
function isNegated(hit: Hit, tokens: readonly Token[], negations: ReadonlySet<string>): boolean {
  const clause = tokens[hit.first]!.clause;
  for (let i = Math.max(0, hit.first - NEGATION_REACH); i <= hit.last; i++) {
    const t = tokens[i]!;
    if (t.clause !== clause && i < hit.first) continue;
    if (!t.forms.some((f) => negations.has(f))) continue;
    // A negation the matching pattern spells out ("do not belong") is part of what it matched.
    if (i >= hit.first && hit.spellsNegation) continue;
    const next = tokens[i + 1];
    // "No, you are the idiot" / "No you are": an answer; "No one deserves ..." still negates.
    if (t.sentenceStart && t.canon === 'no' && (!next || next.clause !== t.clause || next.canon === 'you')) continue;
    if (next && next.forms.some((f) => INTENSIFYING.has(f))) continue;
    return true;
  }
  return false;
}

function addEntityHits(norm: NormalizedText, tokens: readonly Token[], compiled: CompiledRules, options: DetectOptions, hits: Hit[]): void {
  const entities = findEntities(norm, compiled.entityOptions).filter((e) => !(e.host && hostMatches(e.host, options.allowDomains)));
  if (entities.length === 0) return;
  for (const rule of compiled.entityRules) {
    if (!rule.enabled || !rule.entity) continue;
    const spec = rule.entity;
    let matching: Entity[] = entities.filter((e) => e.type === spec.type);
    if (spec.domains) matching = matching.filter((e) => hostMatches(e.host, spec.domains!));
    if (spec.exceptDomains) matching = matching.filter((e) => !hostMatches(e.host, spec.exceptDomains!));
    if (spec.disguised) matching = matching.filter((e) => e.disguised);
    if (spec.alone && (options.field !== 'text' || wordsBesideLinks(tokens, entities) > ALONE_MAX_WORDS)) continue;
    if (matching.length < (spec.minCount ?? 1)) continue;
    const withTerms = compiled.entityTerms.get(rule.index);
    if (withTerms) {
      let found = false;
      withTerms.find(tokens, () => {
        found = true;
      });
      if (!found) continue;
    }
    const e = matching[0]!;
    // Tokens under the entity let the rule's context conditions (exceptions, unless, negation) apply.
    const first = tokens.length > 0 ? tokenAt(tokens, e.start) : -1;
    const last = tokens.length > 0 ? tokenAt(tokens, e.end - 1) : -1;
    const covered = first >= 0 && tokens[first]!.start < e.end && tokens[last]!.end > e.start;
    hits.push({ rule, start: e.start, end: e.end, first: covered ? first : -1, last: covered ? last : -1 });
  }
}

const ALONE_MAX_WORDS = 1;

/** How many words of a field lie outside its links (counting stops past the limit of a bare link). */
function wordsBesideLinks(tokens: readonly Token[], entities: readonly Entity[]): number {
  const links = entities.filter((e) => e.type === 'url').sort((a, b) => a.start - b.start);
  let words = 0;
  // One sweep: tokens and links both in order; a token is in a link when a link that starts
  // before the token ends reaches past the token's start.
  let next = 0;
  let reach = -1;
  for (const t of tokens) {
    while (next < links.length && links[next]!.start < t.end) reach = Math.max(reach, links[next++]!.end);
    if (reach > t.start) continue;
    if (++words > ALONE_MAX_WORDS) break;
  }
  return words;
}

/** One hit per rule and place: overlapping hits of the same rule keep the widest. */
function dedupe(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.rule.index - b.rule.index || a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && prev.rule === h.rule && h.start < prev.end) {
      if (h.end > prev.end) prev.end = h.end;
      if (!prev.target && h.target) {
        prev.target = h.target;
        if (h.subcategory) prev.subcategory = h.subcategory;
      }
      continue;
    }
    out.push(h);
  }
  return out;
}
