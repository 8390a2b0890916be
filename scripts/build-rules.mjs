// Validates the rule tables in rules/ and regenerates src/generated/ (see scripts/lib/rules.mjs).
import { generateRules } from './lib/rules.mjs';

generateRules().then(
  (summary) => console.log(summary),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
