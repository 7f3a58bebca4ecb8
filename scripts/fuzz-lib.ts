/**
 * Fuzzing toolkit for mini-kql (issue 5): generators of hostile queries and data, and `checkCase`,
 * which runs one case and classifies the outcome. Used by test/fuzz/*.test.ts (fast-check, seeded)
 * and by scripts/fuzz.ts (the long run).
 *
 * Every generator is written against a tiny `Rand` interface, so the same code runs over fast-check
 * (`fc.gen()`, with shrinking) and over a plain seeded PRNG (the long run, where speed matters).
 */
import fc from 'fast-check';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runKql, analyzeKql, KqlError } from '../src/index.js';
import type { ColumnSchema, KqlType } from '../src/runtime/types.js';
import { listScalarFunctions } from '../src/functions/scalar-registry.js';
import { listAggregateFunctions } from '../src/functions/aggregate-registry.js';
import { builtinTableNames, getBuiltinSchema } from '../src/schemas/index.js';
import { deepFreeze } from '../test/support/deep-freeze.js';

// ---------------------------------------------------------------- randomness

export interface Rand {
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A fast seeded PRNG (mulberry32) as a Rand. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** A Rand drawing from fast-check's `fc.gen()`, so failures shrink. */
export function genRand(g: fc.GeneratorValue): Rand {
  return {
    int: (lo, hi) => g(fc.integer, { min: lo, max: hi }),
    pick: (xs) => xs[g(fc.integer, { min: 0, max: xs.length - 1 })],
    // shrinks towards false: fewer optional pieces
    chance: (p) => g(fc.integer, { min: 0, max: 999 }) >= 1000 - p * 1000,
  };
}

/** Seed of case `i` of a run with seed `seed`: each case can be regenerated alone. */
export function caseSeed(seed: number, i: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ i, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------- schema of the fuzz tables

export const T_SCHEMA: ColumnSchema[] = [
  { name: 'B', type: 'bool' },
  { name: 'I', type: 'int' },
  { name: 'L', type: 'long' },
  { name: 'R', type: 'real' },
  { name: 'Dec', type: 'decimal' },
  { name: 'S', type: 'string' },
  { name: 'Dt', type: 'datetime' },
  { name: 'Ts', type: 'timespan' },
  { name: 'G', type: 'guid' },
  { name: 'Dy', type: 'dynamic' },
];
/** A second table sharing some columns with T (for join, union, lookup). */
export const T2_SCHEMA: ColumnSchema[] = [
  { name: 'S', type: 'string' },
  { name: 'L', type: 'long' },
  { name: 'Dy', type: 'dynamic' },
  { name: 'Dt', type: 'datetime' },
  { name: 'Extra', type: 'string' },
];

export type Tables = Record<string, { schema: ColumnSchema[]; rows: Record<string, unknown>[] } | Record<string, unknown>[]>;

// ---------------------------------------------------------------- data fuzz (c)

const WEIRD_STRINGS = [
  '', ' ', 'a', 'abc', 'null', 'NaN', 'Infinity', '-Infinity', '1e309', '0x10', '  42 ', '-0', '1.5', '9007199254740993',
  'true', 'FALSE', '2024-05-01T10:00:00Z', '2024-13-45T99:99:99Z', '0000-00-00', '10000-01-01', '1.02:03:04', '-1d', '1d',
  'not a date', '{', '[1,2', '{"a":', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}',
  '[1,2,3]', '{"a":{"b":[1,{"c":null}]}}', '"quoted"', '\u0000', '\ud800', '\udc00x', '😀', 'ﬁ', 'İ', '\u202e', 'a\nb\r\nc',
  '\\', "'", '"', '%', '.*', '(a+)+$', '<x><y a="1"/></x>', 'deadbeef-dead-beef-dead-beefdeadbeef', '00000000-0000-0000-0000-000000000000',
];

function hostileValue(r: Rand, type: KqlType | undefined, depth = 0): unknown {
  const k = r.int(0, 24);
  switch (k) {
    case 0: return undefined;
    case 1: return null;
    case 2: return NaN;
    case 3: return r.pick([Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, -(2 ** 63), 2 ** 64]);
    case 4: return r.pick(WEIRD_STRINGS);
    case 5: return r.pick(['x', 'ab', '{', '9']).repeat(r.pick([1000, 100_000, 1_000_000]));
    case 6: return new Date(r.pick([NaN, 8.64e15, -8.64e15, 0, Date.UTC(2024, 4, 1), -62135596800001]));
    case 7: return r.pick([true, false]);
    case 8: return BigInt(r.pick([0, 1, -5])) * 10n ** BigInt(r.int(0, 30));
    case 9: return JSON.parse(r.pick(['{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"prototype":1,"toString":2,"hasOwnProperty":3}']));
    case 10: return deepNest(r.pick([10, 1000, 5000]), r.chance(0.5));
    case 11: return '['.repeat(r.pick([1000, 100_000])) + (r.chance(0.5) ? ']'.repeat(100_000) : '');
    case 12: return r.pick([Symbol('s'), () => 1, new Map([[1, 2]]), new Set([1]), /re/g, new Uint8Array(3), Object.create(null)]);
    case 13: return depth < 3 ? [hostileValue(r, undefined, depth + 1), hostileValue(r, undefined, depth + 1)] : [];
    case 14: return depth < 3 ? { a: hostileValue(r, undefined, depth + 1), 'b.c': 1, '': 2, '0': 3 } : {};
    case 15: return r.int(-5, 5);
    case 16: return r.int(-2_000_000_000, 2_000_000_000) * r.pick([1, 1000, 1e9]);
    case 17: return r.pick([0.5, -1.25, 1e-300, 3.0000001]);
    default: return type ? typedValue(r, type) : r.pick(WEIRD_STRINGS);
  }
}

/** A value of the right type, in the shape a caller would pass it. */
function typedValue(r: Rand, type: KqlType): unknown {
  switch (type) {
    case 'bool': return r.chance(0.5);
    case 'int': return r.int(-3, 3);
    case 'long': return r.pick([0, 1, 2, 7, -1, 1000, 2 ** 40]);
    case 'real': case 'decimal': return r.pick([0, 0.5, -1.5, 3.25, 100]);
    case 'string': return r.pick(['a', 'b', 'abc', 'x y', '', 'alice@contoso.com', '10.0.0.1', 'A']);
    case 'datetime': return r.pick(['2024-05-01T10:00:00Z', '2024-05-01T11:30:00Z', '2024-04-30', new Date(Date.UTC(2024, 4, 1, 12))]);
    case 'timespan': return r.pick([0, 1000, 3_600_000, '01:00:00', '1.00:00:00']);
    case 'guid': return r.pick(['00000000-0000-0000-0000-000000000001', 'deadbeef-dead-beef-dead-beefdeadbeef']);
    case 'dynamic': return r.pick([{ a: 1, b: 'x' }, [1, 2, 3], ['a', 'b'], '{"a":{"b":2}}', '[1,"x",null]', 5, 'text', [], {}, [{ k: 'a', v: 1 }, { k: 'b', v: 2 }]]);
  }
}

function deepNest(depth: number, arrays: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

/** Rows for `schema`; with probability `hostile` per value, a value of the wrong kind. */
export function genRows(r: Rand, schema: ColumnSchema[], maxRows: number, hostile: number): Record<string, unknown>[] {
  const n = r.int(0, maxRows);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const c of schema) {
      if (r.chance(0.05)) continue; // missing key
      row[c.name] = r.chance(hostile) ? hostileValue(r, c.type) : typedValue(r, c.type);
    }
    if (r.chance(0.05)) row.Unexpected = hostileValue(r, undefined);
    if (r.chance(0.03)) Object.defineProperty(row, '__proto__', { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
    rows.push(row);
  }
  return rows;
}

/** Tables T and T2 (typed; sometimes plain arrays whose schema is inferred). */
export function genTables(r: Rand, hostile = 0.15, maxRows = 6): Tables {
  const t = genRows(r, T_SCHEMA, maxRows, hostile);
  const t2 = genRows(r, T2_SCHEMA, maxRows, hostile);
  return {
    T: { schema: T_SCHEMA, rows: t },
    T2: r.chance(0.8) ? { schema: T2_SCHEMA, rows: t2 } : t2,
  };
}

// ---------------------------------------------------------------- grammar-aware queries (a)

interface Col { name: string; type: KqlType | '?' }

let scalarNames: string[] | undefined;
let aggInfo: { name: string; min: number; max: number }[] | undefined;
let scalarInfo: Map<string, { min: number; max: number }> | undefined;
function registries() {
  if (!scalarNames) {
    scalarInfo = new Map();
    for (const f of listScalarFunctions()) {
      for (const n of [f.name, ...(f.aliases ?? [])]) scalarInfo.set(n, { min: f.minArgs, max: f.maxArgs });
    }
    scalarNames = [...scalarInfo.keys()];
    aggInfo = listAggregateFunctions().flatMap((f) => [f.name, ...(f.aliases ?? [])].map((n) => ({ name: n, min: f.minArgs, max: f.maxArgs })));
  }
  return { scalarNames: scalarNames!, scalarInfo: scalarInfo!, aggInfo: aggInfo! };
}

const LITERALS: Record<KqlType, string[]> = {
  bool: ['true', 'false', 'bool(null)'],
  int: ['int(1)', 'int(-7)', 'int(null)', 'int(2147483647)'],
  long: ['0', '1', '2', '-1', '100', '9223372036854775807', 'long(null)', '1000000000'],
  real: ['1.5', '0.0', '-2.5', 'real(nan)', 'real(+inf)', 'real(-inf)', '1e308', 'real(null)'],
  decimal: ['decimal(1.5)', 'decimal(null)'],
  string: ["'a'", '"abc"', "''", "@'c:\\x'", "'10.0.0.1'", "'a,b,c'", "'{\"a\":1}'", "'\\u00e9'", "'.*'", "'(a+)+$'", "h'hidden'"],
  datetime: ['datetime(2024-05-01)', 'datetime(2024-05-01T10:00:00Z)', 'datetime(null)', 'now()', 'ago(1d)', 'datetime(9999-12-31)', 'datetime(0001-01-01)'],
  timespan: ['1d', '1h', '30m', '1s', '1ms', '0s', 'time(null)', 'timespan(1.02:03:04)', '-1d', '10000000d'],
  guid: ["guid(00000000-0000-0000-0000-000000000001)", 'guid(null)'],
  dynamic: ['dynamic([1,2,3])', 'dynamic({"a":1,"b":[2]})', 'dynamic(null)', 'dynamic([])', 'dynamic({})', "dynamic(['a','b'])", 'pack_array(1, "x")'],
};
const ALL_TYPES = Object.keys(LITERALS) as KqlType[];
const BIN_OPS = ['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '=~', '!~',
  'contains', '!contains', 'has', '!has', 'startswith', 'endswith', 'hasprefix', 'has_cs', 'contains_cs', 'matches regex', 'like'];

function colRef(r: Rand, cols: Col[], type?: KqlType): string {
  const fit = type ? cols.filter((c) => c.type === type) : cols;
  const c = fit.length ? r.pick(fit) : cols.length ? r.pick(cols) : undefined;
  if (!c) return r.pick(LITERALS.long);
  return /^[A-Za-z_][A-Za-z_0-9]*$/.test(c.name) ? c.name : `['${c.name}']`;
}

export function genExpr(r: Rand, cols: Col[], depth: number, type?: KqlType): string {
  const k = depth <= 0 ? r.int(0, 1) : r.int(0, 9);
  switch (k) {
    case 0: return colRef(r, cols, type);
    case 1: return r.pick(LITERALS[type ?? r.pick(ALL_TYPES)]);
    case 2: case 3: {
      const { scalarNames: names, scalarInfo: info } = registries();
      const name = r.pick(names);
      const { min, max } = info.get(name)!;
      const n = Math.min(max, min + r.int(0, 2));
      const args = Array.from({ length: n }, () => genExpr(r, cols, depth - 1));
      return `${name}(${args.join(', ')})`;
    }
    case 4: case 5: return `(${genExpr(r, cols, depth - 1)} ${r.pick(BIN_OPS)} ${genExpr(r, cols, depth - 1)})`;
    case 6: return r.pick([`not(${genExpr(r, cols, depth - 1, 'bool')})`, `-${genExpr(r, cols, depth - 1)}`, `isnull(${genExpr(r, cols, depth - 1)})`]);
    case 7: {
      const d = colRef(r, cols, 'dynamic');
      return r.pick([`${d}.a`, `${d}[0]`, `${d}['b']`, `${d}.a.b`, `${d}[-1]`, `tostring(${d}.a)`, `toint(${d}[1])`]);
    }
    case 8: return r.pick([
      `${genExpr(r, cols, depth - 1)} in (${genExpr(r, cols, 0)}, ${genExpr(r, cols, 0)})`,
      `${genExpr(r, cols, depth - 1)} !in~ ('a', 'B')`,
      `${genExpr(r, cols, depth - 1)} between (${genExpr(r, cols, 0)} .. ${genExpr(r, cols, 0)})`,
      `${genExpr(r, cols, depth - 1)} has_any ('a', 'b')`,
      `iff(${genExpr(r, cols, depth - 1, 'bool')}, ${genExpr(r, cols, 0)}, ${genExpr(r, cols, 0)})`,
      `case(${genExpr(r, cols, depth - 1, 'bool')}, ${genExpr(r, cols, 0)}, ${genExpr(r, cols, 0)})`,
      `bin(${genExpr(r, cols, depth - 1)}, ${r.pick(['1h', '1d', '10', '0', '1.5', '0s'])})`,
      `toscalar(T | summarize count())`,
      `${genExpr(r, cols, depth - 1)} in (T2 | project ${r.pick(['S', 'L', 'Dt'])})`,
    ]);
    default: return `todynamic(${genExpr(r, cols, depth - 1)})`;
  }
}

function fresh(r: Rand, cols: Col[]): string {
  return r.chance(0.9) ? `C${r.int(0, 99)}` : r.pick(cols.length ? cols : [{ name: 'N', type: '?' }]).name;
}

function genAgg(r: Rand, cols: Col[]): string {
  const { aggInfo: aggs } = registries();
  const a = r.pick(aggs);
  const n = Math.min(a.max, a.min + r.int(0, 1));
  const args = Array.from({ length: n }, (_, i) => (i === 0 || r.chance(0.5) ? genExpr(r, cols, 1) : r.pick(['10', '0.5', "'x'", '-1'])));
  return `${a.name}(${args.join(', ')})`;
}

/** One pipe operator over columns `cols`: its text and (approximately) the columns after it. */
function genOperator(r: Rand, cols: Col[], depth: number): [string, Col[]] {
  const e = (d = 2, t?: KqlType) => genExpr(r, cols, d, t);
  switch (r.int(0, 20)) {
    case 0: case 1: return [`where ${e(2, 'bool')}`, cols];
    case 2: case 3: {
      const n = fresh(r, cols);
      return [`extend ${n} = ${e()}${r.chance(0.3) ? `, ${e(1)}` : ''}`, [...cols.filter((c) => c.name !== n), { name: n, type: '?' }]];
    }
    case 4: {
      const picked = cols.filter(() => r.chance(0.5));
      const n = fresh(r, cols);
      return [`project ${[...picked.map((c) => c.name), `${n} = ${e()}`].join(', ')}`, [...picked.filter((c) => c.name !== n), { name: n, type: '?' }]];
    }
    case 5: case 6: {
      const n = fresh(r, cols);
      const by = r.chance(0.7) ? [colRef(r, cols)] : [];
      if (r.chance(0.3)) by.push(`bin(${colRef(r, cols, 'datetime')}, 1h)`);
      const items = [`${n} = ${genAgg(r, cols)}`];
      if (r.chance(0.4)) items.push(genAgg(r, cols));
      const out: Col[] = [{ name: n, type: '?' }, ...by.filter((b) => /^\w+$/.test(b)).map((b) => ({ name: b, type: '?' as const }))];
      return [`summarize ${items.join(', ')}${by.length ? ` by ${by.join(', ')}` : ''}`, out];
    }
    case 7: {
      const kind = r.pick(['inner', 'innerunique', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi', 'anti']);
      const key = r.pick(['S', 'L', 'Dt', 'Dy', 'Nope']);
      const right = depth > 0 ? `(T2${r.chance(0.5) ? ` | ${genOperator(r, T2_SCHEMA, depth - 1)[0]}` : ''})` : 'T2';
      const on = r.chance(0.7) ? key : `$left.${colRef(r, cols)} == $right.${key}`;
      return [`join kind=${kind} ${right} on ${on}`, [...cols, ...T2_SCHEMA.map((c) => ({ name: c.name + '1', type: c.type }))]];
    }
    case 8: {
      const d = colRef(r, cols, 'dynamic');
      return [r.pick([`mv-expand ${d}`, `mv-expand X = ${d} to typeof(long)`, `mv-expand with_itemindex=Ix ${d} limit ${r.int(0, 3)}`, `mv-expand kind=array ${d}`, `mv-apply E = ${d} on (where isnotnull(E) | take 1)`]),
        [...cols, { name: 'X', type: '?' }, { name: 'Ix', type: 'long' }, { name: 'E', type: '?' }]];
    }
    case 9: return [`sort by ${e(1)} ${r.pick(['asc', 'desc', ''])}${r.chance(0.3) ? ` nulls ${r.pick(['first', 'last'])}` : ''}`, cols];
    case 10: return [`${r.pick(['take', 'limit'])} ${r.pick(['0', '1', '3', '-1', '100000000000', 'int(null)', '2+1'])}`, cols];
    case 11: return [`distinct ${r.chance(0.2) ? '*' : [colRef(r, cols), colRef(r, cols)].join(', ')}`, cols];
    case 12: return [r.pick(['union T2', 'union withsource=Src T2, T', 'union kind=inner (T | take 1)', 'union (print x = 1)', 'union isfuzzy=true T2, Missing']), [...cols, ...T2_SCHEMA]];
    case 13: {
      const s = colRef(r, cols, 'string');
      return [r.pick([`parse ${s} with * "a" P1:long "b" P2 *`, `parse kind=regex ${s} with "(\\\\w+)" P1:string`, `parse-where ${s} with P1 "," P2:int`, `parse kind=relaxed ${s} with * "=" P1:datetime`]),
        [...cols, { name: 'P1', type: '?' }, { name: 'P2', type: '?' }]];
    }
    case 14: return [`top ${r.int(0, 5)} by ${e(1)} ${r.pick(['asc', 'desc'])}`, cols];
    case 15: return ['count', [{ name: 'Count', type: 'long' }]];
    case 16: {
      const c = r.pick(cols.length ? cols : [{ name: 'S', type: '?' as const }]);
      return [r.pick([`project-away ${c.name}`, `project-rename Renamed = ${c.name}`, `project-reorder ${c.name}`, `project-keep ${c.name}*`]), cols.filter((x) => x !== c)];
    }
    case 17: return [r.pick(['serialize', `serialize Rn = row_number()`, 'getschema', `evaluate bag_unpack(${colRef(r, cols, 'dynamic')})`]), cols];
    case 18: return [`make-series ${genAgg(r, cols)} default=0 on ${colRef(r, cols, 'datetime')} from datetime(2024-05-01) to datetime(2024-05-02) step ${r.pick(['1h', '0s', '1ms', '-1h'])}`, [{ name: '?', type: '?' }]];
    case 19: return [`lookup ${r.pick(['kind=leftouter ', ''])}(T2 | distinct S, Extra) on S`, [...cols, { name: 'Extra', type: 'string' }]];
    default: return [`as Alias${r.int(0, 2)}`, cols];
  }
}

/** A grammar-aware random query over T (and T2). */
export function genQuery(r: Rand): string {
  let cols: Col[] = T_SCHEMA.map((c) => ({ ...c }));
  const parts: string[] = [];
  const lets: string[] = [];
  if (r.chance(0.15)) lets.push(`let x = ${genExpr(r, cols.filter(() => false), 1)};`);
  if (r.chance(0.1)) lets.push(`let f = (a: long) { a + 1 };`);
  const start = r.pick(['T', 'T', 'T', '(T | take 5)', 'union T, T2', 'datatable(S: string, L: long, Dy: dynamic) ["a", 1, dynamic([1]), "b", long(null), dynamic({"x": "y"})]', 'range L from 1 to 5 step 1', 'print S = "x", L = 1']);
  if (start.startsWith('datatable')) cols = [{ name: 'S', type: 'string' }, { name: 'L', type: 'long' }, { name: 'Dy', type: 'dynamic' }];
  if (start.startsWith('range')) cols = [{ name: 'L', type: 'long' }];
  if (start.startsWith('print')) cols = [{ name: 'S', type: 'string' }, { name: 'L', type: 'long' }];
  if (start.startsWith('union')) cols = [...cols, ...T2_SCHEMA.filter((c) => !cols.some((x) => x.name === c.name))];
  parts.push(start);
  const n = r.int(0, 5);
  for (let i = 0; i < n; i++) {
    const [text, next] = genOperator(r, cols, 1);
    parts.push(text);
    cols = next;
  }
  const sep = r.pick([' | ', '\n| ', '\n  | ']);
  return (lets.length ? lets.join('\n') + '\n' : '') + parts.join(sep);
}

// ---------------------------------------------------------------- mutated real queries (b)

/** Sentinel-like snippets, written in the style of the public analytics rules. */
export const SNIPPETS: string[] = [
  `SecurityAlert | where TimeGenerated > ago(1d) | where AlertSeverity == "High" | summarize count() by AlertName`,
  `SigninLogs\n| where ResultType != "0"\n| summarize FailedCount = count(), IPs = make_set(IPAddress, 100) by UserPrincipalName, bin(TimeGenerated, 1h)\n| where FailedCount > 10`,
  `let threshold = 5;\nSigninLogs\n| where TimeGenerated >= ago(14d)\n| extend Country = tostring(LocationDetails.countryOrRegion)\n| summarize Countries = dcount(Country) by UserPrincipalName\n| where Countries >= threshold`,
  `AzureActivity\n| where OperationNameValue =~ "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE"\n| where ActivityStatusValue == "Success"\n| extend AccountCustomEntity = Caller, IPCustomEntity = CallerIpAddress`,
  `SecurityEvent\n| where EventID == 4625\n| summarize StartTime = min(TimeGenerated), EndTime = max(TimeGenerated), count() by TargetAccount, IpAddress, Computer\n| where count_ > 20`,
  `OfficeActivity\n| where Operation in~ ("New-InboxRule", "Set-InboxRule")\n| extend Params = todynamic(Parameters)\n| mv-expand Params\n| where Params.Name =~ "ForwardTo"\n| project TimeGenerated, UserId, ClientIP, Fwd = tostring(Params.Value)`,
  `let lookback = 7d;\nlet known = SigninLogs | where TimeGenerated between (ago(lookback) .. ago(1d)) | distinct IPAddress;\nSigninLogs\n| where TimeGenerated > ago(1d)\n| where IPAddress !in (known)\n| project TimeGenerated, UserPrincipalName, IPAddress`,
  `CommonSecurityLog\n| where DeviceVendor == "Palo Alto Networks" and Activity == "TRAFFIC"\n| summarize Bytes = sum(SentBytes) by SourceIP, DestinationIP, bin(TimeGenerated, 5m)\n| where Bytes > 100000000\n| sort by Bytes desc\n| take 10`,
  `Syslog\n| where Facility == "authpriv" and SyslogMessage has "Failed password"\n| parse SyslogMessage with * "from " SrcIp " port " Port:int *\n| summarize Attempts = count() by SrcIp, HostName`,
  `DeviceProcessEvents\n| where FileName in~ ("powershell.exe", "pwsh.exe")\n| where ProcessCommandLine matches regex @"(?i)-enc(odedcommand)?\\s+[A-Za-z0-9+/=]{20,}"\n| extend Decoded = base64_decode_tostring(extract(@"([A-Za-z0-9+/=]{20,})", 1, ProcessCommandLine))`,
  `AuditLogs\n| where OperationName == "Add member to role"\n| extend Target = tostring(TargetResources[0].userPrincipalName), Role = tostring(TargetResources[0].modifiedProperties[1].newValue)\n| where Role has "Admin"`,
  `let a = SecurityAlert | where ProviderName == "MDATP" | extend Entities = parse_json(Entities) | mv-expand Entities | extend Host = tostring(Entities.HostName);\nlet b = SecurityEvent | where EventID == 4688 | project Computer, NewProcessName;\na | join kind=inner (b) on $left.Host == $right.Computer`,
  `union isfuzzy=true (SigninLogs | where ResultType == 0), (AADNonInteractiveUserSignInLogs | where ResultType == 0)\n| summarize Apps = make_set(AppDisplayName) by UserPrincipalName\n| extend AppCount = array_length(Apps)`,
  `W3CIISLog\n| where csMethod == "POST" and scStatus == 200\n| extend Path = tolower(csUriStem)\n| where Path endswith ".aspx"\n| summarize Hits = count(), FirstSeen = min(TimeGenerated) by Path, cIP`,
  `SecurityAlert\n| extend ExtProps = todynamic(ExtendedProperties)\n| extend Ip = tostring(ExtProps["Attacker IP"])\n| where isnotempty(Ip)\n| summarize arg_max(TimeGenerated, *) by Ip`,
  `DnsEvents\n| where QueryType == "TXT"\n| extend Labels = split(Name, ".")\n| where array_length(Labels) > 5 and strlen(tostring(Labels[0])) > 30\n| project TimeGenerated, Computer, Name`,
  `let starttime = 14d;\nlet endtime = 1d;\nAzureActivity\n| where TimeGenerated between (ago(starttime) .. ago(endtime))\n| make-series Count = count() default = 0 on TimeGenerated from ago(starttime) to ago(endtime) step 1d by Caller`,
  `SigninLogs\n| extend Status = todynamic(Status)\n| extend Err = toint(Status.errorCode), Reason = tostring(Status.failureReason)\n| where Err in (50053, 50126)\n| summarize by UserPrincipalName, Reason`,
  `OfficeActivity\n| where RecordType == "SharePointFileOperation" and Operation == "FileDownloaded"\n| summarize Files = dcount(OfficeObjectId), arg_min(TimeGenerated, ClientIP) by UserId\n| top 10 by Files desc`,
  `SecurityEvent\n| where EventID in (4720, 4722, 4738)\n| extend Acct = strcat(TargetDomainName, "\\\\", TargetUserName)\n| project-away SourceComputerId, EventSourceName\n| project-rename Actor = SubjectUserName`,
  `AzureDiagnostics\n| where Category == "AzureFirewallNetworkRule"\n| parse msg_s with Protocol " request from " SourceIP ":" SourcePort:int " to " DestIP ":" DestPort:int *\n| where DestPort in (22, 3389)`,
  `let Allow = dynamic(["10.0.0.1", "10.0.0.2"]);\nSigninLogs\n| where IPAddress !in (Allow) and not(ipv4_is_private(IPAddress))\n| extend Range = format_ipv4_mask(IPAddress, 24)`,
  `SecurityAlert\n| summarize AlertCount = count(), Alerts = make_list(pack("Name", AlertName, "Time", TimeGenerated)) by CompromisedEntity\n| where AlertCount >= 3\n| mv-expand Alerts`,
  `Heartbeat\n| summarize LastHeartbeat = max(TimeGenerated) by Computer\n| where LastHeartbeat < ago(1h)\n| extend Hours = datetime_diff("hour", now(), LastHeartbeat)`,
  `AADProvisioningLogs\n| extend Props = parse_json(ModifiedProperties)\n| mv-apply p = Props on (where p.displayName == "accountEnabled" | project NewValue = tostring(p.newValue))\n| where NewValue == "False"`,
  `print x = range(1, 10, 2), y = bag_pack("a", 1), z = iff(true, "yes", "no"), w = coalesce(int(null), 5)`,
  `datatable(Ip: string, Seen: datetime)["1.1.1.1", datetime(2024-05-01), "2.2.2.2", datetime(2024-05-02)]\n| where ipv4_is_in_range(Ip, "1.0.0.0/8")\n| extend Day = startofday(Seen)`,
  `SecurityEvent\n| where EventID == 4624 and LogonType == 10\n| summarize Logons = count() by Account, bin(TimeGenerated, 1d)\n| join kind=leftanti (SecurityEvent | where TimeGenerated < ago(7d) | where EventID == 4624 | distinct Account) on Account`,
  `_GetWatchlist('HighValueAssets')\n| project Asset = tostring(SearchKey)\n| join kind=inner (SecurityAlert | mv-expand E = todynamic(Entities) | extend Asset = tostring(E.HostName)) on Asset`,
  `SigninLogs\n| where AppDisplayName has_any ("Azure Portal", "Graph Explorer")\n| evaluate bag_unpack(DeviceDetail)\n| where isnotempty(operatingSystem)`,
  `let f = (t: string) { strcat("x", t) };\nSecurityAlert | extend F = f(AlertName) | where F startswith "x" | extend H = hash_sha256(F), B = base64_encode_tostring(F)`,
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The queries of the golden cases (queries/**\/*.kql), with the tables under their data/ directory. */
export function goldenQueries(): { query: string; tables: Record<string, unknown[]> }[] {
  const out: { query: string; tables: Record<string, unknown[]> }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { if (name !== 'data') walk(p); continue; }
      if (!name.endsWith('.kql')) continue;
      const tables: Record<string, unknown[]> = {};
      const data = join(dir, 'data');
      if (existsSync(data)) {
        for (const f of readdirSync(data)) if (f.endsWith('.json')) tables[f.slice(0, -5)] = JSON.parse(readFileSync(join(data, f), 'utf8'));
      }
      out.push({ query: readFileSync(p, 'utf8'), tables });
    }
  };
  walk(join(ROOT, 'queries'));
  return out;
}

/** Queries of a corpus file: JSON lines with a `query` field (or a bare JSON string). */
export function loadCorpus(path: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line);
      const q = typeof v === 'string' ? v : v?.query;
      if (typeof q === 'string') out.push(q);
    } catch { /* not JSON: skip */ }
  }
  return out;
}

const TOKEN_RE = /\s+|\/\/[^\n]*|@?"(?:[^"\\\n]|\\.)*"|@?'(?:[^'\\\n]|\\.)*'|[A-Za-z_][\w-]*|\d+(?:\.\d+)?[a-z]*|\$\w+|==|!=|=~|!~|<=|>=|\.\.|[^\s]/g;

