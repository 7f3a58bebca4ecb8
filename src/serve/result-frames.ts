/**
 * A query's result in Kusto's two JSON response formats: v2 (`/v2/rest/query`: a list of frames) and v1
 * (`/v1/rest/query`: `{ Tables: [...] }`). Values come from runKql with `timeAsText`: datetimes and
 * timespans are already Kusto's exact text, longs beyond 2^53 bigints (written as exact digits).
 */
import type { KqlColumn, KqlResult } from '../run-kql.js';
import type { ManagementResult } from './mgmt/index.js';
import type { OutputRow } from '../runtime/output.js';
import type { OneApiError } from './errors.js';

interface ResultTable {
  columns: KqlColumn[];
  rows: OutputRow[];
}

/** The .NET type v1 names next to each Kusto type (its `DataType`). */
const DOTNET_TYPES: Record<string, string> = {
  string: 'String',
  long: 'Int64',
  int: 'Int32',
  real: 'Double',
  datetime: 'DateTime',
  timespan: 'TimeSpan',
  bool: 'Boolean',
  guid: 'Guid',
  dynamic: 'Object',
  decimal: 'Decimal',
};

function resultTables(result: KqlResult): ResultTable[] {
  return result.results ?? [{ columns: result.columns, rows: result.rows }];
}

function rowArrays(table: ResultTable): unknown[][] {
  return table.rows.map((row) => table.columns.map((c) => row[c.name] ?? null));
}

/** The `@ExtendedProperties` rows: the render operator's visualization, as Kusto reports it. */
function extendedProperties(result: KqlResult): unknown[][] {
  if (!result.render) return [];
  return [[1, 'Visualization', JSON.stringify({ Visualization: result.render.kind, ...result.render.properties })]];
}

/**
 * The one row of QueryCompletionInformation (COMPLETION_COLUMNS): the query's outcome at a level clients
 * read (4 Info; 2 Error, which they count as an error), stamped with the time of the answer.
 */
function completionRow(clientRequestId: string, failure?: OneApiError): unknown[] {
  const outcome = failure
    ? [2, 'Error', 1, failure.error['@errorCode'] ?? failure.error.code, JSON.stringify(failure.error)]
    : [4, 'Info', 0, 'S_OK (0)', JSON.stringify({ Count: 1, Text: 'Query completed successfully' })];
  const [level, levelName, statusCode, statusCodeName, payload] = outcome;
  return [new Date().toISOString(), clientRequestId, null, null, null, level, levelName, statusCode, statusCodeName, 4, 'QueryInfo', payload];
}

const COMPLETION_COLUMNS: [string, string][] = [
  ['Timestamp', 'datetime'], ['ClientRequestId', 'string'], ['ActivityId', 'guid'], ['SubActivityId', 'guid'],
  ['ParentActivityId', 'guid'], ['Level', 'int'], ['LevelName', 'string'], ['StatusCode', 'int'],
  ['StatusCodeName', 'string'], ['EventType', 'int'], ['EventTypeName', 'string'], ['Payload', 'string'],
];

function v2Columns(columns: [string, string][]): { ColumnName: string; ColumnType: string }[] {
  return columns.map(([ColumnName, ColumnType]) => ({ ColumnName, ColumnType }));
}

/**
 * The v2 frames: DataSetHeader, @ExtendedProperties, one PrimaryResult per result table, QueryCompletionInformation,
 * DataSetCompletion. With a `failure` (a partial query failure), the rows that were produced (none when the
 * query failed) come first, then the failure in QueryCompletionInformation and in DataSetCompletion's
 * OneApiErrors, with HasErrors set.
 */
export function v2Frames(result: KqlResult | undefined, clientRequestId = '', failure?: OneApiError): unknown[] {
  const frames: unknown[] = [
    { FrameType: 'DataSetHeader', IsProgressive: false, Version: 'v2.0', IsFragmented: false, ErrorReportingPlacement: 'EndOfTable' },
    {
      FrameType: 'DataTable', TableId: 0, TableKind: 'QueryProperties', TableName: '@ExtendedProperties',
      Columns: v2Columns([['TableId', 'int'], ['Key', 'string'], ['Value', 'dynamic']]),
      Rows: result ? extendedProperties(result) : [],
    },
  ];
  const tables = result ? resultTables(result) : [];
  tables.forEach((t, i) => {
    frames.push({
      FrameType: 'DataTable', TableId: i + 1, TableKind: 'PrimaryResult', TableName: 'PrimaryResult',
      Columns: v2Columns(t.columns.map((c) => [c.name, c.type])),
      Rows: rowArrays(t),
    });
  });
  frames.push(
    {
      FrameType: 'DataTable', TableId: tables.length + 1, TableKind: 'QueryCompletionInformation', TableName: 'QueryCompletionInformation',
      Columns: v2Columns(COMPLETION_COLUMNS),
      Rows: [completionRow(clientRequestId, failure)],
    },
    failure
      ? { FrameType: 'DataSetCompletion', HasErrors: true, Cancelled: failure.error['@errorCode'] === 'RUN_CANCELLED', OneApiErrors: [failure] }
      : { FrameType: 'DataSetCompletion', HasErrors: false, Cancelled: false },
  );
  return frames;
}

function v1Columns(columns: [string, string][]): { ColumnName: string; DataType: string; ColumnType: string }[] {
  return columns.map(([ColumnName, ColumnType]) => ({ ColumnName, DataType: DOTNET_TYPES[ColumnType] ?? 'Object', ColumnType }));
}

/** The v1 body: the result tables (Table_0, ...), and a TableOfContents naming them when there are several. */
export function v1Body(result: KqlResult): { Tables: unknown[] } {
  const tables = resultTables(result);
  const out: unknown[] = tables.map((t, i) => ({
    TableName: `Table_${i}`,
    Columns: v1Columns(t.columns.map((c) => [c.name, c.type])),
    Rows: rowArrays(t),
  }));
  if (tables.length > 1) {
    out.push({
      TableName: `Table_${tables.length}`,
      Columns: v1Columns([['Ordinal', 'long'], ['Kind', 'string'], ['Name', 'string'], ['Id', 'string'], ['PrettyName', 'string']]),
      Rows: tables.map((_, i) => [i, 'QueryResult', 'PrimaryResult', String(i), '']),
    });
  }
  return { Tables: out };
}

/** A management command's result as a v1 body: its tables by name, as Kusto answers `/v1/rest/mgmt`. */
export function v1ManagementBody(result: ManagementResult): { Tables: unknown[] } {
  return { Tables: result.tables.map((t) => ({ TableName: t.name, Columns: v1Columns(t.columns.map((c) => [c.name, c.type])), Rows: t.rows })) };
}
