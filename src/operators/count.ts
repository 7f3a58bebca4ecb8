/** count: a single row with the number of input rows, in a column named Count. */
import type { CountOp } from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { OperatorDef } from './operator-def.js';

const COLUMNS: ColumnSchema[] = [{ name: 'Count', type: 'long' }];

export const count: OperatorDef<CountOp> = {
  op: 'count',
  description: 'Returns the number of input rows.',
  bind() {
    return { columns: COLUMNS, flow: 'own', run: (table) => ({ columns: COLUMNS, rows: [[table.rows.length]], owned: true }) };
  },
};
