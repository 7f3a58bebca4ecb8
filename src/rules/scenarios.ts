/**
 * Scenario tests for Sentinel rules (format: docs/rule-testing.md). A scenario gives the input tables
 * (and watchlists, query parameters, externaldata rows), the run time `now`, and what should happen: the
 * rule fires or not, how many rows, which rows. Errors point at their line and column in the scenario
 * file (yaml-positions.ts). Browser-safe: files named in a scenario (`{ file: ... }`) are read through
 * the `resolveFile` callback; src/node/scenarios.ts supplies one that reads from disk.
 */
import { isMap } from 'yaml';
import { ErrorCodes, KqlError, KqlSemanticError, type Span } from '../errors/index.js';
import { plainKqlMessage } from '../errors/format.js';
import type { TableInput } from '../run-kql.js';
import type { InputRow } from '../runtime/load-table.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { TraceEntry } from '../runtime/trace.js';
import { runRule } from './run-rule.js';
import { scenarioFixtureWarnings, type LocateFixtureIssue } from './scenario-fixtures.js';
import type { SentinelRule } from './rule.js';
import { parameterProblems } from './parameters.js';
import { parseYaml } from './yaml.js';
import { positionOf, type YamlPathStep } from './yaml-positions.js';
import { inlineScenarioFunctions, scenarioFunctionPaths, scenarioFunctionsProblem, type ScenarioFunctions } from './scenario-functions.js';

/** Rows inline, rows read from a file, or rows with an explicit schema. */
export type ScenarioTable = Record<string, unknown>[] | { file: string } | { schema: ColumnSchema[]; rows: Record<string, unknown>[] };

/** The rows `externaldata(...)[url]` reads: inline, or from a file (typed by the externaldata's columns). */
export type ScenarioExternalData = Record<string, unknown>[] | { file: string };

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

/** The rule inputs besides tables; a scenario's entries replace the document's of the same name. */
export interface ScenarioInputs {
  /** Watchlists for `_GetWatchlist('alias')`, by alias (rows, `{ file }` or `{ schema, rows }`). */
  watchlists?: Record<string, ScenarioTable>;
  /** Values of the query's `declare query_parameters(...)`, by name (converted to the declared types). */
  parameters?: Record<string, unknown>;
  /** Rows for `externaldata(...)[url]`, by the URL exactly as the query writes it. */
  externalData?: Record<string, ScenarioExternalData>;
}

export interface Scenario extends ScenarioInputs {
  name: string;
  description?: string;
  /** The run time; falls back to the document's `now`. */
  now?: string | number | Date;
  /** Apply the rule's queryPeriod window (default: the document's `window`, else true). */
  window?: boolean;
  /** Tables for this scenario; a name given here replaces the document's table of that name. */
  tables?: Record<string, ScenarioTable>;
  /** Fixture problems (unknown columns, values read as null) fail the scenario (default: the document's `strict`). */
  strict?: boolean;
  expect: ScenarioExpect;
  /**
   * Set by parseScenarioDoc on a scenario it could not accept (an unknown field, a bad expect or table):
   * the scenario fails with this RULE_BAD_SCENARIO error, at its line and column, and the others still run.
   */
  error?: KqlError;
}

export interface ScenarioDoc extends ScenarioInputs {
  /** The rule file, relative to the scenario file (used by the Node runner). */
  rule?: string;
  /** Workspace functions for every scenario: paths (read by the Node runner) or inline definitions (scenario-functions.ts). */
  functions?: ScenarioFunctions;
  now?: string | number | Date;
  window?: boolean;
  /** Fixture problems fail every scenario (each may say otherwise). */
  strict?: boolean;
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
  /**
   * Why the scenario could not run as written (a malformed scenario, an unreadable data file, a parameter
   * the query does not declare): a RULE_* error whose line and column are in the scenario file when it
   * was parsed from text. Such a scenario has `passed: false` and its message as its only failure line.
   */
  error?: KqlError;
  /** Rows in and out of each stage of the rule's query (absent when the query did not run). */
  trace?: TraceEntry[];
  /** The queryPeriod window applied, when one was. */
  window?: { from: Date; to: Date };
  /**
   * Fixture problems of the scenario's tables that have a known schema, e.g. `table SigninLogs, row 1:
   * unknown column 'ResultTyp' (did you mean ResultType?)`; in a strict scenario they are failures instead.
   */
  warnings?: string[];
  /** How long the scenario took to run, in milliseconds (informational: reports show it). */
  durationMs?: number;
}

