/**
 * One measurement of the real-rules suite (scripts/bench-rules.ts starts it):
 * one rule at one size, in its own process.
 *
 *   node --expose-gc --import tsx scripts/bench-rules-child.ts --rule <name> --size 1M --runs 3 --engine src/index.ts
 *
 * Generates the rule's input tables (timed, excluded), then runs the rule with
 * runKql and the suite's fixed `now` `runs` times. Prints one BENCH_RESULT line:
 * times, input and output rows, a digest of the canonical output rows (to
 * compare two builds of the engine) and peak RSS (as in scripts/bench-child.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSize } from './bench-data.js';
import { canonicalize, setColumnsOf, type CanonicalColumn } from './bench-canonical.js';
import { MB, REPO_ROOT, fullGc, median, reportResult, round1, runTimes, startRssSampler } from './bench-proc.js';
import { generateRuleTables } from './bench-rules-data.js';
import { BENCH_RULES, RULES_NOW } from './bench-rules/rules.js';

export interface RuleChildResult {
  rule: string;
  size: string;
  inputRows: number;
  /** Rows per table. */
  tables: Record<string, number>;
  /** Generated columns per table. */
  columns: Record<string, number>;
  genMs: number;
  runMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  rowsPerSec: number;
  outputRows: number;
  digest: string;
  peakRssMB: number;
  runPeakRssMB: number;
  baselineRssMB: number;
}

interface Engine {
  runKql: (q: string, t: Record<string, unknown>, o?: { now?: Date }) => { columns: CanonicalColumn[]; rows: Record<string, unknown>[] };
}

async function main(): Promise<void> {
  const sampler = startRssSampler();
  const argv = process.argv.slice(2);
  const get = (name: string, dflt?: string) => {
    const i = argv.indexOf(name);
    const v = i >= 0 ? argv[i + 1] : dflt;
    if (v === undefined) throw new Error(`bench-rules-child: ${name} is required`);
    return v;
  };
  const rule = BENCH_RULES.find((r) => r.name === get('--rule'));
  if (!rule) throw new Error(`unknown rule ${get('--rule')}`);
  const size = get('--size');
  const runs = Math.max(1, Number(get('--runs', '3')));
  const engine = (await import(pathToFileURL(get('--engine')).href)) as Engine;
  const query = readFileSync(join(REPO_ROOT, 'scripts', 'bench-rules', `${rule.name}.kql`), 'utf8');
  const label = `${size} ${rule.name}`;

  const total = parseSize(size);
  const g0 = performance.now();
  const { tables, columns } = generateRuleTables(rule, query, total, RULES_NOW);
  const genMs = performance.now() - g0;
  const counts = Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
  process.stderr.write(`[${label}] generated ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')} in ${(genMs / 1000).toFixed(1)} s\n`);

  fullGc();
  const baselineRss = process.memoryUsage.rss();
  sampler.markWindow();
  const runMs: number[] = [];
  let result: ReturnType<Engine['runKql']> | undefined;
  for (let r = 0; r < runs; r++) {
    result = undefined;
    if (r > 0) fullGc();
    const t0 = performance.now();
    result = engine.runKql(query, tables, { now: RULES_NOW });
    runMs.push(performance.now() - t0);
    process.stderr.write(`[${label}] run ${r + 1}/${runs}: ${(runMs[r]! / 1000).toFixed(2)} s, ${result.rows.length} rows\n`);
  }
  const runPeakRssMB = sampler.windowPeakMB();
  const canonical = canonicalize(result!.columns.map((c) => ({ name: c.name, type: c.type })), result!.rows, setColumnsOf(query));
  const peak = Math.max(await sampler.stop(), round1(process.resourceUsage().maxRSS / 1024));
  const medianMs = median(runMs);
  const out: RuleChildResult = {
    rule: rule.name,
    size,
    inputRows: total,
    tables: counts,
    columns,
    genMs: Math.round(genMs),
    ...runTimes(runMs),
    rowsPerSec: Math.round(total / (medianMs / 1000)),
    outputRows: result!.rows.length,
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
