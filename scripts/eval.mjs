// npm run eval -- [files or dirs] [--errors N] [--markdown] [--json] [--obfuscate]
// Precision, recall, F1 and false-positive rate of the verdict per labelled JSONL file, and per
// category the share of its gold rows rejected with a reason of that category. Rows listed in
// fixtures/disputed.jsonl are reported both ways: raw, and without the disputed rows.
// --obfuscate: every reject row the library rejects is disguised where its reasons point (one to
// three words, one method per row, seeded by the row's id) and moderated again; the share still
// rejected is reported per file and per method.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLibrary, ROOT } from './lib/load.mjs';
import { disguise, METHOD_NAMES } from './lib/obfuscate.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    errors: { type: 'string', default: '0' },
    markdown: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    obfuscate: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run eval -- [files or dirs ...] [--errors N] [--markdown] [--json] [--obfuscate]\n(default: fixtures/ and ../shared/datasets/)');
  process.exit(0);
}
const showErrors = Number(values.errors);
if (!Number.isInteger(showErrors) || showErrors < 0) {
  console.error(`--errors: expected a whole number, got ${JSON.stringify(values.errors)}`);
  process.exit(2);
}

const DISPUTED = join(ROOT, 'fixtures', 'disputed.jsonl');
const CATEGORIES = ['profanity', 'vulgarity', 'threat', 'personal_attack', 'abuse', 'promotion'];

function jsonlFiles(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith('.jsonl') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => jsonlFiles(join(path, name)));
}

const targets = positionals.length > 0 ? positionals.map((p) => resolve(p)) : [join(ROOT, 'fixtures'), resolve(ROOT, '..', 'shared', 'datasets')];
const files = targets.flatMap(jsonlFiles).filter((f) => resolve(f) !== DISPUTED && !basename(f).startsWith('backlog'));
if (files.length === 0) {
  console.error(`no .jsonl files found in ${targets.join(', ')}`);
  process.exit(2);
}

const disputed = new Map();
if (existsSync(DISPUTED)) {
  for (const line of readFileSync(DISPUTED, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    disputed.set(row.id, row.reason);
  }
}

const lib = await loadLibrary();
const moderator = lib.createModerator();

const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? '   -  ' : x.toFixed(3).padStart(6));

function score(rows) {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0, passed: 0 };
  const perCategory = Object.fromEntries(CATEGORIES.map((k) => [k, { gold: 0, caught: 0 }]));
  for (const { row, result } of rows) {
    const predicted = result.verdict === 'reject';
    if (row.reject && predicted) c.tp++;
    else if (row.reject) c.fn++;
    else if (predicted) c.fp++;
    else c.tn++;
    const found = new Set(result.reasons.map((r) => r.category));
    // As the fixture tests count it: approved, or rejected with a reason of a gold category.
    if (row.reject ? predicted && (!row.categories?.length || row.categories.some((k) => found.has(k))) : !predicted) c.passed++;
    if (!row.reject) continue;
    for (const cat of row.categories ?? []) {
      if (!perCategory[cat]) continue;
      perCategory[cat].gold++;
      if (predicted && found.has(cat)) perCategory[cat].caught++;
    }
  }
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  const fpr = ratio(c.fp, c.fp + c.tn);
  const categories = Object.fromEntries(
    Object.entries(perCategory)
      .filter(([, v]) => v.gold > 0)
      .map(([k, v]) => [k, { ...v, share: v.caught / v.gold }]),
  );
  return { ...c, rows: rows.length, precision, recall: c.tp + c.fn > 0 ? recall : null, f1: c.tp + c.fn > 0 ? f1 : null, fpr: c.fp + c.tn > 0 ? fpr : null, categories };
}

