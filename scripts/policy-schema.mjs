// Writes dist/policy.schema.json: the policy's JSON Schema, from the zod schema, for non-JS callers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { importTs, ROOT } from './lib/load.mjs';

const { PolicySchema } = await importTs('src/policy.ts');
const schema = {
  ...z.toJSONSchema(PolicySchema, { io: 'input' }),
  $id: 'https://www.npmjs.com/package/comment-moderation/policy.schema.json',
  title: 'comment-moderation policy',
};
writeFileSync(join(ROOT, 'dist', 'policy.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
console.log('dist/policy.schema.json written');
