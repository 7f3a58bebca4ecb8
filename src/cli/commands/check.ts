/** `mini-kql check <file | dir> ...`: parse and bind only, no data. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { analyzeKql, type KqlWarning } from '../../run-kql.js';
import { KqlError } from '../../errors/kql-error.js';
import type { ColumnSchema } from '../../runtime/types.js';
import { parseArgs, single, type OptionSpec } from '../args.js';
import { UsageError } from '../errors.js';
import { isDirectory, walkFiles } from '../files.js';
import type { Io } from '../io.js';
import { formatSourceError, isRuleFile, readQuerySource, type QuerySource } from '../sources.js';
import { loadSchemaFile } from '../tables.js';

export const checkSpec: OptionSpec = { values: { schema: {} } };

export const checkHelp = `Usage: mini-kql check <query.kql | rule.yaml | dir> ... [--schema file]

Parses and binds queries without running them: reports syntax errors, unknown tables, columns and
functions, and type errors, each as  file:line:col  CODE  message  with the source line and a caret,
and warnings (an in/!in list whose items have another type than its left side) as  file:line:col  warning  message.
When a file is clean, prints the columns its result would have. On a directory, checks every .kql
file and every .yaml/.yml rule file (one with a query field) below it and ends with a summary.
Exit code 0 only when everything is clean.

Tables are known by their built-in Sentinel schemas; give others with --schema:
  { "Table": [{ "name": "Col", "type": "string" }, ...] }

Examples:
  mini-kql check rule.yaml
  mini-kql check queries/
  mini-kql check hunt.kql --schema custom-tables.json`;

/** In a directory: .kql files, and YAML files that look like rules (a top-level query field), not scenario files. */
function isCheckable(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.kql') return true;
  if (!isRuleFile(path) || /\.tests\.ya?ml$/i.test(path)) return false;
  try {
    return /^query\s*:/m.test(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

function schemaLines(columns: ColumnSchema[]): string[] {
  const w = Math.max(0, ...columns.map((c) => c.name.length));
  return columns.map((c) => `  ${c.name.padEnd(w)}  ${c.type}`);
}

/** `(A:string, B:long)`, cut after about 100 characters with the column count. */
function oneLineSchema(columns: ColumnSchema[]): string {
  const text = columns.map((c) => `${c.name}:${c.type}`).join(', ');
  if (text.length <= 100) return `(${text})`;
  return `(${text.slice(0, text.lastIndexOf(', ', 100))}, … ${columns.length} columns)`;
}

/** `file:line:col  warning  message`, at the warning's place in the file (a rule's query is inside the YAML). */
function formatWarning(src: QuerySource, w: KqlWarning): string {
  return `${src.file}:${w.span.line + src.lineOffset}:${w.span.column + src.columnOffset}  warning  ${w.message}`;
}

export function checkCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, checkSpec);
  if (args.flags.has('help')) {
    io.out(checkHelp);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('check: give a query or rule file, or a directory');
  const schemaFile = single(args, 'schema');
  const schemas = schemaFile ? loadSchemaFile(schemaFile) : {};
  const files: string[] = [];
  let summary = args.positionals.length > 1;
  for (const p of args.positionals) {
    if (isDirectory(p)) {
      summary = true;
      files.push(...walkFiles(p, isCheckable));
    } else files.push(p);
  }
  let bad = 0;
  for (const file of files) {
    let src: QuerySource | undefined;
    try {
      src = readQuerySource(file);
      const { columns, warnings = [] } = analyzeKql(src.query, { schemas });
      for (const w of warnings) io.out(formatWarning(src, w));
      if (summary) io.out(`ok  ${file}  ${oneLineSchema(columns)}`);
      else io.out([`${file}: ok, the result has ${columns.length} column${columns.length === 1 ? '' : 's'}:`, ...schemaLines(columns)].join('\n'));
    } catch (err) {
      bad++;
      io.out(src ? formatSourceError(src, err) : formatSourceError({ file, fileText: '', query: '', lineOffset: 0, columnOffset: 0 }, err));
      const unknownTable = err instanceof KqlError && err.code === 'SEM_UNKNOWN_TABLE' ? /Unknown table '([^']+)'/.exec(err.message)?.[1] : undefined;
      // A "did you mean" in the message is the likelier fix than a schema for the misspelled name.
      if (unknownTable && !(err as KqlError).message.includes('(did you mean ')) io.out(`hint: ${unknownTable} has no built-in schema: give its columns with --schema file ({ "${unknownTable}": [{ "name": ..., "type": ... }] })`);
    }
  }
  if (summary) {
    io.out(`\n${files.length} file${files.length === 1 ? '' : 's'} checked: ${files.length - bad} clean, ${bad} with errors`);
  }
  if (files.length === 0) {
    io.err('check: no .kql or rule .yaml files found');
    return 1;
  }
  return bad === 0 ? 0 : 1;
}
