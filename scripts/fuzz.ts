/**
 * The long fuzz run (issue 5):
 *   npm run fuzz -- [--cases N] [--corpus path/to/queries.jsonl] [--seed S] [--timeout-ms T]
 *
 * Mixes the generators of scripts/fuzz-lib.ts (grammar-aware queries, hostile data, mutated golden
 * queries and snippets, and with --corpus mutated corpus queries). Case i is generated from
 * caseSeed(seed, i), so any case can be regenerated alone (--only i). Cases run in a worker thread;
 * a case that does not finish within --timeout-ms (default 10 s) is a hang: the worker is replaced
 * and the run goes on. Prints counts: total, ok, KqlErrors by phase, crashes (minimized examples),
 * slow cases (> 1 s), positions out of range.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  prng, caseSeed, genCase, checkCase, isWrappedInternal, SLOW_MS, loadCorpus, minimizeQuery, minimizeTables,
  describeQuery, describeTables, type CaseKind, type CaseResult, type Tables,
} from './fuzz-lib.js';

interface Options { cases: number; seed: number; corpus?: string; timeoutMs: number; only?: number }

function parseArgs(argv: string[]): Options {
  const o: Options = { cases: 100_000, seed: 1, timeoutMs: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => { const x = argv[++i]; if (x === undefined) throw new Error(`${a} needs a value`); return x; };
    if (a === '--cases') o.cases = Number(v());
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--corpus') o.corpus = v();
    else if (a === '--timeout-ms') o.timeoutMs = Number(v());
    else if (a === '--only') o.only = Number(v());
    else if (a === '--help' || a === '-h') { console.log('npm run fuzz -- [--cases N] [--corpus queries.jsonl] [--seed S] [--timeout-ms T] [--only i]'); process.exit(0); }
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

function kindOf(i: number, withCorpus: boolean): CaseKind {
  const kinds: CaseKind[] = withCorpus ? ['grammar', 'data', 'mutated', 'corpus', 'corpus'] : ['grammar', 'data', 'mutated'];
  return kinds[i % kinds.length];
}

function buildCase(i: number, opts: Options, corpus: string[]) {
  const kind = kindOf(i, corpus.length > 0);
  return { kind, ...genCase(prng(caseSeed(opts.seed, i)), kind, corpus) };
}

interface Report { i: number; kind: CaseKind; res: Omit<CaseResult, 'error'> & { errorText?: string; stackTop?: string; wrapped: boolean }; query?: string; tables?: string }

/** Worker: runs cases [from, to), posting 'start' before each (for the watchdog) and a report after. */
function workerMain() {
  const { opts, from, to } = workerData as { opts: Options; from: number; to: number };
  const corpus = opts.corpus ? loadCorpus(opts.corpus) : [];
  for (let i = from; i < to; i++) {
    parentPort!.postMessage({ type: 'start', i });
    const { kind, query, tables } = buildCase(i, opts, corpus);
    const res = checkCase(query, tables, { slowMs: SLOW_MS });
    const wrapped = isWrappedInternal(res);
    const bad = res.outcome === 'crash' || res.outcome === 'slow' || res.problems.length > 0 || wrapped;
    const err = res.error as Error | undefined;
    const inner = (err as Error & { cause?: Error })?.cause ?? err;
    const report: Report = {
      i, kind,
      res: {
        outcome: res.outcome, ms: res.ms, phase: res.phase, code: res.code, problems: res.problems, wrapped,
        errorText: err ? `${inner?.constructor?.name ?? typeof inner}: ${String(inner?.message ?? inner).slice(0, 300)}` : undefined,
        stackTop: bad && inner?.stack ? inner.stack.split('\n').slice(1, 5).map((s) => s.trim()).join(' < ') : undefined,
      },
    };
    if (bad) {
      // minimize here, where the case lives: same failure class (outcome + code/problem kind)
      const same = (q: string, t: Tables) => {
        const r2 = checkCase(q, t, { slowMs: SLOW_MS });
        if (res.outcome === 'slow') return r2.outcome === 'slow';
        if (res.outcome === 'crash') return r2.outcome === 'crash' && (r2.error as Error)?.constructor === (res.error as Error)?.constructor;
        if (wrapped) return isWrappedInternal(r2);
        return r2.problems.length > 0;
      };
      const fresh = () => buildCase(i, opts, corpus).tables;
      const budget = res.outcome === 'slow' ? 20 : 300;
      const q = minimizeQuery(query, (cand) => same(cand, fresh()), budget);
      const t = minimizeTables(fresh(), (cand) => same(q, cand), res.outcome === 'slow' ? 10 : 150);
      report.query = q;
      report.tables = describeTables(t);
    }
    parentPort!.postMessage({ type: 'done', report });
  }
  parentPort!.postMessage({ type: 'end' });
}

