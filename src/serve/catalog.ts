/**
 * The databases `mini-kql serve` answers for: each a set of tables (a schema and rows) and workspace
 * functions. Queries read a snapshot (`queryInputs`); management commands and ingestion change it through
 * the methods here, so a durable store (when there is one) can observe every change in one place.
 */
import type { TableInput } from '../run-kql.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { WorkspaceFunctionInput } from '../binder/workspace-functions.js';

export interface ServeTable {
  schema: ColumnSchema[];
  rows: Record<string, unknown>[];
}

export interface ServeFunction {
  /** The parameter list as Kusto writes it, without parentheses (`x:long, T:(*)`); '' for none. */
  parameters: string;
  body: string;
  folder?: string;
  docString?: string;
}

export class ServeDatabase {
  /** By name; Maps because names come from requests (`__proto__` is an ordinary name). */
  readonly tables = new Map<string, ServeTable>();
  readonly functions = new Map<string, ServeFunction>();

  constructor(readonly name: string) {}

  /** The tables and functions as runKql's `tables` and `options.functions` (records without prototype). */
  queryInputs(): { tables: Record<string, TableInput>; functions: Record<string, WorkspaceFunctionInput> } {
    const tables = Object.create(null) as Record<string, TableInput>;
    for (const [name, t] of this.tables) tables[name] = { schema: t.schema, rows: t.rows };
    const functions = Object.create(null) as Record<string, WorkspaceFunctionInput>;
    for (const [name, f] of this.functions) functions[name] = { parameters: f.parameters, body: f.body };
    return { tables, functions };
  }
}

export class ServeCatalog {
  readonly databases = new Map<string, ServeDatabase>();

  constructor(readonly defaultDatabase = 'NetDefaultDB') {
    this.databases.set(defaultDatabase, new ServeDatabase(defaultDatabase));
  }

  /** The database a request names (the default one when it names none), or undefined. */
  database(name: string | undefined): ServeDatabase | undefined {
    return this.databases.get(name === undefined || name === '' ? this.defaultDatabase : name);
  }

  /** The database of that name, created when missing (`--db name=dir`). */
  ensureDatabase(name: string): ServeDatabase {
    let db = this.databases.get(name);
    if (!db) {
      db = new ServeDatabase(name);
      this.databases.set(name, db);
    }
    return db;
  }
}