export function tokenize(q: string): string[] {
  return q.match(TOKEN_RE) ?? [];
}

const UNICODE_BITS = ['😀', '\u0000', '\ud800', '\udfff', '\u202e', '\u200b', 'é', 'e\u0301', 'ß', 'İ', '\ufeff', '\u2028', '\r', '\t', '\u00a0', '中文', '\uffff'];
const STRUCTURE_BITS = ['(', ')', '[', ']', '{', '}', '"', "'", '|', ';', ',', '.', '..', '=', '==', '@', '$', '`', '\\', '//', '/*', 'let', 'on', 'by', 'with', 'dynamic(', 'datetime(', 'h"', "@'", '->'];

/** 1 to 4 random mutations of a query: token edits, random bytes, unicode, huge tokens, unbalanced brackets. */
export function mutateQuery(r: Rand, q: string): string {
  let toks = tokenize(q);
  const times = r.int(1, 4);
  for (let m = 0; m < times; m++) {
    const i = r.int(0, Math.max(0, toks.length - 1));
    const j = r.int(0, Math.max(0, toks.length - 1));
    switch (r.int(0, 11)) {
      case 0: toks.splice(i, r.int(1, 3)); break; // delete
      case 1: toks.splice(i, 0, ...toks.slice(i, i + r.int(1, 4))); break; // duplicate
      case 2: [toks[i], toks[j]] = [toks[j], toks[i]]; break; // swap
      case 3: toks.splice(i, 0, String.fromCharCode(...Array.from({ length: r.int(1, 4) }, () => r.int(0, 255)))); break; // random bytes
      case 4: toks.splice(i, 0, r.pick(UNICODE_BITS)); break;
      case 5: toks.splice(i, 0, r.pick(STRUCTURE_BITS)); break; // unbalanced
      case 6: toks[i] = /^[A-Za-z_]/.test(toks[i] ?? '') ? (toks[i] ?? 'x') + 'x'.repeat(r.pick([100, 10_000, 100_000])) : toks[i]; break; // long identifier
      case 7: toks.splice(i, 1, `"${'A'.repeat(r.pick([1000, 100_000, 1_000_000]))}"`); break; // long literal
      case 8: toks = toks.slice(0, i); break; // truncate
      case 9: toks.splice(i, 0, r.pick(['9'.repeat(400), '1e999', '0x', '1d'.repeat(50), '-'.repeat(1000), '('.repeat(r.pick([50, 2000])), ')'.repeat(50), ' | take 1'.repeat(r.pick([10, 3000]))])); break;
      case 10: toks.splice(i, 1, r.pick(['T', 'project', 'where', 'summarize', 'extend', '*', 'null', 'todynamic', 'mv-expand', 'join', 'as', 'toscalar', 'materialize'])); break;
      default: { // replace a token by one from elsewhere in the query
        if (toks.length) toks[i] = toks[j];
      }
    }
  }
  return toks.join('');
}

