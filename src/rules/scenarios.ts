/**
 * Scenario tests for Sentinel rules (format: docs/rule-testing.md). A scenario gives the input tables,
 * the run time `now`, and what should happen: the rule fires or not, how many rows, which rows.
 * Browser-safe: files named in a scenario (`{ file: ... }`) are read through the `resolveFile` callback;
 * src/node/scenarios.ts supplies one that reads from disk.
 */
import { isMap } from 'yaml';
import { ErrorCodes, KqlError, KqlSemanticError } from '../errors/index.js';
import type { TableInput } from '../run-kql.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { TraceEntry } from '../runtime/trace.js';
import { runRule } from './run-rule.js';
import type { SentinelRule } from './rule.js';
import { parseYaml } from './yaml.js';

/** Rows inline, rows read from a file, or rows with an explicit schema. */
export type ScenarioTable = Record<string, unknown>[] | { file: string } | { schema: ColumnSchema[]; rows: Record<string, unknown>[] };

export interface ScenarioExpect {
  /** The rule raises an alert (true) or does not (false). */
  fires?: boolean;
  /** The number of result rows. */
  rowCount?: number;
  /**
   * The result rows, compared on the columns named here only, in any order. There must be exactly as
   * many result rows as listed, each matching a different listed row.
   */
  rows?: Record<string, unknown>[];
}

export interface Scenario {
  name: string;
  description?: string;
  /** The run time; falls back to the document's `now`. */
  now?: string | number | Date;
  /** Apply the rule's queryPeriod window (default: the document's `window`, else true). */
  window?: boolean;
  /** Tables for this scenario; a name given here replaces the document's table of that name. */
  tables?: Record<string, ScenarioTable>;
  expect: ScenarioExpect;
}

export interface ScenarioDoc {
  /** The rule file, relative to the scenario file (used by the Node runner). */
  rule?: string;
  now?: string | number | Date;
  window?: boolean;
  /** Tables shared by every scenario. */
  tables?: Record<string, ScenarioTable>;
  scenarios: Scenario[];
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  fired: boolean;
  rowCount: number;
  /** Human-readable lines saying what differs from the expectation; empty when passed. */
  failures: string[];
  /** Rows in and out of each stage of the rule's query (absent when the query did not run). */
  trace?: TraceEntry[];
  /** The queryPeriod window applied, when one was. */
  window?: { from: Date; to: Date };
  /** How long the scenario took to run, in milliseconds (informational: reports show it). */
  durationMs?: number;
}

/** Reads the rows of a `{ file }` table; the path is as written in the scenario document. */
export type ResolveFile = (path: string) => unknown[];

function scenarioError(message: string, line = 1, column = 1): KqlSemanticError {
  return new KqlSemanticError(ErrorCodes.RULE_BAD_SCENARIO, message, { offset: 0, length: 0, line, column });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const DOC_KEYS = ['rule', 'now', 'window', 'tables', 'scenarios'];
const SCENARIO_KEYS = ['name', 'description', 'now', 'window', 'tables', 'expect'];
const EXPECT_KEYS = ['fires', 'rowCount', 'rows'];

function checkKeys(obj: Record<string, unknown>, allowed: string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw scenarioError(`${where}: unknown field '${key}' (expected one of ${allowed.join(', ')})`);
  }
}

function checkTables(tables: unknown, where: string): void {
  if (tables === undefined) return;
  if (!isObject(tables)) throw scenarioError(`${where}: 'tables' must map table names to rows`);
  for (const [name, t] of Object.entries(tables)) {
    const ok =
      (Array.isArray(t) && t.every(isObject)) ||
      (isObject(t) && typeof t.file === 'string' && Object.keys(t).length === 1) ||
      (isObject(t) && Array.isArray(t.schema) && Array.isArray(t.rows));
    if (!ok) throw scenarioError(`${where}: table '${name}' must be a list of rows, { file: path }, or { schema, rows }`);
  }
}

function checkNow(now: unknown, where: string): void {
  if (now === undefined) return;
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : NaN;
  if (!Number.isFinite(ms)) throw scenarioError(`${where}: 'now' ${JSON.stringify(now)} is not a date (use ISO 8601, e.g. 2024-05-01T12:00:00Z)`);
}

/**
 * A scenario document from YAML text or an already parsed object, checked: unknown fields, missing
 * names, expectations or run times are RULE_BAD_SCENARIO errors naming the scenario; YAML syntax
 * errors are RULE_INVALID_YAML with their line and column.
 */
