/** The result tables management commands return, with the columns Kusto's docs give them. */
import type { ColumnSchema, KqlType } from '../../runtime/types.js';
import type { ServeDatabase, ServeFunction } from '../catalog.js';
import type { ManagementResult, ResultTable } from './context.js';

/** The .NET type Kusto names in a schema's JSON next to each column's Kusto type. */
const DOTNET_TYPES: Record<KqlType, string> = {
  bool: 'System.SByte',
  int: 'System.Int32',
  long: 'System.Int64',
  real: 'System.Double',
  decimal: 'System.Data.SqlTypes.SqlDecimal',
  string: 'System.String',
  datetime: 'System.DateTime',
  timespan: 'System.TimeSpan',
  guid: 'System.Guid',
  dynamic: 'System.Object',
};

export function table(name: string, columns: [string, KqlType][], rows: unknown[][]): ResultTable {
  return { name, columns: columns.map(([n, type]) => ({ name: n, type })), rows };
}

export function result(...tables: ResultTable[]): ManagementResult {
  return { tables };
}

/** The `Schema` text of `.show table T schema as json`. */
export function schemaJson(name: string, schema: ColumnSchema[]): string {
  return JSON.stringify({
    Name: name,
    OrderedColumns: schema.map((c) => ({ Name: c.name, Type: DOTNET_TYPES[c.type], CslType: c.type })),
  });
}

/** `.show table T schema as json`, also the result of .create table / .create-merge table. */
export function tableSchemaResult(db: ServeDatabase, names: string[]): ManagementResult {
  const rows = names.map((n) => [n, schemaJson(n, db.tables.get(n)!.schema), db.name, '', '']);
  return result(table('Table_0', [['TableName', 'string'], ['Schema', 'string'], ['DatabaseName', 'string'], ['Folder', 'string'], ['DocString', 'string']], rows));
}

/** The tables left after .drop table (drop-table-command.md, "Returns"). */
export function remainingTablesResult(db: ServeDatabase): ManagementResult {
  return result(table('Table_0', [['TableName', 'string'], ['DatabaseName', 'string']], [...db.tables.keys()].map((n) => [n, db.name])));
}

/** `.show tables`. */
export function tablesResult(db: ServeDatabase): ManagementResult {
  const rows = [...db.tables.keys()].map((n) => [n, db.name, '', '']);
  return result(table('Table_0', [['TableName', 'string'], ['DatabaseName', 'string'], ['Folder', 'string'], ['DocString', 'string']], rows));
}

/** `.show functions`, also the result of .create-or-alter function (that one function). */
export function functionsResult(functions: [string, ServeFunction][]): ManagementResult {
  const rows = functions.map(([name, f]) => [name, `(${f.parameters})`, `{${f.body}}`, f.folder ?? '', f.docString ?? '']);
  return result(table('Table_0', [['Name', 'string'], ['Parameters', 'string'], ['Body', 'string'], ['Folder', 'string'], ['DocString', 'string']], rows));
}

function newGuid(): string {
  return globalThis.crypto.randomUUID();
}

/** What .set/.append/.set-or-append/.set-or-replace return: one row for the extent written (none for no rows). */
export function extentResult(rowCount: number): ManagementResult {
  const rows = rowCount === 0 ? [] : [[newGuid(), 0, 0, 0, 0, rowCount]];
  return result(table('Table_0', [['ExtentId', 'guid'], ['OriginalSize', 'real'], ['ExtentSize', 'real'], ['CompressedSize', 'real'], ['IndexSize', 'real'], ['RowCount', 'long']], rows));
}

/** What .ingest inline returns: one record per extent written (ingest-inline.md, "Returns"). */
export function ingestResult(): ManagementResult {
  return result(table('Table_0', [['ExtentId', 'guid']], [[newGuid()]]));
}