export interface RunScenarioOptions {
  /** Fixture problems fail every scenario, whatever its `strict` says (`mini-kql test --strict`). */
  strict?: boolean;
}

/** What a `{ file }` entry holds: a table, a watchlist (CSV cells stay text) or externaldata rows (typed by the query). */
export type ScenarioFileKind = 'table' | 'watchlist' | 'externalData';

/**
 * Reads the rows of a `{ file }` entry (or `{ schema, rows }`, e.g. a CSV watchlist whose columns are all
 * strings); the path is as written in the scenario document.
 */
export type ResolveFile = (path: string, kind?: ScenarioFileKind) => unknown[] | { schema: ColumnSchema[]; rows: unknown[] };

/** The position of a path inside the scenario text (1:1 for a document given as objects). */
type Locate = (path: readonly YamlPathStep[]) => Span;

const NOWHERE: Locate = () => ({ offset: 0, length: 0, line: 1, column: 1 });

/** Where each parsed document and scenario was written, for errors found when a scenario runs. */
const locators = new WeakMap<object, Locate>();

function scenarioError(message: string, span: Span = NOWHERE([])): KqlSemanticError {
  return new KqlSemanticError(ErrorCodes.RULE_BAD_SCENARIO, message, span);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Throws a RULE_BAD_SCENARIO error at a path (relative to the node being checked). */
type Fail = (message: string, path: readonly YamlPathStep[]) => never;

const INPUT_KEYS = ['watchlists', 'parameters', 'externalData'];
const DOC_KEYS = ['rule', 'now', 'window', 'strict', 'tables', ...INPUT_KEYS, 'functions', 'scenarios'];
const SCENARIO_KEYS = ['name', 'description', 'now', 'window', 'strict', 'tables', ...INPUT_KEYS, 'expect'];
const EXPECT_KEYS = ['fires', 'rowCount', 'rows'];

function checkKeys(obj: Record<string, unknown>, allowed: string[], where: string, fail: Fail, base: YamlPathStep[] = []): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(`${where}: unknown field '${key}' (expected one of ${allowed.join(', ')})`, [...base, key]);
  }
}

const isFileEntry = (t: unknown): boolean => isObject(t) && typeof t.file === 'string' && Object.keys(t).length === 1;
const isRowList = (t: unknown): boolean => Array.isArray(t) && t.every(isObject);

/** `tables:` or `watchlists:`: name -> rows, { file } or { schema, rows }. */
function checkTables(tables: unknown, field: 'tables' | 'watchlists', where: string, fail: Fail): void {
  if (tables === undefined) return;
  const what = field === 'tables' ? 'table' : 'watchlist';
  if (!isObject(tables)) fail(`${where}: '${field}' must map ${what} names to rows`, [field]);
  for (const [name, t] of Object.entries(tables as Record<string, unknown>)) {
    const ok = isRowList(t) || isFileEntry(t) || (isObject(t) && Array.isArray(t.schema) && Array.isArray(t.rows));
    if (!ok) fail(`${where}: ${what} '${name}' must be a list of rows, { file: path }, or { schema, rows }`, [field, name]);
  }
}

function checkExternalData(entries: unknown, where: string, fail: Fail): void {
  if (entries === undefined) return;
  if (!isObject(entries)) fail(`${where}: 'externalData' must map URLs (as the query writes them) to rows`, ['externalData']);
  for (const [url, t] of Object.entries(entries as Record<string, unknown>)) {
    if (!isRowList(t) && !isFileEntry(t)) fail(`${where}: externalData '${url}' must be a list of rows or { file: path }`, ['externalData', url]);
  }
}

function checkParameters(parameters: unknown, where: string, fail: Fail): void {
  if (parameters !== undefined && !isObject(parameters)) fail(`${where}: 'parameters' must map parameter names to values`, ['parameters']);
}

function checkNow(now: unknown, where: string, fail: Fail): void {
  if (now === undefined) return;
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : NaN;
  if (!Number.isFinite(ms)) fail(`${where}: 'now' ${JSON.stringify(now)} is not a date (use ISO 8601, e.g. 2024-05-01T12:00:00Z)`, ['now']);
}

