import { describe, expect, it } from 'vitest';
import nlp from '../src/generated/compromise.js';
import { RULE_TABLES, SHARED_LEXICONS } from '../src/generated/tables.js';
import { compileRules, splitChoices } from '../src/rules/compile.js';
import { parsePattern } from '../src/rules/parse-pattern.js';

// parsePattern skips compromise's letter folding on ASCII patterns; it must give exactly what
// compromise's own nlp.parseMatch gives.
const compromiseParse = (pattern: string) => (nlp as unknown as { parseMatch(p: string): unknown }).parseMatch(pattern);

const compiled = compileRules({ tables: RULE_TABLES, shared: SHARED_LEXICONS, disabledRules: new Set(), enabledOptIn: () => true, allowTerms: [] });
const shipped = [...new Set(compiled.rules.flatMap((r) => r.expandedPatterns.flatMap(splitChoices)))];

describe('parsePattern', () => {
  it('parses every pattern of the shipped tables as compromise does', () => {
    expect(shipped.length).toBeGreaterThan(500);
    const differ = shipped.filter((p) => {
      try {
        expect(parsePattern(p)).toEqual(compromiseParse(p));
        return false;
      } catch {
        return true;
      }
    });
    expect(differ).toEqual([]);
  });

  it.each([
    '(a|b|c)? [<target>x (d|e f|g)] zz+',
    '^(a|b)* (c|d)+ !(e|f) (g|h){1,2}$',
    '[<target>(you|u)] (are|r) (#Adjective|stupid)? (idiot|moron|fool)',
    '(one-two|three) (four|five-six)',
    '(café|naïve) (señor|x)',
    'i (will|shall) kill [(you|him)]',
    '~(kill|murder)~ you',
    '{walk} (a|b)',
    '(a|b)(c|d)',
    'the .{1,2} out of (you|him)',
    'no choice here',
    '',
  ])('parses %j as compromise does', (pattern) => {
    expect(parsePattern(pattern)).toEqual(compromiseParse(pattern));
  });
});
