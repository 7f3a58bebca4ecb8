/** `mini-kql schemas [Name | filter]`: the built-in table schemas, listed or one table's columns. */
import { builtinTableNames, getBuiltinSchema } from '../../schemas/index.js';
import { parseArgs, single, type OptionSpec } from '../args.js';
import { didYouMean } from '../../runtime/closest-name.js';
import { CliError, UsageError } from '../errors.js';
import type { Io } from '../io.js';

export const schemasSpec: OptionSpec = { values: { format: {} } };

export const schemasHelp = `Usage: mini-kql schemas [Name | text] [--format text|json]

Lists the built-in table schemas (the Sentinel and Azure Monitor tables a query can read without
declaring their columns), each with its column count. With a table's exact name, prints its columns
and types; with other text, lists the tables whose names contain it (any case).

  --format json   the list as [{ "name", "columnCount" }]; a table as { "Name": [{ "name", "type" }] },
                  the shape of a --schema file (a start for one of your own tables)

Examples:
  mini-kql schemas
  mini-kql schemas Signin
  mini-kql schemas SigninLogs
  mini-kql schemas SecurityEvent --format json`;

const FORMATS = ['text', 'json'];

export function schemasCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, schemasSpec);
  if (args.flags.has('help')) {
    io.out(schemasHelp);
    return 0;
  }
  if (args.positionals.length > 1) throw new UsageError('schemas: give at most one table name or filter text');
  const format = single(args, 'format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: use one of ${FORMATS.join(', ')}`);
  const json = format === 'json';
  const query = args.positionals[0];
  const names = builtinTableNames();

  const columns = query === undefined ? undefined : getBuiltinSchema(query);
  if (query !== undefined && columns) {
    if (json) io.out(JSON.stringify({ [query]: columns }, null, 2));
    else {
      const w = Math.max(...columns.map((c) => c.name.length));
      io.out([`${query}: ${columns.length} columns`, ...columns.map((c) => `  ${c.name.padEnd(w)}  ${c.type}`)].join('\n'));
    }
    return 0;
  }

  const needle = query?.toLowerCase();
  const matching = needle === undefined ? names : names.filter((n) => n.toLowerCase().includes(needle));
  if (matching.length === 0) throw new CliError(`mini-kql: no built-in table is named or contains '${query}'${didYouMean(query!, names)}`);
  const listed = matching.map((name) => ({ name, columnCount: getBuiltinSchema(name)!.length }));
  if (json) io.out(JSON.stringify(listed, null, 2));
  else {
    const w = Math.max(...listed.map((t) => t.name.length));
    io.out(listed.map((t) => `${t.name.padEnd(w)}  ${t.columnCount} columns`).join('\n'));
    io.out(`(${listed.length} of ${names.length} built-in tables)`);
  }
  return 0;
}
