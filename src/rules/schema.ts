import * as z from 'zod/mini';
import { ABUSE_SUBCATEGORIES, CATEGORIES, PROMOTION_SUBCATEGORIES } from '../types.js';

const nonEmpty = z.string().check(z.minLength(1));
const words = z.array(nonEmpty);

/** A built-in entity finder a promotion rule can ask for. */
export const EntitySchema = z.strictObject({
  type: z.enum(['url', 'email', 'phone', 'handle']),
  /** Only links to these domains (or their subdomains) count. */
  domains: z.optional(words),
  /** Links to these domains (or their subdomains) never count for this rule. */
  exceptDomains: z.optional(words),
  /** At least this many entities of the type in the field. */
  minCount: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Only when one of these words or phrases also appears in the field. */
  withTerms: z.optional(words),
  /** Only links written in disguise ("h_t_t_p://", "fa*ebook.com"). */
  disguised: z.optional(z.boolean()),
  /** Only in the comment's text, when it says next to nothing besides its links: one word at most (a bare link cites no argument). */
  alone: z.optional(z.boolean()),
});

export const RuleSchema = z.strictObject({
  /** Stable id, `<category>/<name>`. */
  id: z.string().check(z.regex(/^[a-z_]+\/[a-z0-9][a-z0-9-]*$/)),
  severity: z.number().check(z.gte(0), z.lte(1)),
  /** `{match}` and `{target}` are filled in. */
  message: nonEmpty,
  subcategory: z.optional(z.enum([...ABUSE_SUBCATEGORIES, ...PROMOTION_SUBCATEGORIES])),
  kind: z.optional(nonEmpty),
  target: z.optional(nonEmpty),
  /** Words or phrases matched on whole tokens and their disguised forms; a trailing `*` matches a prefix, a leading `~` the Porter stem of one word, `%name%` every word of a lexicon. */
  terms: z.optional(words),
  /** Words of obscenity's English dataset (its `originalWord`) this rule owns. */
  obscenity: z.optional(words),
  /** compromise match patterns; `%name%` expands to a lexicon. */
  patterns: z.optional(words),
  /** Words whose presence sends a sentence to the patterns; derived from the patterns when absent. */
  triggers: z.optional(words),
  entity: z.optional(EntitySchema),
  /** Phrases: a hit inside one of their occurrences is dropped ("dick cheney"). */
  exceptions: z.optional(words),
  /** compromise patterns: a hit in a sentence where one of them matches is dropped. */
  unless: z.optional(words),
  /** Dropped when a negation comes just before the hit in its clause. */
  notNegated: z.optional(z.boolean()),
  /** Off unless the policy switches it on (e.g. `links: "reject"` switches on the every-link rule). */
  optIn: z.optional(z.boolean()),
  /** Dropped when the hit is inside quotation marks (quoted to be discussed or condemned). */
  notInQuote: z.optional(z.boolean()),
  /** A pattern hit counts only when aimed at a group of people: its `<target>` names a group, or refers back to one named earlier ("they", "those people"); without a `<target>`, the hit names a group or follows one named in the two sentences before. The reason takes its subcategory from the group's lexicon when the rule has none. */
  requireGroup: z.optional(z.boolean()),
  /** Sentences the rule must reject and must approve; every shipped rule has them, and a test runs them all. */
  examples: z.optional(z.strictObject({ reject: words, approve: z.array(nonEmpty) })),
});

export const LexiconSchema = z.strictObject({
  description: nonEmpty,
  /** `verb` and `noun` entries are expanded to their inflections when the tables are built. */
  pos: z.optional(z.enum(['verb', 'noun', 'adjective', 'other'])),
  /** The words name a group of people: a hit aimed at one takes this abuse subcategory. */
  subcategory: z.optional(z.enum(ABUSE_SUBCATEGORIES)),
  /** The words name whom a hit is aimed at: `anaphor` refers back to a group named earlier in the comment. */
  refersTo: z.optional(z.enum(['commenter', 'author', 'named-person', 'anaphor'])),
  words,
});

export const RuleTableSchema = z.strictObject({
  category: z.enum(CATEGORIES),
  description: nonEmpty,
  lexicons: z.optional(z.record(z.string().check(z.regex(/^[a-z_]+$/)), LexiconSchema)),
  rules: z.array(RuleSchema),
});

export const SharedLexiconsSchema = z.strictObject({
  description: nonEmpty,
  lexicons: z.record(z.string().check(z.regex(/^[a-z_]+$/)), LexiconSchema),
  /** Spelling variants read as the standard word: contractions and chat spellings. */
  spellings: z.record(nonEmpty, nonEmpty),
  /** Words that negate what follows in their clause. */
  negations: words,
  /** Words too common to send a sentence to compromise on their own (not chosen as triggers). */
  functionWords: words,
  /** Digits and symbols that stand in for letters ("sh1t", "@ss"): each → the letter it stands for, or the two it may stand for, likelier first ("1": "il"). */
  /** Digit or symbol → the letter it stands for, or the two it may stand for, likelier first ("1": "il"). */
  leet: z.record(z.string().check(z.regex(/^.$/u)), z.string().check(z.regex(/^\p{Ll}{1,2}$/u))),
  /** Words with an innocent sense, and words that show it when they stand near: "tits" beside "bird" or "feeder" is not vulgar. */
  senses: z.optional(z.record(nonEmpty, words)),
  links: z.strictObject({
    /** A link without a scheme or "www." counts only on these top-level domains, or with a path: "Yes.No" is not a link. */
    fuzzyTlds: words,
    /** Mentions that are placeholders, not handles ("@user"). */
    placeholderHandles: words,
  }),
});

export type Rule = z.infer<typeof RuleSchema>;
export type RuleTable = z.infer<typeof RuleTableSchema>;
export type Lexicon = z.infer<typeof LexiconSchema>;
export type SharedLexicons = z.infer<typeof SharedLexiconsSchema>;