export function parseScenarioDoc(input: string | unknown, source?: string): ScenarioDoc {
  const where = source ?? 'scenario file';
  let data: unknown = input;
  if (typeof input === 'string') {
    // Syntax errors, duplicate keys and bad aliases (alias bombs included): RULE_INVALID_YAML with a position.
    const yaml = parseYaml(input, ` in ${where}`);
    if (!isMap(yaml.doc.contents)) throw scenarioError(`${where} must be a YAML mapping with 'scenarios:'`);
    data = yaml.toJS();
  }
  if (!isObject(data)) throw scenarioError(`${where} must be a mapping with 'scenarios:'`);
  checkKeys(data, DOC_KEYS, where);
  if (data.rule !== undefined && typeof data.rule !== 'string') throw scenarioError(`${where}: 'rule' must be a path`);
  if (data.window !== undefined && typeof data.window !== 'boolean') throw scenarioError(`${where}: 'window' must be true or false`);
  checkNow(data.now, where);
  checkTables(data.tables, where);
  if (!Array.isArray(data.scenarios) || data.scenarios.length === 0) throw scenarioError(`${where} has no scenarios: add 'scenarios:' with at least one`);
  const names = new Set<string>();
  data.scenarios.forEach((s: unknown, i: number) => {
    const at = `${where}, scenario ${i + 1}`;
    if (!isObject(s)) throw scenarioError(`${at} must be a mapping with name, now, tables and expect`);
    if (typeof s.name !== 'string' || s.name.trim() === '') throw scenarioError(`${at} has no 'name'`);
    const w = `${where}, scenario '${s.name}'`;
    if (names.has(s.name)) throw scenarioError(`${w}: the name is used twice`);
    names.add(s.name);
    checkKeys(s, SCENARIO_KEYS, w);
    if (s.now === undefined && data.now === undefined) throw scenarioError(`${w} has no 'now' (the run time), and the file has none either`);
    checkNow(s.now, w);
    if (s.window !== undefined && typeof s.window !== 'boolean') throw scenarioError(`${w}: 'window' must be true or false`);
    checkTables(s.tables, w);
    if (!isObject(s.expect)) throw scenarioError(`${w} has no 'expect' (fires, rowCount and/or rows)`);
    checkKeys(s.expect, EXPECT_KEYS, `${w}, expect`);
    const e = s.expect;
    if (e.fires === undefined && e.rowCount === undefined && e.rows === undefined) throw scenarioError(`${w}: 'expect' needs fires, rowCount or rows`);
    if (e.fires !== undefined && typeof e.fires !== 'boolean') throw scenarioError(`${w}: 'expect.fires' must be true or false`);
    if (e.rowCount !== undefined && (!Number.isInteger(e.rowCount) || (e.rowCount as number) < 0)) {
      throw scenarioError(`${w}: 'expect.rowCount' must be a whole number`);
    }
    if (e.rows !== undefined && (!Array.isArray(e.rows) || !e.rows.every(isObject))) throw scenarioError(`${w}: 'expect.rows' must be a list of rows (column: value)`);
  });
  return data as unknown as ScenarioDoc;
}