const report = [];
for (const file of files) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const t0 = performance.now();
  const results = rows.map((row) => ({ row, result: moderator.moderate(row.text) }));
  const seconds = (performance.now() - t0) / 1000;
  const kept = results.filter(({ row }) => !disputed.has(row.id));
  const name = relative(process.cwd(), file) || file;
  if (values.obfuscate) {
    obfuscationReport(name, kept);
    continue;
  }
  const entry = { file: name, raw: score(results), clean: score(kept), disputed: results.length - kept.length, perSecond: rows.length / seconds };
  report.push(entry);
  if (values.json || values.markdown) continue;
  const line = (label, s) =>
    `  ${label.padEnd(9)} n=${String(s.rows).padStart(5)}  TP ${String(s.tp).padStart(5)} FP ${String(s.fp).padStart(4)} FN ${String(s.fn).padStart(5)} TN ${String(s.tn).padStart(5)}  P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  FPR ${fmt(s.fpr)}  correct ${fmt(s.rows ? (s.tp + s.tn) / s.rows : null)}  passed ${fmt(s.rows ? s.passed / s.rows : null)}`;
  console.log(`${name}  (${Math.round(entry.perSecond)} comments/s)`);
  console.log(line('raw', entry.raw));
  if (entry.disputed > 0) console.log(line(`-${entry.disputed}disp`, entry.clean));
  const cats = Object.entries(entry.clean.categories).map(([k, v]) => `${k} ${v.caught}/${v.gold} = ${v.share.toFixed(3)}`);
  if (cats.length > 0) console.log(`  per category (rejected with a reason of the gold category): ${cats.join(', ')}`);
  if (showErrors > 0) {
    const misses = kept.filter(({ row, result }) => row.reject && result.verdict !== 'reject').slice(0, showErrors);
    const alarms = kept.filter(({ row, result }) => !row.reject && result.verdict === 'reject').slice(0, showErrors);
    for (const { row } of misses) console.log(`    MISS  ${row.id} [${(row.categories ?? []).join(',')}] ${JSON.stringify(row.text.slice(0, 200))}`);
    for (const { row, result } of alarms)
      console.log(`    FALSE ${row.id} ${JSON.stringify(row.text.slice(0, 200))}  <= ${result.reasons.map((r) => `${r.rule}:${JSON.stringify(r.match)}`).join(' ')}`);
  }
}

if (values.json) console.log(JSON.stringify(report, null, 2));
if (values.markdown && !values.obfuscate) {
  const pct = (x) => (x === null ? '–' : x.toFixed(3));
  console.log('| file | rows | precision | recall | F1 | false-positive rate | raw recall / FPR (with disputed rows) | per category (share rejected with that category) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const e of report) {
    const s = e.clean;
    const cats = Object.entries(s.categories).map(([k, v]) => `${k} ${v.share.toFixed(2)}`).join(', ');
    const raw = e.disputed ? `${pct(e.raw.recall)} / ${pct(e.raw.fpr)}` : 'same';
    console.log(`| ${basename(e.file)}${e.disputed ? ` (−${e.disputed} disputed)` : ''} | ${s.rows} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(s.fpr)} | ${raw} | ${cats} |`);
  }
}

/** Disguises the rejected reject rows of one file and reports the share still rejected, per method. */
function obfuscationReport(name, results) {
  const perMethod = Object.fromEntries(METHOD_NAMES.map((m) => [m, { rows: 0, rejected: 0 }]));
  const escaped = [];
  for (const { row, result } of results) {
    if (!row.reject || result.verdict !== 'reject') continue;
    const disguised = disguise(row.id, row.text, result.reasons);
    if (!disguised) continue;
    const tally = perMethod[disguised.method];
    tally.rows++;
    if (moderator.moderate(disguised.text).verdict === 'reject') tally.rejected++;
    else escaped.push({ row, disguised });
  }
  const total = Object.values(perMethod).reduce((a, t) => ({ rows: a.rows + t.rows, rejected: a.rejected + t.rejected }), { rows: 0, rejected: 0 });
  const share = (t) => (t.rows ? (t.rejected / t.rows).toFixed(3) : '  -  ');
  const entry = { file: name, ...total, share: total.rows ? total.rejected / total.rows : null, methods: perMethod };
  report.push(entry);
  if (values.json) return;
  if (values.markdown) {
    if (report.length === 1) {
      console.log(`| file | disguised rows | still rejected | ${METHOD_NAMES.join(' | ')} |`);
      console.log(`|---|---:|---:|${METHOD_NAMES.map(() => '---:').join('|')}|`);
    }
    console.log(`| ${basename(name)} | ${total.rows} | ${share(total)} | ${METHOD_NAMES.map((m) => share(perMethod[m])).join(' | ')} |`);
    return;
  }
  console.log(`${name}  disguised ${total.rows} rejected rows: still rejected ${share(total)}`);
  console.log(`  ${METHOD_NAMES.map((m) => `${m} ${share(perMethod[m])} (${perMethod[m].rows})`).join(', ')}`);
  for (const { row, disguised } of escaped.slice(0, showErrors)) console.log(`    ESCAPED ${row.id} [${disguised.method}: ${disguised.words.join(', ')}] ${JSON.stringify(disguised.text.slice(0, 200))}`);
}