/** The fields a document and a scenario share. */
function checkCommon(obj: Record<string, unknown>, where: string, fail: Fail): void {
  checkNow(obj.now, where, fail);
  if (obj.window !== undefined && typeof obj.window !== 'boolean') fail(`${where}: 'window' must be true or false`, ['window']);
  if (obj.strict !== undefined && typeof obj.strict !== 'boolean') fail(`${where}: 'strict' must be true or false`, ['strict']);
  checkTables(obj.tables, 'tables', where, fail);
  checkTables(obj.watchlists, 'watchlists', where, fail);
  checkParameters(obj.parameters, where, fail);
  checkExternalData(obj.externalData, where, fail);
}

/** Checks one scenario (`fail` takes paths relative to it) and records its name. */
function checkScenario(s: unknown, index: number, doc: Record<string, unknown>, docWhere: string, names: Set<string>, fail: Fail): void {
  const where = `${docWhere}, scenario ${index + 1}`;
  if (!isObject(s)) fail(`${where} must be a mapping with name, now, tables and expect`, []);
  const sc = s as Record<string, unknown>;
  if (typeof sc.name !== 'string' || sc.name.trim() === '') fail(`${where} has no 'name'`, sc.name === undefined ? [] : ['name']);
  const w = `${docWhere}, scenario '${sc.name as string}'`;
  if (names.has(sc.name as string)) fail(`${w}: the name is used twice`, ['name']);
  names.add(sc.name as string);
  checkKeys(sc, SCENARIO_KEYS, w, fail);
  if (sc.now === undefined && doc.now === undefined) fail(`${w} has no 'now' (the run time), and the file has none either`, []);
  checkCommon(sc, w, fail);
  if (!isObject(sc.expect)) fail(`${w} has no 'expect' (fires, rowCount and/or rows)`, sc.expect === undefined ? [] : ['expect']);
  const e = sc.expect as Record<string, unknown>;
  checkKeys(e, EXPECT_KEYS, `${w}, expect`, fail, ['expect']);
  if (e.fires === undefined && e.rowCount === undefined && e.rows === undefined) fail(`${w}: 'expect' needs fires, rowCount or rows`, ['expect']);
  if (e.fires !== undefined && typeof e.fires !== 'boolean') fail(`${w}: 'expect.fires' must be true or false`, ['expect', 'fires']);
  if (e.rowCount !== undefined && (!Number.isInteger(e.rowCount) || (e.rowCount as number) < 0)) {
    fail(`${w}: 'expect.rowCount' must be a whole number`, ['expect', 'rowCount']);
  }
  if (e.rows !== undefined && (!Array.isArray(e.rows) || !e.rows.every(isObject))) fail(`${w}: 'expect.rows' must be a list of rows (column: value)`, ['expect', 'rows']);
}

/**
 * A scenario document from YAML text or an already parsed object, checked. Problems of the document
 * itself (YAML syntax: RULE_INVALID_YAML; no scenarios, a bad top-level field: RULE_BAD_SCENARIO) throw,
 * at their line and column. A scenario with a problem of its own (an unknown field, a missing name,
 * expectation or run time, a bad table) does not stop the others: it comes back with `error` set, and
 * running it gives a failed result. The caller's object is never modified.
 */
export function parseScenarioDoc(input: string | unknown, source?: string): ScenarioDoc {
  const where = source ?? 'scenario file';
  let data: unknown = input;
  let at = NOWHERE;
  if (typeof input === 'string') {
    // Syntax errors, duplicate keys and bad aliases (alias bombs included): RULE_INVALID_YAML with a position.
    const yaml = parseYaml(input, ` in ${where}`);
    if (!isMap(yaml.doc.contents)) throw scenarioError(`${where} must be a YAML mapping with 'scenarios:'`);
    data = yaml.toJS();
    at = (path) => positionOf(yaml.doc, yaml.lineCounter, path);
  }
  if (!isObject(data)) throw scenarioError(`${where} must be a mapping with 'scenarios:'`);
  const fail: Fail = (message, path) => {
    throw scenarioError(message, at(path));
  };
  checkKeys(data, DOC_KEYS, where, fail);
  if (data.rule !== undefined && typeof data.rule !== 'string') fail(`${where}: 'rule' must be a path`, ['rule']);
  checkCommon(data, where, fail);
  const functionsProblem = scenarioFunctionsProblem(data.functions);
  if (functionsProblem) fail(`${where}: ${functionsProblem}`, ['functions']);
  if (!Array.isArray(data.scenarios) || data.scenarios.length === 0) fail(`${where} has no scenarios: add 'scenarios:' with at least one`, ['scenarios']);
  const names = new Set<string>();
  const scenarios = (data.scenarios as unknown[]).map((s, i) => {
    const atScenario: Locate = (path) => at(['scenarios', i, ...path]);
    let scenario: Scenario;
    try {
      checkScenario(s, i, data as Record<string, unknown>, where, names, (message, path) => {
        throw scenarioError(message, atScenario(path));
      });
      scenario = s as Scenario;
    } catch (err) {
      if (!(err instanceof KqlError)) throw err;
      // A copy: the caller's scenario object stays as it was.
      const named = isObject(s) && typeof s.name === 'string' && s.name.trim() !== '' ? s.name : `scenario ${i + 1}`;
      scenario = { ...(isObject(s) ? s : {}), name: named, expect: {}, error: err };
    }
    if (isObject(scenario)) locators.set(scenario, atScenario);
    return scenario;
  });
  const doc = { ...data, scenarios } as unknown as ScenarioDoc;
  locators.set(doc, at);
  return doc;
}

