import { describe, expect, it } from 'vitest';
import { createModerator, RuleTableSchema } from '../src/index.js';
import { ruleTables } from './helpers.js';

const moderator = createModerator();
// Opt-in rules are tested under the policy that switches them on.
const optInModerator = createModerator({ links: 'reject' });

describe.each(ruleTables())('rules/$file', ({ table }) => {
  it('is a valid rule table', () => {
    expect(RuleTableSchema.safeParse(table).success).toBe(true);
  });

  for (const rule of table.rules) {
    describe(rule.id, () => {
      it('has examples to reject', () => {
        expect(rule.examples?.reject.length ?? 0).toBeGreaterThan(0);
      });
      for (const text of rule.examples?.reject ?? []) {
        it(`rejects ${JSON.stringify(text)}`, () => {
          const result = (rule.optIn ? optInModerator : moderator).moderate(text);
          expect(result.verdict).toBe('reject');
          expect(result.reasons.map((r) => r.rule)).toContain(rule.id);
        });
      }
      for (const text of rule.examples?.approve ?? []) {
        it(`approves ${JSON.stringify(text)}`, () => {
          const result = (rule.optIn ? optInModerator : moderator).moderate(text);
          expect(result.reasons.filter((r) => r.severity >= 0.3).map((r) => `${r.rule}: ${r.match}`)).toEqual([]);
          expect(result.verdict).toBe('approve');
        });
      }
    });
  }
});
