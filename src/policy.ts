import * as z from 'zod/mini';
import { ModerationConfigError, ModerationInputError } from './errors.js';
import { RuleTableSchema, type RuleTable } from './rules/schema.js';
import { CATEGORIES, type Category, type CommentInput } from './types.js';
import { describeValue, toProblems } from './validate.js';

const CategoryPolicySchema = z.strictObject({
  enabled: z.optional(z.boolean()),
  /** A category rejects when its score reaches this; mild words (severity 0.3) pass at 0.5. */
  threshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
});

const categoryShape = Object.fromEntries(CATEGORIES.map((c) => [c, z.optional(CategoryPolicySchema)])) as Record<
  Category,
  z.ZodMiniOptional<typeof CategoryPolicySchema>
>;

/** The policy accepted by `createModerator`. Every key is optional. */
export const PolicySchema = z.strictObject({
  categories: z.optional(z.strictObject(categoryShape)),
  /** Rule ids to switch off, e.g. `["profanity/mild"]`. */
  disabledRules: z.optional(z.array(z.string())),
  /** Words or phrases that never count as a match, and link domains that never count as promotion. */
  allow: z.optional(
    z.strictObject({
      terms: z.optional(z.array(z.string().check(z.minLength(1)))),
      domains: z.optional(z.array(z.string().check(z.minLength(1)))),
    }),
  ),
  /** `cite` (default): a single link that cites a source passes. `reject`: every link is a reason. */
  links: z.optional(z.enum(['cite', 'reject'])),
  /** More rule tables, in the same format as the shipped ones in `rules/`. */
  extraRules: z.optional(z.array(RuleTableSchema)),
  /** Longest text moderated, in UTF-16 units. */
  maxLength: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Over `maxLength`: moderate the first `maxLength` units (default), or reject. */
  overLength: z.optional(z.enum(['truncate', 'reject'])),
});

export type Policy = z.infer<typeof PolicySchema>;

export interface ResolvedPolicy {
  categories: Record<Category, { enabled: boolean; threshold: number }>;
  disabledRules: ReadonlySet<string>;
  allowTerms: readonly string[];
  allowDomains: readonly string[];
  links: 'cite' | 'reject';
  extraRules: readonly RuleTable[];
  maxLength: number;
  overLength: 'truncate' | 'reject';
}

export const DEFAULT_THRESHOLD = 0.3;

/** Validates a policy and fills in the defaults; throws `ModerationConfigError` naming the path. */
export function resolvePolicy(policy: unknown): ResolvedPolicy {
  if (policy === undefined) policy = {};
  const parsed = PolicySchema.safeParse(policy);
  if (!parsed.success) throw new ModerationConfigError(toProblems('policy', policy, parsed.error.issues));
  const p = parsed.data;
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, { enabled: p.categories?.[c]?.enabled ?? true, threshold: p.categories?.[c]?.threshold ?? DEFAULT_THRESHOLD }]),
  ) as ResolvedPolicy['categories'];
  return {
    categories,
    disabledRules: new Set(p.disabledRules ?? []),
    allowTerms: p.allow?.terms ?? [],
    allowDomains: (p.allow?.domains ?? []).map((d) => d.toLowerCase()),
    links: p.links ?? 'cite',
    extraRules: p.extraRules ?? [],
    maxLength: p.maxLength ?? Number.POSITIVE_INFINITY,
    overLength: p.overLength ?? 'truncate',
  };
}

const OPTIONAL_STRING_FIELDS = ['author', 'email', 'url'] as const;

/** Checks the shape of `moderate`'s argument; any string content is accepted. */
export function readInput(input: unknown): CommentInput {
  if (typeof input === 'string') return { text: input };
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ModerationInputError([
      { path: 'comment', expected: 'a string or an object with a string `text`', received: describeValue(input) },
    ]);
  }
  const record = input as Record<string, unknown>;
  const problems = [];
  if (typeof record.text !== 'string') problems.push({ path: 'comment.text', expected: 'a string', received: describeValue(record.text) });
  for (const key of OPTIONAL_STRING_FIELDS) {
    const value = record[key];
    if (value !== undefined && typeof value !== 'string') problems.push({ path: `comment.${key}`, expected: 'a string', received: describeValue(value) });
  }
  const article = record.article;
  if (article !== undefined) {
    if (article === null || typeof article !== 'object' || Array.isArray(article)) {
      problems.push({ path: 'comment.article', expected: 'an object with optional string `title` and `body`', received: describeValue(article) });
    } else {
      for (const key of ['title', 'body'] as const) {
        const value = (article as Record<string, unknown>)[key];
        if (value !== undefined && typeof value !== 'string') problems.push({ path: `comment.article.${key}`, expected: 'a string', received: describeValue(value) });
      }
    }
  }
  if (problems.length > 0) throw new ModerationInputError(problems);
  return record as unknown as CommentInput;
}