/** Where a field of a scenario, or else of its document, was written. */
function locateInput(scenario: Scenario, doc: Partial<ScenarioDoc>, path: [keyof ScenarioInputs | 'tables', string]): Span {
  const own = scenario[path[0]] as Record<string, unknown> | undefined;
  const inScenario = own !== undefined && Object.prototype.hasOwnProperty.call(own, path[1]);
  const locate = (inScenario ? locators.get(scenario) : locators.get(doc)) ?? NOWHERE;
  return locate(path);
}

/**
 * Where a fixture problem is written in the scenario file: the key of the row's column for inline rows
 * (the table entry for a `{ file }` table); nothing for a document given as an object.
 */
function fixtureLocator(scenario: Scenario, doc: Partial<ScenarioDoc>): LocateFixtureIssue {
  return (table, issue) => {
    const inScenario = scenario.tables !== undefined && Object.prototype.hasOwnProperty.call(scenario.tables, table);
    const locate = inScenario ? locators.get(scenario) : locators.get(doc);
    const entry: unknown = (inScenario ? scenario.tables : doc.tables)?.[table];
    if (!locate || entry === undefined) return undefined;
    if (Array.isArray(entry)) return locate(['tables', table, issue.row, issue.column]);
    if (isObject(entry) && Array.isArray(entry.rows)) return locate(['tables', table, 'rows', issue.row, issue.column]);
    return locate(['tables', table]);
  };
}

/** A record without prototype: names from files (`__proto__`, `constructor`) are own keys. */
function merged<T>(shared: Record<string, T> | undefined, own: Record<string, T> | undefined): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, shared ?? {}, own ?? {});
}

/** The rows of `{ file }` entries read through resolveFile; inline entries as they are. */
function resolveEntries<T>(
  entries: Record<string, ScenarioTable | ScenarioExternalData>,
  kind: ScenarioFileKind,
  resolveFile: ResolveFile | undefined,
  where: string,
  locate: (name: string) => Span,
): Record<string, T> {
  const label = { table: 'table', watchlist: 'watchlist', externalData: 'externalData' }[kind];
  const out = Object.create(null) as Record<string, T>;
  for (const [name, t] of Object.entries(entries)) {
    const file = isObject(t) && 'file' in t && typeof t.file === 'string' ? t.file : undefined;
    if (file === undefined) {
      out[name] = t as T;
      continue;
    }
    if (!resolveFile) throw scenarioError(`${where}: ${label} '${name}' reads the file '${file}', but no file reader was given`, locate(name));
    let rows: unknown;
    try {
      rows = resolveFile(file, kind);
    } catch (err) {
      // The reader's message names the data file (and its line); the position is the entry in the scenario file.
      if (err instanceof KqlError) throw new KqlSemanticError(err.code, `${where}: ${label} '${name}': ${plainKqlMessage(err)}`, locate(name));
      throw err;
    }
    const ok = Array.isArray(rows) || (isObject(rows) && Array.isArray(rows.schema) && Array.isArray(rows.rows) && kind !== 'externalData');
    if (!ok) throw scenarioError(`${where}: the file '${file}' of ${label} '${name}' does not hold a list of rows`, locate(name));
    out[name] = rows as T;
  }
  return out;
}