/** Tables for a query over built-in Sentinel tables: small, hostile rows for each table it names. */
export function tablesForQuery(r: Rand, q: string, hostile = 0.2): Tables {
  const names = new Set(builtinTableNames());
  const out: Tables = {};
  for (const id of new Set(q.match(/[A-Za-z_][A-Za-z_0-9]*/g) ?? [])) {
    if (!names.has(id)) continue;
    const schema = getBuiltinSchema(id)!;
    out[id] = r.chance(0.2) ? [] : genRows(r, schema, 4, hostile);
  }
  return out;
}

// ---------------------------------------------------------------- checking one case

export type Outcome = 'ok' | 'kqlError' | 'crash' | 'slow';

export interface CaseResult {
  /** 'slow' only when checkCase was given `slowMs` (the fuzz CLI); the tests never classify by time. */
  outcome: Outcome;
  ms: number;
  /** The phase of the KqlError ('syntax' | 'semantic' | 'runtime'), when there is one. */
  phase?: string;
  code?: string;
  /** For 'crash': the error; for 'kqlError' with a bad position: which check failed. */
  error?: unknown;
  /** Problems found besides the outcome: position out of range, prototype touched, input mutated. */
  problems: string[];
}

export const FIXED_NOW = new Date('2024-05-02T00:00:00Z');
/** The fuzz CLI's threshold for reporting a slow case (wall clock, so never used by `npm test`). */
export const SLOW_MS = 1000;

