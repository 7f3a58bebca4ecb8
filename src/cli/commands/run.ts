/** `mini-kql run <query.kql | rule.yaml> --table Name=path ... [options]` */
import { runKql, type RunKqlOptions, type TableInput } from '../../run-kql.js';
import { KqlError } from '../../errors/kql-error.js';
import { applyTimeWindow, runRule, type RunRuleResult } from '../../rules/run-rule.js';
import { formatDateTime } from '../../runtime/datetime.js';
import type { ColumnSchema } from '../../runtime/types.js';
import { parseArgs, single, type OptionSpec } from '../args.js';
import { CliError, UsageError } from '../errors.js';
import { formatExplain } from '../explain.js';
import type { Io } from '../io.js';
import { parseColorMode, useColor, COLOR, PLAIN } from '../color.js';
import { formatResult, isHumanFormat, parseColumnList, parseFormat, parseLimit, selectColumns, widthHint, type OutputFormat } from '../output.js';
import { formatSourceError, readQuerySource } from '../sources.js';
import { loadSchemas } from '../../node/load-schemas.js';
import { loadTables, mentions, tablesRecord, type LoadedTables } from '../tables.js';
import { FUNCTIONS_HELP, functionsFromArgs, parserHint } from '../functions.js';
import { formatFixtureWarning } from '../fixture-warnings.js';
import { externalDataHelp, loadRuleInputs, paramHelp, ruleInputHint, ruleInputOptions, watchlistHelp } from '../rule-inputs.js';
import { pathsFromArgs, watchLoop } from '../watch.js';

export const runSpec: OptionSpec = {
  values: { table: { multiple: true }, data: { multiple: true }, functions: { multiple: true }, schema: { multiple: true }, now: {}, format: {}, limit: {}, columns: {}, color: {}, ...ruleInputOptions },
  flags: ['explain', 'no-window', 'vertical', 'strict', 'watch'],
};

export const runHelp = `Usage: mini-kql run <query.kql | rule.yaml> [--table Name=path ...] [--data dir] [options]

Runs a KQL query, or the query of a Sentinel analytics rule, over tables read from files, and prints
the result. A rule runs as Sentinel schedules it: at --now, seeing only rows whose TimeGenerated lies
within its queryPeriod before --now, and firing when the row count meets triggerOperator/Threshold.

Options:
  --table Name=path   a table from a file: .json (array of rows), .ndjson/.jsonl (one row per line) or
                      .csv (header row). Repeat for more tables. A bare path names the table by file name.
  --data dir          load every TableName.(json|ndjson|jsonl|csv) in dir
  --schema path       column types for tables without a built-in schema (typing CSV text): a .json
                      file or a directory of them, repeatable; { "Table": [{ "name": "Col", "type": "string" }] },
                      { "Table": { "Col": "string" } } or Azure-Sentinel's custom table files
                      ({ "Name": "Table_CL", "Properties": [{ "Name": "Col", "Type": "String" }] })
${watchlistHelp}
${paramHelp}
${externalDataHelp}
${FUNCTIONS_HELP}
  --now ISO           the time now() and ago() see, and the end of a rule's window (default: the clock)
  --format F          table (default), vertical, json, ndjson or csv
  --columns a,b,c     show only these result columns, in this order (any format)
  --vertical          one field per line, each row under -[ RECORD n ]- (same as --format vertical):
                      for wide rows; a table wider than the terminal prints a hint to use it
  --limit N           show at most N rows
  --color WHEN        auto (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it),
                      always or never; only the table and vertical views are ever coloured
  --explain           after the result, each pipeline stage with its query line and row counts;
                      for a rule, also why it fired or not
  --no-window         run a rule without its queryPeriod time window
  --strict            fixture problems are errors: exit 1 and run nothing (see below)
  --watch             run again whenever the query, rule, table, data or schema files change
                      (the screen is cleared first on a terminal; Ctrl-C to stop)
  --debug             print a stack trace on unexpected errors

Fixture warnings: a table with a known schema (built-in, or from --schema) is checked as it loads.
A column the schema lacks (the query never sees it) and a value its column's type cannot hold (the
query sees null) are printed on stderr as file:line:col  warning  message, with the closest schema
column ("did you mean ResultType?"). A file in --data named like a known table but for case
(signinlogs.json) is loaded as that table (SigninLogs), with a note.

Examples:
  mini-kql run rule.yaml --data ./data --now 2024-05-02T00:00:00Z --explain
  mini-kql run query.kql --table SigninLogs=signins.csv --format json
  mini-kql run hunt.kql --table Events=events.ndjson --schema schema.json --limit 20
  mini-kql run rule.yaml --data ./data --watchlist HighValueAssets=assets.csv --param threshold=3 \\
    --external-data 'https://feeds.example/iocs.csv=iocs.csv' --now 2024-05-02T00:00:00Z
  mini-kql run dns-rule.yaml --functions ./parsers --data ./data --now 2024-05-02T00:00:00Z
  mini-kql run query.kql --data ./data --columns TimeGenerated,UserPrincipalName,IPAddress
  mini-kql run query.kql --data ./data --vertical --limit 3`;

