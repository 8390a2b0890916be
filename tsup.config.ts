import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // natural is a devDependency: its pure modules are bundled, the rest of the package never enters dist.
    noExternal: [/^natural/, 'tlds'],
    sourcemap: false,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/^natural/, 'tlds'],
    // The CLI imports the library from dist/index.js beside it instead of carrying a second copy.
    external: ['./index.js'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