function resolveTables(tables: Record<string, ScenarioTable>, resolveFile: ResolveFile | undefined, where: string): Record<string, TableInput> {
  // No prototype: a table may be named `__proto__` (plain assignment would drop it) or `constructor`.
  const out = Object.create(null) as Record<string, TableInput>;
  for (const [name, t] of Object.entries(tables)) {
    const file = isObject(t) && 'file' in t && typeof t.file === 'string' ? t.file : undefined;
    if (file !== undefined) {
      if (!resolveFile) throw scenarioError(`${where}: table '${name}' reads the file '${file}', but no file reader was given`);
      const rows = resolveFile(file);
      if (!Array.isArray(rows)) throw scenarioError(`${where}: the file '${file}' of table '${name}' does not hold a list of rows`);
      out[name] = rows as TableInput;
    } else {
      out[name] = t as TableInput;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparing expected rows (YAML values) with result rows (Date, number, string, JSON values).
// ---------------------------------------------------------------------------------------------

function canonical(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  if (typeof v === 'bigint') return String(v); // a long beyond 2^53: its exact digits
  return JSON.stringify(v) ?? 'null';
}

function toInstant(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') return Date.parse(v);
  return NaN;
}

/** Whether a result value equals the expected value written in a scenario. */
export function valueMatches(expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual instanceof Date) {
    const e = toInstant(expected);
    return Number.isFinite(e) && e === actual.getTime();
  }
  if (typeof actual === 'string' && (typeof expected === 'number' || typeof expected === 'boolean')) return String(expected) === actual;
  if (typeof actual === 'bigint') {
    // A long beyond 2^53. YAML reads such a number as the nearest double, so write it as text ("9223372036854775807")
    // to compare every digit; a YAML number matches only a long of exactly its (double) value.
    if (typeof expected === 'string') return expected.trim() === String(actual);
    // eslint-disable-next-line eqeqeq
    return (typeof expected === 'number' || typeof expected === 'bigint') && expected == actual;
  }
  if (typeof actual !== 'object' || actual === null) {
    if (typeof expected === 'number' && typeof actual === 'number') return expected === actual || (Number.isNaN(expected) && Number.isNaN(actual));
    return expected === actual;
  }
  return canonical(expected) === canonical(actual);
}

export function formatValue(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid date' : v.toISOString();
  if (v === undefined) return 'null';
  return canonical(v);
}

function formatRow(row: Record<string, unknown>, columns: string[]): string {
  return `{ ${columns.map((c) => `${c}: ${formatValue(row[c])}`).join(', ')} }`;
}

function rowMatches(expected: Record<string, unknown>, actual: Record<string, unknown>): boolean {
  return Object.keys(expected).every((c) => valueMatches(expected[c], actual[c]));
}

/** Maximum matching of expected rows to distinct actual rows (augmenting paths; sizes are small). */
function matchRows(expected: Record<string, unknown>[], actual: Record<string, unknown>[]): { missing: number[]; unexpected: number[] } {
  const owner = new Array<number>(actual.length).fill(-1);
  const candidates = expected.map((e) => actual.map((a, j) => (rowMatches(e, a) ? j : -1)).filter((j) => j >= 0));
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of candidates[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || tryAssign(owner[j], seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  const missing: number[] = [];
  expected.forEach((_, i) => {
    if (!tryAssign(i, new Array<boolean>(actual.length).fill(false))) missing.push(i);
  });
  const unexpected = actual.map((_, j) => j).filter((j) => owner[j] === -1);
  return { missing, unexpected };
}

function describeTrigger(operator: string, threshold: number): string {
  const words: Record<string, string> = { gt: 'greater than', lt: 'less than', eq: 'equal to', ne: 'not equal to' };
  return `it fires when the row count is ${words[operator] ?? operator} ${threshold} (${operator} ${threshold})`;
}

/** Runs one scenario of a document. Query errors become a failure line, not an exception. */
export function runScenario(rule: SentinelRule, scenario: Scenario, doc: Partial<ScenarioDoc> = {}, resolveFile?: ResolveFile): ScenarioResult {
  const started = performance.now();
  const result = runScenarioUntimed(rule, scenario, doc, resolveFile);
  return { ...result, durationMs: performance.now() - started };
}

function runScenarioUntimed(rule: SentinelRule, scenario: Scenario, doc: Partial<ScenarioDoc>, resolveFile: ResolveFile | undefined): ScenarioResult {
  const failures: string[] = [];
  const where = `scenario '${scenario.name}'`;
  const tables = resolveTables({ ...(doc.tables ?? {}), ...(scenario.tables ?? {}) }, resolveFile, where);
  const now = scenario.now ?? doc.now;
  if (now === undefined) throw scenarioError(`${where} has no 'now' (the run time)`);
  let result;
  try {
    result = runRule(rule, tables, { now, window: scenario.window ?? doc.window ?? true, trace: true });
  } catch (err) {
    const msg = err instanceof KqlError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return { name: scenario.name, passed: false, fired: false, rowCount: 0, failures: [`the rule did not run: ${msg}`] };
  }
  const rows = result.rows as Record<string, unknown>[];
  const count = rows.length;
  const exp = scenario.expect;
  const trigger = describeTrigger(result.trigger.operator, result.trigger.threshold);
  if (exp.fires === true && !result.fired) failures.push(`expected the rule to fire, but it did not: ${count} row${count === 1 ? '' : 's'}, and ${trigger}`);
  if (exp.fires === false && result.fired) failures.push(`expected the rule not to fire, but it fired: ${count} row${count === 1 ? '' : 's'}, and ${trigger}`);
  if (exp.rowCount !== undefined && exp.rowCount !== count) failures.push(`expected ${exp.rowCount} row${exp.rowCount === 1 ? '' : 's'}, got ${count}`);
  if (exp.rows !== undefined) {
    const known = new Set(result.columns.map((c) => c.name));
    const columns = [...new Set(exp.rows.flatMap((r) => Object.keys(r)))];
    const unknown = columns.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      failures.push(`expected column${unknown.length === 1 ? '' : 's'} ${unknown.map((c) => `'${c}'`).join(', ')} not in the result (its columns: ${[...known].join(', ')})`);
    } else {
      const { missing, unexpected } = matchRows(exp.rows, rows);
      if (missing.length > 0 || unexpected.length > 0) {
        failures.push(`the result rows differ from expect.rows (compared on ${columns.join(', ')}; order ignored):`);
        for (const i of missing) failures.push(`  - missing:    ${formatRow(exp.rows[i], Object.keys(exp.rows[i]))}`);
        for (const j of unexpected) failures.push(`  + unexpected: ${formatRow(rows[j], columns)}`);
      }
    }
  }
  return {
    name: scenario.name, passed: failures.length === 0, fired: result.fired, rowCount: count, failures,
    ...(result.trace ? { trace: result.trace as TraceEntry[] } : {}),
    ...(result.window ? { window: result.window } : {}),
  };
}

/**
 * Runs every scenario of a document (YAML text or a parsed object) against a rule. Structural
 * problems in the document throw (RULE_BAD_SCENARIO, RULE_INVALID_YAML); a scenario whose query
 * fails to run is reported as a failed scenario.
 */
export function runScenarios(rule: SentinelRule, scenarioDoc: ScenarioDoc | string, resolveFile?: ResolveFile): ScenarioResult[] {
  const doc = parseScenarioDoc(scenarioDoc);
  return doc.scenarios.map((s) => runScenario(rule, s, doc, resolveFile));
}