/** --format, or --vertical (its shorthand). */
function outputFormat(text: string | undefined, vertical: boolean): OutputFormat {
  const format = parseFormat(text ?? (vertical ? 'vertical' : undefined));
  if (vertical && format !== 'vertical') throw new UsageError(`--vertical is a view of its own: it cannot be combined with --format ${text}`);
  return format;
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const d = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(d.getTime())) throw new UsageError(`--now ${text}: expected an ISO 8601 time such as 2024-05-02T00:00:00Z`);
  return d;
}

function describeTrigger(r: RunRuleResult): string {
  const words = { gt: 'greater than', lt: 'less than', eq: 'equal to', ne: 'not equal to' } as const;
  const n = r.rows.length;
  return `${n} result row${n === 1 ? '' : 's'} ${r.fired ? 'is' : 'is not'} ${words[r.trigger.operator]} the threshold ${r.trigger.threshold} (triggerOperator ${r.trigger.operator}, triggerThreshold ${r.trigger.threshold})`;
}

/** Per table, how many of its rows the rule's time window let through. */
function windowCounts(tables: Record<string, TableInput>, w: { from: Date; to: Date }, schemas: Record<string, ColumnSchema[]>): string[] {
  const inside = applyTimeWindow(tables, w.from.getTime(), w.to.getTime(), schemas);
  const count = (t: TableInput | undefined) => (t === undefined ? 0 : Array.isArray(t) ? t.length : t.rows.length);
  return Object.keys(tables).map((name) => {
    const before = count(tables[name]);
    const after = count(inside[name]);
    return `  ${name}: ${after} of ${before} row${before === 1 ? '' : 's'} inside the window`;
  });
}

/**
 * What to do about a table the query names but no file gave. Never suggests a file that was loaded:
 * a loaded table of another case is named instead (table names are case-sensitive). `suggested`: the
 * error already says "did you mean" a loaded table, so adding a file for this name is no advice.
 */
export function unknownTableHint(name: string | undefined, loaded: Pick<LoadedTables, 'files'>, suggested = false): string | undefined {
  if (name === undefined) return undefined;
  const parser = parserHint(name);
  if (parser) return parser;
  const file = loaded.files.get(name);
  // Loaded under exactly this name and still unknown: the file is there, so suggesting it would mislead.
  if (file !== undefined) return undefined;
  const near = [...loaded.files.keys()].filter((t) => t.toLowerCase() === name.toLowerCase());
  if (near.length > 0) {
    return `table names are case-sensitive: ${near.map((t) => `${t} (from ${loaded.files.get(t)})`).join(', ')} ${near.length === 1 ? 'was' : 'were'} loaded, not ${name}`;
  }
  if (suggested) return undefined;
  return `give its rows with --table ${name}=file.(json|ndjson|csv) or --data <dir holding ${name}.json>`;
}

