/**
 * lookup: extend each left (fact) row with the columns of the matching right (dimension) rows.
 * Like join, but only kind=leftouter (the default) and kind=inner exist, and the right side's key
 * columns are not repeated: the output is every left column, then every right column except the
 * keys of the `on` conditions (for `$left.a == $right.b`, `b` is dropped too), renamed with a numeric
 * suffix when the name is taken (b -> b1), as the analyzer reports. Key columns must have the same
 * type on both sides (int and long mix; the analyzer rejects long vs real, KS227); a null key matches nothing. Every match produces a row
 * (no innerunique deduplication); an unmatched left row gets nulls under leftouter.
 */
import type { LookupOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import { isIntegerType, type ColumnSchema } from '../runtime/types.js';
import { emptyValue, type Row } from '../runtime/table.js';
import { keyOfValues } from '../runtime/hash-key.js';
import { NameAllocator } from '../binder/naming.js';
import type { OperatorDef } from './operator-def.js';

function columnIndex(columns: ColumnSchema[], name: string, side: string, span: Span): number {
  const i = columns.findIndex((c) => c.name === name);
  if (i < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${name}' on the ${side} side of the lookup`, span);
  return i;
}

export const lookup: OperatorDef<LookupOp> = {
  op: 'lookup',
  description: 'Extends rows with the columns of matching rows of a dimension table (kind=leftouter or inner).',
  bind(node, left, tools) {
    let kind: 'leftouter' | 'inner' = 'leftouter';
    for (const p of node.params) {
      if (p.name !== 'kind') continue;
      if (p.value !== 'leftouter' && p.value !== 'inner') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${String(p.value)}' is not a lookup kind; use leftouter or inner`, p.span);
      }
      kind = p.value;
    }
    const rightPlan = tools.bindTabular(node.right, tools.env);
    const right = rightPlan.columns;
    const leftKeys: number[] = [], rightKeys: number[] = [];
    for (const cond of node.on) {
      const [l, r] = cond.kind === 'same'
        ? [columnIndex(left, cond.name, 'left', cond.span), columnIndex(right, cond.name, 'right', cond.span)]
        : [columnIndex(left, cond.left, 'left', cond.leftSpan), columnIndex(right, cond.right, 'right', cond.rightSpan)];
      const lt = left[l].type, rt = right[r].type;
      if (lt !== rt && !(isIntegerType(lt) && isIntegerType(rt))) {
        throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `Lookup keys must have the same type, but '${left[l].name}' is ${lt} and '${right[r].name}' is ${rt}`, cond.span);
      }
      leftKeys.push(l);
      rightKeys.push(r);
    }
    const kept = right.map((_, i) => i).filter((i) => !rightKeys.includes(i));
    const names = new NameAllocator(left.map((c) => c.name));
    const columns: ColumnSchema[] = [...left, ...kept.map((i) => ({ name: names.unique(right[i].name), type: right[i].type }))];
    const rightNulls = kept.map((i) => emptyValue(right[i].type));
    const keyOf = (row: Row, keys: number[]): string | undefined => {
      const values = keys.map((k) => row[k]);
      return values.some((v) => v === null || v === undefined) ? undefined : keyOfValues(values);
    };
    return {
      columns,
      run: (leftTable, ctx) => {
        const index = new Map<string, Row[]>();
        for (const row of rightPlan.execute(ctx).rows) {
          const key = keyOf(row, rightKeys);
          if (key === undefined) continue;
          const values = kept.map((i) => row[i]);
          const bucket = index.get(key);
          if (bucket) bucket.push(values);
          else index.set(key, [values]);
        }
        const out: Row[] = [];
        for (const row of leftTable.rows) {
          const key = keyOf(row, leftKeys);
          const matches = key === undefined ? undefined : index.get(key);
          if (matches) for (const m of matches) out.push([...row, ...m]);
          else if (kind === 'leftouter') out.push([...row, ...rightNulls]);
        }
        return { columns, rows: out };
      },
    };
  },
};
