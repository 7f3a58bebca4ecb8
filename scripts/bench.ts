/**
 * Benchmark: the seed rule (queries/suspicious-vm-creation/rule.kql) over
 * generated SecurityAlert / GCPAuditLogs / IdentityInfo rows (scripts/bench-data.ts).
 *
 *   npm run bench                          # sizes 10k, 100k, 1M
 *   npm run bench -- --sizes 10k,100k      # pick sizes
 *   npm run bench -- --runs 3              # timed runs per size (default 1; median reported)
 *   npm run bench -- --check               # compare output rows with scripts/bench-reference.ts
 *   npm run bench -- --engine dist/index.js   # bench another build of the API (default src/index.ts)
 *   npm run bench -- --query file.kql      # another query over the same tables
 *   npm run bench -- --max-old-space 16384 # heap limit of each child, MB
 *
 * Each size runs in its own child process (`node --expose-gc --max-old-space-size=N
 * --import tsx scripts/bench.ts --child <size>`), so memory numbers do not bleed
 * between sizes. In the child: generate data (timed separately, excluded), GC,
 * then run runKql with a fixed `now`. Reported:
 *   - wall time of runKql (generation excluded), input alert rows per second;
 *   - output rows;
 *   - peak RSS, sampled every 5 ms from a worker thread during the run (runKql
 *     is synchronous, so a timer on the main thread could not sample it), and
 *     the process's max RSS high-water mark (process.resourceUsage, includes generation);
 *   - heapUsed before the run and right after it (result still referenced).
 * Results are also written to .bench-out/bench-<timestamp>.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BENCH_NOW, generateBenchData, parseSize, sizesFor } from './bench-data.js';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO_ROOT = resolve(dirname(SCRIPT), '..');
const DEFAULT_QUERY = join(REPO_ROOT, 'queries', 'suspicious-vm-creation', 'rule.kql');
const DEFAULT_ENGINE = join(REPO_ROOT, 'src', 'index.ts');
const RESULT_TAG = 'BENCH_RESULT ';

interface Args {
  sizes: string[];
  runs: number;
  check: boolean;
  engine: string;
  query: string;
  maxOldSpace: number;
  child?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sizes: ['10k', '100k', '1M'],
    runs: 1,
    check: false,
    engine: DEFAULT_ENGINE,
    query: DEFAULT_QUERY,
    maxOldSpace: 16384,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const abs = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));
    if (a === '--sizes') args.sizes = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--runs') args.runs = Math.max(1, Number(val()));
    else if (a === '--check') args.check = true;
    else if (a === '--engine') args.engine = abs(val());
    else if (a === '--query') args.query = abs(val());
    else if (a === '--max-old-space') args.maxOldSpace = Number(val());
    else if (a === '--child') args.child = val();
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(SCRIPT, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const s of args.sizes) parseSize(s); // validate early
  return args;
}

interface ChildResult {
  size: string;
  alerts: number;
  gcp: number;
  identities: number;
  genMs: number;
  runMs: number[];
  medianMs: number;
  rowsPerSec: number;
  outputRows: number;
  outputColumns: number;
  referenceRows?: number;
  peakRssMB: number;
  maxRssHwmMB: number;
  baselineRssMB: number;
  heapBeforeMB: number;
  heapAfterMB: number;
}

const MB = 1024 * 1024;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Samples process RSS from a worker thread while the main thread is busy. */
function startRssSampler(intervalMs = 5): { stop: () => Promise<number> } {
  const shared = new SharedArrayBuffer(16);
  const peak = new Float64Array(shared, 0, 1);
  const flags = new Int32Array(shared, 8, 1);
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData.shared, 0, 1);
     const flags = new Int32Array(workerData.shared, 8, 1);
     const tick = () => {
       const r = process.memoryUsage.rss();
       if (r > peak[0]) peak[0] = r;
       if (Atomics.load(flags, 0) === 1) { Atomics.store(flags, 0, 2); return; }
       setTimeout(tick, ${intervalMs});
     };
     tick();`,
    { eval: true, workerData: { shared } },
  );
  return {
    stop: async () => {
      Atomics.store(flags, 0, 1);
      await new Promise<void>((res) => worker.once('exit', () => res()));
      const r = process.memoryUsage.rss();
      return Math.max(peak[0]!, r);
    },
  };
}

async function runChild(args: Args): Promise<void> {
  const size = args.child!;
  const alertCount = parseSize(size);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('child needs --expose-gc');
  if (!existsSync(args.query)) {
    throw new Error(`query file not found: ${args.query} (the seed rule lives at queries/suspicious-vm-creation/rule.kql)`);
  }
  const query = readFileSync(args.query, 'utf8');
  const engine = (await import(pathToFileURL(args.engine).href)) as {
    runKql: (q: string, t: Record<string, unknown>, o?: { now?: Date | string | number }) => { columns: unknown[]; rows: unknown[] };
  };
  if (typeof engine.runKql !== 'function') throw new Error(`${args.engine} does not export runKql`);

  const sizes = sizesFor(alertCount);
  const g0 = performance.now();
  const data = generateBenchData(alertCount);
  const genMs = performance.now() - g0;
  process.stderr.write(`[${size}] generated ${sizes.alerts} alerts, ${sizes.gcp} GCP rows, ${sizes.identities} identities in ${(genMs / 1000).toFixed(1)} s\n`);

  let referenceRows: number | undefined;
  if (args.check) {
    const { seedRuleReference } = await import('./bench-reference.js');
    referenceRows = seedRuleReference(data).outputRows;
  }

  const tables = { SecurityAlert: data.SecurityAlert, GCPAuditLogs: data.GCPAuditLogs, IdentityInfo: data.IdentityInfo };
  gc();
  gc();
  const baselineRss = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  const sampler = startRssSampler();

  const runMs: number[] = [];
  let result: { columns: unknown[]; rows: unknown[] } | undefined;
  let heapAfter = 0;
  for (let r = 0; r < args.runs; r++) {
    result = undefined;
    if (r > 0) gc();
    const t0 = performance.now();
    result = engine.runKql(query, tables, { now: BENCH_NOW });
    runMs.push(performance.now() - t0);
    heapAfter = Math.max(heapAfter, process.memoryUsage().heapUsed);
    process.stderr.write(`[${size}] run ${r + 1}/${args.runs}: ${(runMs[r]! / 1000).toFixed(2)} s, ${result.rows.length} rows\n`);
  }
  const peakRss = await sampler.stop();
  const sorted = [...runMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;

  const out: ChildResult = {
    size,
    alerts: sizes.alerts,
    gcp: sizes.gcp,
    identities: sizes.identities,
    genMs: Math.round(genMs),
    runMs: runMs.map((x) => Math.round(x)),
    medianMs: Math.round(medianMs),
    rowsPerSec: Math.round(sizes.alerts / (medianMs / 1000)),
    outputRows: result!.rows.length,
    outputColumns: result!.columns.length,
    referenceRows,
    peakRssMB: round1(peakRss / MB),
    maxRssHwmMB: round1(process.resourceUsage().maxRSS / 1024),
    baselineRssMB: round1(baselineRss / MB),
    heapBeforeMB: round1(heapBefore / MB),
    heapAfterMB: round1(heapAfter / MB),
  };
  process.stdout.write(`${RESULT_TAG}${JSON.stringify(out)}\n`);
}

function spawnChild(args: Args, size: string): Promise<ChildResult> {
  const childArgs = [
    '--expose-gc',
    `--max-old-space-size=${args.maxOldSpace}`,
    '--import',
    'tsx',
    SCRIPT,
    '--child',
    size,
    '--runs',
    String(args.runs),
    '--engine',
    args.engine,
    '--query',
    args.query,
    ...(args.check ? ['--check'] : []),
  ];
  return new Promise((res, rej) => {
    // cwd = repo root so `--import tsx` resolves from this repo's node_modules.
    const child = spawn(process.execPath, childArgs, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.on('error', rej);
    child.on('exit', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_TAG));
      const other = stdout.split('\n').filter((l) => l && !l.startsWith(RESULT_TAG));
      if (other.length) process.stdout.write(other.map((l) => `[${size}] ${l}\n`).join(''));
      if (code !== 0 || !line) rej(new Error(`bench child for ${size} failed (exit ${code}${signal ? `, signal ${signal}` : ''})`));
      else res(JSON.parse(line.slice(RESULT_TAG.length)) as ChildResult);
    });
  });
}

function printTable(results: ChildResult[]): void {
  const header = ['size', 'alerts', 'gcp', 'ident', 'gen s', 'run s', 'alert rows/s', 'out rows', 'ref rows', 'peak RSS MB', 'heap before MB', 'heap after MB'];
  const rows = results.map((r) => [
    r.size,
    String(r.alerts),
    String(r.gcp),
    String(r.identities),
    (r.genMs / 1000).toFixed(1),
    (r.medianMs / 1000).toFixed(3),
    r.rowsPerSec.toLocaleString('en-US'),
    String(r.outputRows),
    r.referenceRows === undefined ? '-' : String(r.referenceRows),
    String(r.peakRssMB),
    String(r.heapBeforeMB),
    String(r.heapAfterMB),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(fmt(header));
  for (const r of rows) console.log(fmt(r));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    await runChild(args);
    return;
  }
  console.log(`mini-kql bench: ${args.query.replace(REPO_ROOT + '/', '')} via ${args.engine.replace(REPO_ROOT + '/', '')}, now=${BENCH_NOW.toISOString()}, runs=${args.runs}, node ${process.version}`);
  const results: ChildResult[] = [];
  let failed = false;
  for (const size of args.sizes) {
    try {
      results.push(await spawnChild(args, size));
    } catch (e) {
      failed = true;
      console.error(String((e as Error).message));
    }
  }
  if (results.length) {
    printTable(results);
    const mismatched = results.filter((r) => r.referenceRows !== undefined && r.referenceRows !== r.outputRows);
    for (const r of mismatched) console.error(`[${r.size}] output rows ${r.outputRows} != reference ${r.referenceRows}`);
    if (mismatched.length) failed = true;
    const outDir = join(REPO_ROOT, '.bench-out');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ node: process.version, query: args.query, engine: args.engine, results }, null, 2));
    console.log(`results: ${file}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
