/**
 * Shared by basket, autocluster and diffpatterns: the argument conventions of the pattern plugins
 * (`'~'` for a default, a weight column, custom wildcards by type) and frequent-itemset mining.
 *
 * An item is one value of one dimension column; a pattern (itemset) is a set of items of distinct
 * columns, and its weight is the total weight of the rows holding all of its values. Null values and
 * empty strings are no items (they could not be told from the default wildcards). Mining is Apriori,
 * level by level up to `maxDims` items: a candidate of size k+1 joins two frequent k-sets with the same
 * first k-1 items, and is counted only when all its k-subsets are frequent. Each set keeps the list of
 * its rows, so a candidate costs one pass over the rows of its parent.
 */
import type * as A from '../../../parser/ast.js';
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema, KqlType } from '../../../runtime/types.js';
import { isNumericType } from '../../../runtime/types.js';
import { emptyValue, type Row } from '../../../runtime/table.js';
import { keyOfValue } from '../../../runtime/hash-key.js';
import type { CompiledExpr } from '../../../binder/compiled.js';
import type { ExecContext } from '../../../runtime/exec-context.js';
import type { BindTools } from '../../operator-def.js';
import type { Span } from '../../../errors/span.js';

/** The most itemsets one mining run may count (a run over many correlated columns fails instead of exploding). */
export const MAX_ITEMSETS = 200_000;

/**
 * The most work units (rows visited) one run of a pattern plugin may spend: past it the run fails with
 * RUN_LIMIT_EXCEEDED instead of running for hours on hostile input (many columns, low thresholds).
 */
export const MAX_WORK = 400_000_000;

/** A work counter: `spend(units)` ticks the run guard and throws once MAX_WORK units are spent. */
export function workBudget(ctx: ExecContext, plugin: string, span: Span | undefined, hint: string): (units: number) => void {
  let spent = 0;
  return (units) => {
    spent += units;
    ctx.guard.tick(units);
    if (spent > MAX_WORK) {
      throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `${plugin} needs too much work on this input; ${hint}`, span);
    }
  };
}

/** True for the `'~'` placeholder ("use the default"). */
export function isTilde(e: CompiledExpr): boolean {
  return e.constant !== undefined && e.constant.value === '~';
}