/** The inputs of one scenario run: the document's merged with the scenario's, files read, parameters checked. */
function scenarioInputs(rule: SentinelRule, scenario: Scenario, doc: Partial<ScenarioDoc>, resolveFile: ResolveFile | undefined, where: string) {
  const read = <T>(field: 'tables' | 'watchlists' | 'externalData', kind: ScenarioFileKind) =>
    resolveEntries<T>(merged<ScenarioTable | ScenarioExternalData>(doc[field], scenario[field]), kind, resolveFile, where, (name) => locateInput(scenario, doc, [field, name]));
  const tables = read<TableInput>('tables', 'table');
  const watchlists = read<TableInput>('watchlists', 'watchlist');
  const externalData = read<InputRow[]>('externalData', 'externalData');
  const parameters = merged(doc.parameters, scenario.parameters);
  const [problem] = parameterProblems(rule.query, parameters);
  if (problem) throw scenarioError(`${where}: ${problem.message}`, locateInput(scenario, doc, ['parameters', problem.name]));
  return { tables, watchlists, externalData, parameters };
}

/** The result of a scenario that could not run as written. */
function invalidResult(name: string, error: KqlError): ScenarioResult {
  return { name, passed: false, fired: false, rowCount: 0, failures: [`${error.code}: ${error.message}`], error };
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

/**
 * Runs one scenario of a document. Query errors become a failure line, and a scenario that cannot run as
 * written (see ScenarioResult.error) a failed result, not an exception.
 */
export function runScenario(rule: SentinelRule, scenario: Scenario, doc: Partial<ScenarioDoc> = {}, resolveFile?: ResolveFile, options: RunScenarioOptions = {}): ScenarioResult {
  const started = performance.now();
  const result = runScenarioUntimed(rule, scenario, doc, resolveFile, options);
  return { ...result, durationMs: performance.now() - started };
}

function runScenarioUntimed(rule: SentinelRule, scenario: Scenario, doc: Partial<ScenarioDoc>, resolveFile: ResolveFile | undefined, options: RunScenarioOptions): ScenarioResult {
  if (scenario.error) return invalidResult(scenario.name, scenario.error);
  const failures: string[] = [];
  const where = `scenario '${scenario.name}'`;
  const now = scenario.now ?? doc.now;
  let inputs;
  try {
    if (now === undefined) throw scenarioError(`${where} has no 'now' (the run time)`, (locators.get(scenario) ?? NOWHERE)([]));
    inputs = scenarioInputs(rule, scenario, doc, resolveFile, where);
  } catch (err) {
    if (err instanceof KqlError) return invalidResult(scenario.name, err);
    throw err;
  }
  const { tables, ...ruleInputs } = inputs;
  const fixtureProblems = scenarioFixtureWarnings(tables, fixtureLocator(scenario, doc));
  const strict = options.strict || (scenario.strict ?? doc.strict ?? false);
  if (strict) failures.push(...fixtureProblems.map((p) => `fixture problem (strict): ${p}`));
  const warnings = !strict && fixtureProblems.length > 0 ? { warnings: fixtureProblems } : {};
  let result;
  try {
    if (scenarioFunctionPaths(doc.functions).length > 0) throw scenarioError(`${where}: 'functions' names files, which only the Node runner reads (runScenarioFile): give the definitions inline here`);
    const functions = inlineScenarioFunctions(doc.functions);
    result = runRule(rule, tables, { now: now!, window: scenario.window ?? doc.window ?? true, trace: true, ...ruleInputs, ...(functions ? { functions } : {}) });
  } catch (err) {
    const msg = err instanceof KqlError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return { name: scenario.name, passed: false, fired: false, rowCount: 0, failures: [...failures, `the rule did not run: ${msg}`], ...warnings };
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
    ...warnings,
  };
}

/**
 * Runs every scenario of a document (YAML text or a parsed object) against a rule. Problems of the
 * document itself throw (RULE_BAD_SCENARIO, RULE_INVALID_YAML, with their line and column); a malformed
 * scenario, or one whose query fails to run, is a failed result and the other scenarios still run.
 */
export function runScenarios(rule: SentinelRule, scenarioDoc: ScenarioDoc | string, resolveFile?: ResolveFile, options: RunScenarioOptions = {}): ScenarioResult[] {
  const doc = parseScenarioDoc(scenarioDoc);
  return doc.scenarios.map((s) => runScenario(rule, s, doc, resolveFile, options));
}
