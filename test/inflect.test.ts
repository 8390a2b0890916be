import { describe, expect, it } from 'vitest';
import { createModerator, type RuleTable } from '../src/index.js';
import { inflectLexicon } from '../src/rules/inflect.js';

// Lexicons marked `verb` or `noun` stand for every form of their words (compromise's conjugation
// and plural models); other lexicons are taken as written.
describe('inflectLexicon', () => {
  it('conjugates verbs, irregular and phrasal ones included', () => {
    expect(inflectLexicon({ description: '', pos: 'verb', words: ['kill', 'shoot', 'drive', 'beat up'] }).sort()).toEqual(
      ['kill', 'killed', 'kills', 'killing', 'shoot', 'shot', 'shoots', 'shooting', 'drive', 'drove', 'drives', 'driving', 'driven', 'beat up', 'beats up', 'beating up', 'beaten up'].sort(),
    );
  });

  it('pluralises nouns on their last word, with the regular plural where compromise gives none', () => {
    expect(inflectLexicon({ description: '', pos: 'noun', words: ['idiot', 'woman', 'asylum seeker', 'african'] }).sort()).toEqual(
      ['idiot', 'idiots', 'woman', 'women', 'asylum seeker', 'asylum seekers', 'african', 'africans'].sort(),
    );
  });

  it('takes other lexicons as written, lower-cased', () => {
    expect(inflectLexicon({ description: '', pos: 'other', words: ['Kill', 'woman'] })).toEqual(['kill', 'woman']);
    expect(inflectLexicon({ description: '', words: ['Stab'] })).toEqual(['stab']);
  });

  it('lets an extra rule table match every form of its lexicon', () => {
    const table: RuleTable = {
      category: 'threat',
      description: 'A site-specific threat verb.',
      lexicons: { doxx: { description: 'Publishing where someone lives.', pos: 'verb', words: ['dox'] } },
      rules: [{ id: 'threat/dox', severity: 0.9, message: 'Threatens to publish where someone lives: {match}.', terms: ['%doxx%'] }],
    };
    const m = createModerator({ extraRules: [table] });
    for (const text of ['I will dox you', 'she doxed him last year', 'he is doxing people']) expect(m.moderate(text).reasons.map((r) => r.rule), text).toContain('threat/dox');
  });
});
