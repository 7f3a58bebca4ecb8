import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Bundled into dist/ instead of imported from node_modules at run time. Chevrotain's ESM build is
// about 60 files plus some 640 lodash-es modules, and yaml's about 70: resolving and loading those
// files one by one took most of the import time of mini-kql (docs/performance.md, "Start-up").
// fflate and punycode are bundled too: 5-10 ms less per start than resolving and loading their packages.
const BUNDLED = ['chevrotain', 'yaml', 'fflate', 'punycode'];

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
    noExternal: BUNDLED,
    // Minified, identifiers included: V8 compiling the bundle is the largest part of the import, and
    // shorter names measured 10-20 ms less for import + first runKql (whitespace and syntax minification
    // alone measured nothing). docs/performance.md, "Start-up". The source maps map names back.
    minify: true,
    // Emit dist/index.js (ESM) and dist/index.cjs (CJS); with "type": "module"
    // tsup already picks these names, stated here so package.json can rely on it.
    outExtension({ format }) {
      return { js: format === 'cjs' ? '.cjs' : '.js' };
    },
  },
  // The `mini-kql` command (package.json `bin`): ESM for Node only, with its own hashbang. It does not
  // clean dist/ (the library build does) and bundles the engine it uses. dist/cli.js itself is small:
  // the commands and the engine are chunks in dist/cli-chunks/, loaded when a command runs, so
  // `--version` and `--help` do not load the engine. The version is injected here (src/cli/version.ts).
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    noExternal: BUNDLED,
    define: { __MINI_KQL_VERSION__: JSON.stringify(version) },
    esbuildOptions(options) {
      options.chunkNames = 'cli-chunks/[name]-[hash]';
    },
    // yaml's Node build (its `node` export, picked on platform 'node') is CommonJS and requires 'process':
    // give the ESM output a real `require` for it.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  },
]);
