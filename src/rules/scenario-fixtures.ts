/**
 * The fixture problems of a scenario's tables (src/runtime/fixture-check.ts): warnings, or failures when
 * the scenario is strict. Each message carries the table and row, and where the scenario file writes it
 * when that is known (`locate`).
 */
import type { TableInput } from '../run-kql.js';
import { checkFixtureTable, type FixtureIssue } from '../runtime/fixture-check.js';

/** Where a problem of a table sits in the scenario file, as `line L, column C`, or undefined when unknown. */
export type LocateFixtureIssue = (table: string, issue: FixtureIssue) => { line: number; column: number } | undefined;

/** One message per problem, for every table with a known schema (built-in, or given as { schema, rows }). */
export function scenarioFixtureWarnings(tables: Record<string, TableInput>, locate?: LocateFixtureIssue): string[] {
  return Object.keys(tables).flatMap((name) =>
    checkFixtureTable(name, tables[name]).map((issue) => {
      const at = locate?.(name, issue);
      return at ? `line ${at.line}, column ${at.column}: ${issue.message}` : issue.message;
    }),
  );
}