/** Workers load this file through tsx's ESM loader (a worker does not inherit it). */
const BOOTSTRAP = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const corpusSize = opts.corpus ? loadCorpus(opts.corpus).length : 0;
  const from0 = opts.only ?? 0;
  const to = opts.only !== undefined ? opts.only + 1 : opts.cases;
  const t0 = Date.now();
  const counts = { total: 0, ok: 0, syntax: 0, semantic: 0, runtime: 0, crash: 0, slow: 0, hang: 0, wrappedInternal: 0, position: 0, other: 0 };
  const byKind: Record<string, number> = {};
  const crashes: Report[] = [];
  const slow: Report[] = [];
  const positions: Report[] = [];
  const hangs: { i: number; query: string }[] = [];
  let maxMs = 0;
  let maxMsCase = -1;

  console.log(`fuzz: seed ${opts.seed}, cases ${from0}..${to - 1}${opts.corpus ? `, corpus ${opts.corpus} (${corpusSize} queries)` : ''}`);
  let next = from0;
  while (next < to) {
    next = await new Promise<number>((resolve) => {
      const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`), { workerData: { opts, from: next, to } });
      let current = next;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => { clearTimeout(timer); timer = setTimeout(onHang, opts.timeoutMs); };
      const onHang = () => {
        counts.total++; counts.hang++;
        const corpus = opts.corpus ? loadCorpus(opts.corpus) : [];
        hangs.push({ i: current, query: describeQuery(buildCase(current, opts, corpus).query) });
        void w.terminate();
        resolve(current + 1);
      };
      w.on('message', (m: { type: string; i?: number; report?: Report }) => {
        if (m.type === 'start') { current = m.i!; arm(); return; }
        if (m.type === 'end') { clearTimeout(timer); void w.terminate(); resolve(to); return; }
        const r = m.report!;
        counts.total++;
        byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
        if (r.res.ms > maxMs) { maxMs = r.res.ms; maxMsCase = r.i; }
        if (r.res.outcome === 'ok') counts.ok++;
        else if (r.res.outcome === 'crash') { counts.crash++; crashes.push(r); }
        else if (r.res.outcome === 'slow') { counts.slow++; slow.push(r); }
        if (r.res.phase === 'syntax' || r.res.phase === 'semantic' || r.res.phase === 'runtime') counts[r.res.phase]++;
        if (r.res.wrapped) { counts.wrappedInternal++; crashes.push(r); }
        if (r.res.problems.length) { counts.position++; positions.push(r); }
        if (counts.total % 5000 === 0) console.log(`  ${counts.total} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s, crashes ${counts.crash + counts.wrappedInternal}, slow ${counts.slow}, hangs ${counts.hang}, positions ${counts.position}`);
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        counts.total++; counts.crash++;
        crashes.push({ i: current, kind: kindOf(current, corpusSize > 0), res: { outcome: 'crash', ms: 0, problems: [], wrapped: false, errorText: `worker died: ${String(e)}` } });
        resolve(current + 1);
      });
    });
  }

  const secs = (Date.now() - t0) / 1000;
  const show = (title: string, list: Report[], n = 5) => {
    console.log(`\n${title}: ${list.length}`);
    const seen = new Set<string>();
    for (const r of list) {
      const key = `${r.res.errorText?.slice(0, 60)}|${r.res.stackTop?.split(' < ')[0]}|${r.res.problems.join()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > n) break;
      console.log(`- case ${r.i} (${r.kind}) ${r.res.outcome} ${r.res.code ?? ''} ${r.res.ms.toFixed(0)} ms ${r.res.problems.join('; ')}`);
      if (r.res.errorText) console.log(`  error: ${r.res.errorText}`);
      if (r.res.stackTop) console.log(`  at: ${r.res.stackTop}`);
      if (r.query !== undefined) console.log(`  minimal query: ${describeQuery(r.query)}`);
      if (r.tables) console.log(`  tables: ${r.tables.split('\n').join('\n          ')}`);
    }
  };
  console.log(`\n== fuzz summary (seed ${opts.seed}, ${secs.toFixed(0)} s) ==`);
  console.log(`total ${counts.total}  (${Object.entries(byKind).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`ok ${counts.ok}`);
  console.log(`KqlErrors: syntax ${counts.syntax}, semantic ${counts.semantic}, runtime ${counts.runtime}`);
  console.log(`crashes (not a KqlError) ${counts.crash}; internal errors wrapped as RUN_INTERNAL ${counts.wrappedInternal}`);
  console.log(`slow (> 1 s) ${counts.slow}; hangs (> ${opts.timeoutMs} ms) ${counts.hang}; max time ${maxMs.toFixed(0)} ms (case ${maxMsCase})`);
  console.log(`positions out of range / prototype or data problems ${counts.position}`);
  show('crashes', crashes);
  show('slow', slow);
  show('positions', positions);
  if (hangs.length) { console.log(`\nhangs: ${hangs.length}`); for (const h of hangs.slice(0, 5)) console.log(`- case ${h.i}: ${h.query}`); }
  process.exitCode = counts.crash + counts.wrappedInternal + counts.slow + counts.hang + counts.position > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((e) => { console.error(e); process.exit(2); });
} else {
  workerMain();
}
