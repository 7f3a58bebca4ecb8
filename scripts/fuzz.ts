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
 *
 * The limits mode (issue 12):
 *   npm run fuzz -- --limits [--cases N] [--seed S] [--budget-mb 64] [--deadline-ms 200] [--worker-heap-mb 256] [--hostile-every 4]
 *
 * Runs each case with runKql's memory budget (maxMemoryBytes, default 64 MiB) and deadline (timeoutMs,
 * default 200 ms), in a worker process whose V8 heap is capped a bit above the budget (--max-old-space-size:
 * a worker thread's resourceLimits do not always hold, a large string allocation past them aborts the whole
 * process, so the limits mode uses a child process that may die alone), and adds
 * hostile cases (big cross joins, make-series with many bins, large regexes, deep nesting, long strings:
 * genHostileQuery) to the mix. It counts escapes by kind: a non-KqlError (or RUN_INTERNAL wrapping one),
 * a worker killed by running out of memory, an end more than 100 ms past the deadline (or no end before
 * the watchdog, --timeout-ms, default 1.5 s), and input tables changed by the run; with minimized examples.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  prng, caseSeed, genCase, checkCase, isWrappedInternal, SLOW_MS, loadCorpus, minimizeQuery, minimizeTables,
  describeQuery, describeTables, checkLimitsCase, DEFAULT_LIMITS, type CaseKind, type CaseResult, type Tables,
  type LimitsCaseOptions, type LimitsResult,
} from './fuzz-lib.js';

interface Options {
  cases: number; seed: number; corpus?: string; timeoutMs: number; only?: number;
  /** The limits mode and its settings. */
  limits: boolean; budgetMb: number; deadlineMs: number; workerHeapMb: number; hostileEvery: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    cases: 100_000, seed: 1, timeoutMs: NaN, limits: false,
    budgetMb: DEFAULT_LIMITS.maxMemoryBytes / 2 ** 20, deadlineMs: DEFAULT_LIMITS.timeoutMs, workerHeapMb: 256, hostileEvery: 4,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => { const x = argv[++i]; if (x === undefined) throw new Error(`${a} needs a value`); return x; };
    if (a === '--cases') o.cases = Number(v());
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--corpus') o.corpus = v();
    else if (a === '--timeout-ms') o.timeoutMs = Number(v());
    else if (a === '--only') o.only = Number(v());
    else if (a === '--limits') o.limits = true;
    else if (a === '--budget-mb') o.budgetMb = Number(v());
    else if (a === '--deadline-ms') o.deadlineMs = Number(v());
    else if (a === '--worker-heap-mb') o.workerHeapMb = Number(v());
    else if (a === '--hostile-every') o.hostileEvery = Number(v());
    else if (a === '--help' || a === '-h') {
      console.log('npm run fuzz -- [--cases N] [--corpus queries.jsonl] [--seed S] [--timeout-ms T] [--only i]');
      console.log('               [--limits [--budget-mb 64] [--deadline-ms 200] [--worker-heap-mb 256] [--hostile-every 4]]');
      process.exit(0);
    }
    else throw new Error(`unknown argument ${a}`);
  }
  // The watchdog: 10 s per case normally; in the limits mode a case past its deadline is already an escape.
  if (Number.isNaN(o.timeoutMs)) o.timeoutMs = o.limits ? 1500 : 10_000;
  return o;
}

function kindOf(i: number, withCorpus: boolean, opts?: Options): CaseKind {
  // The limits mode makes every hostileEvery-th case a hostile one (big joins, long strings, ...).
  if (opts?.limits && opts.hostileEvery > 0 && i % opts.hostileEvery === opts.hostileEvery - 1) return 'hostile';
  const kinds: CaseKind[] = withCorpus ? ['grammar', 'data', 'mutated', 'corpus', 'corpus'] : ['grammar', 'data', 'mutated'];
  return kinds[i % kinds.length];
}

function buildCase(i: number, opts: Options, corpus: string[]) {
  const kind = kindOf(i, corpus.length > 0, opts);
  return { kind, ...genCase(prng(caseSeed(opts.seed, i)), kind, corpus) };
}

