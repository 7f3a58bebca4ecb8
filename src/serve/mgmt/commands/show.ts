/** The `.show` commands: databases, tables, a table's schema, functions. */
import { NAME, unquoteName, type MgmtCommand } from '../context.js';
import { functionsResult, result, table, tableSchemaResult, tablesResult } from '../results.js';

export const showDatabases: MgmtCommand = {
  syntax: '.show databases',
  head: /^\.show\s+databases\s*$/i,
  run: (ctx) =>
    result(
      table(
        'Table_0',
        [['DatabaseName', 'string'], ['PersistentStorage', 'string'], ['Version', 'string'], ['IsCurrent', 'bool'], ['DatabaseAccessMode', 'string'], ['PrettyName', 'string'], ['ReservedSlot1', 'bool'], ['DatabaseId', 'guid']],
        [...ctx.catalog.databases.values()].map((db) => [db.name, '', 'v1.0', db === ctx.db, 'ReadWrite', '', false, '00000000-0000-0000-0000-000000000000']),
      ),
    ),
};

export const showTables: MgmtCommand = {
  syntax: '.show tables',
  head: /^\.show\s+tables\s*$/i,
  run: (ctx) => tablesResult(ctx.db),
};

const SHOW_SCHEMA = new RegExp(String.raw`^\.show\s+table\s+(${NAME})\s+schema\s+as\s+json\s*$`, 'i');

export const showTableSchema: MgmtCommand = {
  syntax: '.show table T schema as json',
  head: SHOW_SCHEMA,
  run: (ctx, text) => {
    const name = unquoteName(SHOW_SCHEMA.exec(text)![1]);
    ctx.table(name);
    return tableSchemaResult(ctx.db, [name]);
  },
};

export const showFunctions: MgmtCommand = {
  syntax: '.show functions',
  head: /^\.show\s+functions\s*$/i,
  run: (ctx) => functionsResult([...ctx.db.functions]),
};