export { deepFreeze };

function protoSnapshot(): string {
  const parts: string[] = [];
  for (const p of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) {
    parts.push(Reflect.ownKeys(p).map(String).sort().join(','));
  }
  return parts.join('|');
}
const PROTO_BASELINE = protoSnapshot();

/** Line/column of a KqlError within the query text? Lines split at \r\n, \r and \n. */
export function positionProblem(query: string, line: number, column: number): string | undefined {
  const lines = query.split(/\r\n|\r|\n/);
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line ${line} outside 1..${lines.length}`;
  const len = lines[line - 1].length;
  if (!Number.isInteger(column) || column < 1 || column > len + 1) return `column ${column} outside 1..${len + 1} on line ${line}`;
  return undefined;
}

function schemasOf(tables: Tables): Record<string, ColumnSchema[]> {
  const out: Record<string, ColumnSchema[]> = {};
  for (const [k, v] of Object.entries(tables)) if (!Array.isArray(v)) out[k] = v.schema;
  return out;
}

/**
 * Runs analyzeKql then runKql (fixed now) on one case and classifies the outcome. The tables are
 * deep-frozen first, so any mutation of the caller's data throws (and shows up as a crash).
 * runKql wraps unexpected errors during execution as RUN_INTERNAL / RUN_LIMIT_EXCEEDED
 * KqlRuntimeErrors: those count as kqlError here, with their code, so callers can report them.
 * With `slowMs`, a case that took longer (not a crash) is 'slow'; without it, time is only reported in `ms`.
 */
export function checkCase(query: string, tables: Tables, opts: { freeze?: boolean; slowMs?: number } = {}): CaseResult {
  if (opts.freeze !== false) deepFreeze(tables);
  const problems: string[] = [];
  const t0 = performance.now();
  let outcome: Outcome = 'ok';
  let phase: string | undefined;
  let code: string | undefined;
  let error: unknown;
  try {
    try {
      analyzeKql(query, { schemas: schemasOf(tables) });
    } catch (e) {
      if (!(e instanceof KqlError)) throw Object.assign(new Error('(analyzeKql)'), { cause: e });
      // analyzeKql knows the built-in schemas and not the data: its errors are checked, then we run anyway
      const p = positionProblem(query, e.line, e.column);
      if (p) problems.push(`analyzeKql ${e.code}: ${p}`);
    }
    runKql(query, tables as never, { now: FIXED_NOW });
  } catch (e) {
    const inner = e instanceof Error && e.message === '(analyzeKql)' ? (e as Error & { cause: unknown }).cause : e;
    if (inner instanceof KqlError) {
      outcome = 'kqlError';
      phase = inner.phase;
      code = inner.code;
      error = inner;
      const p = positionProblem(query, inner.line, inner.column);
      if (p) problems.push(`${inner.code}: ${p}`);
    } else {
      outcome = 'crash';
      error = e;
    }
  }
  const ms = performance.now() - t0;
  if (protoSnapshot() !== PROTO_BASELINE) problems.push('a built-in prototype was modified');
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype.polluted is set');
  if (outcome !== 'crash' && opts.slowMs !== undefined && ms > opts.slowMs) outcome = 'slow';
  return { outcome, ms, phase, code, error, problems };
}

/** Is this result a failure the fuzzers must report? */
export function isFailure(res: CaseResult): boolean {
  return res.outcome === 'crash' || res.outcome === 'slow' || res.problems.length > 0 || isWrappedInternal(res);
}

/** A RUN_INTERNAL error made by runKql from a non-KqlError thrown during execution (a crash in disguise). */
export function isWrappedInternal(res: CaseResult): boolean {
  return res.code === 'RUN_INTERNAL' && res.error instanceof Error && res.error.message.startsWith('Internal error while running the query');
}

// ---------------------------------------------------------------- minimizing a failure

/**
 * Shrinks a failing query by deleting tokens (then characters) while `stillFails` holds:
 * a simple delta debugger; the tables are kept as they are.
 */
export function minimizeQuery(query: string, stillFails: (q: string) => boolean, budget = 400): string {
  let toks = tokenize(query);
  if (toks.join('') !== query) toks = [...query];
  let tries = 0;
  for (let chunk = Math.max(1, toks.length >> 1); chunk >= 1 && tries < budget; chunk = chunk >> 1) {
    for (let i = 0; i + chunk <= toks.length && tries < budget;) {
      const cand = [...toks.slice(0, i), ...toks.slice(i + chunk)];
      tries++;
      if (stillFails(cand.join(''))) toks = cand; else i += chunk;
    }
  }
  return toks.join('');
}

/** Shrinks the rows of each table (fewer rows, then fewer columns per row) while `stillFails` holds. */
export function minimizeTables(tables: Tables, stillFails: (t: Tables) => boolean, budget = 200): Tables {
  let cur: Tables = structuredCloneTables(tables);
  let tries = 0;
  for (const name of Object.keys(cur)) {
    const rowsOf = (t: Tables) => { const v = t[name]; return Array.isArray(v) ? v : v.rows; };
    const withRows = (t: Tables, rows: Record<string, unknown>[]): Tables => {
      const v = t[name];
      return { ...t, [name]: Array.isArray(v) ? rows : { schema: v.schema, rows } };
    };
    const rows = rowsOf(cur);
    for (let i = rows.length - 1; i >= 0 && tries < budget; i--) {
      const rs = rowsOf(cur);
      const cand = withRows(cur, [...rs.slice(0, i), ...rs.slice(i + 1)]);
      tries++;
      if (stillFails(structuredCloneTables(cand))) cur = cand;
    }
    const rs = rowsOf(cur);
    for (let i = 0; i < rs.length && tries < budget; i++) {
      for (const k of Object.keys(rs[i])) {
        const row = { ...rs[i] };
        delete row[k];
        const cand = withRows(cur, rs.map((x, j) => (j === i ? row : x)));
        tries++;
        if (stillFails(structuredCloneTables(cand))) { cur = cand; rs[i] = row; }
      }
    }
  }
  return cur;
}

/** Copies the row objects (not the values) so a frozen case can be re-run. Values are shared: freezing them again is a no-op. */
function structuredCloneTables(t: Tables): Tables {
  const out: Tables = {};
  for (const [k, v] of Object.entries(t)) {
    const copyRow = (r: Record<string, unknown>) => {
      const o: Record<string, unknown> = {};
      for (const key of Object.keys(r)) Object.defineProperty(o, key, { value: r[key], enumerable: true, writable: true, configurable: true });
      return o;
    };
    out[k] = Array.isArray(v) ? v.map(copyRow) : { schema: v.schema, rows: v.rows.map(copyRow) };
  }
  return out;
}

/** A short, printable description of a value (for reports: huge strings and deep nesting abbreviated). */
export function describeValue(v: unknown, depth = 0): string {
  if (typeof v === 'string') return v.length > 80 ? `${JSON.stringify(v.slice(0, 40))}…(${v.length} chars)` : JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined || v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'symbol' || typeof v === 'function') return String(v);
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'NaN' : v.toISOString()})`;
  if (depth > 4) return '…deep…';
  if (Array.isArray(v)) return `[${v.slice(0, 5).map((x) => describeValue(x, depth + 1)).join(', ')}${v.length > 5 ? ', …' : ''}]`;
  if (v instanceof Map || v instanceof Set || v instanceof RegExp || ArrayBuffer.isView(v)) return Object.prototype.toString.call(v);
  const keys = Reflect.ownKeys(v as object).map(String);
  return `{${keys.slice(0, 8).map((k) => `${JSON.stringify(k)}: ${describeValue((v as Record<string, unknown>)[k], depth + 1)}`).join(', ')}}`;
}

