import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RuleTable } from '../src/rules/schema.js';

export const ROOT = resolve(__dirname, '..');

export interface FixtureRow {
  id: string;
  text: string;
  reject: boolean;
  categories: string[];
  subcategory?: string;
  note?: string;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function ruleTables(): Array<{ file: string; table: RuleTable }> {
  const dir = join(ROOT, 'rules');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'lexicons.json')
    .sort()
    .map((file) => ({ file, table: JSON.parse(readFileSync(join(dir, file), 'utf8')) as RuleTable }));
}
