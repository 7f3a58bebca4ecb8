/**
 * Start-up cost of mini-kql, measured as whole processes (the numbers in docs/performance.md "Start-up").
 *
 *   npm run build && npm run bench:startup -- [--runs 20] [--dist DIR]
 *
 * Each case is a fresh `node` process started RUNS times, the cases interleaved (so a machine that gets
 * busier or quieter during the call affects all of them alike), after one warm-up round. Printed: min and
 * median wall time of the whole process (spawn to exit), and for the library cases the time measured inside
 * the process from the start of the import to runKql returning. `node -e 0` is the floor: Node itself.
 * Quote the medians; a wide min..median spread says the machine was busy. No thresholds: it only measures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 20);
/** --dist DIR measures another build (a copy of an older dist/ beside a package.json and node_modules). */
const dist = resolve(option('--dist') ?? join(root, 'dist'));

if (!existsSync(join(dist, 'index.js')) || !existsSync(join(dist, 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const QUERY = `const t0 = performance.now();`;
const RUN = `const r = runKql('T | where a > 0', { T: [{ a: 1 }] });
const t1 = performance.now();
if (r.rows.length !== 1) throw new Error('unexpected result');
process.stdout.write(JSON.stringify({ inner: t1 - t0 }));`;

interface Case {
  name: string;
  args: string[];
  inner?: boolean;
}

const cases: Case[] = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: 'node dist/cli.js --version', args: [join(dist, 'cli.js'), '--version'] },
  {
    name: 'ESM: import dist/index.js + first runKql',
    args: ['--input-type=module', '-e', `${QUERY}\nconst { runKql } = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});\n${RUN}`],
    inner: true,
  },
  {
    name: 'CJS: require dist/index.cjs + first runKql',
    args: ['-e', `${QUERY}\nconst { runKql } = require(${JSON.stringify(join(dist, 'index.cjs'))});\n${RUN}`],
    inner: true,
  },
];

function runOnce(c: Case): { wall: number; inner?: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} failed (exit ${r.status}): ${r.stderr}`);
  return { wall, inner: c.inner ? (JSON.parse(r.stdout) as { inner: number }).inner : undefined };
}

const wall = cases.map(() => [] as number[]);
const inner = cases.map(() => [] as number[]);
for (const c of cases) runOnce(c); // warm-up: file system cache, compile cache
for (let i = 0; i < RUNS; i++) {
  cases.forEach((c, k) => {
    const r = runOnce(c);
    wall[k].push(r.wall);
    if (r.inner !== undefined) inner[k].push(r.inner);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
console.log(`Node ${process.version}, ${RUNS} runs each`);
console.log(`${'case'.padEnd(46)}  whole process min / median   import+runKql min / median`);
cases.forEach((c, k) => {
  const innerText = inner[k].length ? `${ms(Math.min(...inner[k]))} / ${ms(median(inner[k]))}` : '';
  console.log(`${c.name.padEnd(46)}  ${ms(Math.min(...wall[k]))} / ${ms(median(wall[k]))}     ${innerText}`);
});
