/**
 * partition [hint.strategy=...] by Column (operators): runs the operators on the rows of each distinct value
 * of Column (in first-seen order) and unions the results. Hints change only how Kusto distributes the work:
 * they are accepted and ignored. Each partition's run has its own cache (toscalar, in (...) see its own rows).
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { Row } from '../runtime/table.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { keyOfValue } from '../runtime/hash-key.js';
import { subqueryContext } from './subquery-input.js';

export const partition: OperatorDef<A.PartitionOp> = {
  op: 'partition',
  description: 'Runs a subquery on the rows of each value of a column and unions the results.',
  bind(node, input, tools) {
    const index = input.findIndex((c) => c.name === node.by.name);
    if (index < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${node.by.name}'`, node.by.span);
    tools.noteRead(input, index);
    const type = input[index].type;
    if (type === 'dynamic') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'partition cannot use a dynamic column', node.by.span);
    const time = type === 'datetime' || type === 'timespan';
    const sub = tools.chain(node.subquery, input);
    return {
      columns: sub.columns,
      run: (table, ctx) => {
        const groups = new Map<string, Row[]>();
        for (const row of table.rows) {
          const k = keyOfValue(row[index], time);
          let g = groups.get(k);
          if (!g) groups.set(k, (g = []));
          g.push(row);
        }
        const rows: Row[] = [];
        for (const g of groups.values()) {
          const out = sub.run({ columns: input, rows: g, owned: false }, subqueryContext(ctx));
          for (const r of out.rows) rows.push(r);
        }
        return { columns: sub.columns, rows, owned: false };
      },
    };
  },
};
