/**
 * The corpus report behind `npm run corpus` (scripts/corpus.ts): for each
 * analytics rule, does it parse, bind, have the official analyzer's result
 * schema, and execute on generated rows; then totals and the unsupported
 * features ranked by how many rules they block. A development tool: uses the
 * analyzer (a devDependency) through test/support/oracle.ts.
 */
import { analyzeKql, KqlError, runKql } from '../src/index.js';
import { builtinTableNames, getBuiltinSchema } from '../src/schemas/index.js';
import type { ColumnSchema } from '../src/runtime/types.js';
import { analyzeWithOracle } from '../test/support/oracle.js';
import { generateRows, parseDuration } from './corpus-data.js';

export interface CorpusRule {
  file?: string;
  id?: string;
  name?: string;
  query: string;
  tables?: string[];
  queryFrequency?: string | null;
  queryPeriod?: string | null;
}

export interface ErrorInfo {
  phase: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
}

export interface CrashInfo {
  message: string;
  /** First stack frames (the crash site). */
  stack: string;
}

export interface RuleResult {
  index: number;
  id: string;
  name: string;
  file: string;
  /** Our parser accepts the query. */
  parse: boolean;
  /** Our binder accepts it (built-in schemas). */
  bind: boolean;
  /** Our error from analyzeKql, when parse or bind failed with a KqlError. */
  analyzeError?: ErrorInfo;
  /** analyzeKql threw something that is not a KqlError: a bug. */
  analyzeCrash?: CrashInfo;
  oracle: {
    /** The analyzer's parser accepts it (syntax diagnostics only). */
    parseOk: boolean;
    /** line:column of the analyzer's first syntax error. */
    syntaxAt?: string;
    /** No analyzer diagnostic of severity Error. */
    clean: boolean;
    firstError?: string;
    columns?: string;
  };
  /** Only when we bind and the analyzer is clean. */
  schemaEqual?: boolean;
  schemaDiff?: string;
  exec?: {
    status: 'ok' | 'kql-error' | 'crash';
    rows?: number;
    error?: ErrorInfo;
    crash?: CrashInfo;
    ms: number;
  };
  /** Our analyze + run took more than the slow threshold (the analyzer's time not counted). */
  slow?: boolean;
  /** Normalised key of the first thing that keeps this rule from passing; undefined if it passes. */
  blocker?: string;
  /** The message behind the blocker. */
  blockerDetail?: string;
}

export interface Blocker {
  key: string;
  rules: number;
  /** How many of those the analyzer binds without error. */
  analyzerClean: number;
  examples: string[];
}

export interface CorpusReport {
  generatedAt: string;
  now: string;
  rules: RuleResult[];
  totals: {
    rules: number;
    parseOk: number;
    oracleParseOk: number;
    /** Rules the analyzer parses but we do not. */
    parseMissing: number;
    /** Rules both parsers reject... */
    syntaxBoth: number;
    /** ...of which ours reports the analyzer's line and column. */
    syntaxSamePosition: number;
    bindOk: number;
    analyzerClean: number;
    /** Over analyzer-clean rules that we also bind... and over all analyzer-clean rules. */
    schemaEqual: number;
    schemaEqualPct: number;
    executed: number;
    executesOk: number;
    runtimeKqlErrors: number;
    crashes: number;
    analyzeCrashes: number;
    slow: number;
  };
  blockers: Blocker[];
}

export interface CorpusOptions {
  /** The clock of every run (default 2024-05-02T00:00:00Z). */
  now?: Date;
  /** Report queries slower than this (default 5000 ms). */
  slowMs?: number;
  /** Our analyzer (default analyzeKql with the built-in schemas); replaceable in tests. */
  analyze?: (query: string) => { columns: ColumnSchema[] };
  /** Called after each rule (progress). */
  onRule?: (r: RuleResult) => void;
}

/** Parses JSON-lines text into rules (blank lines skipped). */
export function parseCorpus(text: string): CorpusRule[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = JSON.parse(l) as CorpusRule;
      if (typeof r.query !== 'string') throw new Error(`line ${i + 1}: no query`);
      return r;
    });
}

const DEFAULT_NOW = new Date('2024-05-02T00:00:00Z');
const DEFAULT_PERIOD_MS = 86_400_000;

let builtinNames: Set<string> | undefined;

