/**
 * One scheduled run of a Sentinel rule, the way Sentinel does it: at run time `now`, the query sees only
 * rows whose TimeGenerated falls in (now - queryPeriod, now], and the rule fires when the number of
 * result rows compared with triggerThreshold by triggerOperator holds. Browser-safe.
 */
import { runKql, type KqlColumn, type RunKqlOptions, type TableInput } from '../run-kql.js';
import { ErrorCodes, KqlSemanticError } from '../errors/index.js';
import { resolveNow } from '../runtime/exec-context.js';
import { convertInputValue, inferSchema, type InputRow } from '../runtime/load-table.js';
import { getBuiltinSchema } from '../schemas/index.js';
import { normalizeSchemas } from '../runtime/schema-input.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { OutputRow } from '../runtime/output.js';
import { compareTime, fromMs, type TimeValue } from '../runtime/ticks.js';
import { normalizeTriggerOperator, parseDuration, type SentinelRule, type TriggerOperator } from './rule.js';

export type RunRuleOptions = Omit<RunKqlOptions, 'now'> & {
  /** The run time: now() and ago() in the query, and the end of the time window. Required. */
  now: Date | string | number;
  /**
   * Apply the rule's queryPeriod as a time window on the input tables (default true). Without a
   * queryPeriod in the rule there is no window.
   */
  window?: boolean;
  /** Ask runKql for its per-operator trace (returned as `trace`). */
  trace?: boolean;
};

export interface RunRuleResult {
  /** Whether the rule would raise an alert: rowCount `triggerOperator` triggerThreshold. */
  fired: boolean;
  rows: OutputRow[];
  columns: KqlColumn[];
  /** runKql's trace, when `trace: true` was asked for. */
  trace?: unknown;
  /**
   * The time window applied to the input tables: rows with from < time <= to were visible. Absent when
   * no window was applied (`window: false`, or the rule has no queryPeriod).
   */
  window?: { from: Date; to: Date };
  /** The trigger that decided `fired`, with defaults filled in (gt 0). */
  trigger: { operator: TriggerOperator; threshold: number };
}

/** The time column Sentinel's window applies to in a table with these columns, if any. */
export function windowTimeColumn(columns: readonly { name: string; type?: string }[]): string | undefined {
  if (columns.some((c) => c.name === 'TimeGenerated')) return 'TimeGenerated';
  // Defender XDR (Advanced Hunting) tables are keyed on Timestamp.
  if (columns.some((c) => c.name === 'Timestamp')) return 'Timestamp';
  return undefined;
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function schemaOf(name: string, table: TableInput, schemas: Record<string, ColumnSchema[]>): readonly { name: string }[] {
  if (!Array.isArray(table)) return Array.isArray(table?.schema) ? table.schema : [];
  if (has(schemas, name)) return schemas[name];
  return getBuiltinSchema(name) ?? inferSchema(table);
}

/**
 * The caller's tables with each table's rows limited to from < time <= to (time = TimeGenerated, else
 * Timestamp). Tables without either column pass through unchanged. A row whose time is missing or
 * not a date is outside every window. Never modifies the caller's rows or tables.
 */
export function applyTimeWindow(
  tables: Record<string, TableInput>,
  from: number,
  to: number,
  schemas: Record<string, ColumnSchema[]> = {},
): Record<string, TableInput> {
  // No prototype: a table may be named `__proto__` (plain assignment would drop it) or `constructor`.
  const out = Object.create(null) as Record<string, TableInput>;
  // Row times are exact ticks (src/runtime/ticks.ts): compared with the bounds in that form.
  const lower = fromMs(from), upper = fromMs(to);
  for (const name of Object.keys(tables)) {
    const table = tables[name];
    const rows: InputRow[] | undefined = Array.isArray(table) ? table : table?.rows;
    const column = Array.isArray(rows) ? windowTimeColumn(schemaOf(name, table, schemas)) : undefined;
    if (!column || !rows) {
      out[name] = table;
      continue;
    }
    const kept = rows.filter((row) => {
      const t = row && typeof row === 'object' ? (convertInputValue(row[column], 'datetime') as TimeValue | null) : null;
      return t !== null && lower !== null && upper !== null && compareTime(t, lower) > 0 && compareTime(t, upper) <= 0;
    });
    // A table whose schema came from its rows keeps that schema, even when the window leaves no rows.
    const keepsOwnSchema = Array.isArray(table) && !has(schemas, name) && !getBuiltinSchema(name);
    out[name] = !Array.isArray(table) ? { schema: table.schema, rows: kept } : keepsOwnSchema ? { schema: inferSchema(table), rows: kept } : kept;
  }
  return out;
}

/** count `op` threshold. */
export function compareTrigger(count: number, operator: TriggerOperator, threshold: number): boolean {
  switch (operator) {
    case 'gt':
      return count > threshold;
    case 'lt':
      return count < threshold;
    case 'eq':
      return count === threshold;
    case 'ne':
      return count !== threshold;
  }
}

/** Runs a rule once at `options.now` over the given tables. Errors are the KqlErrors of runKql and parseDuration. */
export function runRule(rule: SentinelRule, tables: Record<string, TableInput>, options: RunRuleOptions): RunRuleResult {
  const { window: useWindow = true, trace, ...kqlOptions } = options;
  const operator = rule.triggerOperator === undefined ? 'gt' : normalizeTriggerOperator(rule.triggerOperator);
  if (!operator) throw new KqlSemanticError(ErrorCodes.RULE_BAD_FIELD, `triggerOperator ${JSON.stringify(rule.triggerOperator)} is not one of gt, lt, eq, ne`);
  const threshold = rule.triggerThreshold ?? 0;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new KqlSemanticError(ErrorCodes.RULE_BAD_FIELD, `triggerThreshold ${JSON.stringify(threshold)} is not a number`);
  }
  const now = resolveNow(options.now);
  let input = tables;
  let window: { from: Date; to: Date } | undefined;
  if (useWindow && rule.queryPeriod !== undefined) {
    const from = now - parseDuration(rule.queryPeriod, 'queryPeriod');
    input = applyTimeWindow(tables, from, now, normalizeSchemas(options.schemas));
    window = { from: new Date(from), to: new Date(now) };
  }
  const runOptions: RunKqlOptions & { trace?: boolean } = { ...kqlOptions, now };
  if (trace) runOptions.trace = true;
  const result = runKql(rule.query, input, runOptions);
  const out: RunRuleResult = {
    fired: compareTrigger(result.rows.length, operator, threshold),
    rows: result.rows,
    columns: result.columns,
    trigger: { operator, threshold },
  };
  const t = (result as { trace?: unknown }).trace;
  if (t !== undefined) out.trace = t;
  if (window) out.window = window;
  return out;
}
