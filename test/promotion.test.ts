import { describe, expect, it } from 'vitest';
import { findEntities } from '../src/detect/entities.js';
import { createModerator, moderate, type ModerationResult } from '../src/index.js';
import { normalize } from '../src/text/normalize.js';

const entityOptions = {
  fuzzyTlds: new Set(['com', 'net', 'org', 'co', 'uk', 'io', 'me', 'ly']),
  placeholderHandles: new Set(['user', 'username', 'url']),
  knownDomains: ['facebook.com', 'ebay.com', 'twitch.tv'],
};

/** The entities found in a text, as `type:matched text→host`. */
function entities(text: string): string[] {
  const norm = normalize(text);
  return findEntities(norm, entityOptions).map((e) => `${e.type}:${norm.text.slice(e.start, e.end)}${e.host ? `→${e.host}` : ''}`);
}

function promotion(result: ModerationResult) {
  return result.reasons.filter((r) => r.category === 'promotion');
}

function rules(result: ModerationResult): string[] {
  return promotion(result).map((r) => r.rule);
}

/** Every reason's span slices exactly its match out of the field it names. */
function expectSpansInFields(input: Record<string, string>, result: ModerationResult) {
  for (const r of result.reasons) expect(input[r.field]!.slice(r.span.start, r.span.end)).toBe(r.match);
}

describe('links broken up to get past link finders', () => {
  it('reads "dot" spelled out as a link', () => {
    expect(entities('see example dot com for more')).toEqual(['url:example dot com→example.com']);
    const r = moderate('Cheap watches, 50% off at example dot com');
    expect(r.verdict).toBe('reject');
    expect(promotion(r).find((x) => x.rule === 'promotion/link-offer')?.match).toBe('example dot com');
  });

  it('reads spaced-out letters "w w w . site . com" as a link', () => {
    expect(entities('go to w w w . watchdeals . com today')).toEqual(['url:w w w . watchdeals . com→watchdeals.com']);
    const r = moderate('cheap watches, best price at w w w . watchdeals . com');
    expect(rules(r)).toContain('promotion/link-offer');
    expect(promotion(r).find((x) => x.rule === 'promotion/link-offer')?.match).toBe('w w w . watchdeals . com');
  });

  it('reads a space after the dot ("example. com") as a link, and takes the whole of "www.site. com/path"', () => {
    expect(entities('order at watchdeals. com now')).toEqual(['url:watchdeals. com→watchdeals.com']);
    expect(entities('on www.tubeclips. com/watch?v=abcdEFG123 now')).toEqual(['url:www.tubeclips. com/watch?v=abcdEFG123→tubeclips.com']);
    expect(rules(moderate('Cheap watches, order now at watchdeals. com'))).toContain('promotion/link-offer');
  });

  it('reads "name com", "name*com", "youtu be/<id>" and a bare "watch?v=<id>" as links', () => {
    expect(entities('try Fastviews com today')).toEqual(['url:Fastviews com→fastviews.com']);
    expect(entities('try fastviews*com today')).toEqual(['url:fastviews*com→fastviews.com']);
    expect(entities('share youtu  be/ARkgl12345 now')).toEqual(['url:youtu  be/ARkgl12345→youtu.be']);
    expect(entities('watch?v=abcdEFG123 check this')).toEqual(['url:watch?v=abcdEFG123→youtube.com']);
  });

  it('does not read sentence breaks or words as links', () => {
    for (const text of ['Yes.No, it was March.', 'Growth slowed. Net migration rose.', 'in the end. net result was bad', 'a rom com for the weekend', 'He got a C+ and +5 points']) {
      expect(entities(text)).toEqual([]);
    }
    expect(moderate('Yes.No, it was March.').verdict).toBe('approve');
  });
});

describe('links written in disguise', () => {
  it('reads a disguised scheme, "www" or host as the link it spells, with the host of a known domain', () => {
    expect(entities('see h_t_t_p_s://w_w_w.f-a-c-e-b-o-o-k.com/page now')).toEqual(['url:h_t_t_p_s://w_w_w.f-a-c-e-b-o-o-k.com/page→facebook.com']);
    expect(entities('htttttps://www.ttttwitch.tvvvvv/me')).toEqual(['url:htttttps://www.ttttwitch.tvvvvv/me→twitch.tv']);
    expect(entities('ht*p://www.e_b_a_y.com/itm/1')).toEqual(['url:ht*p://www.e_b_a_y.com/itm/1→ebay.com']);
    expect(entities('h77ps://www.facebook.c0m/me')).toEqual(['url:h77ps://www.facebook.c0m/me→facebook.com']);
  });

  it('rejects a disguised link as promotion, and leaves plain links to the other rules', () => {
    const r = moderate('go to h_t_t_p://w.w.w.cheapdeals.net/buy');
    expect(rules(r)).toContain('promotion/disguised-link');
    expectSpansInFields({ text: 'go to h_t_t_p://w.w.w.cheapdeals.net/buy' }, r);
    expect(rules(moderate('The figures are at https://www.ons.gov.uk/economy.'))).toEqual([]);
    expect(rules(moderate('It ran on http://localhost:3000 and http://192.168.0.1 in the demo.'))).toEqual([]);
  });
});

describe('a bare link', () => {
  it('is promotion when the comment says nothing else, not when it gives a reason, nor in the url field', () => {
    expect(rules(moderate('https://www.mytunesplace.net/track/4411'))).toContain('promotion/bare-link');
    expect(rules(moderate('Lol https://www.mytunesplace.net/track/4411'))).toContain('promotion/bare-link');
    expect(rules(moderate('The dates are wrong, see https://www.bbc.co.uk/news/uk-123'))).toEqual([]);
    expect(rules(moderate({ text: 'Good piece, thanks.', url: 'https://www.mytunesplace.net/track/4411' }))).toEqual([]);
  });
});