export function describeTables(t: Tables): string {
  return Object.entries(t)
    .map(([k, v]) => `${k}${Array.isArray(v) ? ' (inferred)' : ''}: ${Array.isArray(v) ? v.length : v.rows.length} rows ${(Array.isArray(v) ? v : v.rows).map((r) => describeValue(r)).join(' ')}`)
    .join('\n');
}

export function describeQuery(q: string): string {
  return q.length > 300 ? `${JSON.stringify(q.slice(0, 200))}…(${q.length} chars)` : JSON.stringify(q);
}

// ---------------------------------------------------------------- one generated case, by kind

export type CaseKind = 'grammar' | 'mutated' | 'data' | 'corpus' | 'hostile';

/** Builds case of a given kind from a Rand. `corpus` is the list of queries to mutate for kind 'corpus'. */
export function genCase(r: Rand, kind: CaseKind, corpus: string[] = []): { query: string; tables: Tables } {
  switch (kind) {
    case 'grammar': return { query: genQuery(r), tables: genTables(r, 0.05) };
    case 'data': return { query: genQuery(r), tables: genTables(r, 0.6, 8) };
    case 'mutated': {
      const golden = goldenCache ??= goldenQueries();
      if (r.chance(0.3) && golden.length) {
        const g = r.pick(golden);
        const q = r.chance(0.1) ? g.query : mutateQuery(r, g.query);
        const tables: Tables = {};
        for (const [k, v] of Object.entries(g.tables)) {
          const copy = JSON.parse(JSON.stringify(v)) as Record<string, unknown>[];
          tables[k] = r.chance(0.5) ? copy : [...copy, ...genRows(r, getBuiltinSchema(k) ?? [], 3, 0.5)];
        }
        return { query: q, tables };
      }
      const q = mutateQuery(r, r.pick(SNIPPETS));
      return { query: q, tables: { ...tablesForQuery(r, q), ...genTables(r, 0.2, 3) } };
    }
    case 'corpus': {
      const base = corpus.length ? r.pick(corpus) : r.pick(SNIPPETS);
      const q = r.chance(0.15) ? base : mutateQuery(r, base);
      return { query: q, tables: tablesForQuery(r, q) };
    }
    case 'hostile': return genHostileCase(r);
  }
}
let goldenCache: ReturnType<typeof goldenQueries> | undefined;


