/** `mini-kql serve`: a local Kusto endpoint over table files, for Kusto clients (azure-kusto-data, Kusto.Explorer). */
import type { AddressInfo } from 'node:net';
import type { WorkspaceFunctionInput } from '../../binder/workspace-functions.js';
import type { ColumnSchema } from '../../runtime/types.js';
import { inferSchema, type InputRow, type TableInput } from '../../runtime/load-table.js';
import { ServeCatalog, type ServeDatabase } from '../../serve/catalog.js';
import { ServeStore } from '../../serve/store.js';
import { createServeServer } from '../../serve/server.js';
import { parseArgs, single, type OptionSpec } from '../args.js';
import { UsageError } from '../errors.js';
import { FUNCTIONS_HELP, functionsFromArgs } from '../functions.js';
import type { Io } from '../io.js';
import { loadTables } from '../tables.js';
import { formatFixtureWarning, schemaForFile } from '../fixture-warnings.js';

export const serveSpec: OptionSpec = { values: { data: { multiple: true }, functions: { multiple: true }, db: { multiple: true }, store: {}, port: {}, host: {}, token: {} } };

export const serveHelp = `Usage: mini-kql serve [--data dir] [--functions path] [--db name=dir ...] [--store dir] [--port 8080] [--host 127.0.0.1] [--token T]

Serves the tables of --data as a local Kusto endpoint: Kusto clients (azure-kusto-data, Kusto.Explorer, the
REST API) run queries against it as against a cluster. Everything is in memory: nothing is kept after exit.
Stop it with Ctrl+C. What is supported: docs/serve.md.

  --data dir          table files (.json, .ndjson/.jsonl, .csv; the file name is the table name) for the
                      default database NetDefaultDB; repeat for more
  --db name=dir       the table files of another database; repeat for more
${FUNCTIONS_HELP.replace('the query calls', 'queries may call')}
                      (given to every database)
  --port n            the port (default 8080; 0 picks a free one, printed)
  --host address      the address to listen on (default 127.0.0.1: this machine only)
  --store dir         keep every ingestion, .set/.append and table or function change in dir (an
                      append-only log, each change on disk before it is answered) and load it again
                      at start; one server at a time per dir; without it everything is in memory and
                      lost at exit
  --token T           require Authorization: Bearer T on every request (or set MINI_KQL_SERVE_TOKEN,
                      which keeps the token out of the process list)

Examples:
  mini-kql serve --data queries/suspicious-vm-creation/data
  mini-kql serve --data ./data --functions ./parsers --port 0`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8080;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`--port ${text}: expected a port number from 0 to 65535`);
  return n;
}

function parseDbArg(arg: string): { name: string; dir: string } {
  const eq = arg.indexOf('=');
  const name = arg.slice(0, Math.max(eq, 0));
  if (eq <= 0 || !/^[A-Za-z_][A-Za-z0-9_ .-]*$/.test(name)) throw new UsageError(`--db ${arg}: expected name=dir`);
  if (arg.slice(eq + 1) === '') throw new UsageError(`--db ${arg}: no folder after '='`);
  return { name, dir: arg.slice(eq + 1) };
}

/** Loads the table files of the folders into a database (schemas: the built-in one, else inferred from the rows). */
function loadInto(db: ServeDatabase, dirs: string[], io: Io): void {
  const schemas: Record<string, ColumnSchema[]> = Object.create(null) as Record<string, ColumnSchema[]>;
  const loaded = loadTables({ tableArgs: [], dataDirs: dirs, schemas }, io);
  for (const w of loaded.warnings) io.err(formatFixtureWarning(w));
  for (const [name, input] of loaded.tables) db.tables.set(name, asServeTable(name, input));
}

function asServeTable(name: string, input: TableInput): { schema: ColumnSchema[]; rows: InputRow[] } {
  if (!Array.isArray(input)) return input;
  return { schema: schemaForFile(name, {}) ?? inferSchema(input), rows: input };
}

function addFunctions(db: ServeDatabase, functions: Record<string, WorkspaceFunctionInput>): void {
  for (const name of Object.keys(functions)) {
    const f = functions[name];
    db.functions.set(name, typeof f === 'string' ? { parameters: '', body: f } : { parameters: f.parameters ?? '', body: f.body });
  }
}

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, serveSpec);
  if (args.flags.has('help')) {
    io.out(serveHelp);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`serve: unexpected argument '${args.positionals[0]}' (tables come from --data dir)`);
  const port = parsePort(single(args, 'port'));
  const host = single(args, 'host') ?? '127.0.0.1';
  const token = single(args, 'token') ?? (process.env.MINI_KQL_SERVE_TOKEN || undefined);
  if (token !== undefined && token.trim() === '') throw new UsageError('--token: the token is empty');

  const catalog = new ServeCatalog();
  const defaultDb = catalog.ensureDatabase(catalog.defaultDatabase);
  loadInto(defaultDb, args.values.data ?? [], io);
  for (const arg of args.values.db ?? []) {
    const { name, dir } = parseDbArg(arg);
    loadInto(catalog.ensureDatabase(name), [dir], io);
  }
  const functions = functionsFromArgs(args, io);
  if (functions) for (const db of catalog.databases.values()) addFunctions(db, functions);

  // The store's log is replayed over the --data tables: what was ingested or changed survives a restart.
  const storeDir = single(args, 'store');
  const store = storeDir === undefined ? undefined : ServeStore.open(storeDir, catalog);
  const server = createServeServer({ catalog, token, store });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UsageError(`--port ${port}: the port is in use (--port 0 picks a free one)`) : err));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const dbs = [...catalog.databases.values()].map((db) => `database ${db.name}: ${db.tables.size} table${db.tables.size === 1 ? '' : 's'}`);
  io.out(`mini-kql serve: listening on http://${shownHost}:${address.port} (${dbs.join(', ')}; ${store ? `store ${storeDir}: ${store.replayed} change${store.replayed === 1 ? '' : 's'} loaded` : 'in memory: nothing is kept after exit'})`);
  if (!LOOPBACK.has(host) && token === undefined) io.err(`warning: --host ${host} lets other machines query these tables without a token: give --token`);

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      io.err(`mini-kql serve: ${signal}: shutting down`);
      server.close(() => {
        store?.close();
        resolve(0);
      });
      server.closeAllConnections();
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
