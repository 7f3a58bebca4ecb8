// Builds the browser playground into dist/playground/ (part of `npm run build`; `npm run playground` serves it).
// Two classic (IIFE) bundles, since pages opened from file:// may not load module scripts or worker files:
// the worker (the engine + src/playground/worker.ts), whose source is embedded in the page bundle and
// started from a blob: URL, and the page (src/playground/app.ts), which also carries the default example:
// the seed rule with its bundled sample tables.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'playground');
const exampleDir = join(root, 'queries', 'suspicious-vm-creation');

// csv-parse's default build needs Node's Buffer: its browser build carries its own.
const common = {
  bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, logLevel: 'warning',
  // The licence notices of what the bundles carry (Chart.js, chevrotain, ...) stay, at the end of each file.
  legalComments: 'eof',
  alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
};

const worker = await build({ ...common, entryPoints: [join(root, 'src/playground/worker.ts')], write: false });
const workerSource = worker.outputFiles[0].text;

const tables = {};
for (const file of readdirSync(join(exampleDir, 'data')).filter((f) => f.endsWith('.json')).sort()) {
  tables[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(exampleDir, 'data', file), 'utf8'));
}
const example = { query: readFileSync(join(exampleDir, 'rule.kql'), 'utf8'), tables };

mkdirSync(out, { recursive: true });
await build({
  ...common,
  entryPoints: [join(root, 'src/playground/app.ts')],
  outfile: join(out, 'playground.js'),
  define: { __PLAYGROUND_WORKER__: JSON.stringify(workerSource), __PLAYGROUND_EXAMPLE__: JSON.stringify(example) },
});
for (const f of ['index.html', 'playground.css']) copyFileSync(join(root, 'src/playground', f), join(out, f));
console.log(`playground: ${join('dist', 'playground', 'index.html')}`);