// ---------------------------------------------------------------- hostile queries for the limits mode (issue 12)

/**
 * Queries built to exhaust memory or time unless the limits hold: big cross joins, make-series with many
 * bins, regexes with large repetition, deep nesting, long strings, generators that must stop early. Each is
 * a short text; with a memory budget and a deadline it ends (a result or a KqlError) in well under a second.
 */
export function genHostileQuery(r: Rand): string {
  const n = () => r.pick([300, 3000, 20_000]);
  switch (r.int(0, 14)) {
    case 0: { // a constant-key cross join, optionally with wide string columns
      const wide = r.chance(0.5) ? `| extend ${Array.from({ length: r.pick([4, 12, 20]) }, (_, i) => `s${i} = strrep('x', ${r.pick([10, 100])})`).join(', ')} ` : '';
      return `range a from 1 to ${n()} step 1 | extend k = 1 ${wide}| join kind=${r.pick(['inner', 'leftouter', 'fullouter'])} (range b from 1 to ${n()} step 1 | extend k = 1 ${wide}) on k | ${r.pick(['count', 'take 3', 'summarize max(a)'])}`;
    }
    case 1: // a caller's table joined with itself on a constant key
      return `T | extend k = 1 | join kind=inner (T | extend k = 1) on k | join kind=inner (range x from 1 to ${n()} step 1 | extend k = 1) on k | count`;
    case 2: // make-series: keys x bins
      return `range k from 1 to ${r.pick([10, 60, 200])} step 1 | extend t = datetime(2000-01-01) | make-series c = count() default = 0 on t from datetime(2000-01-01) to datetime(${r.pick(['2000-01-02', '2000-01-12', '2001-01-01'])}) step ${r.pick(['1s', '1ms', '10s'])} by k${r.chance(0.5) ? ' | count' : ''}`;
    case 3: // a regex whose pattern grows with the text
      return `print s = strcat(strrep('a', ${r.pick([3000, 30_000])}), '!') | where s matches regex strcat('(', s, ')+$')`;
    case 4: // a large constant pattern against a long text
      return `print s = strrep('a', ${r.pick([5000, 15_000])}) | where s matches regex strcat(strrep('a?', ${r.pick([5000, 15_000])}), strrep('a', ${r.pick([5000, 15_000])}))`;
    case 5: // regex functions over many rows
      return `range x from 1 to ${n()} step 1 | extend s = strrep('ab', ${r.pick([100, 1000])}) | extend m = ${r.pick(["extract_all(@'(a)(b)', s)", "replace_regex(s, @'(a|b)+', 'x')", "countof(s, 'a', 'regex')", "extract(@'(a+b+)+$', 1, s)"])} | count`;
    case 6: { // deep nesting in the query text
      const d = r.pick([100, 1000, 5000]);
      return r.pick([
        `print x = ${'('.repeat(d)}1${')'.repeat(d)}`,
        `print x = ${'-'.repeat(d)}1`,
        `print x = ${Array(d).fill('1').join(' + ')}`,
        `print x = ${'tostring('.repeat(d)}1${')'.repeat(d)}`,
        `${'('.repeat(d)}T${')'.repeat(d)} | count`,
      ]);
    }
    case 7: // deep JSON built at run time
      return `print j = strcat(strrep('[', ${r.pick([1000, 100_000])}), strrep(']', ${r.pick([1000, 100_000])})) | extend d = parse_json(j) | extend t = tostring(d)`;
    case 8: // long strings, and strings doubled until they are huge
      return r.pick([
        `print s = strrep('ab', ${r.pick([1_000_000, 10_000_000])}) | extend l = strlen(s)`,
        `range x from 1 to ${n()} step 1 | extend s = strrep('x', 10000) | summarize l = make_list(s) | extend t = tostring(l) | project strlen(t)`,
        `range x from 1 to ${n()} step 1 | summarize s = strcat_array(make_list(strrep(tostring(x), 100)), ',') | extend l = strlen(s)`,
        `print s = 'ab' | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend s = strcat(s, s, s, s) | extend l = strlen(s)`,
      ]);
    case 9: // huge arrays and expansions
      return r.pick([
        `print a = range(1, ${r.pick([1_000_000, 100_000_000])}, 1) | extend l = array_length(a)`,
        `print a = range(1, ${r.pick([100_000, 1_000_000])}, 1) | mv-expand a | count`,
        `range x from 1 to ${n()} step 1 | extend a = range(1, ${r.pick([100, 10_000])}, 1) | mv-expand a | summarize make_set(a)`,
        `range x from 1 to ${n()} step 1 | summarize make_list(x), make_set(tostring(x)), make_bag(bag_pack(tostring(x), x))`,
      ]);
    case 10: // generators that must stop when the consumer is satisfied
      return `range x from 1 to ${r.pick(['1000000000', '100000000', '9223372036854775807'])} step 1 | ${r.pick(['take 5', 'limit 3', 'top 2 by x', 'count', 'where x < 0 | count', 'summarize max(x)'])}`;
    case 11: // many groups
      return `range x from 1 to ${r.pick([100_000, 1_000_000, 10_000_000])} step 1 | summarize c = count() by x, s = tostring(x) | count`;
    case 12: // sort and distinct over generated rows with long keys
      return `range x from 1 to ${n()} step 1 | extend s = strcat(strrep('k', ${r.pick([100, 1000])}), x) | ${r.pick(['sort by s desc | take 1', 'distinct s | count', 'summarize dcount(s)', 'top-nested 3 of s by count()'])}`;
    case 13: // the caller's rows, multiplied
      return `T | mv-expand r = range(1, ${r.pick([1000, 100_000])}, 1) | extend s = strcat(S, r) | summarize make_list(s) by L | count`;
    default: // nested subqueries and materialize
      return `let a = materialize(range x from 1 to ${n()} step 1 | extend s = strrep('y', 1000)); a | join kind=inner (a) on x | join kind=inner (a) on x | count`;
  }
}

