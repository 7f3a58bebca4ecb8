/**
 * Fixture problems of the table files `run` loads (src/runtime/fixture-check.ts), placed at their line and
 * column in the file; and the table a data file's name stands for (`signinlogs.json` -> SigninLogs).
 */
import { checkFixtureRows, describeFixtureIssue, DEFAULT_MAX_FIXTURE_ISSUES } from '../runtime/fixture-check.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { InputRow } from '../runtime/load-table.js';
import { builtinTableNames, getBuiltinSchema } from '../schemas/index.js';
import { locateFixtureIssues } from '../node/fixture-positions.js';
import { readText, tableFileFormat } from '../node/load-table-file.js';

export interface FixtureWarning {
  file: string;
  line: number;
  column: number;
  /** What is wrong, naming the table: `unknown column 'ResultTyp' in table SigninLogs (did you mean ResultType?)`. */
  message: string;
}

/** `file:line:col  warning  message` (or `error` under --strict). */
export function formatFixtureWarning(w: FixtureWarning, severity: 'warning' | 'error' = 'warning'): string {
  return `${w.file}:${w.line}:${w.column}  ${severity}  ${w.message}`;
}

/** The schema a loaded table file is checked against: --schema's, else the built-in one. */
export function schemaForFile(table: string, schemas: Record<string, ColumnSchema[]>): ColumnSchema[] | undefined {
  return Object.prototype.hasOwnProperty.call(schemas, table) ? schemas[table] : getBuiltinSchema(table);
}

/** The problems of one loaded table file, in file order; none when its table has no known schema. */
export function fixtureWarnings(table: string, file: string, rows: InputRow[], schema: ColumnSchema[] | undefined): FixtureWarning[] {
  const format = tableFileFormat(file);
  if (!schema || !format) return [];
  // One more than shown: tells whether some were left out.
  const issues = checkFixtureRows(table, rows, schema, { maxIssues: DEFAULT_MAX_FIXTURE_ISSUES + 1 });
  if (issues.length === 0) return [];
  const shown = issues.slice(0, DEFAULT_MAX_FIXTURE_ISSUES);
  const positions = locateFixtureIssues(readText(file), format, shown);
  const out = shown.map((issue, k) => {
    // In CSV every row has the header's columns; in JSON the count says how widespread the typo is.
    const count = issue.kind === 'unknown-column' && format !== 'csv' && issue.count! > 1 ? ` (in ${issue.count} rows)` : '';
    return { file, ...positions[k], message: describeFixtureIssue(issue, table) + count };
  });
  if (issues.length > shown.length) {
    const last = out[out.length - 1];
    out.push({ file, line: last.line, column: last.column, message: `more problems in table ${table} not shown (the first ${shown.length} are)` });
  }
  return out;
}

/**
 * The table a file in --data stands for: its own name when that is a known table (or matches none), else
 * the known table equal to it but for case (`signinlogs.json` -> SigninLogs), the --schema tables first.
 */
export function knownTableNameOf(name: string, schemas: Record<string, ColumnSchema[]>): string {
  if (Object.prototype.hasOwnProperty.call(schemas, name) || getBuiltinSchema(name)) return name;
  const lower = name.toLowerCase();
  const matches = [...Object.keys(schemas), ...builtinTableNames()].filter((t) => t.toLowerCase() === lower);
  return matches.length > 0 && matches.every((t) => t === matches[0]) ? matches[0] : name;
}
