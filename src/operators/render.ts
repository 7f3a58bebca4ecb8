/**
 * render kind [with (name = value, ...)]: the rows pass through unchanged; the result carries the chart
 * kind and its properties (runKql's `result.render`). xcolumn, ycolumns, series and anomalycolumns name
 * input columns; kind, legend, xaxis, yaxis and ysplit are words; the others are constant expressions.
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { CompiledExpr } from '../binder/compiled.js';
import type { ExecContext } from '../runtime/exec-context.js';

const COLUMN_LISTS = new Set(['ycolumns', 'series', 'anomalycolumns']);
const WORDS = new Set(['kind', 'legend', 'xaxis', 'yaxis', 'ysplit']);

export const render: OperatorDef<A.RenderOp> = {
  op: 'render',
  description: 'Returns its input unchanged and attaches a visualization (chart kind and properties) to the result.',
  bind(node, input, tools) {
    const fixed: Record<string, unknown> = {};
    const computed: { name: string; expr: CompiledExpr }[] = [];
    for (const p of node.properties) {
      if (p.name === 'xcolumn' || COLUMN_LISTS.has(p.name)) {
        const names = p.values.map((v) => {
          if (v.kind !== 'Name') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `render property '${p.name}' takes column names`, v.span);
          if (!input.some((c) => c.name === v.name)) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${v.name}'`, v.span);
          return v.name;
        });
        if (p.name === 'xcolumn' && names.length > 1) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, "render property 'xcolumn' takes one column", p.span);
        fixed[p.name] = p.name === 'xcolumn' ? names[0] : names;
        continue;
      }
      if (p.values.length > 1) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `render property '${p.name}' takes one value`, p.span);
      const v = p.values[0];
      if (WORDS.has(p.name) && v.kind === 'Name') {
        fixed[p.name] = v.name;
        continue;
      }
      computed.push({ name: p.name, expr: tools.expr(v, []) });
    }
    const info = (ctx: ExecContext) => {
      const properties: Record<string, unknown> = {};
      for (const p of node.properties) {
        const c = computed.find((x) => x.name === p.name);
        const value = c ? c.expr.evaluate([], ctx) : fixed[p.name];
        Object.defineProperty(properties, p.name, { value, enumerable: true, writable: true, configurable: true });
      }
      return { kind: node.visualization, properties };
    };
    return { columns: input, flow: 'passthrough', run: (table, ctx) => ({ ...table, render: info(ctx) }) };
  },
};
