/**
 * union: the rows of several tables. Columns are matched by name (outer union: a column missing
 * from one table is empty there); a name with different types in different tables becomes one
 * column per type, named name_type, as in Kusto.
 */
import type * as A from '../parser/ast.js';
import type { UnionOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import { emptyValue, newRow, type Row, type Table } from '../runtime/table.js';
import type { TabularPlan } from '../binder/compiled.js';
import type { AsyncTabularPlan } from '../binder/bind-tabular.js';
import type { BindTools, OperatorDef } from './operator-def.js';
import { patternRegex } from './column-patterns.js';
import { asName } from './as.js';

export interface UnionSource {
  columns: ColumnSchema[];
  /** The name withsource= reports for this table. */
  label: string;
}

export interface UnionShape {
  columns: ColumnSchema[];
  /** Appends the sources' tables (in source order) into one table of the union's shape. */
  combine(tables: Table[]): Table;
  /** The columns of source `i` that feed the `needed` output columns (for column pruning). */
  sourceNeeds(i: number, needed: boolean[]): boolean[];
  /** For each column of source `i`: its position in the union's columns, or -1 when it is left out (kind=inner). */
  mappings: number[][];
  /** A row of the union's shape holding source `i`'s row (the other columns empty), with room for `capacity` cells. */
  widen(i: number, row: Row, capacity?: number): Row;
  /** An empty row of the union's shape as source `i` fills it (its withsource label set). */
  emptyRow(i: number): Row;
}

export function unionShape(sources: UnionSource[], params: A.OperatorParam[]): UnionShape {
  const kind = String(params.find((p) => p.name === 'kind')?.value ?? 'outer');
  const withSource = params.find((p) => p.name === 'withsource')?.value;
  const typesByName = new Map<string, Set<string>>();
  for (const s of sources) for (const c of s.columns) {
    if (!typesByName.has(c.name)) typesByName.set(c.name, new Set());
    typesByName.get(c.name)!.add(c.type);
  }
  // A source column's identity in the union: its name, or name+type when the name has several types
  // (that column is then named name_type).
  const keyOf = (c: ColumnSchema) => (typesByName.get(c.name)!.size > 1 ? `${c.name}\u0000${c.type}` : c.name);
  const shownName = (key: string) => key.replace('\u0000', '_');
  // Columns in first-seen order; a name with several types puts all its name_type columns at the
  // position where the name first appears (as the analyzer orders them).
  let keyed: { key: string; type: ColumnSchema['type'] }[] = [];
  const placed = new Set<string>();
  for (const s of sources) for (const c of s.columns) {
    if (placed.has(c.name)) continue;
    placed.add(c.name);
    for (const type of typesByName.get(c.name)!) keyed.push({ key: keyOf({ name: c.name, type: type as ColumnSchema['type'] }), type: type as ColumnSchema['type'] });
  }
  if (kind === 'inner') {
    const inEvery = sources.map((s) => new Set(s.columns.map(keyOf)));
    keyed = keyed.filter((o) => inEvery.every((keys) => keys.has(o.key)));
  }
  // A name_type that is also a column's own name (x_long from x, and a column x_long): the later one in
  // column order gets a number, x_long1 (as the analyzer names it).
  const used = new Set<string>();
  if (withSource !== undefined) used.add(String(withSource));
  let columns: ColumnSchema[] = keyed.map((o) => {
    const base = shownName(o.key);
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return { name, type: o.type };
  });
  if (withSource !== undefined) columns = [{ name: String(withSource), type: 'string' }, ...columns];
  const offset = withSource !== undefined ? 1 : 0;
  // Key -> output position through a map: `union *` over the 878 built-in tables has 30,000 input columns.
  const position = new Map<string, number>();
  keyed.forEach((o, i) => position.set(o.key, i + offset));
  const mappings = sources.map((s) => s.columns.map((c) => position.get(keyOf(c)) ?? -1));
  const empty = columns.map((c) => emptyValue(c.type));
  const emptyRow = (i: number): Row => {
    const out = empty.slice();
    if (offset) out[0] = sources[i].label;
    return out;
  };
  const widen = (i: number, row: Row, capacity = columns.length): Row => {
    const out = newRow(columns.length, capacity);
    for (let c = 0; c < columns.length; c++) out[c] = empty[c];
    if (offset) out[0] = sources[i].label;
    const map = mappings[i];
    for (let k = 0; k < map.length; k++) if (map[k] >= 0) out[map[k]] = row[k];
    return out;
  };
  return {
    columns,
    combine(tables) {
      const rows: Row[] = [];
      tables.forEach((table, i) => {
        for (const row of table.rows) rows.push(widen(i, row));
      });
      return { columns, rows, owned: true };
    },
    sourceNeeds: (i, needed) => mappings[i].map((to) => to >= 0 && needed[to] === true),
    mappings,
    widen,
    emptyRow,
  };
}

/**
 * With isfuzzy=true, a leg that names something that does not exist (a table, a function such as an
 * ASIM parser, a column) is left out, as the analyzer does; other errors still fail the query.
 */
const FUZZY_SKIPPED = new Set<string>([ErrorCodes.SEM_UNKNOWN_TABLE, ErrorCodes.SEM_UNKNOWN_FUNCTION, ErrorCodes.SEM_UNKNOWN_COLUMN]);

/**
 * The tables named in a union: table names (wildcards match the known tables), let-bound names or
 * parenthesised subqueries. With isfuzzy=true, names that resolve to nothing are left out.
 */
export function bindUnionSources(
  tables: A.Expr[],
  params: A.OperatorParam[],
  tools: Pick<BindTools, 'bindTabular' | 'env'>,
  firstArg = 0,
): (UnionSource & { plan: TabularPlan })[] {
  const fuzzy = params.some((p) => p.name === 'isfuzzy' && p.value === true);
  const sources: (UnionSource & { plan: TabularPlan })[] = [];
  tables.forEach((t, i) => {
    if (t.kind === 'Name' && t.name.includes('*')) {
      const re = patternRegex(t.name);
      const names = tools.env.tableNames().filter((n) => re.test(n)).sort();
      if (names.length === 0 && !fuzzy) {
        throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, `No table matches '${t.name}'`, t.span);
      }
      for (const name of names) {
        const plan = tools.bindTabular({ kind: 'Name', name, span: t.span }, tools.env);
        sources.push({ plan, columns: plan.columns, label: name });
      }
      return;
    }
    try {
      const bound = tools.bindTabular(t, tools.env);
      const plan = fuzzy ? fuzzyLeg(bound) : bound;
      sources.push({ plan, columns: plan.columns, label: sourceLabel(t) ?? `union_arg${firstArg + i}` });
    } catch (err) {
      if (!(fuzzy && err instanceof KqlSemanticError && FUZZY_SKIPPED.has(err.code))) throw err;
    }
  });
  if (sources.length === 0 && firstArg === 0) {
    throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, 'None of the tables in this union exist', tables[0]?.span);
  }
  return sources;
}

