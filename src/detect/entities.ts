import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds';
import type { NormalizedText } from '../text/normalize.js';
import { findDisguisedLinks } from './disguised-links.js';

export type EntityType = 'url' | 'email' | 'phone' | 'handle';

export interface Entity {
  type: EntityType;
  /** Half-open range in the normalised text. */
  start: number;
  end: number;
  /** Lower-case host for links and emails. */
  host?: string;
  /** A link written in disguise ("h_t_t_p_s://", "fa*ebook.com"). */
  disguised?: boolean;
}

const MAY_LINK = /[^\s.]\.[^\s.]|@|:\/\//;
const PHONE = /(?<![\w+])(?:\+|00)?\d(?:[ .\-()]{0,2}\d){8,14}(?![\w])/g;
const DATE = /(?:^|\D)(?:1[89]|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-./](?:0?[1-9]|1[0-2])[-./](?:1[89]|20)\d\d/;
/** "@name", with dots inside as Instagram allows ("@lucy.bakes"); a dot at the end is punctuation. */
const HANDLE = /(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])/g;
/** A Google+ style "+Name" mention: a letter after the plus, so "+44 7700 900123", "A+" and "C++" are not handles. */
const PLUS_HANDLE = /(?<![\w+])\+([A-Za-z][A-Za-z0-9_]{2,30})(?![\w+@])/g;
const OBFUSCATED_LINK = /(?<![a-z0-9-])(?:www\s{0,3}(?:\.|dot)\s{0,3})?[a-z0-9-]{2,40}\s{0,3}(?:\(dot\)|\[dot\]|\sdot\s)\s{0,3}(?:com|net|org|info|biz|io|co|me|tv|ly|xyz|ru|uk)\b/gi;
/**
 * Links broken up so that link finders miss them: a space around the dot ("example. com",
 * "www.site .net/page"), letters spaced out ("w w w . site . com"), a space or a star for the dot
 * before "com" ("greatdeals com", "greatdeals*com"), "youtu be/<id>", a bare "watch?v=<id>".
 * Lower-case "com", "net", "org" (or "COM"), not followed by a word that carries the sentence on:
 * "growth. Net migration" and "in the end. net result" are not links.
 */
const MAY_SPACED_LINK = /com|net|org|youtu|watch\?v=/i;
const SPACED_LINK = [
  // w w w . name . com (spaced letters, the name may be spaced words)
  /\b[wW]\s{1,3}[wW]\s{1,3}[wW]\s{0,3}\.\s{0,3}[A-Za-z0-9][A-Za-z0-9 -]{1,40}?\s{0,3}\.\s{0,3}(?:com|net|org|COM|NET|ORG)\b(?:\s{0,3}\/\S*)?/g,
  // name. com / name .com / name . com, with an optional www. and path
  /(?<![\w@.])(?:www\.\s*)?[A-Za-z0-9][A-Za-z0-9-]{1,40}(?:\.[A-Za-z0-9-]{2,40})?(?:\s{1,3}\.\s{0,3}|\.\s{1,3})(?:com|COM|net|org)(?![A-Za-z])(?!\s+[a-z]{2,}\b(?<!\b(?:and|or|to|for|it|and|now|or)))(?:\s{0,3}\/\S*)?/g,
  // name com / name*com: a name of five or more letters, then "com" standing alone
  /(?<![\w@.-])[A-Za-z][A-Za-z0-9-]{4,40}(?:\s|\s?\*\s?)com(?![\w'’-])(?:\s{0,3}\/\S*)?/g,
  /\byoutu\s{0,3}\.?\s{1,3}be\s{0,3}\/\s{0,3}[\w-]{6,}/gi,
  /(?<![\w/.?=])\/?watch\?v=[\w-]{6,}/g,
];

let linkify: LinkifyIt | undefined;
function getLinkify(): LinkifyIt {
  if (!linkify) linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false }).tlds(tlds, false);
  return linkify;
}

