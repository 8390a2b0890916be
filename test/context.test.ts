import { describe, expect, it } from 'vitest';
import { moderate } from '../src/index.js';

// Context conditions the engine applies to every rule's hits, from rules/lexicons.json.
describe('innocent senses (lexicons.json "senses")', () => {
  it.each([
    'Blue tits nest in the box on our garden wall every spring.',
    'The bitch whelped a litter of nine pups at the kennel.',
    'Faggots with onion gravy were on the pub menu.',
    'The pilot retarded the ignition timing on the engine.',
    'Homo sapiens shared Europe with Neanderthals.',
  ])('approves %j', (text) => {
    expect(moderate(text).verdict).toBe('approve');
  });

  it.each(['Nice tits', 'shut up you stupid bitch', 'you faggot', 'what a retarded thing to say'])('still rejects %j without those words', (text) => {
    expect(moderate(text).verdict).toBe('reject');
  });
});

describe('quotation marks', () => {
  it('approves a hateful label put in quotes to be reported', () => {
    expect(moderate("On the bus a man shouted that refugees are 'parasites' at me.").verdict).toBe('approve');
  });

  it('rejects the same sentence without the quotes', () => {
    expect(moderate('On the bus a man shouted that refugees are parasites at me.').verdict).toBe('reject');
  });
});
