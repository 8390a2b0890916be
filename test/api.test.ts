import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  createModerator,
  moderate,
  ModerationConfigError,
  ModerationInputError,
  RULESET_VERSION,
  type RuleTable,
} from '../src/index.js';

describe('moderate()', () => {
  it('rejects a threat and approves news about violence', () => {
    expect(moderate('I will kill you').verdict).toBe('reject');
    expect(moderate('ISIS militants were killed in airstrikes').verdict).toBe('approve');
    expect(moderate('Shia militias attacked the base').verdict).toBe('approve');
    expect(moderate('The threat from the group is contained').verdict).toBe('approve');
  });

  it('returns the documented shape, safe to JSON.stringify', () => {
    const result = moderate('I will kill you');
    expect(Object.keys(result.scores).sort()).toEqual([...CATEGORIES].sort());
    expect(result.scores.threat).toBeGreaterThan(0);
    expect(result.rulesetVersion).toBe(RULESET_VERSION);
    expect(result.language).toEqual({ script: 'Latin', covered: true });
    const reason = result.reasons.find((r) => r.category === 'threat')!;
    expect(reason).toMatchObject({ category: 'threat', field: 'text', kind: 'direct', span: { start: 0, end: 15 }, match: 'I will kill you' });
    expect(reason.message.length).toBeGreaterThan(10);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('points spans into the original string even after folding', () => {
    const text = 'well f\u200Bu\u0441k this and ｓｈｉｔ too';
    const result = moderate(text);
    expect(result.verdict).toBe('reject');
    for (const r of result.reasons) expect(text.slice(r.span.start, r.span.end)).toBe(r.match);
    expect(result.reasons.map((r) => r.match)).toEqual(['f\u200Bu\u0441k', 'ｓｈｉｔ']);
  });

  it('says when the text is mostly in a script the rules do not read', () => {
    expect(moderate('Это обычный комментарий о выборах').language).toEqual({ script: 'Cyrillic', covered: false });
  });

  it('moderates the author name and the url too', () => {
    const result = moderate({ text: 'Nice article.', author: 'fuckface' });
    expect(result.verdict).toBe('reject');
    expect(result.reasons[0]).toMatchObject({ field: 'author', match: 'fuckface' });
  });

  it('moderateMany keeps order', () => {
    const m = createModerator();
    expect(m.moderateMany(['I will kill you', 'Good point about the budget.']).map((r) => r.verdict)).toEqual(['reject', 'approve']);
  });

  it("never mutates the host app's compromise", () => {
    // Term ids come from a global counter; everything else must be the same.
    const reading = () => nlp('the minister is a moron, u r a clown').json({ offset: true }).map((s: { terms: Array<{ tags: string[]; normal: string }> }) => s.terms.map((t) => [t.normal, t.tags]));
    const lexiconSize = () => Object.keys((nlp.world() as { model: { one: { lexicon: object } } }).model.one.lexicon).length;
    const before = { reading: reading(), lexicon: lexiconSize() };
    createModerator().moderate('you are such a moron and I will hurt you');
    expect({ reading: reading(), lexicon: lexiconSize() }).toEqual(before);
  });

  it("is not changed by the host app's compromise words and plugins (the library has its own copy)", () => {
    const comments = ['you are such a moron and I will hurt you', 'I will kill you', 'Our minister is a clown', 'ISIS killed 20 people'];
    const m = createModerator();
    const before = comments.map((c) => m.moderate(c));
    // A host that re-tags the words our rules read, and adds a compute step to every document.
    nlp.plugin({ words: { moron: 'Place', kill: 'Noun', hurt: 'Adjective', clown: 'Verb', you: 'Organization' } });
    nlp.plugin({ compute: { shout: (view: { docs: Array<Array<{ tags: Set<string> }>> }) => view.docs.flat().forEach((t) => t.tags.add('Shout')) }, hooks: ['shout'] });
    expect(nlp('I will kill you').has('#Noun')).toBe(true);
    expect(comments.map((c) => createModerator().moderate(c))).toEqual(before);
    expect(before.map((r) => r.verdict)).toEqual(['reject', 'reject', 'reject', 'approve']);
  });
});

describe('input errors', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a number', 42, /comment: expected a string or an object with a string `text`, got 42 \(number\)/],
    ['null', null, /comment: expected .* got null/],
    ['an array', ['x'], /got an array of 1/],
    ['an object without text', { author: 'x' }, /comment\.text: expected a string, got nothing/],
    ['a non-string author', { text: 'x', author: 3 }, /comment\.author: expected a string, got 3 \(number\)/],
    ['a bad article', { text: 'x', article: 'y' }, /comment\.article: expected an object/],
  ];
  it.each(bad)('%s throws ModerationInputError naming the field', (_, input, message) => {
    expect(() => moderate(input as string)).toThrow(ModerationInputError);
    expect(() => moderate(input as string)).toThrow(message);
  });
});

