/**
 * find: the rows of several tables where a predicate holds, in find's output schema
 * (docs: find-operator.md, "Output schema"; types as the official analyzer gives them):
 *  - a first column naming each row's table: `source_`, or withsource=Name;
 *  - tables that have none of the columns the predicate names are left out;
 *  - the predicate runs on each table's own rows; a column it names that the table lacks is null there;
 *  - project-smart (the default): the columns common to every table read plus those the predicate names,
 *    in the order of the first table that has them; a column with one type keeps it, numeric types give the
 *    widest (int < long < real < decimal), other mixes give dynamic. The other columns of a row go into a dynamic bag `pack_` (only when some table
 *    has such columns). With one table: all its columns, and no pack_.
 *  - project Col[:type], ..., [pack_all()]: just those columns (a type given converts the values), and with
 *    pack_all() a `pack_` bag of the row's other columns.
 * The tables are the listed ones (names, wildcards, let-bound views, `(subquery)`, as union reads them), or
 * every table of the database (the caller's, in the order given).
 */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import type { TabularPlan, CompiledExpr } from '../binder/compiled.js';
import type { Env } from '../binder/scope.js';
import { RowScope } from '../binder/scope.js';
import { bindExpr } from '../binder/bind-expr.js';
import { emptyValue, type Row } from '../runtime/table.js';
import { castValue, strictCommonType } from '../functions/convert.js';
import { toDynamic } from '../runtime/values.js';
import { bindUnionSources } from './union.js';
import { everyTable, rewriteSearchPredicate } from './search.js';

import type { OperatorDef } from './operator-def.js';

/**
 * find's entry in the operator registry (and so in reference.md). `find ...` and `T | find ...` are bound by
 * bindFind (bind-tabular.ts); inside an operator chain without a written source (mv-apply, fork) it is refused.
 */
export const find: OperatorDef<A.FindOp> = {
  op: 'find',
  description: 'Starts a query: rows of several tables where a predicate holds, with a source_ column and project-smart, project or pack_all() columns.',
  bind(node) {
    throw new KqlSemanticError(ErrorCodes.SEM_UNSUPPORTED, "'find' must start a query or follow a table", node.keywordSpan);
  },
};

type Binder = (e: A.Expr, env: Env) => TabularPlan;

/** The column names an expression reads (names, `Col: "x"` terms); function names are not included. */
function namesIn(expr: A.Expr, out: Set<string>): Set<string> {
  switch (expr.kind) {
    case 'Name':
      out.add(expr.name);
      break;
    case 'Binary':
      namesIn(expr.left, out);
      namesIn(expr.right, out);
      break;
    case 'Unary':
      namesIn(expr.operand, out);
      break;
    case 'Paren':
      namesIn(expr.inner, out);
      break;
    case 'Call':
      expr.args.forEach((a) => namesIn(a, out));
      break;
    case 'List':
      namesIn(expr.left, out);
      expr.items.forEach((a) => namesIn(a, out));
      break;
    case 'Between':
      namesIn(expr.left, out);
      namesIn(expr.low, out);
      namesIn(expr.high, out);
      break;
    case 'Member':
      namesIn(expr.target, out);
      break;
    case 'Index':
      namesIn(expr.target, out);
      namesIn(expr.index, out);
      break;
    default:
      break;
  }
  return out;
}

/** One result type for a column that several tables have: the same type, the widest of numeric types, else dynamic. */
function mergedType(types: KqlType[]): KqlType {
  return strictCommonType(types) ?? 'dynamic';
}

interface Leg {
  plan: TabularPlan;
  columns: ColumnSchema[];
  label: string;
  predicate: CompiledExpr;
  /** Null cells appended to each row for the predicate's columns the table lacks. */
  missing: number;
}

