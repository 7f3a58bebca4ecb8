/**
 * One measurement of `npm run bench` (scripts/bench.ts starts it; not meant to
 * be run by hand): one peer at one size, in its own process.
 *
 *   node --expose-gc --import tsx scripts/bench-child.ts --peer mini-kql|reference|duckdb
 *        --size 100k --runs 3 --engine src/index.ts --query rule.kql --rows-out file [--duckdb-threads N]
 *
 * Generates the seeded data (timed, excluded), prepares the peer (DuckDB: loads
 * its tables, timed, excluded), runs the query `runs` times (median, min, max),
 * writes the canonical rows of the last run to --rows-out (one per line,
 * sorted) and prints one BENCH_RESULT line with times, digest and memory:
 *   peakRssMB     peak RSS of the whole process (generation, loading and runs),
 *                 sampled every 5 ms from a worker thread, and at least the OS high-water mark;
 *   runPeakRssMB  peak RSS during the timed runs; baselineRssMB is RSS just before them (after GC).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BENCH_NOW, generateBenchData, parseSize, sizesFor, type BenchData } from './bench-data.js';
import { canonicalize, setColumnsOf, type CanonicalColumn } from './bench-canonical.js';
import { MB, fullGc, reportResult, round1, runTimes, startRssSampler } from './bench-proc.js';

export type Peer = 'mini-kql' | 'reference' | 'duckdb';
export const PEERS: readonly Peer[] = ['mini-kql', 'reference', 'duckdb'];

export interface SeedChildResult {
  peer: Peer;
  size: string;
  alerts: number;
  gcp: number;
  identities: number;
  genMs: number;
  /** DuckDB only: loading the tables (excluded from the query time). */
  loadMs?: number;
  duckdbThreads?: number;
  duckdbVersion?: string;
  runMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  outputRows: number;
  columns: string;
  digest: string;
  peakRssMB: number;
  runPeakRssMB: number;
  baselineRssMB: number;
}

interface Engine {
  runKql: (q: string, t: Record<string, unknown>, o?: { now?: Date }) => { columns: CanonicalColumn[]; rows: Record<string, unknown>[] };
  analyzeKql: (q: string) => { columns: CanonicalColumn[] };
}

interface ChildArgs {
  peer: Peer;
  size: string;
  runs: number;
  engine: string;
  query: string;
  rowsOut: string;
  duckdbThreads?: number;
}

function parseChildArgs(argv: string[]): ChildArgs {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const need = (name: string) => get(name) ?? (() => { throw new Error(`bench-child: ${name} is required`); })();
  const peer = need('--peer') as Peer;
  if (!PEERS.includes(peer)) throw new Error(`bench-child: unknown peer ${peer}`);
  const threads = get('--duckdb-threads');
  return {
    peer,
    size: need('--size'),
    runs: Math.max(1, Number(get('--runs') ?? 3)),
    engine: need('--engine'),
    query: need('--query'),
    rowsOut: need('--rows-out'),
    duckdbThreads: threads ? Number(threads) : undefined,
  };
}

type Run = () => Promise<{ columns: CanonicalColumn[]; rows: Record<string, unknown>[] }>;

async function main(): Promise<void> {
  const sampler = startRssSampler();
  const args = parseChildArgs(process.argv.slice(2));
  const label = `${args.size} ${args.peer}`;
  const query = readFileSync(args.query, 'utf8');
  const engine = (await import(pathToFileURL(args.engine).href)) as Engine;
  if (typeof engine.runKql !== 'function' || typeof engine.analyzeKql !== 'function') throw new Error(`${args.engine} does not export runKql and analyzeKql`);
  const schema = engine.analyzeKql(query).columns.map((c) => ({ name: c.name, type: c.type }));

  const alertCount = parseSize(args.size);
  const sizes = sizesFor(alertCount);
  const g0 = performance.now();
  let data: BenchData | undefined = generateBenchData(alertCount);
  const genMs = performance.now() - g0;
  process.stderr.write(`[${label}] generated ${sizes.alerts} alerts, ${sizes.gcp} GCP rows, ${sizes.identities} identities in ${(genMs / 1000).toFixed(1)} s\n`);

  const extra: Partial<SeedChildResult> = {};
  let run: Run;
  if (args.peer === 'mini-kql') {
    const tables = { SecurityAlert: data.SecurityAlert, GCPAuditLogs: data.GCPAuditLogs, IdentityInfo: data.IdentityInfo };
    run = async () => engine.runKql(query, tables, { now: BENCH_NOW });
  } else if (args.peer === 'reference') {
    const { seedRuleRows } = await import('./bench-reference.js');
    const input = data;
    run = async () => ({ columns: schema, rows: seedRuleRows(input) });
  } else {
    const { openSeedDuckDb } = await import('./bench-duckdb.js');
    const l0 = performance.now();
    const duck = await openSeedDuckDb(data, schema.filter((c) => c.type === 'dynamic').map((c) => c.name), args.duckdbThreads);
    extra.loadMs = Math.round(performance.now() - l0);
    extra.duckdbThreads = duck.threads;
    extra.duckdbVersion = duck.version;
    data = undefined; // DuckDB's input is its own tables from here on
    process.stderr.write(`[${label}] loaded into DuckDB ${duck.version} (${duck.threads} threads) in ${(extra.loadMs / 1000).toFixed(1)} s\n`);
    run = async () => ({ columns: schema, rows: await duck.run() });
  }

  fullGc();
  const baselineRss = process.memoryUsage.rss();
  sampler.markWindow();
  const runMs: number[] = [];
  let result: Awaited<ReturnType<Run>> | undefined;
  for (let r = 0; r < args.runs; r++) {
    result = undefined;
    if (r > 0) fullGc();
    const t0 = performance.now();
    result = await run();
    runMs.push(performance.now() - t0);
    process.stderr.write(`[${label}] run ${r + 1}/${args.runs}: ${(runMs[r]! / 1000).toFixed(2)} s, ${result.rows.length} rows\n`);
  }
  const runPeakRssMB = sampler.windowPeakMB();

  const canonical = canonicalize(result!.columns.map((c) => ({ name: c.name, type: c.type })), result!.rows, setColumnsOf(query));
  writeFileSync(args.rowsOut, canonical.rows.join('\n') + (canonical.rows.length ? '\n' : ''));
  const peak = Math.max(await sampler.stop(), round1(process.resourceUsage().maxRSS / 1024));

  const out: SeedChildResult = {
    peer: args.peer,
    size: args.size,
    alerts: sizes.alerts,
    gcp: sizes.gcp,
    identities: sizes.identities,
    genMs: Math.round(genMs),
    ...extra,
    ...runTimes(runMs),
    outputRows: result!.rows.length,
    columns: canonical.header,
    digest: canonical.digest,
    peakRssMB: peak,
    runPeakRssMB,
    baselineRssMB: round1(baselineRss / MB),
  };
  reportResult(out);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
