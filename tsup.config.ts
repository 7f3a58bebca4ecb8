import { defineConfig } from 'tsup';

// Library build: ESM + CJS, type declarations. Two entries: `index` (the browser-safe engine, the
// package's main entry) and `node` (`mini-kql/node`: rule and scenario files on disk, Node only).
// platform 'neutral' because the engine must also run in browsers; only src/node/ may import Node
// built-ins. Splitting puts the shared engine in one chunk, so both entries use the same classes
// (an error thrown via mini-kql/node is `instanceof KqlError` from mini-kql).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
    // Emit dist/index.js (ESM) and dist/index.cjs (CJS); with "type": "module"
    // tsup already picks these names, stated here so package.json can rely on it.
    outExtension({ format }) {
      return { js: format === 'cjs' ? '.cjs' : '.js' };
    },
  },
  // The `mini-kql` command (package.json `bin`): ESM for Node only, with its own hashbang. It does not
  // clean dist/ (the library build does) and bundles the engine it uses.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
