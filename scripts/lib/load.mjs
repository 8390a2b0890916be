// Bundles a TypeScript entry of src/ with esbuild into a temporary file and imports it, so
// scripts run against the current source without a full build.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

export async function importTs(entry) {
  // Inside node_modules so that the bundle's bare imports resolve to the project's packages.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'cm-'));
  const outfile = join(dir, 'bundle.mjs');
  try {
    await build({
      entryPoints: [resolve(ROOT, entry)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'error',
      // Runtime dependencies stay external, as in the published build.
      external: ['obscenity', 'zod', 'linkify-it'],
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The library built from the current rules/ and src/: what eval and bench measure. */
export async function loadLibrary() {
  const { generateRules } = await import('./rules.mjs');
  await generateRules();
  return importTs('src/index.ts');
}
