import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../src/text/normalize.js';
import { tokenize } from '../src/text/tokenize.js';
import { Vocabulary } from '../src/text/vocabulary.js';

const spelling = {
  get: (w: string) => ({ "n't": 'not', "'re": 'are', u: 'you' })[w],
  leet: new Map(Object.entries({ '0': 'o', '1': 'i', '3': 'e', '@': 'a', $: 's', '!': 'i' })),
};

describe('normalize', () => {
  it.each([
    ['fullwidth', 'ｆｕｃｋ', 'fuck'],
    ['mathematical bold', '𝐟𝐮𝐜𝐤', 'fuck'],
    ['accents and zalgo', 'f̷̢u̴c̸k̵', 'fuck'],
    ['zero-width and soft hyphen', 'f\u200Bu\u00ADc\u2060k', 'fuck'],
    ['bidi controls', 'f\u202Euck', 'fuck'],
    ['a Cyrillic letter inside a Latin word', 'fu\u0441k', 'fuck'],
    ['a word wholly in Cyrillic stays', 'сука', 'сука'],
    ['circled letters', 'ⓕⓤⓒⓚ', 'fuck'],
  ])('%s', (_, input, expected) => {
    expect(normalize(input).text.toLowerCase()).toBe(expected);
  });

  it('maps every folded unit back to the original', () => {
    const original = 'a 𝐟̷u\u200Bck b';
    const norm = normalize(original);
    const start = norm.text.indexOf('fuck');
    const span = toOriginalSpan(norm, start, start + 4);
    expect(original.slice(span.start, span.end)).toBe('𝐟̷u\u200Bck');
  });

  it('survives lone surrogates and control characters', () => {
    const norm = normalize('a\uD800b\uDC00c\u0000d');
    expect(norm.text).toBe('a\uFFFDb\uFFFDc\u0000d');
    expect(norm.starts.length).toBe(norm.text.length);
  });
});

describe('tokenize', () => {
  const words = (text: string) => tokenize(normalize(text).text, spelling).map((t) => t.canon);
  it('splits contractions', () => {
    expect(words("you're wrong, don't")).toEqual(['you', 'are', 'wrong', 'do', 'not']);
  });
  it('joins separated letters but not neighbouring words', () => {
    expect(words('what the f u c k is this')).toEqual(['what', 'the', 'fuck', 'is', 'this']);
    expect(words('an i.d.i.o.t')).toEqual(['an', 'idiot']);
    expect(words('plan a b')).toEqual(['plan', 'a', 'b']);
  });
  it('reads leetspeak and elongation', () => {
    const [t] = tokenize('sh1iiit', spelling);
    expect(t!.forms).toContain('shiiiit');
    expect(t!.squeezed).toBe('shit');
  });
  it('tells single quotes from apostrophes', () => {
    const tokens = tokenize("Calling refugees 'rats' isn't fair to the refugees' children", spelling);
    expect(tokens.filter((t) => t.quoted).map((t) => t.text)).toEqual(['rats']);
  });
  it('ignores quotes wrapping the whole comment and reads doubled quotes as one', () => {
    const tokens = tokenize('"Calling them ""rats"" is wrong"', spelling);
    expect(tokens.filter((t) => t.quoted).map((t) => t.text)).toEqual(['rats']);
  });
  it('splits leet contractions', () => {
    expect(words("y0u'r3 wrong")).toEqual(['you', 'are', 'wrong']);
  });
  it('marks sentences and quotes', () => {
    const tokens = tokenize('Calling them "rats" is wrong. Yes.', spelling);
    expect(tokens.map((t) => t.quoted)).toEqual([false, false, true, false, false, false]);
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 0, 0, 1]);
  });
});

describe('reading disguised words against the rules’ vocabulary', () => {
  const vocabulary = new Vocabulary(['i', 'know', 'where', 'you', 'live', 'hanged', 'deserves', 'shit', 'spit', 'take', 'should', 'up']);
  const known = { ...spelling, vocabulary };
  const canons = (text: string) => tokenize(normalize(text).text, known).map((t) => t.canon);

  it('reads an elongated word as the known word it stretches', () => {
    expect(canons('hannnnged')).toEqual(['hanged']);
  });

  it('reads a masked letter as the one known word that fits', () => {
    expect(canons('dese*ves')).toEqual(['deserves']);
    expect(canons('dese#ves')).toEqual(['deserves']);
  });

  it('keeps a masked word whole when several known words fit, for the term index to try', () => {
    const [t] = tokenize('s#it', known);
    expect(t?.forms).toContain('s*it');
  });

  it('joins letters separated by underscores, and splits a run of letters into known words', () => {
    expect(canons('t_a_k_e it u_p')).toEqual(['take', 'it', 'up']);
    expect(canons('i k n o w w-h-e-r-e you l i v e')).toEqual(['i', 'know', 'where', 'you', 'live']);
  });

  it('splits other chunks at "_" and "#"', () => {
    expect(canons('mike_77 said all!!#hashtag')).toEqual(['mike', '77', 'said', 'all', 'hashtag']);
  });

  it('gives spans of split words inside the original text', () => {
    const text = 'i k n o w it';
    const tokens = tokenize(text, known);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['i', 'k n o w', 'it']);
  });
});