/** A hostile case: one of the queries above over small typed tables (the queries make their own data). */
export function genHostileCase(r: Rand): { query: string; tables: Tables } {
  return { query: genHostileQuery(r), tables: genTables(r, 0.1, 4) };
}

/** The limits mode's run options: a small memory budget and a short deadline. */
export interface LimitsCaseOptions {
  /** runKql's memory budget (the maxMemoryBytes option). */
  maxMemoryBytes: number;
  /** runKql's deadline. */
  timeoutMs: number;
  /** How far past the deadline a run may end before it counts as late. */
  graceMs: number;
}

export const DEFAULT_LIMITS: LimitsCaseOptions = { maxMemoryBytes: 64 * 1024 * 1024, timeoutMs: 200, graceMs: 100 };

export interface LimitsResult {
  outcome: 'ok' | 'kqlError' | 'crash';
  /** Time inside runKql. */
  ms: number;
  code?: string;
  error?: unknown;
  /** A RUN_INTERNAL error wrapping a non-KqlError (a crash in disguise). */
  internal: boolean;
  /** Ended (result or error) more than graceMs past the deadline. */
  late: boolean;
  /** The input tables differ after the run (fingerprint before and after). */
  mutated: boolean;
  /** An object of the result is an object of the input (results must be the caller's own). */
  shared: boolean;
  /** Prototype pollution, and the like. */
  problems: string[];
}