function hostOf(url: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?([^/:?#]+)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase().replace(/^www\./, '');
}

/** Links (linkify-it, full TLD list), emails, phone numbers and social handles in a field. */
export interface EntityOptions {
  /** A link without a scheme or "www." counts only on these top-level domains, or with a path. */
  fuzzyTlds: ReadonlySet<string>;
  /** Mentions that are placeholders, not handles. */
  placeholderHandles: ReadonlySet<string>;
  /** The domains the rules name: a disguised link is read as the one it spells. */
  knownDomains: readonly string[];
}

const TLDS: ReadonlySet<string> = new Set(tlds);
const MAY_DISGUISE_LINK = /:\/\/|[wW][ ._\-*]{1,3}[wW]/;

export function findEntities(norm: NormalizedText, options: EntityOptions): Entity[] {
  const text = norm.text;
  let out: Entity[] = [];
  const lk = getLinkify();
  // linkify-it's own pre-test is a large expression; most comments fail this small one first.
  if (MAY_LINK.test(text) && lk.test(text)) {
    for (const m of lk.match(text) ?? []) {
      if (m.schema === 'mailto:') {
        out.push({ type: 'email', start: m.index, end: m.lastIndex, host: m.url.split('@')[1]?.toLowerCase() ?? '' });
        continue;
      }
      const host = hostOf(m.url);
      if (m.schema === '' && !/^www\./i.test(m.raw)) {
        const tld = host.slice(host.lastIndexOf('.') + 1);
        const dot = m.raw.indexOf('.');
        const capitalAfterDot = dot >= 0 && /[A-Z]/.test(m.raw[dot + 1] ?? '');
        if ((!options.fuzzyTlds.has(tld) && !m.raw.includes('/')) || capitalAfterDot) continue;
      }
      out.push({ type: 'url', start: m.index, end: m.lastIndex, host });
    }
  }
  if (MAY_DISGUISE_LINK.test(text)) {
    const disguised = findDisguisedLinks(text, options.knownDomains, TLDS);
    // A disguised link replaces what a link finder took of it. Both lists are in order and the
    // disguised links do not overlap: one sweep finds, for each found link, the one it could overlap.
    let d = 0;
    out = out.filter((e) => {
      while (d < disguised.length && disguised[d]!.end <= e.start) d++;
      return !(d < disguised.length && disguised[d]!.start < e.end);
    });
    for (const link of disguised) out.push({ type: 'url', start: link.start, end: link.end, host: link.host, disguised: true });
  }
  // Each finder below skips what an earlier one took. The matches of one expression do not overlap,
  // so what the finder itself adds never covers its own later matches.
  let covered = coverage(out);
  for (const m of text.matchAll(OBFUSCATED_LINK)) {
    if (covered(m.index)) continue;
    out.push({ type: 'url', start: m.index, end: m.index + m[0].length, host: m[0].toLowerCase().replace(/\s{0,3}(\(dot\)|\[dot\]|\sdot\s)\s{0,3}/g, '.').replace(/^www\./, '') });
  }
  for (const re of MAY_SPACED_LINK.test(text) ? SPACED_LINK : []) {
    // Matches come in order: sweep the entities so far in order of start, keeping those that may
    // still overlap a later match.
    const sorted = [...out].sort((a, b) => a.start - b.start);
    const removed = new Set<Entity>();
    const added: Entity[] = [];
    let next = 0;
    let active: Entity[] = [];
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      while (next < sorted.length && sorted[next]!.start < end) active.push(sorted[next++]!);
      active = active.filter((e) => e.end > m.index);
      const overlapping = active.filter((e) => e.start < end);
      // A link finder may have taken the part before the space ("www.youtube" of "www.youtube. com"): the whole replaces it.
      if (overlapping.some((e) => e.start < m.index || e.end > end)) continue;
      for (const e of overlapping) removed.add(e);
      added.push({ type: 'url', start: m.index, end, host: spacedHost(m[0]) });
    }
    if (removed.size > 0 || added.length > 0) out = [...out.filter((e) => !removed.has(e)), ...added];
  }
  covered = coverage(out);
  for (const m of text.matchAll(PHONE)) {
    // Dates and times ("2018-09-14 23:56", "14.09.2018") are not phone numbers.
    if (DATE.test(m[0])) continue;
    const digits = m[0].replace(/\D/g, '');
    // A year range or a long number is not a phone number; one with separators or a + is.
    if (digits.length < 9 || (!/[ .\-()+]/.test(m[0]) && digits.length < 10)) continue;
    if (covered(m.index)) continue;
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
  }
  for (const handle of [HANDLE, PLUS_HANDLE]) {
    covered = coverage(out);
    for (const m of text.matchAll(handle)) {
      if (options.placeholderHandles.has(m[1]!.toLowerCase())) continue;
      if (covered(m.index)) continue;
      out.push({ type: 'handle', start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a position lies inside one of `entities`: sorted once, then a binary search per position. */
function coverage(entities: readonly Entity[]): (index: number) => boolean {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end among the first i + 1 entities by start.
  const reach: number[] = [];
  let furthest = -1;
  for (const e of sorted) reach.push((furthest = Math.max(furthest, e.end)));
  return (index) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= index) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && reach[at]! > index;
  };
}

/** The host a broken-up link stands for: spaces and stars closed up, "name com" read as "name.com". */
function spacedHost(raw: string): string {
  if (/^\/?watch\?v=/i.test(raw)) return 'youtube.com';
  if (/^youtu\s/i.test(raw)) return 'youtu.be';
  const joined = raw
    .toLowerCase()
    .replace(/\/[^]*/, '')
    .replace(/\s{0,3}[.*]\s{0,3}/g, '.')
    .replace(/\s{1,3}(?=com$)/, '.')
    .replace(/\s+/g, '');
  return joined.replace(/^www\./, '');
}

export function hostMatches(host: string | undefined, domains: readonly string[]): boolean {
  if (!host) return false;
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