describe('chat spellings, mentions and spaced words', () => {
  const vocabulary = new Vocabulary(['you', 'are', 'a', 'liar', 'u', 'r', 'i', 'ass', 'know']);
  const chat = {
    get: (w: string) => ({ arent: "aren't", "n't": 'not', "'m": 'am', imma: "i'm going to", u: 'you', r: 'are' })[w],
    leet: spelling.leet,
    vocabulary,
  };
  const canons = (text: string) => tokenize(normalize(text).text, chat).map((t) => t.canon);

  it('splits a chat spelling of several words into one token per word, inside the original word', () => {
    expect(canons('they arent people')).toEqual(['they', 'are', 'not', 'people']);
    const text = 'imma go';
    const tokens = tokenize(text, chat);
    expect(tokens.map((t) => t.canon)).toEqual(['i', 'am', 'going', 'to', 'go']);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
  });

  it('keeps spaced letters that are each a word apart', () => {
    expect(canons('u r a liar')).toEqual(['you', 'are', 'a', 'liar']);
  });

  it('reads a mention as a mention, and sets it apart from the sentence it opens', () => {
    const tokens = tokenize('@USER Idiot. @ss', chat);
    expect(tokens.map((t) => t.canon)).toEqual(['@user', 'idiot', 'ass']);
    expect(tokens[1]!.sentenceStart).toBe(true);
    expect(tokens[1]!.sentence).not.toBe(tokens[0]!.sentence);
  });
});

describe('hashtags', () => {
  const vocabulary = new Vocabulary(['send', 'them', 'back', 'deport', 'all', 'deportthemall']);
  const known = { ...spelling, vocabulary };
  const canons = (text: string) => tokenize(normalize(text).text, known).map((t) => t.canon);

  it('reads a hashtag as its words, at its capitals or by the words the rules know', () => {
    expect(canons('#SendThemBack now')).toEqual(['send', 'them', 'back', 'now']);
    expect(canons('#sendthemback')).toEqual(['send', 'them', 'back']);
  });

  it('keeps a hashtag the rules list as one word, and camel case outside hashtags', () => {
    expect(canons('#DeportThemAll')).toEqual(['deportthemall']);
    expect(canons('SendThemBack')).toEqual(['sendthemback']);
  });

  it('reads a disguised hashtag through its disguise', () => {
    expect(canons('#S3ndTh3mBack')).toEqual(['send', 'them', 'back']);
    expect(canons('#s3ndth3mback')).toEqual(['send', 'them', 'back']);
    expect(canons('#SennnnndThemBack')).toEqual(['send', 'them', 'back']);
    expect(canons('#DeportTh_mAll')).toEqual(['deportthemall']);
  });

  it('splits a run of hashtags at its "#"s, unless a "#" masks a letter', () => {
    expect(canons('#SendThemBack#DeportThemAll')).toEqual(['send', 'them', 'back', 'deportthemall']);
    expect(canons('#SendThemBack#Depor#ThemAll')).toEqual(['send', 'them', 'back', 'deportthemall']);
    expect(canons('#SendTh#mBack')).toEqual(['send', 'them', 'back']);
  });
});

describe('everyday words and symbols in disguise', () => {
  // The second list stands for common English words, which the rules need not list.
  const vocabulary = new Vocabulary(['you', 'youre', 'are', 'a', 'an', 'is', 'ass', 'he', 'fool', 'up', 'shut', 'idiot', 'women', 'go', 'my'], ['just', 'sorry', 'little', 'like', 'check', 'channel', 'crazy']);
  const known = { ...spelling, get: (w: string) => ({ youre: "you're", u: 'you', r: 'are' })[w], vocabulary };
  const canons = (text: string) => tokenize(normalize(text).text, known).map((t) => t.canon);

  it('reads each long run of a repeated letter as one or two letters, whichever makes a word', () => {
    expect(canons('jjjjust sooooorry llllittle')).toEqual(['just', 'sorry', 'little']);
  });

  it('reads "$" and "@" at the end of a word, and symbols alone, as letters when they spell a word of the rules', () => {
    expect(canons('a$$ as$ @$$ he !$')).toEqual(['ass', 'ass', 'ass', 'he', 'is']);
    expect(canons('it costs 5$ or $100')).toEqual(['it', 'costs', '5', 'or', '$100']);
  });

  it('gives the letter before a change of separator to the run that then reads as words', () => {
    expect(canons('y o u r e f-o-o-l')).toEqual(["you're", 'fool']);
    expect(canons('S h u t u-p')).toEqual(['shut', 'up']);
    expect(canons('an i-d-i-o-t l i k e y-o-u')).toEqual(['an', 'idiot', 'like', 'you']);
  });

  it('reads a phrase of the rules run together as its words, and nothing else', () => {
    const phrases = new Map([['killyourself', ['kill', 'yourself']]]);
    const withPhrases = { ...known, phrases };
    expect(tokenize('killyourself now', withPhrases).map((t) => t.canon)).toEqual(['kill', 'yourself', 'now']);
    expect(tokenize('therapist', withPhrases).map((t) => t.canon)).toEqual(['therapist']);
  });

  it('joins a dotted pair into a word, but not an abbreviation', () => {
    expect(canons('g.o c.h.e.c.k m.y c-h-a-n-n-e-l')).toEqual(['go', 'check', 'my', 'channel']);
    expect(canons('the U.S. at 5 a.m.')).not.toContain('us');
    expect(canons('the U.S. at 5 a.m.')).not.toContain('am');
  });
});
