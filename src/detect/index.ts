import type { CompiledRule, CompiledRules } from '../rules/compile.js';
import type { NormalizedText } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';
import { findEntities, hostMatches, type Entity } from './entities.js';
import { buildWindow, tokensInRange, windowRanges, type Window } from './windows.js';

/** A rule that fired, located in the normalised text. */
export interface Hit {
  rule: CompiledRule;
  /** Half-open range in the normalised text. */
  start: number;
  end: number;
  /** Token range, inclusive; -1 when the hit is not made of tokens (entities). */
  first: number;
  last: number;
  /** The group or person a pattern captured as `<target>`. */
  target?: string;
}

export interface DetectOptions {
  allowDomains: readonly string[];
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
  const addTokenHit = (rule: CompiledRule, first: number, last: number, target?: string) => {
    const hit: Hit = { rule, first, last, start: tokens[first]!.start, end: tokens[last]!.end };
    if (target) hit.target = target;
    hits.push(hit);
  };

  compiled.terms.find(tokens, ({ entry, first, last }) => addTokenHit(rules[entry.owner]!, first, last));

  if (compiled.obscenity && tokens.length > 0) {
    const { matcher, dataset, owners } = compiled.obscenity;
    for (const m of matcher.getAllMatches(norm.text)) {
      const word = dataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord;
      if (!word) continue;
      const first = tokenAt(tokens, m.startIndex);
      const last = tokenAt(tokens, m.endIndex);
      for (const owner of owners.get(word) ?? []) addTokenHit(rules[owner]!, first, last);
    }
  }

  // compromise, only where a trigger word was found, on a bounded window around it.
  const windows: Window[] = [];
  const triggered: Array<{ token: number; rule: number }> = [];
  compiled.triggers.find(tokens, ({ first, entry }) => triggered.push({ token: first, rule: entry.owner }));
  if (triggered.length > 0) {
    for (const [first, last] of windowRanges(tokens, triggered.map((t) => t.token))) {
      const candidates = new Set<CompiledRule>();
      for (const t of triggered) {
        const rule = rules[t.rule]!;
        if (t.token >= first && t.token <= last && rule.net && couldMatch(rule, tokens, first, last)) candidates.add(rule);
      }
      if (candidates.size === 0) continue;
      const window = buildWindow(norm.text, tokens, first, last);
      windows.push(window);
      const doc = window.doc as unknown as Doc;
      for (const rule of candidates) {
        for (const f of doc.sweep(rule.net, { tagger: false }).found) {
          const offset = f.view.json({ offset: true, terms: false })[0]?.offset;
          if (!offset) continue;
          const range = tokensInRange(window, offset.start, offset.length);
          let target: string | undefined;
          for (const parsed of rule.targetPatterns) {
            target = f.view.match(parsed).groups('target')?.text();
            if (target) break;
          }
          addTokenHit(rule, range.first, range.last, target || undefined);
        }
      }
    }
  }

  if (compiled.entityRules.length > 0) addEntityHits(norm, tokens, compiled, options, hits);

  const exceptionRanges: Array<{ owner: number; first: number; last: number }> = [];
  compiled.exceptions.find(tokens, ({ entry, first, last }) => exceptionRanges.push({ owner: entry.owner, first, last }));

  const kept = hits.filter((hit) => keep(hit, tokens, compiled, exceptionRanges, windows, norm.text));
  return { hits: dedupe(kept), usedCompromise: windows.length > 0 };
}

/** Whether every required word slot of one of the rule's patterns has a token in the window. */
function couldMatch(rule: CompiledRule, tokens: readonly Token[], first: number, last: number): boolean {
  return rule.requirements.some((slots) =>
    slots.every((words) => {
      for (let i = first; i <= last; i++) if (tokens[i]!.forms.some((f) => words.has(f))) return true;
      return false;
    }),
  );
}

interface View {
  json(opts: object): Array<{ offset?: { start: number; length: number } }>;
  match(parsed: unknown): { groups(name: string): { text(): string } | undefined };
}

interface Doc {
  sweep(net: unknown, opts: object): { found: Array<{ view: View }> };
  has(parsed: unknown): boolean;
}

function keep(
  hit: Hit,
  tokens: readonly Token[],
  compiled: CompiledRules,
  exceptionRanges: ReadonlyArray<{ owner: number; first: number; last: number }>,
  windows: Window[],
  source: string,
): boolean {
  const { rule } = hit;
  if (hit.first < 0) return true;
  for (const ex of exceptionRanges) {
    if ((ex.owner === rule.index || ex.owner === -1) && ex.first <= hit.last && ex.last >= hit.first) return false;
  }
  if (rule.notInQuote && tokens[hit.first]!.quoted) return false;
  if (rule.notNegated && isNegated(hit, tokens, compiled.negations)) return false;
  if (rule.unlessPatterns.length > 0) {
    const sentence = tokens[hit.first]!.sentence;
    let window = windows.find((w) => w.first <= hit.first && w.last >= hit.last);
    if (!window) {
      let first = hit.first;
      let last = hit.last;
      while (first > 0 && tokens[first - 1]!.sentence === sentence && hit.first - first < 24) first--;
      while (last + 1 < tokens.length && tokens[last + 1]!.sentence === sentence && last - hit.last < 24) last++;
      window = buildWindow(source, tokens, first, last);
      windows.push(window);
    }
    const doc = window.doc as unknown as Doc;
    if (rule.unlessPatterns.some((p) => doc.has(p))) return false;
  }
  return true;
}

const NEGATION_REACH = 5;

/** A negation in the same sentence shortly before the hit, or inside it ("are not human"). */
function isNegated(hit: Hit, tokens: readonly Token[], negations: ReadonlySet<string>): boolean {
  const sentence = tokens[hit.first]!.sentence;
  for (let i = Math.max(0, hit.first - NEGATION_REACH); i <= hit.last; i++) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) continue;
    if (t.forms.some((f) => negations.has(f))) return true;
  }
  return false;
}

function addEntityHits(norm: NormalizedText, tokens: readonly Token[], compiled: CompiledRules, options: DetectOptions, hits: Hit[]): void {
  const entities = findEntities(norm).filter((e) => !(e.host && hostMatches(e.host, options.allowDomains)));
  if (entities.length === 0) return;
  for (const rule of compiled.entityRules) {
    if (!rule.enabled || !rule.entity) continue;
    const spec = rule.entity;
    let matching: Entity[] = entities.filter((e) => e.type === spec.type);
    if (spec.domains) matching = matching.filter((e) => hostMatches(e.host, spec.domains!));
    if (spec.exceptDomains) matching = matching.filter((e) => !hostMatches(e.host, spec.exceptDomains!));
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
    hits.push({ rule, start: e.start, end: e.end, first: -1, last: -1 });
  }
}

/** One hit per rule and place: overlapping hits of the same rule keep the widest. */
function dedupe(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.rule.index - b.rule.index || a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && prev.rule === h.rule && h.start < prev.end) {
      if (h.end > prev.end) prev.end = h.end;
      if (!prev.target && h.target) prev.target = h.target;
      continue;
    }
    out.push(h);
  }
  return out;
}