interface Report { i: number; kind: CaseKind; res: Omit<CaseResult, 'error'> & { errorText?: string; stackTop?: string; wrapped: boolean }; query?: string; tables?: string }

/** Worker: runs cases [from, to), posting 'start' before each (for the watchdog) and a report after. */
function workerMain() {
  const { opts, from, to } = workerData as { opts: Options; from: number; to: number };
  if (opts.limits) return limitsWorkerMain(opts, from, to);
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
  if (opts.limits) return limitsMain(opts);
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

// ---------------------------------------------------------------- the limits mode

type EscapeKind = 'crash' | 'internal' | 'oom' | 'late' | 'hang' | 'mutated';
const ESCAPE_KINDS: EscapeKind[] = ['crash', 'internal', 'oom', 'late', 'hang', 'mutated'];
const ESCAPE_TITLES: Record<EscapeKind, string> = {
  crash: 'crashed with a non-KqlError',
  internal: 'RUN_INTERNAL wrapping a non-KqlError',
  oom: 'killed the worker (out of memory)',
  late: 'ended more than 100 ms past the deadline',
  hang: 'no end before the watchdog (worker killed)',
  mutated: 'changed its input tables',
};

interface LimitsReport {
  i: number; kind: CaseKind; outcome: LimitsResult['outcome']; code?: string; ms: number;
  escapes: EscapeKind[]; shared: boolean; problems: string[];
  errorText?: string; stackTop?: string; query?: string; tables?: string;
}

function limitsOf(opts: Options): LimitsCaseOptions {
  return { maxMemoryBytes: opts.budgetMb * 2 ** 20, timeoutMs: opts.deadlineMs, graceMs: DEFAULT_LIMITS.graceMs };
}

function escapesOf(res: LimitsResult): EscapeKind[] {
  const out: EscapeKind[] = [];
  if (res.outcome === 'crash') out.push('crash');
  if (res.internal) out.push('internal');
  if (res.late) out.push('late');
  if (res.mutated) out.push('mutated');
  return out;
}

type Post = (m: unknown) => void;

function limitsWorkerMain(opts: Options, from: number, to: number, post: Post = (m) => parentPort!.postMessage(m)) {
  const corpus = opts.corpus ? loadCorpus(opts.corpus) : [];
  const limits = limitsOf(opts);
  // Warm up (module loading and compilation would make the first cases look late).
  for (let i = 0; i < 20; i++) checkLimitsCase('range x from 1 to 100 step 1 | summarize count() by x % 3 | extend s = strcat("a", x)', {}, limits);
  post({ type: 'heap', mb: process.memoryUsage().heapUsed / 2 ** 20 });
  for (let i = from; i < to; i++) {
    const { kind, query, tables } = buildCase(i, opts, corpus);
    // The watchdog covers the run itself only: not building the case, confirming a late end or minimizing.
    post({ type: 'start', i });
    const res = checkLimitsCase(query, tables, limits);
    post({ type: 'ran', i });
    // A late end is confirmed by a second run on fresh tables: a pause of the machine (another process, a
    // garbage collection left by the previous case) is not the engine missing its deadline.
    if (res.late && !checkLimitsCase(query, buildCase(i, opts, corpus).tables, limits).late) res.late = false;
    const escapes = escapesOf(res);
    const err = res.error as Error | undefined;
    const inner = (err as Error & { cause?: Error })?.cause ?? err;
    const report: LimitsReport = {
      i, kind, outcome: res.outcome, code: res.code, ms: res.ms, escapes, shared: res.shared, problems: res.problems,
      errorText: err ? `${inner?.constructor?.name ?? typeof inner}: ${String(inner?.message ?? inner).slice(0, 300)}` : undefined,
    };
    if (escapes.length > 0 || res.problems.length > 0) {
      report.stackTop = inner?.stack ? inner.stack.split('\n').slice(1, 5).map((s) => s.trim()).join(' < ') : undefined;
      // Minimize while the same escape kind shows. A late case is not minimized (each try runs past the deadline).
      const first = escapes[0];
      const same = (q: string, t: Tables) => {
        const r2 = checkLimitsCase(q, t, limits);
        if (first === undefined) return r2.problems.length > 0;
        if (first === 'crash') return r2.outcome === 'crash' && (r2.error as Error)?.constructor === (res.error as Error)?.constructor;
        return escapesOf(r2).includes(first);
      };
      const fresh = () => buildCase(i, opts, corpus).tables;
      const slow = first === 'late';
      const q = slow ? query : minimizeQuery(query, (cand) => same(cand, fresh()), 200);
      const t = slow ? fresh() : minimizeTables(fresh(), (cand) => same(q, cand), 100);
      report.query = q;
      report.tables = describeTables(t);
    }
    post({ type: 'done', report });
  }
  post({ type: 'end' });
}

async function limitsMain(opts: Options) {
  const corpusSize = opts.corpus ? loadCorpus(opts.corpus).length : 0;
  const corpus = opts.corpus ? loadCorpus(opts.corpus) : [];
  const from0 = opts.only ?? 0;
  const to = opts.only !== undefined ? opts.only + 1 : opts.cases;
  const t0 = Date.now();
  const counts = { total: 0, ok: 0, kqlError: 0, shared: 0, problems: 0 };
  const codes = new Map<string, number>();
  const byKind: Record<string, number> = {};
  const escapes = new Map<EscapeKind, LimitsReport[]>(ESCAPE_KINDS.map((k) => [k, []]));
  const escapedCases = new Set<number>();
  const shared: LimitsReport[] = [];
  const problems: LimitsReport[] = [];
  let maxMs = 0;
  let maxMsCase = -1;
  let heapMb = 0;
  const escape = (kind: EscapeKind, r: LimitsReport) => { escapes.get(kind)!.push(r); escapedCases.add(r.i); };
  const script = fileURLToPath(import.meta.url);

  console.log(`fuzz --limits: seed ${opts.seed}, cases ${from0}..${to - 1}, budget ${opts.budgetMb} MiB (maxMemoryBytes), deadline ${opts.deadlineMs} ms (timeoutMs), worker heap ${opts.workerHeapMb} MB, every ${opts.hostileEvery}th case hostile, watchdog ${opts.timeoutMs} ms`);
  let next = from0;
  while (next < to) {
    next = await new Promise<number>((resolve) => {
      // A child process with its heap capped a bit above the budget: if it runs out of memory, only it dies.
      const w = fork(script, ['--limits-child'], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${opts.workerHeapMb}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      w.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr = (stderr + d).slice(-4000); });
      w.send({ opts, from: next, to });
      let current = next;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (n: number) => { if (!settled) { settled = true; clearTimeout(timer); resolve(n); } };
      const lost = (kind: EscapeKind, text: string) => {
        counts.total++;
        const k = kindOf(current, corpusSize > 0, opts);
        byKind[k] = (byKind[k] ?? 0) + 1;
        escape(kind, { i: current, kind: k, outcome: 'crash', ms: NaN, escapes: [kind], shared: false, problems: [], errorText: text, query: buildCase(current, opts, corpus).query });
      };
      const arm = () => { clearTimeout(timer); timer = setTimeout(onHang, opts.timeoutMs); };
      const onHang = () => {
        lost('hang', `no end after ${opts.timeoutMs} ms`);
        w.kill('SIGKILL');
        finish(current + 1);
      };
      w.on('message', (m: { type: string; i?: number; mb?: number; report?: LimitsReport }) => {
        if (m.type === 'heap') { heapMb = Math.max(heapMb, m.mb!); return; }
        if (m.type === 'start') { current = m.i!; arm(); return; }
        // After the run: checking and minimizing re-run the case (each run ends, or it would have hung): a wide margin.
        if (m.type === 'ran') { clearTimeout(timer); timer = setTimeout(onHang, 120_000); return; }
        if (m.type === 'end') { w.kill('SIGKILL'); finish(to); return; }
        const r = m.report!;
        // A report that crossed the watchdog: the case is already counted as hung.
        if (settled) return;
        counts.total++;
        byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
        if (r.ms > maxMs) { maxMs = r.ms; maxMsCase = r.i; }
        if (r.outcome === 'ok') counts.ok++;
        if (r.outcome === 'kqlError') { counts.kqlError++; codes.set(r.code!, (codes.get(r.code!) ?? 0) + 1); }
        for (const k of r.escapes) escape(k, r);
        if (r.shared) { counts.shared++; shared.push(r); }
        if (r.problems.length) { counts.problems++; problems.push(r); }
        if (counts.total % 5000 === 0) console.log(`  ${counts.total} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s, escapes ${escapedCases.size}`);
      });
      w.on('exit', (code, signal) => {
        if (settled) return;
        const oom = /heap out of memory|Reached heap limit|allocation failed/i.test(stderr);
        lost(oom ? 'oom' : 'crash', `worker process died (${signal ?? `exit code ${code}`})${oom ? ': JavaScript heap out of memory' : `: ${stderr.trim().split('\n').slice(-3).join(' | ')}`}`);
        finish(current + 1);
      });
    });
  }

  const secs = (Date.now() - t0) / 1000;
  const show = (title: string, list: LimitsReport[], n = 5) => {
    console.log(`\n${title}: ${list.length}`);
    const seen = new Set<string>();
    for (const r of list) {
      const key = `${r.kind}|${r.errorText?.slice(0, 60)}|${r.stackTop?.split(' < ')[0]}|${(r.query ?? '').slice(0, 40)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > n) break;
      console.log(`- case ${r.i} (${r.kind}) ${r.outcome} ${r.code ?? ''} ${Number.isNaN(r.ms) ? '' : `${r.ms.toFixed(0)} ms`} ${r.problems.join('; ')}`);
      if (r.errorText) console.log(`  error: ${r.errorText}`);
      if (r.stackTop) console.log(`  at: ${r.stackTop}`);
      if (r.query !== undefined) console.log(`  ${r.escapes.includes('oom') || r.escapes.includes('hang') ? 'query' : 'minimal query'}: ${describeQuery(r.query)}`);
      if (r.tables) console.log(`  tables: ${r.tables.split('\n').join('\n          ')}`);
    }
  };
  console.log(`\n== fuzz --limits summary (seed ${opts.seed}, ${secs.toFixed(0)} s) ==`);
  console.log(`total ${counts.total}  (${Object.entries(byKind).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`ok ${counts.ok}; KqlErrors ${counts.kqlError} (${[...codes].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c, n]) => `${c} ${n}`).join(', ')})`);
  console.log(`escapes: ${escapedCases.size} cases`);
  for (const k of ESCAPE_KINDS) console.log(`  ${k.padEnd(8)} ${String(escapes.get(k)!.length).padStart(6)}  ${ESCAPE_TITLES[k]}`);
  console.log(`also: results sharing an object with the input ${counts.shared}; prototype problems ${counts.problems}`);
  console.log(`max time in runKql ${maxMs.toFixed(0)} ms (case ${maxMsCase}); worker heap after loading ${heapMb.toFixed(0)} MB`);
  for (const k of ESCAPE_KINDS) if (escapes.get(k)!.length) show(`${k}: ${ESCAPE_TITLES[k]}`, escapes.get(k)!);
  if (shared.length) show('results sharing an object with the input', shared, 3);
  if (problems.length) show('prototype problems', problems);
  process.exitCode = escapedCases.size + counts.problems > 0 ? 1 : 0;
}

if (process.argv.includes('--limits-child')) {
  // A limits-mode worker process: its cases come in the first message; reports go back over IPC.
  process.once('message', (m: { opts: Options; from: number; to: number }) => {
    limitsWorkerMain(m.opts, m.from, m.to, (x) => process.send!(x));
  });
} else if (isMainThread) {
  main().catch((e) => { console.error(e); process.exit(2); });
} else {
  workerMain();
}