/** Built-in tables the rule may read: its `tables` plus every identifier in the text that names one. */
export function referencedTables(rule: CorpusRule): string[] {
  builtinNames ??= new Set(builtinTableNames());
  const out = new Set<string>();
  for (const n of [...(rule.tables ?? []), ...(rule.query.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])]) {
    if (builtinNames.has(n)) out.add(n);
  }
  return [...out].sort();
}

/** The query's simple string literals ("x", 'x', @"x"), so generated rows sometimes match its filters. */
export function stringLiterals(query: string): string[] {
  const out = new Set<string>();
  for (const m of query.matchAll(/(@?)"((?:[^"\\\n]|\\.)*)"|(@?)'((?:[^'\\\n]|\\.)*)'/g)) {
    const verbatim = (m[1] ?? m[3]) === '@';
    const raw = m[2] ?? m[4] ?? '';
    const v = verbatim ? raw : raw.replace(/\\(.)/g, '$1');
    if (v.length > 0 && v.length <= 200) out.add(v);
  }
  return [...out];
}

function errorInfo(e: KqlError): ErrorInfo {
  return { phase: e.phase, code: e.code, message: e.message, line: e.line, column: e.column };
}

function crashInfo(e: unknown): CrashInfo {
  if (e instanceof Error) {
    const frames = (e.stack ?? '').split('\n').slice(1, 4).map((s) => s.trim().replace(/\(.*\/work\/main\//, '(').replace(/file:\/\/\S*\/work\/main\//, ''));
    return { message: `${e.name}: ${e.message}`, stack: frames.join(' | ') };
  }
  return { message: String(e), stack: '' };
}

const fmtCols = (cols: readonly { name: string; type: string }[]) => cols.map((c) => `${c.name}:${c.type}`).join(', ');

export function describeSchemaDiff(ours: readonly ColumnSchema[], theirs: readonly { name: string; type: string }[]): string {
  if (ours.length !== theirs.length) {
    const ourNames = new Set(ours.map((c) => c.name));
    const theirNames = new Set(theirs.map((c) => c.name));
    const extra = ours.filter((c) => !theirNames.has(c.name)).map((c) => c.name);
    const missing = theirs.filter((c) => !ourNames.has(c.name)).map((c) => c.name);
    return `${ours.length} columns vs analyzer ${theirs.length}; extra [${extra.slice(0, 5).join(', ')}] missing [${missing.slice(0, 5).join(', ')}]`;
  }
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    if (a.name !== b.name) return `column ${i + 1}: '${a.name}' vs analyzer '${b.name}'`;
    if (a.type !== b.type) return `column '${a.name}': ${a.type} vs analyzer ${b.type}`;
  }
  return '';
}

/** 'schema mismatch: ...' with the kind of the first difference. */
function schemaMismatchKey(ours: readonly ColumnSchema[], theirs: readonly { name: string; type: string }[]): string {
  const suffixed = /_(string|dynamic|long|int|real|bool|datetime|timespan|guid|decimal)$/;
  const i = theirs.findIndex((c, k) => c.name !== ours[k]?.name);
  if (i >= 0 && (suffixed.test(theirs[i]!.name) || suffixed.test(ours[i]?.name ?? ''))) {
    return 'schema mismatch: union of same-named columns of different types (Col_type names and their position)';
  }
  if (ours.length !== theirs.length) return 'schema mismatch: column count';
  return i >= 0 ? 'schema mismatch: column names or order' : 'schema mismatch: column types';
}

/** Kusto's parser alone (no binding): syntax diagnostics. Needs the analyzer loaded (analyzeWithOracle first). */
function oracleSyntaxErrors(query: string): { count: number; line?: number; column?: number } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const K = (globalThis as any).Kusto.Language;
  const diags = K.KustoCode.Parse(query).GetDiagnostics();
  let count = 0;
  let first: number | undefined;
  for (let i = 0; i < diags.Count; i++) {
    const d = diags.getItem(i);
    if (String(d.Severity) !== 'Error') continue;
    count++;
    first ??= Number(d.Start);
  }
  if (first === undefined) return { count };
  const before = query.slice(0, first).split('\n');
  return { count, line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * A normalised key for an error message, so that rules blocked by the same
 * missing feature group together: "operator 'parse'", "function 'column_ifexists'",
 * "unknown table 'X'", "unknown column", ...
 */
export function blockerKey(phase: string, code: string, message: string, query?: string, line?: number, column?: number): string {
  const m = message.replace(/ \(line \d+, column \d+\)$/, '');
  let x: RegExpExecArray | null;
  if (phase === 'syntax' && (x = /^Unexpected '(.*)'$/s.exec(m))) {
    // What precedes the bad token says more than the token: "'=' after a name" is a named argument.
    let after = '';
    if (query !== undefined && line && column) {
      const lines = query.split('\n');
      const before = (lines.slice(0, line - 1).join('\n') + (line > 1 ? '\n' : '') + (lines[line - 1] ?? '').slice(0, column - 1)).trimEnd();
      const last = before.at(-1);
      after = last === undefined ? ' at the start' : /\w/.test(last) ? ' after a name' : ` after '${last}'`;
    }
    return `syntax: unexpected '${x[1]!.slice(0, 20)}'${after}`;
  }
  if ((x = /Unknown table '([^']+)'/.exec(m))) return `unknown table '${x[1]}'`;
  if ((x = /Unknown (?:scalar |aggregate |tabular )?function '([^']+)'/i.exec(m))) return `function '${x[1]}'`;
  if ((x = /The '([^']+)' operator is not supported/.exec(m))) return `operator '${x[1]}'`;
  if ((x = /The '([^']+)' operator is incomplete or malformed/.exec(m))) return `syntax in '${x[1]}'`;
  if ((x = /^'([A-Za-z_][\w.-]*)\(\.\.\.\)' does not produce a table/.exec(m))) return `function '${x[1]}' (as a table)`;
  if ((x = /(?:function|aggregate|operator|plugin|kind|option|parameter) '([^']+)'/i.exec(m)) && /not supported|unsupported|unknown|not available/i.test(m)) {
    return `${/plugin/i.test(m) ? 'plugin' : /aggregate/i.test(m) ? 'aggregate' : /operator/i.test(m) ? 'operator' : /function/i.test(m) ? 'function' : 'feature'} '${x[1]}'`;
  }
  if ((x = /^The '([^']+)' plugin of evaluate is not supported/.exec(m))) return `plugin '${x[1]}'`;
  if (/^Unknown watchlist/.test(m)) return "_GetWatchlist('…') without a watchlist";
  if (/^externaldata is not available offline/.test(m)) return 'externaldata (offline by design; needs options.externalData)';
  if ((x = /^Cannot compare values of types (\w+) and (\w+)/.exec(m))) return 'comparing values of different types (string/long, bool/string, ...)';
  if (code === 'SEM_UNKNOWN_COLUMN') return `unknown column or variable${(x = /'([^']+)'/.exec(m)) ? ` '${x[1]}'` : ''}`;
  if (code === 'SEM_WRONG_ARGUMENT_COUNT') return `wrong argument count${(x = /'([^']+)'/.exec(m)) ? ` '${x[1]}'` : ''}`;
  // Fall back to the message with quoted names, numbers and positions generalised.
  const generic = m.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N');
  return `${phase} ${code}: ${generic.slice(0, 90)}`;
}

/** Runs the report over rules. Synchronous; about 0.05-0.1 s per rule (the analyzer dominates). */
export function runCorpus(rules: readonly CorpusRule[], options: CorpusOptions = {}): CorpusReport {
  const now = options.now ?? DEFAULT_NOW;
  const slowMs = options.slowMs ?? 5000;
  const analyze = options.analyze ?? ((q: string) => analyzeKql(q));
  const results: RuleResult[] = [];

  rules.forEach((rule, index) => {
    const tables = referencedTables(rule);
    const schemas: Record<string, ColumnSchema[]> = {};
    for (const t of tables) schemas[t] = getBuiltinSchema(t)!;

    const r: RuleResult = {
      index,
      id: rule.id ?? String(index + 1),
      name: rule.name ?? '',
      file: rule.file ?? '',
      parse: false,
      bind: false,
      oracle: { parseOk: false, clean: false },
    };

    // (c) the analyzer
    const oracle = analyzeWithOracle(rule.query, schemas);
    const syn = oracleSyntaxErrors(rule.query);
    r.oracle.parseOk = syn.count === 0;
    if (syn.line) r.oracle.syntaxAt = `${syn.line}:${syn.column}`;
    r.oracle.clean = oracle.errors.length === 0;
    if (!r.oracle.clean) r.oracle.firstError = `${oracle.errors[0]!.code} ${oracle.errors[0]!.message}`;
    else r.oracle.columns = fmtCols(oracle.columns);

    // (a), (b) our parser and binder
    let ours: ColumnSchema[] | undefined;
    const analyzeStart = Date.now();
    try {
      ours = analyze(rule.query).columns;
      r.parse = true;
      r.bind = true;
    } catch (e) {
      if (e instanceof KqlError) {
        r.analyzeError = errorInfo(e);
        r.parse = e.phase !== 'syntax';
      } else {
        r.analyzeCrash = crashInfo(e);
      }
    }

    const analyzeMs = Date.now() - analyzeStart;

    if (ours && r.oracle.clean) {
      const diff = describeSchemaDiff(ours, oracle.columns);
      r.schemaEqual = diff === '';
      if (diff) r.schemaDiff = diff;
    }

    // (d) execution on generated rows
    if (ours) {
      const periodMs = parseDuration(rule.queryPeriod) ?? DEFAULT_PERIOD_MS;
      const literals = stringLiterals(rule.query);
      const input: Record<string, { schema: ColumnSchema[]; rows: Record<string, unknown>[] }> = {};
      for (const t of tables) input[t] = { schema: schemas[t]!, rows: generateRows(t, schemas[t]!, { seed: r.id, now: now.getTime(), periodMs, literals }) };
      const t0 = Date.now();
      try {
        const res = runKql(rule.query, input, { now });
        r.exec = { status: 'ok', rows: res.rows.length, ms: Date.now() - t0 };
      } catch (e) {
        const ms = Date.now() - t0;
        if (e instanceof KqlError && e.code !== 'RUN_INTERNAL') r.exec = { status: 'kql-error', error: errorInfo(e), ms };
        else if (e instanceof KqlError) {
          // runKql wraps an unexpected JS error as RUN_INTERNAL: still a bug. Its stack, if runKql keeps the cause.
          const cause = (e as { cause?: unknown }).cause;
          r.exec = { status: 'crash', crash: { message: `RUN_INTERNAL ${e.message}`, stack: cause ? crashInfo(cause).stack : '(wrapped by runKql)' }, error: errorInfo(e), ms };
        }
        else r.exec = { status: 'crash', crash: crashInfo(e), ms };
      }
    }
    r.slow = analyzeMs + (r.exec?.ms ?? 0) > slowMs;

    // The first thing that blocks this rule.
    if (r.analyzeCrash) {
      r.blocker = `crash in analyze: ${r.analyzeCrash.message.slice(0, 80)}`;
      r.blockerDetail = r.analyzeCrash.stack;
    } else if (r.analyzeError) {
      const e = r.analyzeError;
      r.blocker = blockerKey(e.phase, e.code, e.message, rule.query, e.line, e.column);
      r.blockerDetail = e.message;
    } else if (r.schemaEqual === false) {
      r.blocker = schemaMismatchKey(ours!, oracle.columns);
      r.blockerDetail = r.schemaDiff;
    } else if (r.exec && r.exec.status === 'crash') {
      r.blocker = `crash at run time: ${r.exec.crash!.message.replace(/ \(line \d+, column \d+\)$/, '').slice(0, 100)}`;
      r.blockerDetail = r.exec.crash!.stack;
    } else if (r.exec && r.exec.status === 'kql-error') {
      const e = r.exec.error!;
      r.blocker = `run time: ${blockerKey(e.phase, e.code, e.message).replace(/^runtime /, '')}`;
      r.blockerDetail = e.message;
    }
    results.push(r);
    options.onRule?.(r);
  });

  const count = (f: (r: RuleResult) => boolean) => results.filter(f).length;
  const analyzerClean = count((r) => r.oracle.clean);
  const schemaEqual = count((r) => r.oracle.clean && r.schemaEqual === true);
  const groups = new Map<string, Blocker>();
  for (const r of results) {
    if (!r.blocker) continue;
    let g = groups.get(r.blocker);
    if (!g) groups.set(r.blocker, (g = { key: r.blocker, rules: 0, analyzerClean: 0, examples: [] }));
    g.rules++;
    if (r.oracle.clean) g.analyzerClean++;
    if (g.examples.length < 3) g.examples.push(`${r.id} ${r.name}`.trim());
  }
  const blockers = [...groups.values()].sort((a, b) => b.rules - a.rules || b.analyzerClean - a.analyzerClean || (a.key < b.key ? -1 : 1));

  return {
    generatedAt: new Date().toISOString(),
    now: now.toISOString(),
    rules: results,
    totals: {
      rules: results.length,
      parseOk: count((r) => r.parse),
      oracleParseOk: count((r) => r.oracle.parseOk),
      parseMissing: count((r) => r.oracle.parseOk && !r.parse),
      syntaxBoth: count((r) => !r.oracle.parseOk && r.analyzeError?.phase === 'syntax'),
      syntaxSamePosition: count((r) => !r.oracle.parseOk && r.analyzeError?.phase === 'syntax' && r.oracle.syntaxAt === `${r.analyzeError.line}:${r.analyzeError.column}`),
      bindOk: count((r) => r.bind),
      analyzerClean,
      schemaEqual,
      schemaEqualPct: analyzerClean ? Math.round((1000 * schemaEqual) / analyzerClean) / 10 : 0,
      executed: count((r) => r.exec !== undefined),
      executesOk: count((r) => r.exec?.status === 'ok'),
      runtimeKqlErrors: count((r) => r.exec?.status === 'kql-error'),
      crashes: count((r) => r.exec?.status === 'crash') + count((r) => r.analyzeCrash !== undefined),
      analyzeCrashes: count((r) => r.analyzeCrash !== undefined),
      slow: count((r) => r.slow === true),
    },
    blockers,
  };
}

/** One compact line per rule. */
export function formatRuleLine(r: RuleResult): string {
  const flag = (b: boolean | undefined) => (b === undefined ? '-' : b ? 'Y' : 'n');
  const exec = !r.exec ? '-' : r.exec.status === 'ok' ? `ok(${r.exec.rows})` : r.exec.status === 'kql-error' ? `ERR ${r.exec.error!.code}` : 'CRASH';
  const parts = [
    `#${String(r.index + 1).padStart(4)}`,
    `parse=${flag(r.parse)}`,
    `bind=${flag(r.bind)}`,
    `oracle=${r.oracle.clean ? 'clean' : r.oracle.parseOk ? 'error' : 'syntax'}`,
    `schema=${flag(r.schemaEqual)}`,
    `exec=${exec}`,
    r.slow ? 'SLOW' : '',
    (r.name || r.id).slice(0, 70),
    r.blocker ? `| ${r.blocker}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Totals and the ranked blockers as text. */
export function formatSummary(report: CorpusReport, top = 40): string {
  const t = report.totals;
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
  const lines = [
    `rules                      ${t.rules}`,
    `parse ok                   ${t.parseOk} (analyzer's parser: ${t.oracleParseOk}; it parses but we do not: ${t.parseMissing})`,
    `syntax errors              ${t.syntaxBoth} rejected by both parsers, ${t.syntaxSamePosition} of them at the analyzer's line:column; ${t.oracleParseOk === t.rules ? 0 : t.rules - t.oracleParseOk - t.syntaxBoth} the analyzer rejects but we parse`,
    `bind ok                    ${t.bindOk}`,
    `analyzer-clean             ${t.analyzerClean}`,
    `schema equal               ${t.schemaEqual} of ${t.analyzerClean} analyzer-clean (${t.schemaEqualPct}%)`,
    `executes ok                ${t.executesOk} of ${t.executed} that bind (${pct(t.executesOk, t.executed)})`,
    `KqlErrors at run time      ${t.runtimeKqlErrors}`,
    `non-Kql crashes            ${t.crashes} (${t.analyzeCrashes} in analyze, the rest at run time incl. RUN_INTERNAL)`,
    `slow (> 5 s)               ${t.slow}`,
    '',
    `unsupported features ranked by rules blocked (first error of each failing rule; "clean" = analyzer binds it):`,
    ...report.blockers.slice(0, top).map((b, i) => `${String(i + 1).padStart(3)}. ${String(b.rules).padStart(4)} rules (${b.analyzerClean} clean)  ${b.key}`),
  ];
  if (report.blockers.length > top) lines.push(`     ... ${report.blockers.length - top} more keys (see --out JSON)`);
  return lines.join('\n');
}
