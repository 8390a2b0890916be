// node scripts/try.mjs "sentence" ... : moderates with the current rules/ and src/ (no build needed).
import { loadLibrary } from './lib/load.mjs';
const { moderate } = await loadLibrary();
for (const t of process.argv.slice(2)) {
  const r = moderate(t);
  console.log(r.verdict.padEnd(7), JSON.stringify(t));
  for (const x of r.reasons) console.log(`        ${x.rule} [${[x.subcategory, x.kind, x.target].filter(Boolean).join(' | ')}] "${x.match}"`);
}
