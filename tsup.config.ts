import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Bundled into dist/ instead of imported from node_modules at run time. Chevrotain's ESM build is
// about 60 files plus some 640 lodash-es modules, and yaml's about 70: resolving and loading those
// files one by one took most of the import time of mini-kql (docs/performance.md, "Start-up").
// fflate and punycode are bundled too: 5-10 ms less per start than resolving and loading their packages.
const BUNDLED = ['chevrotain', 'yaml', 'fflate', 'punycode'];

// The package's entries: `index` (the browser-safe engine, the main entry), `node` (`mini-kql/node`:
// rule and scenario files on disk, Node only) and `schemas` (`mini-kql/schemas`: the built-in table
// catalog alone, without the engine).
const LIBRARY = { index: 'src/index.ts', node: 'src/node/index.ts', schemas: 'src/schemas/index.ts' };

// Source maps only when asked (`npm run build:debug`, i.e. `tsup --sourcemap`): they tripled the package.
const common: Options = {
  target: 'node20',
  // 'neutral' because the engine must also run in browsers; only src/node/ and src/cli/ import Node built-ins.
  platform: 'neutral',
  // Splitting puts the shared engine in one chunk, so every entry uses the same classes (an error
  // thrown via mini-kql/node is `instanceof KqlError` from mini-kql) and the package holds it once per format.
  splitting: true,
  treeshake: true,
  noExternal: BUNDLED,
  sourcemap: false,
  // Minified, identifiers included: V8 compiling the bundle is the largest part of the import, and
  // shorter names measured 10-20 ms less for import + first runKql (whitespace and syntax minification
  // alone measured nothing). docs/performance.md, "Start-up".
  minify: true,
  define: { __MINI_KQL_VERSION__: JSON.stringify(version) },
  // Emit .js (ESM) and .cjs (CJS); with "type": "module" tsup already picks these names, stated here
  // so package.json can rely on it.
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
};

// ESM: the library entries and the `mini-kql` command (package.json `bin`; src/cli/main.ts starts with
// its hashbang) in one build, so the command shares the library's engine chunk instead of carrying a copy.
// dist/cli.js itself is small: the commands and the engine are chunks loaded when a command runs, so
// `--version` and `--help` load nothing else. The version is injected (`define`, src/cli/version.ts).
const esm: Options = {
  ...common,
  entry: { ...LIBRARY, cli: 'src/cli/main.ts' },
  format: ['esm'],
  clean: true,
};

// CJS: the library entries only (the command is ESM).
const cjs: Options = { ...common, entry: LIBRARY, format: ['cjs'], clean: false };

// Type declarations (.d.ts and .d.cts) of the library entries, in one pass for both formats.
const declarations: Options = { ...common, entry: LIBRARY, format: ['esm', 'cjs'], dts: { only: true }, clean: false };

// MINI_KQL_BUILD=esm (scripts/mini-kql.mjs, the command in a clone): the ESM build without declarations, in
// seconds, into dist/ without cleaning it.
export default defineConfig(process.env.MINI_KQL_BUILD === 'esm' ? [{ ...esm, clean: false }] : [esm, cjs, declarations]);
