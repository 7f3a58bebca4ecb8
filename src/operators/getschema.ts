/**
 * getschema: one row per input column: ColumnName, ColumnOrdinal (from 0), DataType (the .NET type
 * name, e.g. System.String) and ColumnType (the Kusto type name), as the analyzer and docs give.
 */
import type { GetSchemaOp } from '../parser/ast.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import type { OperatorDef } from './operator-def.js';

const DOTNET: Record<KqlType, string> = {
  bool: 'System.SByte', int: 'System.Int32', long: 'System.Int64', real: 'System.Double', decimal: 'System.Data.SqlTypes.SqlDecimal',
  string: 'System.String', datetime: 'System.DateTime', timespan: 'System.TimeSpan', guid: 'System.Guid', dynamic: 'System.Object',
};

const COLUMNS: ColumnSchema[] = [
  { name: 'ColumnName', type: 'string' },
  { name: 'ColumnOrdinal', type: 'long' },
  { name: 'DataType', type: 'string' },
  { name: 'ColumnType', type: 'string' },
];

export const getschema: OperatorDef<GetSchemaOp> = {
  op: 'getschema',
  description: 'Returns the input schema: one row per column (ColumnName, ColumnOrdinal, DataType, ColumnType).',
  bind(_node, input) {
    const rows = input.map((c, i) => [c.name, i, DOTNET[c.type], c.type]);
    return { columns: COLUMNS, run: () => ({ columns: COLUMNS, rows: rows.map((r) => r.slice()) }) };
  },
};
