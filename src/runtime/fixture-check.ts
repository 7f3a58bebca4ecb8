/**
 * Fixture rows checked against their table's known schema, so a test cannot pass or fail for a reason
 * the author does not see: a column the schema lacks (`ResultTyp`) is dropped by the engine without a
 * word, and a value its column's type cannot hold (`DestinationPort: "abc"`) is read as null.
 * Browser-safe. The CLI and the scenario runner add file positions; see docs/rule-testing.md.
 */
import { KQL_TYPES, type ColumnSchema, type KqlType } from './types.js';
import { convertInputValue } from './load-table.js';
import { closestName } from './closest-name.js';
import { getBuiltinSchema } from '../schemas/index.js';

export interface FixtureIssue {
  kind: 'unknown-column' | 'bad-value';
  /** The row (0-based) where the column first appears, or of the bad value. */
  row: number;
  column: string;
  /** unknown-column: the schema column it probably means. */
  suggestion?: string;
  /** unknown-column: how many rows have the column. */
  count?: number;
  /** bad-value: the value as given, and the column's type. */
  value?: unknown;
  type?: KqlType;
  /** For people, without a file position: `table SigninLogs, row 1: unknown column 'ResultTyp' (did you mean ResultType?)`. */
  message: string;
}

export interface CheckFixtureOptions {
  /** Stop after this many issues for the table (default DEFAULT_MAX_FIXTURE_ISSUES). */
  maxIssues?: number;
}

export const DEFAULT_MAX_FIXTURE_ISSUES = 20;

/** Text values remembered as good per column: fixture columns repeat values (`ResultType: "0"`), conversions cost. */
const GOOD_TEXT_CACHE = 4096;

/** A value as a message shows it: text in quotes, long text cut. */
function showValue(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? v : typeof v === 'bigint' ? String(v) : v instanceof Date ? 'an invalid Date' : (JSON.stringify(v) ?? String(v));
  } catch {
    text = Object.prototype.toString.call(v);
  }
  if (text.length > 40) text = text.slice(0, 37) + '...';
  return typeof v === 'string' ? `'${text}'` : text;
}

/** What is wrong, without the table and row: the CLI puts a file position in front of it. */
export function describeFixtureIssue(issue: Omit<FixtureIssue, 'message'>, table?: string): string {
  const inTable = table === undefined ? '' : ` in table ${table}`;
  if (issue.kind === 'unknown-column') {
    const hint = issue.suggestion !== undefined ? ` (did you mean ${issue.suggestion}?)` : " (not in the table's schema: queries never see it)";
    return `unknown column '${issue.column}'${inTable}${hint}`;
  }
  // A whole number that a long would hold: too large for an int, not malformed.
  const range = issue.type === 'int' && convertInputValue(issue.value, 'long') !== null ? ' (int holds -2147483648 to 2147483647)' : '';
  return `column ${issue.column}${inTable}: ${showValue(issue.value)} is not a valid ${issue.type}${range}: it reads as null`;
}

/** Empty input that every type reads as a missing value: not a bad value. */
function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Whether the engine reads a present value as null (src/runtime/load-table.ts does the conversion). */
function readsAsNull(v: unknown, type: KqlType): boolean {
  if (isMissing(v)) return false;
  // The text `null` is dynamic's JSON null, as written.
  if (type === 'dynamic' && typeof v === 'string' && v.trim() === 'null') return false;
  return convertInputValue(v, type) === null;
}

/**
 * The problems of a table's rows against its schema: each column not in the schema once (its first row,
 * how many rows have it, the closest schema column), then values their column's type reads as null, in
 * row order, at most `maxIssues` in all. Rows that are not objects are skipped (the run reports them).
 */
export function checkFixtureRows(tableName: string, rows: readonly unknown[], schema: readonly ColumnSchema[], options: CheckFixtureOptions = {}): FixtureIssue[] {
  const max = options.maxIssues ?? DEFAULT_MAX_FIXTURE_ISSUES;
  const types = new Map<string, KqlType>(schema.map((c) => [c.name, c.type]));
  const goodText = new Map<string, Set<string>>();
  const unknown = new Map<string, Omit<FixtureIssue, 'message'>>();
  const issues: Omit<FixtureIssue, 'message'>[] = [];
  if (!Array.isArray(rows) || max <= 0) return [];
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
    let keys: string[];
    try {
      keys = Object.keys(row);
    } catch {
      continue;
    }
    for (const key of keys) {
      const type = types.get(key);
      if (type === undefined) {
        const seen = unknown.get(key);
        if (seen) seen.count!++;
        else if (issues.length < max) {
          const issue = { kind: 'unknown-column' as const, row: r, column: key, count: 1, ...suggestionFor(key, schema) };
          unknown.set(key, issue);
          issues.push(issue);
        }
        continue;
      }
      // A string column takes anything.
      if (issues.length >= max || type === 'string') continue;
      let value: unknown;
      try {
        value = (row as Record<string, unknown>)[key];
      } catch {
        continue; // a throwing getter: the run reports it
      }
      let good = typeof value === 'string' ? goodText.get(key) : undefined;
      if (good?.has(value as string)) continue;
      if (readsAsNull(value, type)) issues.push({ kind: 'bad-value', row: r, column: key, value, type });
      else if (typeof value === 'string' && value.length <= 64) {
        if (!good) goodText.set(key, (good = new Set()));
        if (good.size < GOOD_TEXT_CACHE) good.add(value);
      }
    }
  }
  return issues.map((i) => ({ ...i, message: `table ${tableName}, row ${i.row + 1}: ${describeFixtureIssue(i)}${countNote(i)}` }));
}

function suggestionFor(column: string, schema: readonly ColumnSchema[]): { suggestion?: string } {
  const near = closestName(column, schema.map((c) => c.name));
  return near === undefined ? {} : { suggestion: near };
}

function countNote(issue: Omit<FixtureIssue, 'message'>): string {
  return issue.kind === 'unknown-column' && issue.count! > 1 ? `; ${issue.count} rows have it` : '';
}

function isSchema(v: unknown): v is ColumnSchema[] {
  return Array.isArray(v) && v.every((c) => typeof c?.name === 'string' && KQL_TYPES.includes(c?.type));
}

/**
 * The schema a table's fixture rows are checked against: the one given with the rows (`{ schema, rows }`),
 * else `schemas[name]`, else the built-in one; undefined when none is known (the run infers one from the
 * rows, so there is nothing to check against).
 */
export function knownFixtureSchema(name: string, input: unknown, schemas: Record<string, readonly ColumnSchema[]> = {}): readonly ColumnSchema[] | undefined {
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && 'schema' in input) {
    const given = (input as { schema: unknown }).schema;
    return isSchema(given) ? given : undefined;
  }
  if (Object.prototype.hasOwnProperty.call(schemas, name)) return isSchema(schemas[name]) ? schemas[name] : undefined;
  return getBuiltinSchema(name);
}

/** checkFixtureRows for a table as runKql takes it (rows, or { schema, rows }), when its schema is known. */
export function checkFixtureTable(name: string, input: unknown, options: CheckFixtureOptions & { schemas?: Record<string, readonly ColumnSchema[]> } = {}): FixtureIssue[] {
  const schema = knownFixtureSchema(name, input, options.schemas);
  if (!schema) return [];
  const rows = Array.isArray(input) ? input : typeof input === 'object' && input !== null ? (input as { rows?: unknown }).rows : undefined;
  return Array.isArray(rows) ? checkFixtureRows(name, rows, schema, options) : [];
}
