// Bundles examples/playground/playground.ts and the library for the browser, next to index.html.
import { build } from 'esbuild';
import { join } from 'node:path';
import { generateRules } from './lib/rules.mjs';
import { ROOT } from './lib/load.mjs';

await generateRules();
await build({
  entryPoints: [join(ROOT, 'examples', 'playground', 'playground.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outfile: join(ROOT, 'examples', 'playground', 'playground.js'),
  logLevel: 'error',
});
console.log('examples/playground/index.html is ready: open it in a browser.');
