/**
 * The rule inputs besides tables, from the command line of `run` and `check`:
 *   --watchlist alias=file     rows for _GetWatchlist('alias')
 *   --param name=value         a value for the query's `declare query_parameters(name:type ...)`
 *   --external-data url=file   rows for externaldata(...)[url]
 */
import { existsSync, statSync } from 'node:fs';
import { KqlError } from '../errors/kql-error.js';
import type { TableInput } from '../run-kql.js';
import type { InputRow } from '../runtime/load-table.js';
import { declaredParameters, parameterProblems } from '../rules/parameters.js';
import { tableFileFormat, tableNameOfFile } from '../node/load-table-file.js';
import { readExternalDataFile, readWatchlistFile } from '../node/rule-input-files.js';
import type { OptionSpec, ParsedArgs } from './args.js';
import { UsageError } from './errors.js';
import { ownRecord } from './tables.js';

/** The option specs (merged into a command's `values`). */
export const ruleInputOptions = {
  watchlist: { multiple: true },
  param: { multiple: true },
  'external-data': { multiple: true },
} satisfies OptionSpec['values'];

/** Help lines for the options, in the layout of the commands' option lists (descriptions at column 23). */
export const watchlistHelp = `  --watchlist alias=file
                      rows for _GetWatchlist('alias'): .json, .ndjson/.jsonl or .csv (a CSV watchlist's
                      cells stay text, as in Sentinel). Repeat for more. A bare path names it by file name.`;
export const paramHelp = `  --param name=value  a value for the query's declare query_parameters(name:type ...), converted to its
                      type: --param since=2024-05-01T00:00:00Z, --param n=5, --param lookback=1d,
                      --param flag=true. Repeat for more. A name the query does not declare is an error.`;
export const externalDataHelp = `  --external-data url=file
                      rows for externaldata(...)[url], the URL exactly as the query writes it: .json,
                      .ndjson/.jsonl, or .csv with a header row naming the columns. URLs may contain '=':
                      the file is what follows the last '=' that is followed by an existing file.`;

export interface RuleInputs {
  watchlists: Record<string, TableInput>;
  parameters: Record<string, unknown>;
  externalData: Record<string, InputRow[]>;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `alias=file` (split at the first '='), or a bare table file named by its file name. */
export function parseWatchlistArg(arg: string): { alias: string; path: string } {
  const eq = arg.indexOf('=');
  if (eq < 0) {
    if (!tableFileFormat(arg)) throw new UsageError(`--watchlist ${arg}: expected alias=file.(json|ndjson|jsonl|csv)`);
    return { alias: tableNameOfFile(arg), path: arg };
  }
  const alias = arg.slice(0, eq);
  const path = arg.slice(eq + 1);
  if (alias.trim() === '') throw new UsageError(`--watchlist ${arg}: no watchlist alias before '='`);
  if (path === '') throw new UsageError(`--watchlist ${arg}: no file after '='`);
  return { alias, path };
}

/** `name=value` (split at the first '='; the value may be empty or hold '='). */
export function parseParamArg(arg: string): { name: string; value: string } {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new UsageError(`--param ${arg}: expected name=value`);
  const name = arg.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--param ${arg}: '${name}' is not a parameter name`);
  return { name, value: arg.slice(eq + 1) };
}

/**
 * `url=file`. URLs contain '=' (query strings, SAS tokens) and so, rarely, do file names: the file is what
 * follows the last '=' that is followed by an existing file; when none is, the last '=' followed by a
 * table file name (the loader then says the file is missing).
 */
export function parseExternalDataArg(arg: string): { url: string; path: string } {
  const splits: number[] = [];
  for (let i = arg.lastIndexOf('='); i > 0; i = arg.lastIndexOf('=', i - 1)) splits.push(i);
  const at = splits.find((i) => isFile(arg.slice(i + 1))) ?? splits.find((i) => tableFileFormat(arg.slice(i + 1)) !== undefined);
  if (at === undefined) throw new UsageError(`--external-data ${arg}: expected url=file.(json|ndjson|jsonl|csv)`);
  return { url: arg.slice(0, at), path: arg.slice(at + 1) };
}

function values(args: ParsedArgs, name: keyof typeof ruleInputOptions): string[] {
  return Object.prototype.hasOwnProperty.call(args.values, name) ? args.values[name] : [];
}

/**
 * Reads the watchlist and externaldata files and checks the parameters against the query's declaration
 * (a value that does not convert to its type is a UsageError naming both). `undeclared: 'error'` also
 * rejects a --param the query does not declare (a typo would silently leave the default in force).
 */
export function loadRuleInputs(args: ParsedArgs, query: string, options: { undeclared: 'error' | 'ignore' }): RuleInputs {
  return { ...loadRuleInputFiles(args), parameters: checkedParameters(args, query, options.undeclared) };
}

/** The watchlists and externaldata rows of the command line (read once for every query checked). */
export function loadRuleInputFiles(args: ParsedArgs): Omit<RuleInputs, 'parameters'> {
  const watchlists = ownRecord<TableInput>();
  for (const arg of values(args, 'watchlist')) {
    const { alias, path } = parseWatchlistArg(arg);
    if (Object.prototype.hasOwnProperty.call(watchlists, alias)) throw new UsageError(`--watchlist: watchlist '${alias}' is given twice`);
    watchlists[alias] = readWatchlistFile(path);
  }
  const externalData = ownRecord<InputRow[]>();
  for (const arg of values(args, 'external-data')) {
    const { url, path } = parseExternalDataArg(arg);
    if (Object.prototype.hasOwnProperty.call(externalData, url)) throw new UsageError(`--external-data: the URL '${url}' is given twice`);
    externalData[url] = readExternalDataFile(path);
  }
  return { watchlists, externalData };
}

/** The --param values for one query: checked against its declaration, undeclared names rejected or left out. */
export function checkedParameters(args: ParsedArgs, query: string, undeclared: 'error' | 'ignore'): Record<string, unknown> {
  const given = ownRecord<string>();
  for (const arg of values(args, 'param')) {
    const { name, value } = parseParamArg(arg);
    if (Object.prototype.hasOwnProperty.call(given, name)) throw new UsageError(`--param: parameter '${name}' is given twice`);
    given[name] = value;
  }
  const declared = declaredParameters(query);
  const parameters = ownRecord<unknown>();
  for (const name of Object.keys(given)) {
    if (declared && !declared.has(name) && undeclared === 'ignore') continue;
    parameters[name] = given[name];
  }
  const [problem] = parameterProblems(query, parameters, declared);
  if (problem) throw new UsageError(`--param ${problem.name}=${given[problem.name]}: ${problem.message}`);
  return parameters;
}

/** A hint for an error about a rule input the command line did not give (or gave under another name). */
export function ruleInputHint(err: KqlError, inputs: RuleInputs): string | undefined {
  if (err.code === 'RUN_EXTERNAL_DATA') {
    const url = /pass the rows for '(.*)' in the externalData option/.exec(err.message)?.[1];
    const given = Object.keys(inputs.externalData);
    if (url === undefined || given.length === 0) return undefined;
    return `the URL must match the query's text exactly; --external-data gave ${given.map((u) => `'${u}'`).join(', ')}`;
  }
  if (err.code === 'SEM_UNKNOWN_TABLE') {
    const alias = /Unknown watchlist '([^']*)'/.exec(err.message)?.[1];
    const given = Object.keys(inputs.watchlists);
    if (alias === undefined || given.length === 0) return undefined;
    return `watchlist aliases are matched exactly; --watchlist gave ${given.map((a) => `'${a}'`).join(', ')}`;
  }
  return undefined;
}
