/** `mini-kql check <file | dir> ...`: parse and bind only, no data. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { analyzeKql, type KqlWarning } from '../../run-kql.js';
import { KqlError } from '../../errors/kql-error.js';
import type { ColumnSchema } from '../../runtime/types.js';
import { parseArgs, type OptionSpec } from '../args.js';
import { UsageError } from '../errors.js';
import { isDirectory, walkFiles } from '../files.js';
import type { Io } from '../io.js';
import { formatSourceError, isRuleFile, readQuerySource, type QuerySource } from '../sources.js';
import { loadSchemas } from '../../node/load-schemas.js';
import { checkRuleSource } from '../rule-checks.js';
import { checkedParameters, loadRuleInputFiles, paramHelp, ruleInputHint, ruleInputOptions, watchlistHelp } from '../rule-inputs.js';

export const checkSpec: OptionSpec = { values: { schema: { multiple: true }, watchlist: ruleInputOptions.watchlist, param: ruleInputOptions.param }, flags: ['strict'] };

export const checkHelp = `Usage: mini-kql check <query.kql | rule.yaml | dir> ... [--schema path] [--strict] [--watchlist alias=file ...] [--param name=value ...]

Parses and binds queries without running them: reports syntax errors, unknown tables, columns and
functions, and type errors, each as  file:line:col  CODE  message  with the source line and a caret,
and warnings (an in/!in list whose items have another type than its left side) as  file:line:col  warning  message.
When a file is clean, prints the columns its result would have. On a directory, checks every .kql
file and every .yaml/.yml rule file (one with a query field) below it and ends with a summary.

A rule file is also checked the way Sentinel and the Azure-Sentinel repository's CI check it: required
fields, id (a GUID), kind, severity, queryFrequency/queryPeriod (5m to 14d, period >= frequency),
triggerThreshold (0 to 10000), tactics and technique ids, and entityMappings, customDetails and
alertDetailsOverride, whose column names must be columns the query returns. What Sentinel rejects is
an error (file:line:col  CODE  message); what only the repository's conventions flag is a warning.
Missing required fields are errors in a file with kind:, warnings in one with id: but no kind:, and
not reported in a YAML file that holds only a query. Two rule files with one id are an error.

Exit code 0 only when there is no error (and, with --strict, no warning).

Options:
  --schema path       columns of tables without a built-in schema: a .json file or a directory of them,
                      repeatable. { "Table": [{ "name": "Col", "type": "string" }] }, { "Table": { "Col": "string" } },
                      or Azure-Sentinel's custom table files: { "Name": "T_CL", "Properties": [{ "Name": "Col", "Type": "String" }] }
  --strict            warnings fail the check too
${watchlistHelp}
                      check reads a watchlist's columns only.
${paramHelp}
                      Checking several files, a --param goes to each query that declares it.

Examples:
  mini-kql check rule.yaml
  mini-kql check queries/
  mini-kql check hunt.kql --schema custom-tables.json
  mini-kql check rule.yaml --watchlist HighValueAssets=assets.csv --param threshold=3
  mini-kql check Detections/ --schema .script/tests/KqlvalidationsTests/CustomTables/`;

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
  const schemas = loadSchemas(args.values.schema ?? []);
  const strict = args.flags.has('strict');
  const seenIds = new Map<string, string>();
  const { watchlists } = loadRuleInputFiles(args);
  const files: string[] = [];
  let summary = args.positionals.length > 1;
  for (const p of args.positionals) {
    if (isDirectory(p)) {
      summary = true;
      files.push(...walkFiles(p, isCheckable));
    } else files.push(p);
  }
  let bad = 0;
  let warned = 0;
  for (const file of files) {
    let src: QuerySource | undefined;
    let analysis: ReturnType<typeof analyzeKql> | undefined;
    try {
      src = readQuerySource(file);
      const parameters = checkedParameters(args, src.query, files.length === 1 ? 'error' : 'ignore');
      analysis = analyzeKql(src.query, { schemas, watchlists, parameters });
    } catch (err) {
      io.out(src ? formatSourceError(src, err) : formatSourceError({ file, fileText: '', query: '', lineOffset: 0, columnOffset: 0 }, err));
      const unknownTable = err instanceof KqlError && err.code === 'SEM_UNKNOWN_TABLE' ? /Unknown table '([^']+)'/.exec(err.message)?.[1] : undefined;
      if (unknownTable) io.out(`hint: ${unknownTable} has no built-in schema: give its columns with --schema file ({ "${unknownTable}": [{ "name": ..., "type": ... }] })`);
      const inputHint = err instanceof KqlError ? ruleInputHint(err, { watchlists, externalData: {}, parameters: {} }) : undefined;
      if (inputHint) io.out(`hint: ${inputHint}`);
    }
    const warnings = analysis?.warnings ?? [];
    for (const w of warnings) io.out(formatWarning(src!, w));
    // The rule's fields, also when its query did not bind (then without the result columns).
    const rule = src ? checkRuleSource(src, analysis?.columns, seenIds) : { lines: [], errors: 0, warnings: 0 };
    for (const line of rule.lines) io.out(line);
    const failed = !analysis || rule.errors > 0 || (strict && warnings.length + rule.warnings > 0);
    if (failed) bad++;
    if (warnings.length + rule.warnings > 0) warned++;
    if (failed || !analysis) continue;
    const { columns } = analysis;
    if (summary) io.out(`ok  ${file}  ${oneLineSchema(columns)}`);
    else io.out([`${file}: ok, the result has ${columns.length} column${columns.length === 1 ? '' : 's'}:`, ...schemaLines(columns)].join('\n'));
  }
  if (summary) {
    const withWarnings = warned > 0 ? ` (${warned} with warnings${strict ? ', failing with --strict' : ''})` : '';
    io.out(`\n${files.length} file${files.length === 1 ? '' : 's'} checked: ${files.length - bad} clean, ${bad} with errors${withWarnings}`);
  }
  if (files.length === 0) {
    io.err('check: no .kql or rule .yaml files found');
    return 1;
  }
  return bad === 0 ? 0 : 1;
}