/**
 * A leg of a fuzzy union that, run, gives no rows instead of failing on a name that does not exist then:
 * operators after `evaluate bag_unpack` / `pivot` are bound again to the columns the data produced, and a
 * column the data did not produce is only found missing at run time (docs/differences-from-kusto.md).
 */
function fuzzyLeg(plan: AsyncTabularPlan): AsyncTabularPlan {
  const skipped = (err: unknown): Table => {
    if (err instanceof KqlSemanticError && FUZZY_SKIPPED.has(err.code)) return { columns: plan.columns, rows: [] };
    throw err;
  };
  return {
    ...plan,
    execute: (ctx) => {
      try {
        return plan.execute(ctx);
      } catch (err) {
        return skipped(err);
      }
    },
    ...(plan.executeAsync ? { executeAsync: (ctx) => plan.executeAsync!(ctx).catch(skipped) } : {}),
    ...(plan.prune ? { prune: (needed) => fuzzyLeg(plan.prune!(needed) as AsyncTabularPlan) } : {}),
  };
}

/** The name withsource= reports for a union leg: a table name, or the name given by a final `| as Name`. */
function sourceLabel(t: A.Expr): string | undefined {
  while (t.kind === 'Paren') t = t.inner;
  if (t.kind === 'Name') return t.name;
  if (t.kind === 'Pipe' && t.operator.op === 'as') return t.operator.name;
  return undefined;
}

export const union: OperatorDef<UnionOp> = {
  op: 'union',
  description: 'Appends the rows of other tables to the input.',
  bind(node, input, tools) {
    // The piped input is union_arg0; the listed tables follow it.
    const others = bindUnionSources(node.tables, node.params, tools, 1);
    const shape = unionShape([{ columns: input, label: asName(input) ?? 'union_arg0' }, ...others], node.params);
    return {
      columns: shape.columns,
      run: (table, ctx) => shape.combine([table, ...others.map((o) => o.plan.execute(ctx))]),
    };
  },
};
