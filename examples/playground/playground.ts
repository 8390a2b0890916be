// The playground's script: moderates the textarea as you type and marks the reasons' spans.
// Bundled for the browser by `npm run playground` (scripts/build-playground.mjs).
import { createModerator, type ModerationResult } from '../../src/index.js';

const moderator = createModerator();
const input = document.getElementById('comment') as HTMLTextAreaElement;
const verdict = document.getElementById('verdict')!;
const preview = document.getElementById('preview')!;
const reasons = document.getElementById('reasons')!;

/** The text with every reason's span wrapped in <mark>; overlapping spans are merged. */
function marked(text: string, result: ModerationResult): DocumentFragment {
  const spans = result.reasons
    .filter((r) => r.field === 'text')
    .map((r) => ({ ...r.span }))
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  const out = document.createDocumentFragment();
  let at = 0;
  for (const s of merged) {
    out.append(text.slice(at, s.start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s.start, s.end);
    out.append(mark);
    at = s.end;
  }
  out.append(text.slice(at));
  return out;
}

function update(): void {
  const text = input.value;
  const result = moderator.moderate(text);
  verdict.textContent = text.trim() ? result.verdict : '–';
  verdict.className = text.trim() ? result.verdict : '';
  preview.replaceChildren(marked(text, result));
  reasons.replaceChildren(
    ...result.reasons.map((r) => {
      const li = document.createElement('li');
      li.textContent = `${r.category}${r.subcategory ? ` (${r.subcategory})` : ''}, ${r.rule}: ${r.message}`;
      return li;
    }),
  );
  document.getElementById('ruleset')!.textContent = result.rulesetVersion;
}

input.addEventListener('input', update);
update();
