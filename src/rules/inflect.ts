import nlp from 'compromise';
import type { Lexicon } from './schema.js';

/** A lexicon's words with their inflections: verbs conjugated, nouns pluralised. Multi-word entries inflect their head. */
export function inflectLexicon(lexicon: Lexicon): string[] {
  const out = new Set<string>();
  for (const entry of lexicon.words) {
    const word = entry.toLowerCase();
    out.add(word);
    if (lexicon.pos === 'verb') {
      const [head, ...rest] = word.split(' ');
      // Tagging the one-word document (not the lexicon) makes "shoot" a verb rather than a noun.
      const doc = nlp(head!);
      doc.tag('Infinitive');
      const forms = doc.verbs().conjugate()[0] as Record<string, string> | undefined;
      if (forms) {
        for (const key of ['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Participle']) {
          const f = forms[key];
          if (f && !f.includes(' ')) out.add([f, ...rest].join(' '));
        }
      }
    } else if (lexicon.pos === 'noun') {
      const words = word.split(' ');
      const last = words.pop()!;
      const doc = nlp(last);
      doc.tag('Singular');
      const plural = doc.nouns().toPlural().text().toLowerCase();
      // compromise leaves some nouns as they are (demonyms: "african"); add the regular plural then.
      if (plural && plural !== last && !plural.includes(' ')) out.add([...words, plural].join(' '));
      else out.add([...words, `${last}s`].join(' '));
    }
  }
  return [...out];
}