describe('policy', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a threshold of the wrong type', { categories: { threat: { threshold: 'high' } } }, /policy\.categories\.threat\.threshold: expected a number, got "high" \(string\)/],
    ['a threshold out of range', { categories: { threat: { threshold: 2 } } }, /policy\.categories\.threat\.threshold: expected a number at most 1, got 2 \(number\)/],
    ['an unknown category', { categories: { spam: {} } }, /policy\.categories: expected only known keys, got unknown key "spam"/],
    ['an unknown key', { treshold: 1 }, /policy: expected only known keys, got unknown key "treshold"/],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}'), /policy: expected only known keys, got unknown key "__proto__"/],
    ['a bad links value', { links: 'sometimes' }, /policy\.links: expected one of "cite", "reject", got "sometimes" \(string\)/],
    ['a bad maxLength', { maxLength: -1 }, /policy\.maxLength: expected a number at least 1/],
    ['a policy that is not an object', 'strict', /policy: expected an object, got "strict" \(string\)/],
  ];
  it.each(bad)('%s throws ModerationConfigError naming the path', (_, policy, message) => {
    expect(() => createModerator(policy as never)).toThrow(ModerationConfigError);
    expect(() => createModerator(policy as never)).toThrow(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets mild words pass under a higher threshold', () => {
    expect(moderate('What a damn shame.').verdict).toBe('reject');
    expect(createModerator({ categories: { profanity: { threshold: 0.5 } } }).moderate('What a damn shame.').verdict).toBe('approve');
  });

  it('switches categories and rules off', () => {
    expect(createModerator({ categories: { threat: { enabled: false } } }).moderate('I will kill you').verdict).toBe('approve');
    expect(createModerator({ disabledRules: ['threat/direct-harm'] }).moderate('I will kill you').reasons.map((r) => r.rule)).not.toContain('threat/direct-harm');
  });

  it('allow-lists terms', () => {
    expect(createModerator({ allow: { terms: ['shit'] } }).moderate('what a load of shit').verdict).toBe('approve');
  });

  it('makes every link a reason when links is "reject"', () => {
    const text = 'Here is the source: https://www.example.org/report/2024';
    expect(moderate(text).verdict).toBe('approve');
    expect(createModerator({ links: 'reject' }).moderate(text).verdict).toBe('reject');
  });

  it('accepts extra rule tables and changes the ruleset version', () => {
    const table: RuleTable = {
      category: 'promotion',
      description: 'A competitor is not to be named.',
      rules: [{ id: 'promotion/competitor', severity: 0.6, subcategory: 'commercial', message: 'Names a competitor: {match}.', terms: ['acme widgets'] }],
    };
    const m = createModerator({ extraRules: [table] });
    const result = m.moderate('Buy from Acme Widgets instead');
    expect(result.reasons.map((r) => r.rule)).toContain('promotion/competitor');
    expect(result.rulesetVersion).not.toBe(RULESET_VERSION);
  });

  it('applies context conditions to entity rules too', () => {
    const table: RuleTable = {
      category: 'promotion',
      description: 'Phone numbers, except a charity line named beside them.',
      rules: [{ id: 'promotion/any-phone', severity: 0.6, subcategory: 'commercial', message: 'Gives a phone number: {match}.', entity: { type: 'phone' }, unless: ['crimestoppers'] }],
    };
    const m = createModerator({ extraRules: [table] });
    expect(m.moderate('ring me on 0800 555 1111 tonight').reasons.map((r) => r.rule)).toContain('promotion/any-phone');
    expect(m.moderate('call Crimestoppers on 0800 555 1111 with any information').reasons.map((r) => r.rule)).not.toContain('promotion/any-phone');
  });

  it('truncates or rejects over maxLength, and says so', () => {
    const text = `Good point. ${'a'.repeat(200)} I will kill you`;
    const truncated = createModerator({ maxLength: 50 }).moderate(text);
    expect(truncated.overLength).toEqual({ length: text.length, maxLength: 50, action: 'truncate' });
    expect(truncated.verdict).toBe('approve');
    const rejected = createModerator({ maxLength: 50, overLength: 'reject' }).moderate(text);
    expect(rejected.verdict).toBe('reject');
    expect(rejected.overLength?.action).toBe('reject');
  });
});
