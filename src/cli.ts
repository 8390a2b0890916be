import { readFileSync, realpathSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { createModerator, ModerationConfigError, ModerationInputError } from './index.js';
import type { CommentInput, Field, ModerationResult, Moderator, Span } from './index.js';

const USAGE = `Usage: comment-moderation [options] [text]

Moderates a reader comment and prints the result as one line of JSON.
With no text, reads standard input: each non-empty line is a comment, either
plain text or a JSON object ({"text": "...", "author": "...", "url": "..."}),
and one result is written per line. A line that is not a valid comment gives
{"line": N, "error": "..."} instead, and the exit code is then 2.

Options:
  --pretty           print the verdict, the reasons and the text with the matches marked
  --policy FILE      moderate under the JSON policy in FILE
  --fail-on-reject   exit 1 when any comment is rejected
  -h, --help         print this help
  --version          print the version

Put text that starts with "-" after "--": comment-moderation -- "-1 for this".

Exit codes: 0 done; 1 a comment was rejected (with --fail-on-reject);
2 usage error, bad policy file or bad input line; 3 internal error.
`;

const EXIT_REJECTED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

/** An error that ends the run with a message on stderr and exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    /** Whether to point at --help: for mistakes in the arguments, not in a policy file. */
    readonly hint = true,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// --pretty formatting (pure)

export interface PrettyOptions {
  /** Mark spans with ANSI inverse video instead of [[ ]]. */
  ansi?: boolean;
}

const PRETTY_FIELDS: readonly Field[] = ['text', 'author', 'url'];

/** Wraps each span of `text` in `open`/`close`; overlapping or touching spans are marked as one. */
export function markSpans(text: string, spans: readonly Span[], open: string, close: string): string {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start) + open + text.slice(s.start, s.end) + close;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Human-readable rendering of a result: verdict, reasons, and each moderated field with its matches marked. */
export function formatPretty(result: ModerationResult, input: string | CommentInput, options: PrettyOptions = {}): string {
  const comment: CommentInput = typeof input === 'string' ? { text: input } : input;
  const [open, close] = options.ansi ? ['\x1b[7m', '\x1b[27m'] : ['[[', ']]'];
  const lines: string[] = [`verdict: ${result.verdict}`];
  if (result.overLength) {
    const { length, maxLength, action } = result.overLength;
    lines.push(`note: the text is ${length} units long, over the policy's maxLength of ${maxLength} (${action})`);
  }
  if (!result.language.covered) lines.push(`note: the text is mostly in ${result.language.script} script, which the rules do not read`);
  if (result.reasons.length === 0) lines.push('reasons: none');
  else lines.push(`reasons (${result.reasons.length}):`);
  for (const r of result.reasons) {
    const category = r.subcategory ? `${r.category}/${r.subcategory}` : r.category;
    const extra = [r.target && `target ${r.target}`, r.kind && `kind ${r.kind}`].filter(Boolean).join(', ');
    lines.push(`  - ${category} | ${r.rule} | severity ${r.severity} | ${r.field} ${r.span.start}-${r.span.end}${extra ? ` | ${extra}` : ''}`);
    lines.push(`    ${r.message}`);
  }
  for (const field of PRETTY_FIELDS) {
    const value = comment[field];
    if (value === undefined || (field !== 'text' && value === '')) continue;
    const spans = result.reasons.filter((r) => r.field === field).map((r) => r.span);
    lines.push(`${field}: ${markSpans(value, spans, open, close)}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Arguments

interface CliOptions {
  pretty: boolean;
  policy: string | undefined;
  failOnReject: boolean;
  help: boolean;
  version: boolean;
  text: string | undefined;
}

function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        pretty: { type: 'boolean' },
        policy: { type: 'string' },
        'fail-on-reject': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(`expected at most one text argument, got ${positionals.length} (quote the text: comment-moderation "your comment")`);
  }
  return {
    pretty: values.pretty ?? false,
    policy: values.policy,
    failOnReject: values['fail-on-reject'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    text: positionals[0],
  };
}

function loadModerator(file: string | undefined): Moderator {
  if (file === undefined) return createModerator();
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a directory' : e.message;
    throw new UsageError(`cannot read policy file ${file}: ${why}`, false);
  }
  let policy: unknown;
  try {
    policy = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`policy file ${file} is not valid JSON: ${(err as Error).message}`, false);
  }
  try {
    return createModerator(policy as Parameters<typeof createModerator>[0]);
  } catch (err) {
    if (err instanceof ModerationConfigError) {
      const problems = err.problems.map((p) => `\n  ${p.path}: expected ${p.expected}, got ${p.received}`).join('');
      throw new UsageError(`policy file ${file} is not a valid policy:${problems || ` ${err.message}`}`, false);
    }
    throw new UsageError(`policy file ${file} could not be used: ${(err as Error).message}`, false);
  }
}

// ---------------------------------------------------------------------------------------------
// I/O

/** Writes to stdout, waiting when the pipe is full so that a long stream never piles up in memory. */
async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

/** A stdin line that is not a comment. */
class LineError extends Error {}

/** A stdin line: a JSON object when it looks like one ({...}), otherwise the line is the text. */
function readLine(line: string): string | CommentInput {
  const trimmed = line.trim();
  if (!(trimmed.startsWith('{') && trimmed.endsWith('}'))) return line;
  try {
    return JSON.parse(trimmed) as CommentInput; // its shape is checked by moderate()
  } catch (err) {
    throw new LineError(`not valid JSON: ${(err as Error).message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const options = parseCli(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const moderator = loadModerator(options.policy);
  const ansi = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const render = (result: ModerationResult, input: string | CommentInput) =>
    options.pretty ? formatPretty(result, input, { ansi }) : JSON.stringify(result);

  if (options.text !== undefined) {
    const result = moderator.moderate(options.text);
    await write(`${render(result, options.text)}\n`);
    return options.failOnReject && result.verdict === 'reject' ? EXIT_REJECTED : 0;
  }

  if (process.stdin.isTTY) process.stderr.write('Reading comments from standard input, one per line (Ctrl-D to end).\n');
  let rejected = false;
  let badLines = false;
  let lineNumber = 0;
  let first = true;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    let out: string;
    try {
      const input = readLine(line);
      const result = moderator.moderate(input);
      if (result.verdict === 'reject') rejected = true;
      out = options.pretty ? `${first ? '' : '\n'}line ${lineNumber}:\n${render(result, input)}` : render(result, input);
    } catch (err) {
      if (!(err instanceof ModerationInputError || err instanceof LineError)) throw err;
      badLines = true;
      const error = err.message;
      out = options.pretty ? `${first ? '' : '\n'}line ${lineNumber}:\nerror: ${error}` : JSON.stringify({ line: lineNumber, error });
    }
    first = false;
    await write(`${out}\n`);
  }
  if (badLines) return EXIT_USAGE;
  return options.failOnReject && rejected ? EXIT_REJECTED : 0;
}

/** Runs the CLI: the process's arguments in, exit code set; the streams are the process's own. */
export function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  // A reader that goes away (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`comment-moderation: ${err.message}\n`);
        if (err.hint) process.stderr.write('Run comment-moderation --help for usage.\n');
        process.exitCode = EXIT_USAGE;
      } else {
        process.stderr.write(`comment-moderation: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = EXIT_INTERNAL;
      }
    },
  );
}

/** True when this module is the program node was started with (also through npm's bin symlink), not an import. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void run();
