/**
 * Benchmark suite of real Sentinel analytics rules: the eight rules of
 * scripts/bench-rules/ (query text unchanged; sources in its README.md), each
 * over generated rows of its tables, mini-kql only.
 *
 *   npm run bench:rules                          # 1M input rows per rule, 3 runs
 *   npm run bench:rules -- --sizes 100k          # input rows per rule (split between its tables)
 *   npm run bench:rules -- --runs 1              # timed runs per rule (median, min, max)
 *   npm run bench:rules -- --rules ssh-brute-force,webp-cve-union
 *   npm run bench:rules -- --engine dist/index.js
 *   npm run bench -- --suite rules [...]         # the same
 *
 * One child process per (rule, size) (scripts/bench-rules-child.ts). Data
 * generation is excluded from the time; `now` is fixed (RULES_NOW) so the
 * rules' time filters keep the generated rows. Prints time, input rows per
 * second, output rows, peak RSS and the output digest (equal digests across
 * two builds = same result); writes .bench-out/bench-rules-<timestamp>.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSize } from './bench-data.js';
import type { RuleChildResult } from './bench-rules-child.js';
import { REPO_ROOT, formatTable, runChild, timestampForFile } from './bench-proc.js';
import { BENCH_RULES, RULES_NOW } from './bench-rules/rules.js';

const SCRIPT = fileURLToPath(import.meta.url);
const CHILD = join(REPO_ROOT, 'scripts', 'bench-rules-child.ts');

interface Args {
  sizes: string[];
  runs: number;
  rules: string[];
  engine: string;
  maxOldSpace: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: ['1M'], runs: 3, rules: BENCH_RULES.map((r) => r.name), engine: join(REPO_ROOT, 'dist', 'index.js'), maxOldSpace: 16384 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
    if (a === '--sizes') args.sizes = list(val());
    else if (a === '--runs') args.runs = Math.max(1, Number(val()));
    else if (a === '--rules') args.rules = list(val());
    else if (a === '--engine') {
      const p = val();
      args.engine = isAbsolute(p) ? p : resolve(process.cwd(), p);
    } else if (a === '--max-old-space') args.maxOldSpace = Number(val());
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(SCRIPT, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const s of args.sizes) parseSize(s);
  const known = new Set(BENCH_RULES.map((r) => r.name));
  for (const r of args.rules) if (!known.has(r)) throw new Error(`unknown rule ${r} (known: ${[...known].join(', ')})`);
  return args;
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const rel = (p: string) => p.replace(REPO_ROOT + '/', '');
  console.log(`mini-kql rules bench: ${args.rules.length} rules via ${rel(args.engine)}, now=${RULES_NOW.toISOString()}, runs=${args.runs}, node ${process.version}`);
  const results: RuleChildResult[] = [];
  let failed = false;
  for (const size of args.sizes) {
    const rows: string[][] = [];
    for (const name of args.rules) {
      try {
        const r = await runChild<RuleChildResult>(CHILD, ['--rule', name, '--size', size, '--runs', String(args.runs), '--engine', args.engine], `${size} ${name}`, args.maxOldSpace);
        results.push(r);
        rows.push([
          name,
          String(r.inputRows),
          (r.medianMs / 1000).toFixed(3),
          (r.minMs / 1000).toFixed(3),
          (r.maxMs / 1000).toFixed(3),
          r.rowsPerSec.toLocaleString('en-US'),
          String(r.outputRows),
          r.peakRssMB.toFixed(0),
          r.digest.slice(0, 12),
        ]);
      } catch (e) {
        failed = true;
        console.error(String((e as Error).message));
        rows.push([name, String(parseSize(size)), 'FAILED', '', '', '', '', '', '']);
      }
    }
    console.log(`\n== ${size} input rows per rule`);
    console.log(formatTable(['rule', 'input rows', 'median s', 'min s', 'max s', 'input rows/s', 'out rows', 'peak RSS MB', 'digest'], rows));
  }
  const outDir = join(REPO_ROOT, '.bench-out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-rules-${timestampForFile()}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, engine: args.engine, now: RULES_NOW.toISOString(), runs: args.runs, results }, null, 2));
  console.log(`results: ${rel(file)}`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === SCRIPT) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
