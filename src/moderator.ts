import { decide, explain, type FieldHits } from './decide.js';
import { detect } from './detect/index.js';
import { RULE_TABLES, RULESET_VERSION, SHARED_LEXICONS } from './generated/tables.js';
import { readInput, resolvePolicy, type Policy } from './policy.js';
import { compileRules, type CompiledRules } from './rules/compile.js';
import type { RuleTable } from './rules/schema.js';
import { normalize } from './text/normalize.js';
import { detectScript } from './text/script.js';
import { tokenize } from './text/tokenize.js';
import type { CommentInput, Field, ModerationResult, Moderator } from './types.js';

/** Statistics a benchmark can read; not part of the result. */
export interface ModeratorStats {
  comments: number;
  reachedCompromise: number;
}

export interface ModeratorWithStats extends Moderator {
  readonly stats: ModeratorStats;
}

const MODERATED_FIELDS: readonly Field[] = ['text', 'author', 'url'];

function hashTables(base: string, extra: readonly RuleTable[]): string {
  if (extra.length === 0) return base;
  // FNV-1a over the extra tables, appended to the shipped version.
  let h = 0x811c9dc5;
  const s = JSON.stringify(extra);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${base}+${h.toString(16).padStart(8, '0')}`;
}

/**
 * Compiles the rule tables under a policy once and returns a moderator.
 *
 * @example
 * const moderator = createModerator({ categories: { profanity: { threshold: 0.5 } } });
 * moderator.moderate('What a damn shame.').verdict; // 'approve': mild words pass at 0.5
 */
export function createModerator(policy?: Policy): ModeratorWithStats {
  const resolved = resolvePolicy(policy);
  const compiled: CompiledRules = compileRules({
    tables: [...RULE_TABLES, ...resolved.extraRules],
    shared: SHARED_LEXICONS,
    disabledRules: resolved.disabledRules,
    enabledOptIn: (rule) => !rule.optIn || (resolved.links === 'reject' && rule.entity?.type === 'url'),
    allowTerms: resolved.allowTerms,
  });
  const rulesetVersion = hashTables(RULESET_VERSION, resolved.extraRules);
  const stats: ModeratorStats = { comments: 0, reachedCompromise: 0 };

  function moderate(input: string | CommentInput): ModerationResult {
    const comment = readInput(input);
    stats.comments++;
    let text = comment.text;
    let overLength: ModerationResult['overLength'];
    if (text.length > resolved.maxLength) {
      overLength = { length: text.length, maxLength: resolved.maxLength, action: resolved.overLength };
      // Never cut a surrogate pair in two.
      const cut = resolved.maxLength - (/[\uD800-\uDBFF]/.test(text[resolved.maxLength - 1] ?? '') ? 1 : 0);
      text = resolved.overLength === 'reject' ? '' : text.slice(0, cut);
    }
    const fields: FieldHits[] = [];
    let usedCompromise = false;
    for (const field of MODERATED_FIELDS) {
      const value = field === 'text' ? text : comment[field];
      if (!value) continue;
      const norm = normalize(value);
      const tokens = tokenize(norm.text, compiled.spelling);
      const detection = detect(norm, tokens, compiled, { allowDomains: resolved.allowDomains, field });
      usedCompromise ||= detection.usedCompromise;
      const hits = detection.hits.filter((h) => resolved.categories[h.rule.category].enabled);
      fields.push({ field, norm, hits });
    }
    if (usedCompromise) stats.reachedCompromise++;
    const reasons = explain(fields);
    const { verdict, scores } = decide(reasons, resolved);
    const result: ModerationResult = {
      verdict: overLength?.action === 'reject' ? 'reject' : verdict,
      reasons,
      scores,
      language: detectScript(text),
      rulesetVersion,
    };
    if (overLength) result.overLength = overLength;
    return result;
  }

  return {
    moderate,
    moderateMany: (inputs) => Array.from(inputs, (input) => moderate(input)),
    stats,
  };
}

let defaultModerator: Moderator | undefined;

/**
 * Moderates one comment with the default policy.
 *
 * @example
 * moderate('I will kill you').verdict; // 'reject'
 * moderate('ISIS militants were killed in airstrikes').verdict; // 'approve'
 */
export function moderate(input: string | CommentInput): ModerationResult {
  defaultModerator ??= createModerator();
  return defaultModerator.moderate(input);
}
