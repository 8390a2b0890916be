import { squeeze } from '../text/forms.js';

/**
 * Links written so that link finders miss them: a scheme or "www" spelled with separators,
 * repeated letters, masks or leet ("h_t_t_p_s://", "htttps://", "ht*p://", "h77p://", "w_w_w."),
 * or a host so spelled ("f-a-c-e-b-o-o-k.com", "fa*ebook.com", "c0m"). Nobody disguises a link to
 * cite a source: a disguised link is itself promotion.
 */
export interface DisguisedLink {
  start: number;
  end: number;
  /** The host it reads as: a known domain when one fits, else the host with its disguise removed. */
  host: string;
}

const SCHEME_CHAR = /[A-Za-z0-9*#_.\-$ ]/;
const LOOK_BACK = 24;
const URL_TAIL = /^[^\s]*/;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']', "'", '"', '”', '’']);
const WWW = /(?<![A-Za-z0-9])[wW][ ._\-*]{1,3}[wW][ ._\-*]{1,3}[wW][ ._\-*]*\.[^\s]+/g;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's', '@': 'a' };
const MASK = /[*#_]/;

/** The letters of a disguised word: separators dropped, leet read, runs of a letter collapsed; masks kept as "?". */
function skeleton(raw: string, masks: boolean): string {
  let out = '';
  for (const ch of raw.toLowerCase()) {
    if (masks && MASK.test(ch)) out += '?';
    else if (/[a-z]/.test(ch)) out += ch;
    else if (LEET[ch]) out += LEET[ch];
    else if (/[0-9]/.test(ch)) out += ch;
  }
  return squeeze(out);
}

const SCHEMES = ['htp', 'htps'];

/** Whether letters before "://" spell http or https, however disguised; "_" may separate or mask. */
function isScheme(raw: string): boolean {
  for (const masks of [false, true]) {
    const s = skeleton(raw, masks);
    if (SCHEMES.includes(s)) return true;
    if (masks && s.length >= 3 && s.length <= 4 && SCHEMES.some((w) => w.length === s.length && [...s].every((c, i) => c === '?' || c === w[i]))) return true;
  }
  return false;
}

/**
 * Whether a host is written in disguise: masks, letters spaced out by dots or dashes, a letter
 * run three times, or a top-level domain in leet ("c0m"). A cut-off or unknown host ("t.c…") is not.
 */
function isDisguisedHost(raw: string, tlds: ReadonlySet<string>): boolean {
  const host = raw.replace(/^www\./i, '');
  if (/[*#_]/.test(host) || /(?:^|[.\-])[a-z0-9][.\-][a-z0-9][.\-][a-z0-9](?:[.\-]|$)/i.test(host) || /([a-z])\1\1/i.test(host)) return true;
  const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
  return !tlds.has(tld) && /[0-9$@]/.test(tld) && tlds.has(skeleton(tld, false));
}

// The skeletons of the known domains, computed once per list (the list is the compiled rules').
const domainSkeletons = new WeakMap<readonly string[], string[]>();

function readHost(raw: string, knownDomains: readonly string[]): string {
  const host = raw.replace(/^(?:[wW][ ._\-*]*){3}\.+/, '');
  let skeletons = domainSkeletons.get(knownDomains);
  if (!skeletons) domainSkeletons.set(knownDomains, (skeletons = knownDomains.map((domain) => skeleton(domain, false))));
  // "_" separates letters ("e_b_a_y") or masks one ("fa_ebook"): both readings are tried.
  for (const masks of [false, true]) {
    const key = skeleton(host, masks);
    if (key.length < 4) continue;
    const whole = new RegExp(`^${key.replace(/\?/g, '.')}$`);
    const found = skeletons.findIndex((domain) => whole.test(domain));
    if (found >= 0) return knownDomains[found]!;
  }
  return host.toLowerCase().replace(/[*#_]/g, '');
}

/** Disguised links in a text, given the domains the rules name and the list of top-level domains. */
export function findDisguisedLinks(text: string, knownDomains: readonly string[], tlds: ReadonlySet<string>): DisguisedLink[] {
  const out: DisguisedLink[] = [];
  const add = (start: number, hostStart: number) => {
    let tail = URL_TAIL.exec(text.slice(hostStart))![0];
    let cut = tail.length;
    while (cut > 0 && TRAILING_PUNCTUATION.has(tail[cut - 1]!)) cut--;
    tail = tail.slice(0, cut);
    const end = hostStart + tail.length;
    const hostRaw = tail.split(/[/?]/)[0]!;
    const scheme = text.slice(start, hostStart);
    if (hostRaw.length === 0 || /^[\d.:]+$|^localhost\b/i.test(hostRaw)) return;
    if (/^https?:\/\/$/i.test(scheme) && !isDisguisedHost(hostRaw, tlds)) return;
    out.push({ start, end, host: readHost(hostRaw, knownDomains) });
  };
  for (let k = text.indexOf('://'); k >= 0; k = text.indexOf('://', k + 3)) {
    let j = k;
    while (j > 0 && k - j < LOOK_BACK && SCHEME_CHAR.test(text[j - 1]!)) j--;
    // The earliest "h" from which the letters up to "://" spell the scheme.
    for (let s = j; s < k; s++) {
      const startsWord = s === j || !/[A-Za-z0-9]/.test(text[s - 1]!);
      if ((text[s] === 'h' || text[s] === 'H') && startsWord && isScheme(text.slice(s, k))) {
        add(s, k + 3);
        break;
      }
    }
  }
  for (const m of text.matchAll(WWW)) add(m.index, m.index);
  // Where two readings overlap ("h_t_t_p://w_w_w.site.com" is also a "w_w_w." link), the earlier start wins.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  let keptEnd = -1;
  return out.filter((link) => {
    if (link.start < keptEnd) return false;
    keptEnd = link.end;
    return true;
  });
}