export function bindFind(expr: A.FindExpr, env: Env, bindTabular: Binder): TabularPlan {
  const withSource = expr.params.find((p) => p.name === 'withsource');
  for (const p of expr.params) {
    if (p.name !== 'withsource') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `find has no parameter '${p.name}'`, p.span);
  }
  const sourceColumn = withSource !== undefined ? String(withSource.value) : 'source_';
  const tables = expr.tables ?? everyTable(env, expr.span);
  const sources = bindUnionSources(tables, [], { env, bindTabular });

  // Tables that have none of the predicate's columns are left out (all are kept when it names none).
  const named = namesIn(expr.predicate, new Set());
  const known = new Set(sources.flatMap((s) => s.columns.map((c) => c.name)));
  const referenced = new Set([...named].filter((n) => known.has(n)));
  const candidates = referenced.size === 0 ? sources : sources.filter((s) => s.columns.some((c) => referenced.has(c.name)));

  // The predicate, bound to each table's columns plus nulls for the referenced columns it lacks. A table
  // where it does not bind (a column of another type there) is left out, unless no table binds.
  const legs: Leg[] = [];
  let firstError: unknown;
  for (const s of candidates) {
    const own = new Set(s.columns.map((c) => c.name));
    const extra: ColumnSchema[] = [...referenced].filter((n) => !own.has(n)).map((n) => {
      const other = sources.find((o) => o.columns.some((c) => c.name === n))!;
      return { name: n, type: other.columns.find((c) => c.name === n)!.type };
    });
    const columns = [...s.columns, ...extra];
    try {
      const predicate = bindExpr(rewriteSearchPredicate(expr.predicate, s.columns, false), { scope: new RowScope(columns), env, bindTabular });
      if (predicate.type !== 'bool' && predicate.type !== 'dynamic') {
        throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'The find predicate must be a boolean expression', expr.predicate.span);
      }
      legs.push({ plan: s.plan, columns: s.columns, label: s.label, predicate, missing: extra.length });
    } catch (err) {
      if (!(err instanceof KqlSemanticError)) throw err;
      firstError ??= err;
    }
  }
  if (legs.length === 0 && firstError !== undefined) throw firstError;

  // The output columns.
  const typesOf = (name: string, of: { columns: ColumnSchema[] }[]) => of.flatMap((l) => l.columns.filter((c) => c.name === name).map((c) => c.type));
  let outputs: ColumnSchema[];
  let pack: 'none' | 'others' = 'none';
  if (expr.project === undefined) {
    if (legs.length === 1) {
      outputs = [...legs[0].columns];
    } else {
      const names: string[] = [];
      for (const l of legs) for (const c of l.columns) {
        if (names.includes(c.name)) continue;
        const common = legs.every((o) => o.columns.some((oc) => oc.name === c.name));
        if (common || referenced.has(c.name)) names.push(c.name);
      }
      outputs = names.map((name) => ({ name, type: mergedType(typesOf(name, legs)) }));
      if (legs.some((l) => l.columns.some((c) => !names.includes(c.name)))) pack = 'others';
    }
  } else {
    outputs = [];
    for (const item of expr.project) {
      if (item.kind === 'pack_all') {
        pack = 'others';
        continue;
      }
      const types = typesOf(item.name, sources);
      if (types.length === 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${item.name}' in find's project`, item.span);
      if (outputs.some((o) => o.name === item.name)) throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `Column '${item.name}' is projected twice`, item.span);
      outputs.push({ name: item.name, type: item.type ?? mergedType(types) });
    }
  }
  // A column named like the source column is left out (as the analyzer's schema has it).
  outputs = outputs.filter((o) => o.name !== sourceColumn);
  const columns: ColumnSchema[] = [
    { name: sourceColumn, type: 'string' },
    ...outputs,
    ...(pack === 'others' ? [{ name: 'pack_', type: 'dynamic' as const }] : []),
  ];

  // Per leg: where each output column comes from, and which of its columns go into pack_.
  const shapes = legs.map((l) => {
    const from = outputs.map((o) => {
      const i = l.columns.findIndex((c) => c.name === o.name);
      return { index: i, type: i >= 0 ? l.columns[i].type : o.type, to: o.type };
    });
    const outputNames = new Set(outputs.map((o) => o.name));
    const packed = l.columns.flatMap((c, i) => (outputNames.has(c.name) || c.name === sourceColumn ? [] : [{ name: c.name, type: c.type, index: i }]));
    return { from, packed };
  });
  return {
    columns,
    execute: (ctx) => {
      const rows: Row[] = [];
      legs.forEach((leg, li) => {
        const { from, packed } = shapes[li];
        const nulls = leg.missing > 0 ? new Array<unknown>(leg.missing).fill(null) : undefined;
        for (const row of leg.plan.execute(ctx).rows) {
          const test = nulls ? [...row, ...nulls] : row;
          if (leg.predicate.evaluate(test, ctx) !== true) continue;
          const out: Row = [leg.label];
          for (const f of from) out.push(f.index < 0 ? emptyValue(f.to) : castValue(row[f.index], f.type, f.to));
          if (pack === 'others') {
            const bag: Record<string, unknown> = {};
            for (const p of packed) bag[p.name] = toDynamic(row[p.index], p.type);
            out.push(bag);
          }
          rows.push(out);
        }
      });
      ctx.guard.rows(rows.length, 'find', expr.span);
      return { columns, rows, owned: true };
    },
  };
}
