/**
 * Benchmark: the seed rule (queries/suspicious-vm-creation/rule.kql) over
 * generated SecurityAlert / GCPAuditLogs / IdentityInfo rows (scripts/bench-data.ts),
 * run by three peers on the same seeded data, each in its own process:
 *   mini-kql   runKql (dist/index.js, the built package, which `npm run bench` builds first; or --engine)
 *   reference  the rule hand-written in JavaScript (scripts/bench-reference.ts)
 *   duckdb     the rule as SQL (scripts/bench-sql/*.sql) in in-memory DuckDB (scripts/bench-duckdb.ts)
 * and checks that all three return the same rows (row count and a digest of the
 * canonical rows, scripts/bench-canonical.ts).
 *
 *   npm run bench                              # sizes 10k, 100k, 1M; 3 runs each
 *   npm run bench -- --sizes 10k,100k          # pick sizes (alerts; GCP rows = alerts, identities = 5%)
 *   npm run bench -- --runs 5                  # timed runs per process (median, min, max reported)
 *   npm run bench -- --peers mini-kql,duckdb   # run only some peers
 *   npm run bench -- --engine src/index.ts     # bench another build of the API (default dist/index.js)
 *   npm run bench -- --query file.kql          # another query over the same tables (mini-kql only)
 *   npm run bench -- --duckdb-threads 1        # DuckDB threads (default: DuckDB's own, one per core)
 *   npm run bench -- --max-old-space 16384     # heap limit of each child, MB
 *   npm run bench -- --keep-rows               # keep the canonical rows files (kept anyway on a mismatch)
 *   npm run bench -- --suite rules [...]       # the real-rules suite instead (scripts/bench-rules.ts)
 *
 * One child process per (peer, size) (scripts/bench-child.ts), one after the
 * other. Each generates the data itself (excluded from the time), DuckDB also
 * loads its tables (excluded), then the query runs --runs times. Prints a table
 * per size; results go to .bench-out/bench-<timestamp>.json. Exit code 1 when
 * the peers disagree (MISMATCH, with a few differing rows) or a child fails.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_NOW, parseSize } from './bench-data.js';
import { diffRows } from './bench-canonical.js';
import type { Peer, SeedChildResult } from './bench-child.js';
import { REPO_ROOT, formatTable, runChild, timestampForFile } from './bench-proc.js';

const SCRIPT = fileURLToPath(import.meta.url);
const CHILD = join(REPO_ROOT, 'scripts', 'bench-child.ts');
const SEED_QUERY = join(REPO_ROOT, 'queries', 'suspicious-vm-creation', 'rule.kql');
// The built package, as users run it (tsx's transpiled sources run about 1.7x slower: esbuild's keepNames wraps every closure).
const DEFAULT_ENGINE = join(REPO_ROOT, 'dist', 'index.js');
const ALL_PEERS: readonly Peer[] = ['mini-kql', 'reference', 'duckdb'];
const BASELINE: Peer = 'reference';

interface Args {
  sizes: string[];
  runs: number;
  peers: Peer[];
  engine: string;
  query: string;
  maxOldSpace: number;
  duckdbThreads?: number;
  keepRows: boolean;
}

function usage(): never {
  console.log(readFileSync(SCRIPT, 'utf8').split('*/')[0]);
  process.exit(0);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: ['10k', '100k', '1M'], runs: 3, peers: [...ALL_PEERS], engine: DEFAULT_ENGINE, query: SEED_QUERY, maxOldSpace: 16384, keepRows: false };
  let peersGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const abs = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));
    const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
    if (a === '--sizes') args.sizes = list(val());
    else if (a === '--runs') args.runs = Math.max(1, Number(val()));
    else if (a === '--peers') {
      args.peers = list(val()) as Peer[];
      peersGiven = true;
      for (const p of args.peers) if (!ALL_PEERS.includes(p)) throw new Error(`unknown peer ${p} (use ${ALL_PEERS.join(', ')})`);
    } else if (a === '--engine') args.engine = abs(val());
    else if (a === '--query') args.query = abs(val());
    else if (a === '--max-old-space') args.maxOldSpace = Number(val());
    else if (a === '--duckdb-threads') args.duckdbThreads = Number(val());
    else if (a === '--keep-rows') args.keepRows = true;
    else if (a === '--help' || a === '-h') usage();
    else throw new Error(`unknown argument ${a}`);
  }
  for (const s of args.sizes) parseSize(s); // validate early
  if (!existsSync(args.query)) throw new Error(`query file not found: ${args.query}`);
  if (!existsSync(args.engine)) throw new Error(`engine not found: ${args.engine}`);
  if (resolve(args.query) !== SEED_QUERY) {
    // The reference and the SQL are the seed rule only.
    if (peersGiven && args.peers.some((p) => p !== 'mini-kql')) console.log('note: --query runs mini-kql only (the reference and the SQL know only the seed rule)');
    args.peers = ['mini-kql'];
  }
  return args;
}