/** The constant value of an optional argument, undefined when absent or `'~'`. */
export function optionalConstant(node: EvaluateOp, i: number, input: ColumnSchema[], tools: BindTools, plugin: string, what: string, ok: (v: unknown, t: KqlType) => boolean): unknown {
  const arg = node.plugin.args[i];
  if (!arg) return undefined;
  const e = tools.expr(arg, input);
  if (isTilde(e)) return undefined;
  if (!e.constant || e.constant.value === null || !ok(e.constant.value, e.type)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The ${what} of ${plugin} is not valid here`, arg.span);
  }
  return e.constant.value;
}

/** A weight column argument: a numeric column name, or `'~'` (every row weighs 1). */
export function weightColumn(arg: A.Expr | undefined, input: ColumnSchema[], tools: BindTools, plugin: string): number | undefined {
  if (!arg) return undefined;
  const e = tools.expr(arg, input);
  if (isTilde(e)) return undefined;
  if (arg.kind !== 'Name' || !e.isColumn) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The weight column of ${plugin} must be a column name (or '~')`, arg.span);
  if (!isNumericType(e.type)) throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The weight column of ${plugin} must be numeric, not ${e.type}`, arg.span);
  return input.findIndex((c) => c.name === arg.name);
}

/** Custom wildcards (constants, one per type, `'~'` skipped): the wildcard of each input column. */
export function wildcards(args: A.Expr[], input: ColumnSchema[], tools: BindTools, plugin: string): unknown[] {
  const byType = new Map<KqlType, unknown>();
  for (const arg of args) {
    const e = tools.expr(arg, input);
    if (isTilde(e)) continue;
    if (!e.constant) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `A custom wildcard of ${plugin} must be a constant`, arg.span);
    byType.set(e.type, e.constant.value);
  }
  return input.map((c) => (byType.has(c.type) ? byType.get(c.type) : emptyValue(c.type)));
}

/** The weight of a row: the weight column's value as a number (null and negative count as 0), or 1. */
export function rowWeight(row: Row, weightIndex: number | undefined): number {
  if (weightIndex === undefined) return 1;
  const v = row[weightIndex];
  const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number(v) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export interface Item { dim: number; value: unknown }

/** The items of a table: per row, the item ids of its values. Items are numbered per (column, value) in first-seen order. */
export class ItemTable {
  readonly items: Item[] = [];
  /** cells[r * dims.length + d] = the item id of row r in dimension d, -1 for no value. */
  readonly cells: Int32Array;
  readonly count: number;
  private readonly ids = new Map<string, number>();

  constructor(table: Row[], readonly dims: number[], ctx: ExecContext) {
    const width = dims.length;
    this.count = table.length;
    this.cells = new Int32Array(table.length * width).fill(-1);
    table.forEach((row, r) => {
      ctx.guard.tick(width + 1);
      for (let d = 0; d < width; d++) {
        const v = row[dims[d]];
        if (v === null || v === undefined || v === '') continue;
        const key = d + ':' + keyOfValue(v);
        let id = this.ids.get(key);
        if (id === undefined) {
          id = this.items.push({ dim: d, value: v }) - 1;
          this.ids.set(key, id);
        }
        this.cells[r * width + d] = id;
      }
    });
  }
}

export interface Itemset {
  /** Item ids, ascending. */
  items: number[];
  /** Row numbers holding all of them, ascending. */
  rows: Int32Array;
  weight: number;
  /** False when a superset (within maxDims) has the same weight. */
  closed: boolean;
}

/**
 * All itemsets of at most `maxDims` items whose weight (`weightOf` of their rows) is at least `minWeight`,
 * in order of size. Fails with RUN_LIMIT_EXCEEDED past MAX_ITEMSETS sets.
 */
export function frequentItemsets(
  t: ItemTable,
  weightOf: (rows: Int32Array) => number,
  minWeight: number,
  maxDims: number,
  ctx: ExecContext,
  plugin: string,
  span: Span | undefined,
): Itemset[] {
  // Level 1: the rows of each item.
  const itemRows: number[][] = t.items.map(() => []);
  const width = t.dims.length;
  for (let k = 0; k < t.cells.length; k++) if (t.cells[k] >= 0) itemRows[t.cells[k]].push(Math.floor(k / width));
  let level: Itemset[] = [];
  for (let id = 0; id < t.items.length; id++) {
    const rows = Int32Array.from(itemRows[id]);
    const weight = weightOf(rows);
    if (weight >= minWeight && weight > 0) level.push({ items: [id], rows, weight, closed: true });
  }
  const all: Itemset[] = [...level];
  const spend = workBudget(ctx, plugin, span, 'raise the threshold, lower the maximum number of dimensions, or project fewer columns');
  const tooMany = () => new KqlRuntimeError(
    ErrorCodes.RUN_LIMIT_EXCEEDED,
    `${plugin} found more than ${MAX_ITEMSETS.toLocaleString('en-US')} frequent patterns; raise the threshold, lower the maximum number of dimensions, or project fewer columns`,
    span,
  );
  if (all.length > MAX_ITEMSETS) throw tooMany();
  for (let size = 2; size <= maxDims && level.length > 1; size++) {
    const byKey = new Map<string, Itemset>(level.map((s) => [s.items.join(','), s]));
    const next: Itemset[] = [];
    // Sets sharing their first size-2 items are adjacent once sorted.
    level.sort((a, b) => compareIds(a.items, b.items));
    for (let i = 0; i < level.length; i++) {
      const a = level[i];
      for (let j = i + 1; j < level.length; j++) {
        const b = level[j];
        if (!samePrefix(a.items, b.items)) break;
        const last = b.items[b.items.length - 1];
        if (a.items.some((id) => t.items[id].dim === t.items[last].dim)) continue;
        const items = [...a.items, last];
        let allFrequent = true;
        for (let drop = 0; drop < items.length - 2 && allFrequent; drop++) {
          if (!byKey.has(items.filter((_, k) => k !== drop).join(','))) allFrequent = false;
        }
        if (!allFrequent) continue;
        spend(a.rows.length + 1);
        const rows: number[] = [];
        const cell = t.items[last].dim;
        for (const r of a.rows) if (t.cells[r * width + cell] === last) rows.push(r);
        const set = Int32Array.from(rows);
        const weight = weightOf(set);
        if (weight < minWeight || weight <= 0) continue;
        const s: Itemset = { items, rows: set, weight, closed: true };
        next.push(s);
        if (all.length + next.length > MAX_ITEMSETS) throw tooMany();
        for (let drop = 0; drop < items.length; drop++) {
          const sub = byKey.get(items.filter((_, k) => k !== drop).join(','));
          if (sub && sub.weight === weight) sub.closed = false;
        }
      }
    }
    all.push(...next);
    level = next;
  }
  return all;
}

function compareIds(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function samePrefix(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The output row of a pattern: the input columns with the pattern's values, wildcards elsewhere. */
export function patternRow(set: Itemset, t: ItemTable, width: number, wild: unknown[]): unknown[] {
  const out = wild.slice(0, width);
  for (const id of set.items) {
    const item = t.items[id];
    out[t.dims[item.dim]] = item.value;
  }
  return out;
}
