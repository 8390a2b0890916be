// npm run bench [-- --data DIR] [--json]
//
// Times the moderator from the current source on "the mix": every row of every *.jsonl file in
// ../shared/datasets (sorted file names, rows in order), next to obscenity's own matcher on the
// same texts. Single thread; per-comment latency from performance.now().
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { loadLibrary, ROOT } from '../scripts/lib/load.mjs';

const WARMUP = 200;

function usage(message) {
  process.stderr.write(`bench/mix.mjs: ${message}\nUsage: node bench/mix.mjs [--data DIR] [--json]\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { data: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values;
} catch (err) {
  usage(err.message);
}
const dataDir = resolve(args.data ?? join(ROOT, '..', 'shared', 'datasets'));

/** The mix: the text of every row, files in sorted order. */
function loadMix(dir) {
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  } catch (err) {
    usage(`cannot read data directory ${dir}: ${err.code ?? err.message}`);
  }
  if (files.length === 0) usage(`no *.jsonl files in ${dir}`);
  const texts = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const row = JSON.parse(line);
      if (typeof row.text !== 'string') throw new Error(`${file}:${i + 1}: row has no string text`);
      texts.push(row.text);
    });
  }
  return { files, texts };
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Warms `fn` up on the first texts, calls `afterWarmup`, then times `fn` on every text. */
function time(texts, fn, afterWarmup = () => {}) {
  for (let i = 0; i < Math.min(WARMUP, texts.length); i++) fn(texts[i]);
  afterWarmup();
  const latencies = new Float64Array(texts.length);
  let positives = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const a = performance.now();
    if (fn(texts[i])) positives++;
    latencies[i] = performance.now() - a;
  }
  const totalMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  latencies.sort();
  return {
    comments: texts.length,
    totalMs,
    // Process CPU time (user + system) over the timed loop: well below totalMs means the run was descheduled.
    cpuMs: (cpu.user + cpu.system) / 1000,
    perSecond: texts.length / (totalMs / 1000),
    meanMs: totalMs / texts.length,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    positives,
  };
}

function timed(fn) {
  const start = performance.now();
  return [fn(), performance.now() - start];
}

const { files, texts } = loadMix(dataDir);
const lib = await loadLibrary();

const [moderator, moderatorSetupMs] = timed(() => lib.createModerator());
let warm;
const ours = time(
  texts,
  (text) => moderator.moderate(text).verdict === 'reject',
  () => (warm = { ...moderator.stats }),
);
ours.setupMs = moderatorSetupMs;
ours.reachedCompromise = (moderator.stats.reachedCompromise - warm.reachedCompromise) / (moderator.stats.comments - warm.comments);

const [matcher, matcherSetupMs] = timed(() => new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers }));
const theirs = time(texts, (text) => matcher.hasMatch(text));
theirs.setupMs = matcherSetupMs;

const env = {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model?.trim() ?? 'unknown',
  cores: cpus().length,
  threads: 1,
  warmup: Math.min(WARMUP, texts.length),
  data: dataDir,
  files,
  rulesetVersion: lib.RULESET_VERSION,
};

if (args.json) {
  process.stdout.write(`${JSON.stringify({ env, commentModeration: ours, obscenity: theirs }, null, 2)}\n`);
} else {
  const ms = (x) => x.toFixed(3);
  const rows = [
    ['comments timed', String(ours.comments), String(theirs.comments)],
    ['setup (ms)', ours.setupMs.toFixed(1), theirs.setupMs.toFixed(1)],
    ['total (s)', (ours.totalMs / 1000).toFixed(2), (theirs.totalMs / 1000).toFixed(2)],
    ['cpu time (s)', (ours.cpuMs / 1000).toFixed(2), (theirs.cpuMs / 1000).toFixed(2)],
    ['comments/s', Math.round(ours.perSecond).toLocaleString('en'), Math.round(theirs.perSecond).toLocaleString('en')],
    ['mean (ms)', ms(ours.meanMs), ms(theirs.meanMs)],
    ['p50 (ms)', ms(ours.p50Ms), ms(theirs.p50Ms)],
    ['p99 (ms)', ms(ours.p99Ms), ms(theirs.p99Ms)],
    ['max (ms)', ms(ours.maxMs), ms(theirs.maxMs)],
    ['rejected / matched', pct(ours.positives / ours.comments), pct(theirs.positives / theirs.comments)],
    ['reached compromise', pct(ours.reachedCompromise), '-'],
  ];
  const head = ['', 'comment-moderation', 'obscenity hasMatch'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`the mix: ${texts.length} comments from ${files.length} files in ${dataDir}`);
  console.log(`node ${env.node} on ${env.platform}, ${env.cpu}; one core, single thread (${env.cores} cores present); warm-up ${env.warmup} texts; ruleset ${env.rulesetVersion}`);
  console.log();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function pct(x) {
  return `${(100 * x).toFixed(1)}%`;
}
