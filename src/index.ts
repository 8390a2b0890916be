export { createModerator, moderate, type ModeratorStats, type ModeratorWithStats } from './moderator.js';
export { PolicySchema, type Policy } from './policy.js';
export { RuleTableSchema, RuleSchema, type Rule, type RuleTable } from './rules/schema.js';
export { ModerationConfigError, ModerationInputError, type ValidationProblem } from './errors.js';
export { RULESET_VERSION } from './generated/tables.js';
export {
  ABUSE_SUBCATEGORIES,
  CATEGORIES,
  PROMOTION_SUBCATEGORIES,
  type AbuseSubcategory,
  type Category,
  type CommentInput,
  type Field,
  type ModerationResult,
  type Moderator,
  type PromotionSubcategory,
  type Reason,
  type Span,
  type Subcategory,
  type Verdict,
} from './types.js';
