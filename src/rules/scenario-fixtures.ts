/**
 * The fixture problems of a scenario's tables (src/runtime/fixture-check.ts): warnings, or failures when
 * the scenario is strict. Messages carry the table and row, not a file position.
 */
import type { TableInput } from '../run-kql.js';
import { checkFixtureTable } from '../runtime/fixture-check.js';

/** One message per problem, for every table with a known schema (built-in, or given as { schema, rows }). */
export function scenarioFixtureWarnings(tables: Record<string, TableInput>): string[] {
  return Object.keys(tables).flatMap((name) => checkFixtureTable(name, tables[name]).map((issue) => issue.message));
}
