/** The six categories of the policy. No other category exists. */
export const CATEGORIES = ['profanity', 'vulgarity', 'threat', 'personal_attack', 'abuse', 'promotion'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ABUSE_SUBCATEGORIES = ['sexism', 'racism', 'homophobia', 'xenophobia', 'religion', 'disability'] as const;
export const PROMOTION_SUBCATEGORIES = ['commercial', 'personal'] as const;
export type AbuseSubcategory = (typeof ABUSE_SUBCATEGORIES)[number];
export type PromotionSubcategory = (typeof PROMOTION_SUBCATEGORIES)[number];
export type Subcategory = AbuseSubcategory | PromotionSubcategory;

/** The fields of a comment that are moderated. */
export const FIELDS = ['text', 'author', 'url'] as const;
export type Field = (typeof FIELDS)[number];

export interface CommentInput {
  text: string;
  author?: string;
  email?: string;
  url?: string;
  /** Kept for relevance scoring; not moderated. */
  article?: { title?: string; body?: string };
}

/** A half-open range of UTF-16 code units in the caller's original string. */
export interface Span {
  start: number;
  end: number;
}

export interface Reason {
  category: Category;
  subcategory?: Subcategory;
  /** Stable rule id, e.g. `threat/direct-harm`. */
  rule: string;
  /** 0..1; the category's score is the highest severity among its reasons. */
  severity: number;
  /** A sentence a moderator or the commenter can read. */
  message: string;
  field: Field;
  span: Span;
  /** Exactly `input[field].slice(span.start, span.end)`. */
  match: string;
  /** At whom it is aimed: `commenter`, `author`, `named-person`, `third-party`, or the group found. */
  target?: string;
  /** The rule's own type, e.g. a threat's `direct`, `conditional`, `wished`, `incited`, `veiled`. */
  kind?: string;
}

export type Verdict = 'approve' | 'reject';

export interface ModerationResult {
  verdict: Verdict;
  /** Sorted by field, then position, then rule id. */
  reasons: Reason[];
  scores: Record<Category, number>;
  language: { script: string; covered: boolean };
  rulesetVersion: string;
  /** Present when the text was longer than the policy's `maxLength`. */
  overLength?: { length: number; maxLength: number; action: 'truncate' | 'reject' };
}

export interface Moderator {
  moderate(input: string | CommentInput): ModerationResult;
  moderateMany(inputs: Iterable<string | CommentInput>): ModerationResult[];
}