export function runCommand(argv: string[], io: Io): number | Promise<number> {
  const args = parseArgs(argv, runSpec);
  if (args.flags.has('help')) {
    io.out(runHelp);
    return 0;
  }
  if (args.flags.has('watch')) return watchLoop({ run: () => runCommand(argv.filter((a) => a !== '--watch'), io), paths: () => pathsFromArgs(args) }, io);
  if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'run: give a query (.kql) or rule (.yaml) file' : 'run: give one query or rule file');
  const format = outputFormat(single(args, 'format'), args.flags.has('vertical'));
  const columnNames = parseColumnList(single(args, 'columns'));
  const paint = isHumanFormat(format) && useColor(parseColorMode(single(args, 'color')), io.stdoutIsTTY ?? false, process.env) ? COLOR : PLAIN;
  const limit = parseLimit(single(args, 'limit'));
  const now = parseNow(single(args, 'now'));
  const explain = args.flags.has('explain');
  const schemas: Record<string, ColumnSchema[]> = loadSchemas(args.values.schema ?? []);

  const src = readQuerySource(args.positionals[0]);
  if (args.flags.has('no-window') && !src.rule) throw new UsageError('--no-window applies to rule files only (a .kql query has no window)');
  const loaded = loadTables({ tableArgs: args.values.table ?? [], dataDirs: args.values.data ?? [], schemas }, io);
  if (args.flags.has('strict') && loaded.warnings.length > 0) {
    const n = loaded.warnings.length;
    throw new CliError([...loaded.warnings.map((w) => formatFixtureWarning(w, 'error')), `run: ${n} fixture problem${n === 1 ? '' : 's'} (--strict): nothing was run`].join('\n'));
  }
  for (const w of loaded.warnings) io.err(formatFixtureWarning(w));
  const functions = functionsFromArgs(args, io);
  // A table read only inside a workspace function (a parser's source table) is used too.
  const bodies = Object.values(functions ?? {}).map((f) => (typeof f === 'string' ? f : f.body));
  for (const name of loaded.explicit) {
    if (!mentions(src.query, name) && !bodies.some((b) => mentions(b, name))) io.err(`warning: table ${name} (${loaded.files.get(name)}) is not used by the query in ${src.file}`);
  }
  const tables = tablesRecord(loaded.tables);
  const inputs = loadRuleInputs(args, src.query, { undeclared: 'error' });

  let result: { columns: ColumnSchema[]; rows: Record<string, unknown>[]; trace?: unknown };
  let ruleResult: RunRuleResult | undefined;
  try {
    if (src.rule) {
      // Datetimes and timespans come back as Kusto's exact text (all 7 fractional digits) for printing.
      ruleResult = runRule(src.rule, tables, { now, schemas, functions, window: !args.flags.has('no-window'), trace: explain, timeAsText: true, ...inputs });
      result = ruleResult;
    } else {
      const options = { now, schemas, functions, trace: explain, timeAsText: true, ...inputs } as RunKqlOptions;
      result = runKql(src.query, tables, options);
    }
  } catch (err) {
    if (!(err instanceof KqlError)) throw err;
    let message = formatSourceError(src, err);
    if (err.code === 'SEM_UNKNOWN_TABLE') {
      const hint = unknownTableHint(/Unknown table '([^']+)'/.exec(err.message)?.[1], loaded, err.message.includes('(did you mean '));
      if (hint) message += `\nhint: ${hint}`;
    }
    const inputHint = ruleInputHint(err, inputs);
    if (inputHint) message += `\nhint: ${inputHint}`;
    throw new CliError(message);
  }

  const total = result.rows.length;
  const shown = limit === undefined ? result.rows : result.rows.slice(0, limit);
  const extra: Record<string, unknown> = {};
  if (ruleResult) {
    extra.fired = ruleResult.fired;
    extra.rowCount = total;
    extra.trigger = ruleResult.trigger;
    if (ruleResult.window) extra.window = { from: formatDateTime(ruleResult.window.from.getTime()), to: formatDateTime(ruleResult.window.to.getTime()) };
  }
  const text = formatResult({ columns: selectColumns(result.columns, columnNames), rows: shown }, format, extra, paint);
  if (text !== '' || format !== 'ndjson') io.out(text);
  const hint = format === 'table' && !columnNames ? widthHint(text, result.columns.length, io.stdoutColumns) : undefined;
  if (hint) io.err(hint);

  // Summaries and explanations go to stdout with the table, to stderr with machine formats.
  const human = isHumanFormat(format);
  const note = human ? io.out : io.err;
  if (human) note(shown.length < total ? `(${shown.length} of ${total} rows shown)` : `(${total} row${total === 1 ? '' : 's'})`);
  if (ruleResult) {
    const w = ruleResult.window;
    const lines = [`Rule ${ruleResult.fired ? 'FIRED' : 'did not fire'}: ${describeTrigger(ruleResult)}.`];
    if (explain || human) {
      lines.push(
        w
          ? `Time window: rows with TimeGenerated in (${formatDateTime(w.from.getTime())}, ${formatDateTime(w.to.getTime())}] (queryPeriod ${src.rule?.queryPeriod} before --now)`
          : `Time window: none (${args.flags.has('no-window') ? '--no-window' : 'the rule has no queryPeriod'})`,
      );
      if (w && explain) lines.push(...windowCounts(tables, w, schemas));
    }
    note(lines.join('\n'));
  }
  if (explain) note('\n' + formatExplain(result.trace, src.query, src.lineOffset).join('\n'));
  return 0;
}
