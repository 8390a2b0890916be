import nlp from '../generated/compromise.js';
import type { Lexicon } from './schema.js';

interface Transform {
  verb: { conjugate(infinitive: string, model: unknown): Record<string, string | undefined> };
  noun: { toPlural(singular: string, model: unknown): string };
}

const VERB_FORMS = ['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Participle'] as const;
/** Nouns compromise gives no plural (as its third-level `nouns().toPlural()` decides). */
const NO_PLURAL = '^(#Uncountable|#ProperNoun|#Place|#Pronoun|#Acronym)+$';

/** A lexicon's words with their inflections: verbs conjugated, nouns pluralised. Multi-word entries inflect their head. */
export function inflectLexicon(lexicon: Lexicon): string[] {
  const out = new Set<string>();
  if (lexicon.pos !== 'verb' && lexicon.pos !== 'noun') {
    for (const entry of lexicon.words) out.add(entry.toLowerCase());
    return [...out];
  }
  const world = nlp.world() as unknown as { methods: { two: { transform: Transform } }; model: unknown };
  const { transform } = world.methods.two;
  for (const entry of lexicon.words) {
    const word = entry.toLowerCase();
    out.add(word);
    if (lexicon.pos === 'verb') {
      const [head, ...rest] = word.split(' ');
      const forms = transform.verb.conjugate(head!, world.model);
      for (const key of VERB_FORMS) {
        const f = forms[key];
        if (f && !f.includes(' ')) out.add([f, ...rest].join(' '));
      }
    } else {
      const words = word.split(' ');
      const last = words.pop()!;
      const doc = nlp(last);
      doc.tag('Singular');
      const plural = doc.has(NO_PLURAL) ? last : transform.noun.toPlural(last, world.model).toLowerCase();
      // compromise leaves some nouns as they are (demonyms: "african"); add the regular plural then.
      if (plural && plural !== last && !plural.includes(' ')) out.add([...words, plural].join(' '));
      else out.add([...words, `${last}s`].join(' '));
    }
  }
  return [...out];
}
