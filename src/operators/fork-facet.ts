/**
 * fork [name =] (operators) ... and facet by Col, ... [with (operators)]: several result tables from one
 * input (fork-operator.md, facet-operator.md). The operator's own rows and columns are the first table;
 * every table is in `results` (runKql's `result.results`). A fork leg is named by `name =` or by an `as`
 * at its end; facet's tables are the `with` table (when given), then `summarize count_<Col> = count() by Col`
 * for each column, in order.
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { BoundChain } from '../binder/compiled.js';
import type { Table } from '../runtime/table.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';

function runAll(legs: { name?: string; chain: BoundChain }[], input: Table, ctx: Parameters<BoundChain['run']>[1]): Table {
  const shared: Table = { columns: input.columns, rows: input.rows, owned: false };
  const results = legs.map((l) => ({ name: l.name, table: l.chain.run(shared, ctx) }));
  return { ...results[0].table, results };
}

export const fork: OperatorDef<A.ForkOp> = {
  op: 'fork',
  description: 'Runs several subqueries on the same input; each gives a result table (the first is the rows).',
  bind(node, input, tools) {
    const legs = node.legs.map((leg) => {
      const last = leg.ops[leg.ops.length - 1];
      const name = leg.name ?? (last?.op === 'as' ? last.name : undefined);
      return { name, chain: tools.chain(leg.ops, input) };
    });
    return { columns: legs[0].chain.columns, run: (table, ctx) => runAll(legs, table, ctx) };
  },
};

export const facet: OperatorDef<A.FacetOp> = {
  op: 'facet',
  description: 'Returns a table of value counts per listed column (and optionally the input through a subquery).',
  bind(node, input, tools) {
    const legs: { name?: string; chain: BoundChain }[] = [];
    if (node.with) legs.push({ chain: tools.chain(node.with, input) });
    for (const c of node.columns) {
      if (!input.some((x) => x.name === c.name)) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${c.name}'`, c.span);
      const summarize: A.SummarizeOp = {
        op: 'summarize', params: [],
        aggregates: [{ names: [{ name: `count_${c.name}`, span: c.span }], expr: { kind: 'Call', name: 'count', nameSpan: c.span, args: [], span: c.span }, span: c.span }],
        by: [{ names: [], expr: { kind: 'Name', name: c.name, span: c.span }, span: c.span }],
        keywordSpan: c.span, span: c.span,
      };
      legs.push({ name: c.name, chain: tools.chain([summarize], input) });
    }
    return { columns: legs[0].chain.columns, run: (table, ctx) => runAll(legs, table, ctx) };
  },
};