/**
 * A fingerprint of a value (iterative: deep values do not overflow the stack). Covers own keys and their
 * order, prototypes, primitive values (strings hashed), Date times, Map/Set sizes and typed-array bytes,
 * so any change to the caller's tables changes it. Getters are not called.
 */
export function fingerprint(value: unknown): string {
  let h1 = 0x811c9dc5, h2 = 0x1b873593;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0xff, 0x01000193);
  };
  const ids = new Map<object, number>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || v === undefined) { mix(String(v)); continue; }
    switch (typeof v) {
      // A long string: its length, both ends and every 61st character (strings are immutable: a change is a
      // new value, which differs in length or ends in any realistic case), so a 1 MB value costs little.
      case 'string': mix('s' + v.length); mix(v.length > 8192 ? v.slice(0, 2048) + v.slice(-2048) + Array.from({ length: Math.floor(v.length / 61) }, (_, j) => v[j * 61]).join('') : v); continue;
      case 'number': mix('n' + (Object.is(v, -0) ? '-0' : String(v))); continue;
      case 'bigint': mix('b' + String(v)); continue;
      case 'boolean': mix('B' + String(v)); continue;
      case 'symbol': mix('y' + String(v.description)); continue;
      case 'function': mix('f' + v.length); break;
      default: break;
    }
    const o = v as object;
    const seen = ids.get(o);
    if (seen !== undefined) { mix('@' + seen); continue; }
    ids.set(o, ids.size);
    const proto = Object.getPrototypeOf(o);
    mix('p' + (proto === null ? 'null' : proto === Object.prototype ? 'O' : proto === Array.prototype ? 'A' : String(proto?.constructor?.name)));
    if (o instanceof Date) mix('d' + o.getTime());
    else if (o instanceof Map || o instanceof Set) mix('m' + o.size);
    else if (ArrayBuffer.isView(o)) mix('v' + Array.from(new Uint8Array(o.buffer, o.byteOffset, o.byteLength)).join(','));
    if (Object.isFrozen(o)) mix('F');
    for (const k of Reflect.ownKeys(o)) {
      mix('k' + String(k));
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      if ('value' in d) stack.push(d.value);
      else mix('g');
    }
  }
  return (h1 >>> 0).toString(16) + (h2 >>> 0).toString(16) + ids.size;
}

/** Every object reachable from the tables (iterative), to find results that share them. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || into.has(v as object)) continue;
    into.add(v as object);
    for (const k of Reflect.ownKeys(v as object)) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if ('value' in d) stack.push(d.value);
    }
  }
  return into;
}

/** Whether a value of the result (walked up to `budget` nodes) is one of `inputs`. */
function sharesObject(result: unknown, inputs: Set<object>, budget = 200_000): boolean {
  const stack: unknown[] = [result];
  const seen = new Set<object>();
  while (stack.length && budget-- > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    if (inputs.has(v)) return true;
    seen.add(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return false;
}

/**
 * Runs one case under a memory budget and a deadline (runKql only: analyzeKql has no limits) and
 * classifies it: a KqlError or a result is fine; a non-KqlError (or RUN_INTERNAL wrapping one), an end
 * more than graceMs past the deadline, or changed input tables are escapes. The tables are not frozen
 * (a real caller's are not): changes are found by fingerprint.
 */
export function checkLimitsCase(query: string, tables: Tables, limits: LimitsCaseOptions = DEFAULT_LIMITS): LimitsResult {
  const before = fingerprint(tables);
  const inputs = objectsOf(tables);
  const problems: string[] = [];
  // maxMemoryBytes: being added to RunKqlOptions (issue 12); passed through a loosely typed object so this
  // compiles before and takes effect after.
  const options: Record<string, unknown> = { now: FIXED_NOW, timeoutMs: limits.timeoutMs, maxMemoryBytes: limits.maxMemoryBytes };
  let outcome: LimitsResult['outcome'] = 'ok';
  let code: string | undefined;
  let error: unknown;
  let result: unknown;
  const t0 = performance.now();
  try {
    result = runKql(query, tables as never, options as never);
  } catch (e) {
    error = e;
    if (e instanceof KqlError) {
      outcome = 'kqlError';
      code = e.code;
    } else outcome = 'crash';
  }
  const ms = performance.now() - t0;
  const res: LimitsResult = {
    outcome, ms, code, error, problems,
    internal: false, late: ms > limits.timeoutMs + limits.graceMs, mutated: false, shared: false,
  };
  res.internal = isWrappedInternal({ outcome: outcome === 'crash' ? 'crash' : outcome, ms, code, error, problems: [] });
  res.mutated = fingerprint(tables) !== before;
  res.shared = result !== undefined && sharesObject((result as { rows: unknown }).rows, inputs);
  if (protoSnapshot() !== PROTO_BASELINE) problems.push('a built-in prototype was modified');
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype.polluted is set');
  return res;
}
