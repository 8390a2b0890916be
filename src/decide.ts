import type { Hit } from './detect/index.js';
import type { ResolvedPolicy } from './policy.js';
import { CATEGORIES, type Category, type Field, type Reason, type Verdict } from './types.js';
import { toOriginalSpan, type NormalizedText } from './text/normalize.js';

export interface FieldHits {
  field: Field;
  norm: NormalizedText;
  hits: Hit[];
}

/** How a message names a person target; a group is named as written. */
const TARGET_WORDS: Record<string, string> = {
  commenter: 'the commenter',
  author: "the article's author",
  'named-person': 'a named person',
  'third-party': 'someone',
};

function fill(template: string, match: string, target: string | undefined): string {
  return template.replace(/\{match\}/g, `“${match}”`).replace(/\{target\}/g, target ? (TARGET_WORDS[target] ?? target) : 'someone');
}

/** Turns hits into reasons whose spans point into the caller's original strings. */
export function explain(fields: readonly FieldHits[]): Reason[] {
  const reasons: Reason[] = [];
  for (const { field, norm, hits } of fields) {
    for (const hit of hits) {
      const span = toOriginalSpan(norm, hit.start, hit.end);
      const match = norm.original.slice(span.start, span.end);
      const { rule } = hit;
      const target = hit.target ?? rule.target;
      const reason: Reason = {
        category: rule.category,
        rule: rule.id,
        severity: rule.severity,
        message: fill(rule.message, match, target),
        field,
        span,
        match,
      };
      // A group's subcategory names the kind of hate; it is given on abuse reasons only.
      const subcategory = (rule.category === 'abuse' ? hit.subcategory : undefined) ?? rule.subcategory;
      if (subcategory) reason.subcategory = subcategory;
      if (target) reason.target = target;
      if (rule.kind) reason.kind = rule.kind;
      reasons.push(reason);
    }
  }
  const fieldOrder = (f: Field) => (f === 'text' ? 0 : f === 'author' ? 1 : 2);
  return reasons.sort(
    (a, b) => fieldOrder(a.field) - fieldOrder(b.field) || a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Scores per category (highest severity) and the verdict under the policy's thresholds. */
export function decide(reasons: readonly Reason[], policy: ResolvedPolicy): { verdict: Verdict; scores: Record<Category, number> } {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const r of reasons) if (r.severity > scores[r.category]) scores[r.category] = r.severity;
  const reject = CATEGORIES.some((c) => {
    const setting = policy.categories[c];
    return setting.enabled && scores[c] > 0 && scores[c] >= setting.threshold;
  });
  return { verdict: reject ? 'reject' : 'approve', scores };
}
