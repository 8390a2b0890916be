import type { ValidationProblem } from './errors.js';

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  message: string;
}

/** A short description of a value for an error message: `"high" (string)`, `null`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `${JSON.stringify(shown)} (string)`;
  }
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (${typeof value})`;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function formatPath(root: string, path: PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function bound(issue: Issue, side: 'min' | 'max'): string {
  const n = side === 'min' ? issue.minimum : issue.maximum;
  const unit = issue.origin === 'string' || issue.origin === 'array' ? ' in length' : '';
  const op = side === 'min' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  return `${issue.origin === 'number' ? 'a number' : 'a value'} ${op} ${String(n)}${unit}`;
}

/** Turns zod issues into problems that name the path, the expectation and what came. */
export function toProblems(root: string, input: unknown, issues: readonly Issue[]): ValidationProblem[] {
  return issues.map((issue): ValidationProblem => {
    const value = valueAt(input, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        return {
          path: formatPath(root, issue.path),
          expected: 'only known keys',
          received: `unknown key${issue.keys && issue.keys.length > 1 ? 's' : ''} ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}`,
        };
      case 'invalid_type':
        return { path: formatPath(root, issue.path), expected: article(issue.expected ?? 'value'), received: describeValue(value) };
      case 'invalid_value':
        return {
          path: formatPath(root, issue.path),
          expected: `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`,
          received: describeValue(value),
        };
      case 'too_small':
        return { path: formatPath(root, issue.path), expected: bound(issue, 'min'), received: describeValue(value) };
      case 'too_big':
        return { path: formatPath(root, issue.path), expected: bound(issue, 'max'), received: describeValue(value) };
      default:
        return { path: formatPath(root, issue.path), expected: issue.message, received: describeValue(value) };
    }
  });
}

function article(type: string): string {
  if (type === 'object' || type === 'array' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}
