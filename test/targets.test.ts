import { describe, expect, it } from 'vitest';
import { createModerator, type RuleTable } from '../src/index.js';

// Whom a hit is aimed at, resolved from a pattern's `[<target>...]` capture. The rules here use
// a made-up word ("zorbs") so that no shipped rule fires on these sentences.
const groupRule: RuleTable = {
  category: 'abuse',
  description: 'Test: calling a group zorbs.',
  rules: [
    {
      id: 'abuse/test-zorbs',
      severity: 0.9,
      message: 'Calls {target} zorbs: {match}.',
      kind: 'test',
      requireGroup: true,
      patterns: ['[<target>%group_all%] are zorbs', '[<target>%anaphora%] are zorbs'],
    },
    {
      id: 'abuse/test-zorbish',
      severity: 0.9,
      message: 'Calls {target} zorbish: {match}.',
      requireGroup: true,
      patterns: ['how zorbish'],
    },
  ],
};
const personRule: RuleTable = {
  category: 'personal_attack',
  description: 'Test: calling a person a zorb.',
  rules: [{ id: 'personal_attack/test-zorb', severity: 0.9, message: 'Calls {target} a zorb: {match}.', patterns: ['[<target>(#Noun|#Pronoun) #Noun?] (is|are) a zorb'] }],
};
const moderator = createModerator({ extraRules: [groupRule, personRule] });
const reasonsOf = (text: string, rule: string) => moderator.moderate(text).reasons.filter((r) => r.rule === rule);

describe('group targets', () => {
  it('names the group found and takes its subcategory from the group lexicon', () => {
    const [reason] = reasonsOf('Honestly, Muslims are zorbs.', 'abuse/test-zorbs');
    expect(reason).toMatchObject({ target: 'Muslims', subcategory: 'religion', kind: 'test', message: 'Calls Muslims zorbs: “Muslims are zorbs”.' });
    expect(reasonsOf('refugees are zorbs', 'abuse/test-zorbs')[0]).toMatchObject({ target: 'refugees', subcategory: 'xenophobia' });
    expect(reasonsOf('gay men are zorbs', 'abuse/test-zorbs')[0]).toMatchObject({ target: 'gay men', subcategory: 'homophobia' });
  });

  it('resolves "they" to a group named in an earlier sentence', () => {
    const [reason] = reasonsOf('I met some Somalis at the station. They are zorbs.', 'abuse/test-zorbs');
    expect(reason).toMatchObject({ target: 'Somalis', subcategory: 'xenophobia', match: 'They are zorbs' });
  });

  it('drops a requireGroup hit whose "they" refers to no group', () => {
    expect(reasonsOf('The council met on Monday. They are zorbs.', 'abuse/test-zorbs')).toEqual([]);
    expect(moderator.moderate('The council met on Monday. They are zorbs.').verdict).toBe('approve');
  });

  it('looks back no further than a few sentences', () => {
    const near = 'Women run the club. It rained. They are zorbs.';
    expect(reasonsOf(near, 'abuse/test-zorbs')[0]).toMatchObject({ target: 'Women', subcategory: 'sexism' });
    const far = 'Women run the club. It rained. The bus was late. Lunch was cold. Then tea. They are zorbs.';
    expect(reasonsOf(far, 'abuse/test-zorbs')).toEqual([]);
  });
});

describe('rules without a <target>', () => {
  it('count a group named in the hit or in the two sentences before', () => {
    expect(reasonsOf('Muslims again, how zorbish.', 'abuse/test-zorbish')[0]).toMatchObject({ target: 'Muslims', subcategory: 'religion' });
    expect(reasonsOf('Refugees moved in. It rained. How zorbish.', 'abuse/test-zorbish')[0]).toMatchObject({ target: 'Refugees', subcategory: 'xenophobia' });
  });

  it('do not count without a group nearby', () => {
    expect(reasonsOf('The bus was late. How zorbish.', 'abuse/test-zorbish')).toEqual([]);
    expect(reasonsOf('Refugees moved in. It rained. The bus was late. How zorbish.', 'abuse/test-zorbish')).toEqual([]);
  });
});

describe('person targets', () => {
  it.each([
    ['You are a zorb', 'commenter'],
    ['The author is a zorb', 'author'],
    ['The minister is a zorb', 'named-person'],
    ['Honestly Smith is a zorb', 'named-person'],
    ['That guy is a zorb', 'third-party'],
  ])('%s → %s', (text, target) => {
    expect(reasonsOf(text, 'personal_attack/test-zorb')[0]?.target).toBe(target);
  });

  it('names a person target in words in the message', () => {
    expect(reasonsOf('You are a zorb', 'personal_attack/test-zorb')[0]?.message).toBe('Calls the commenter a zorb: “You are a zorb”.');
    expect(reasonsOf('The author is a zorb', 'personal_attack/test-zorb')[0]?.message).toBe("Calls the article's author a zorb: “author is a zorb”.");
  });

  it('gives a subcategory only to abuse reasons', () => {
    for (const r of reasonsOf('Women is a zorb', 'personal_attack/test-zorb')) expect(r.subcategory).toBeUndefined();
  });
});
