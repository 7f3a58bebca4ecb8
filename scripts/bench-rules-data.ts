/**
 * Input tables of one rule of the real-rules suite (scripts/bench-rules/rules.ts):
 * `total` rows split between the rule's tables by their shares, made by the
 * schema-driven generator (scripts/corpus-data.ts) and then the rule's hints.
 *
 * A row carries the columns of its table's built-in schema that the query
 * names, plus TimeGenerated and Type, plus further schema columns (in schema
 * order) up to MIN_COLUMNS, so rows are about as wide as a real, sparse
 * Sentinel row. The columns left out are missing, which the engine reads as
 * empty, as it does for any column absent from a row.
 */
import { getBuiltinSchema } from '../src/schemas/index.js';
import type { ColumnSchema } from '../src/runtime/types.js';
import { generateRows, makeRng } from './corpus-data.js';
import type { BenchRuleSpec, HintContext } from './bench-rules/rules.js';

export const MIN_COLUMNS = 16;

/** The columns generated for a table: named by the query, TimeGenerated, Type, then schema order up to MIN_COLUMNS. */
export function generatedColumns(schema: readonly ColumnSchema[], query: string): ColumnSchema[] {
  const names = new Set(query.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  names.add('TimeGenerated');
  names.add('Type');
  const keep = new Set(schema.filter((c) => names.has(c.name)).map((c) => c.name));
  for (const c of schema) {
    if (keep.size >= MIN_COLUMNS) break;
    keep.add(c.name);
  }
  return schema.filter((c) => keep.has(c.name));
}

/** Splits `total` rows between tables by share (the last table gets the rounding rest). */
export function rowCounts(tables: Record<string, number>, total: number): Record<string, number> {
  const names = Object.keys(tables);
  const sum = names.reduce((s, n) => s + tables[n]!, 0);
  const out: Record<string, number> = {};
  let left = total;
  names.forEach((n, i) => {
    const count = i === names.length - 1 ? left : Math.round((total * tables[n]!) / sum);
    out[n] = count;
    left -= count;
  });
  return out;
}

function hintContext(seed: string, now: number, periodMs: number): HintContext {
  const rng = makeRng(seed);
  return {
    rng,
    now,
    periodMs,
    pick: (xs) => xs[Math.floor(rng() * xs.length)]!,
    chance: (p) => rng() < p,
    int: (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)),
  };
}

export interface RuleTables {
  tables: Record<string, Record<string, unknown>[]>;
  columns: Record<string, number>;
}

/** The rule's input tables, `total` rows in all; same (rule, total, now), same rows. */
export function generateRuleTables(rule: BenchRuleSpec, query: string, total: number, now: Date): RuleTables {
  const tables: Record<string, Record<string, unknown>[]> = {};
  const columns: Record<string, number> = {};
  const counts = rowCounts(rule.tables, total);
  for (const [table, count] of Object.entries(counts)) {
    const schema = getBuiltinSchema(table);
    if (!schema) throw new Error(`${rule.name}: no built-in schema for table ${table}`);
    const cols = generatedColumns(schema, query);
    const rows = generateRows(table, cols, { seed: rule.name, now: now.getTime(), periodMs: rule.periodMs, rows: count });
    const hint = rule.hints[table];
    if (hint) {
      const ctx = hintContext(`${rule.name}/${table}/hints`, now.getTime(), rule.periodMs);
      for (const row of rows) hint(row, ctx);
    }
    tables[table] = rows;
    columns[table] = cols.length;
  }
  return { tables, columns };
}