describe('shorteners, emails, phone numbers, handles', () => {
  it('rejects a shortened link as commercial', () => {
    const r = moderate('Great deals at bit.ly/abc123');
    expect(promotion(r)).toEqual([expect.objectContaining({ rule: 'promotion/link-shortener', subcategory: 'commercial', match: 'bit.ly/abc123' })]);
  });

  it('rejects an email offered for business, not one quoted in discussion', () => {
    const r = moderate('For cheap loans contact me at quickloans.help@gmail.com');
    expect(promotion(r).find((x) => x.rule === 'promotion/email-contact')?.match).toBe('quickloans.help@gmail.com');
    expect(moderate('I wrote to my MP at jane.doe.mp@parliament.uk and got no answer.').verdict).toBe('approve');
  });

  it('rejects phone and WhatsApp numbers offered for business', () => {
    expect(promotion(moderate('Boiler repairs, same day, call 07700 900123')).map((x) => x.match)).toContain('07700 900123');
    const whatsapp = moderate('Got scammed? Recover your money, WhatsApp +44 7911 123456');
    expect(promotion(whatsapp).find((x) => x.rule === 'promotion/phone-contact')?.match).toBe('+44 7911 123456');
    expect(moderate("The council's budget for 2023-2024 was cut by a quarter.").verdict).toBe('approve');
  });

  it('rejects a handle with a call to follow, dots and "+Name" handles included; "@user" is a placeholder', () => {
    expect(promotion(moderate('add me on insta @lucy.bakes')).find((x) => x.rule === 'promotion/handle-follow')?.match).toBe('@lucy.bakes');
    expect(promotion(moderate('follow me +DanaSings')).find((x) => x.rule === 'promotion/handle-follow')?.match).toBe('+DanaSings');
    expect(moderate('@user you are wrong about the dates, it was March.').verdict).toBe('approve');
  });
});

describe('links and the policy', () => {
  const cited = 'The minister lied, see https://www.bbc.co.uk/news/uk-politics-123';

  it('approves a link that cites a source for an argument', () => {
    expect(moderate(cited).verdict).toBe('approve');
  });

  it('approves a link to an allow-listed domain that would otherwise be promotion', () => {
    const text = 'Handmade candles, all scents in stock at glowcandles.shop';
    expect(rules(moderate(text))).toContain('promotion/shop-link');
    expect(createModerator({ allow: { domains: ['glowcandles.shop'] } }).moderate(text).verdict).toBe('approve');
  });

  it('rejects every link with links: "reject"', () => {
    const r = createModerator({ links: 'reject' }).moderate(cited);
    expect(r.verdict).toBe('reject');
    expect(promotion(r)).toEqual([expect.objectContaining({ rule: 'promotion/any-link', match: 'https://www.bbc.co.uk/news/uk-politics-123' })]);
  });
});

describe('the author and url fields', () => {
  it('finds promotion in the author name and the url, with spans inside those fields', () => {
    const input = { text: 'Good point about the budget.', author: 'Visit my channel bestvids.shop', url: 'https://bit.ly/abc123' };
    const r = moderate(input);
    expect(r.verdict).toBe('reject');
    expect(promotion(r).filter((x) => x.field === 'text')).toEqual([]);
    expect(promotion(r).find((x) => x.field === 'author' && x.rule === 'promotion/shop-link')).toMatchObject({ span: { start: 17, end: 30 }, match: 'bestvids.shop' });
    expect(promotion(r).find((x) => x.field === 'url')).toMatchObject({ rule: 'promotion/link-shortener', span: { start: 0, end: 21 } });
    expectSpansInFields(input, r);
  });

  it('approves a news link in the url field', () => {
    expect(moderate({ text: 'Good point.', url: 'https://www.bbc.co.uk/news/uk-1' }).verdict).toBe('approve');
  });
});

describe('commercial and personal promotion', () => {
  const sub = (text: string) => [...new Set(promotion(moderate(text)).map((r) => r.subcategory))];

  it('calls offers, prices and money-making pitches commercial', () => {
    expect(sub('Earn $300 a day working from your phone, ask me how')).toEqual(['commercial']);
    expect(sub('Designer handbags, limited time offer, free shipping to the UK')).toEqual(['commercial']);
    expect(sub('Need more instagram followers? I can get you 10k real ones')).toEqual(['commercial']);
    expect(sub('share and like this post to win a signed shirt')).toContain('commercial');
  });

  it('calls channel, music and profile plugs personal', () => {
    expect(sub('check out my channel')).toEqual(['personal']);
    expect(sub('Hi, I am a small YouTuber from Leeds and I post every Friday')).toEqual(['personal']);
    expect(sub('Hey guys check out Velvet Lanterns, best band nobody has heard of')).toEqual(['personal']);
    expect(sub('Like this comment if you still listen to this every morning')).toEqual(['personal']);
  });

  it('approves praise of a song or video, and "check out" that cites or verifies', () => {
    for (const text of [
      'love this song, the video is amazing',
      'This song never gets old, best video on youtube',
      'I like this comment, it says what I was thinking.',
      'Check out the IFS analysis before claiming the cuts are fair.',
      "His story doesn't check out at all.",
      "The minister's video got 2 million youtube views in a day.",
    ]) {
      expect(moderate(text).verdict, text).toBe('approve');
    }
  });
});