const sec = (ms: number) => (ms / 1000).toFixed(3);
const ratio = (a: number, b: number | undefined) => (b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}x`);

interface SizeReport {
  size: string;
  results: SeedChildResult[];
  failed: Peer[];
  mismatches: string[];
}

/** Compares every peer with the baseline (the hand-written reference, else the first peer that ran). */
function compare(report: SizeReport, rowsFile: (p: Peer) => string): Map<Peer, boolean> {
  const ok = new Map<Peer, boolean>();
  const base = report.results.find((r) => r.peer === BASELINE) ?? report.results[0];
  if (!base) return ok;
  for (const r of report.results) {
    const same = r.digest === base.digest && r.outputRows === base.outputRows;
    ok.set(r.peer, same);
    if (same || r === base) continue;
    const lines = [`MISMATCH at ${report.size}: ${r.peer} ${r.outputRows} rows, digest ${r.digest.slice(0, 12)} vs ${base.peer} ${base.outputRows} rows, digest ${base.digest.slice(0, 12)}`];
    if (r.columns !== base.columns) lines.push(`  columns differ:\n    ${r.peer}: ${r.columns}\n    ${base.peer}: ${base.columns}`);
    else {
      const columns = r.columns.split(',').map((c) => ({ name: c.slice(0, c.lastIndexOf(':')), type: c.slice(c.lastIndexOf(':') + 1) }));
      const read = (p: Peer) => readFileSync(rowsFile(p), 'utf8').split('\n').filter(Boolean);
      const d = diffRows(columns, read(r.peer), read(base.peer), r.peer, base.peer);
      lines.push(`  ${d.onlyLeft} rows only in ${r.peer}, ${d.onlyRight} only in ${base.peer}; for example:`, ...d.examples);
    }
    lines.push(`  canonical rows: ${rowsFile(r.peer)} and ${rowsFile(base.peer)}`);
    report.mismatches.push(lines.join('\n'));
  }
  return ok;
}

function printSize(report: SizeReport, ok: Map<Peer, boolean>): void {
  const by = (p: Peer) => report.results.find((r) => r.peer === p);
  const ref = by('reference');
  const duck = by('duckdb');
  const header = ['engine', 'median s', 'min s', 'max s', 'x hand-written', 'x DuckDB', 'peak RSS MB', 'RSS x hand-written', 'run peak MB', 'rows', 'digest'];
  const rows = report.results.map((r) => [
    r.peer,
    sec(r.medianMs),
    sec(r.minMs),
    sec(r.maxMs),
    ratio(r.medianMs, ref?.medianMs),
    ratio(r.medianMs, duck?.medianMs),
    r.peakRssMB.toFixed(0),
    ratio(r.peakRssMB, ref?.peakRssMB),
    r.runPeakRssMB.toFixed(0),
    String(r.outputRows),
    `${ok.get(r.peer) ? 'ok' : 'MISMATCH'} ${r.digest.slice(0, 12)}`,
  ]);
  for (const p of report.failed) rows.push([p, 'FAILED', '', '', '', '', '', '', '', '', '']);
  const any = report.results[0];
  console.log(`\n== ${report.size}${any ? `: ${any.alerts} alerts, ${any.gcp} GCP rows, ${any.identities} identities` : ''}`);
  console.log(formatTable(header, rows));
  const notes: string[] = [];
  if (any) {
    const gen = report.results.map((r) => r.genMs / 1000);
    const lo = Math.min(...gen).toFixed(1);
    const hi = Math.max(...gen).toFixed(1);
    notes.push(`data generation ${lo === hi ? lo : `${lo}-${hi}`} s per process (excluded)`);
  }
  if (duck) notes.push(`DuckDB ${duck.duckdbVersion}, ${duck.duckdbThreads} threads, load ${((duck.loadMs ?? 0) / 1000).toFixed(1)} s (excluded)`);
  if (notes.length) console.log(notes.join('; '));
}

export async function main(argv: string[]): Promise<void> {
  const si = argv.indexOf('--suite');
  if (si >= 0) {
    const suite = argv[si + 1];
    const rest = argv.filter((_, i) => i !== si && i !== si + 1);
    if (suite === 'rules') return (await import('./bench-rules.js')).main(rest);
    if (suite !== 'seed') throw new Error(`unknown suite ${suite} (seed, rules)`);
    argv = rest;
  }
  const args = parseArgs(argv);
  const rel = (p: string) => p.replace(REPO_ROOT + '/', '');
  console.log(
    `mini-kql bench: ${rel(args.query)} via ${rel(args.engine)}, peers ${args.peers.join(', ')}, now=${BENCH_NOW.toISOString()}, runs=${args.runs}, node ${process.version}`,
  );
  const stamp = timestampForFile();
  const outDir = join(REPO_ROOT, '.bench-out');
  const rowsDir = join(outDir, `rows-${stamp}`);
  mkdirSync(rowsDir, { recursive: true });

  const reports: SizeReport[] = [];
  let failed = false;
  for (const size of args.sizes) {
    const report: SizeReport = { size, results: [], failed: [], mismatches: [] };
    const rowsFile = (p: Peer) => join(rowsDir, `${size}-${p}.rows`);
    for (const peer of args.peers) {
      const childArgs = ['--peer', peer, '--size', size, '--runs', String(args.runs), '--engine', args.engine, '--query', args.query, '--rows-out', rowsFile(peer)];
      if (args.duckdbThreads) childArgs.push('--duckdb-threads', String(args.duckdbThreads));
      try {
        report.results.push(await runChild<SeedChildResult>(CHILD, childArgs, `${size} ${peer}`, args.maxOldSpace));
      } catch (e) {
        failed = true;
        report.failed.push(peer);
        console.error(String((e as Error).message));
      }
    }
    const ok = compare(report, rowsFile);
    printSize(report, ok);
    for (const m of report.mismatches) console.error(m);
    if (report.mismatches.length) failed = true;
    reports.push(report);
  }

  const mismatched = reports.some((r) => r.mismatches.length > 0);
  if (!mismatched && !args.keepRows) rmSync(rowsDir, { recursive: true, force: true });
  else console.log(`canonical rows kept in ${rel(rowsDir)}`);
  const file = join(outDir, `bench-${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify({ node: process.version, query: args.query, engine: args.engine, now: BENCH_NOW.toISOString(), runs: args.runs, sizes: reports }, null, 2),
  );
  console.log(`results: ${rel(file)}`);
  if (mismatched) console.error('MISMATCH: the peers do not agree (see above)');
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === SCRIPT) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
