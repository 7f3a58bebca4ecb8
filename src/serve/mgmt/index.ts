/**
 * Management commands (`POST /v1/rest/mgmt`): a registry of the commands a test setup needs
 * (src/serve/mgmt/commands/), each changing the catalog through ServeChange records so that a durable
 * store writes every change before it is applied. The HTTP server renders the result as a v1 response.
 */
import { ErrorCodes, KqlSemanticError, KqlSyntaxError } from '../../errors/index.js';
import type { ServeCatalog } from '../catalog.js';
import type { ChangeSink } from '../changes.js';
import type { RunKqlAsyncOptions } from '../../run-kql-async.js';
import { MGMT_COMMANDS } from './commands/index.js';
import { MgmtContext, type ManagementResult } from './context.js';

export type { ManagementResult, ResultTable } from './context.js';
export { MGMT_COMMANDS } from './commands/index.js';

/** The command text without leading blank lines and `//` comment lines. */
function commandText(csl: string): string {
  return csl.replace(/^(?:\s+|\/\/[^\n]*(?:\n|$))*/, '').trimEnd();
}

/** The words naming a command (`.alter table policy` of `.alter table T policy retention ...`), for errors. */
function commandName(text: string): string {
  const words = text.split(/\s+/).slice(0, 4);
  const name = [words[0]];
  // Keep the keywords; drop the table or function name after `table`/`function`.
  for (let i = 1; i < words.length; i++) {
    if (/^(table|function|database|materialized-view)$/i.test(words[i - 1]) && i > 1) continue;
    if (!/^[a-z-]+$/.test(words[i])) break;
    name.push(words[i]);
  }
  return name.join(' ');
}

/**
 * Runs one management command against the named database (the default one when undefined). `queryOptions`
 * (limits, signal, `now`) apply to the queries of `.set`/`.append`/... Throws a KqlError.
 */
export async function executeManagement(
  catalog: ServeCatalog,
  dbName: string | undefined,
  csl: string,
  store?: ChangeSink,
  queryOptions: RunKqlAsyncOptions = {},
): Promise<ManagementResult> {
  if (typeof csl !== 'string') throw new KqlSyntaxError(ErrorCodes.SYN_BAD_COMMAND, 'The command must be a string');
  const text = commandText(csl);
  if (!text.startsWith('.')) throw new KqlSyntaxError(ErrorCodes.SYN_BAD_COMMAND, "A management command starts with '.' (e.g. .show tables): send queries to /v2/rest/query");
  const db = catalog.database(dbName);
  if (!db) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_DATABASE, `Database '${dbName}' does not exist; databases: ${[...catalog.databases.keys()].join(', ')}`);
  const command = MGMT_COMMANDS.find((c) => c.head.test(text));
  if (!command) {
    const supported = [...new Set(MGMT_COMMANDS.map((c) => c.syntax))].join('; ');
    throw new KqlSemanticError(ErrorCodes.SEM_UNSUPPORTED_COMMAND, `'${commandName(text)}' is not supported by mini-kql serve; supported: ${supported}`);
  }
  return command.run(new MgmtContext(catalog, db, store, queryOptions), text);
}
