/**
 * The shared binding of ipv4_lookup and ipv6_lookup:
 * `evaluate ipvN_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey1, ...] [, return_unmatched])` (extra keys: ipv4 only).
 *
 * An extra key is a column name of both tables, equal values match (like join). The result is every input
 * column, then every lookup-table column except the extra keys, renamed
 * with a numeric suffix when the name is taken (a -> a1), as Microsoft's analyzer reports. An input row
 * matches a lookup row when its address (or /prefix range) lies inside the lookup row's range and the
 * extra keys are equal (a null extra key matches nothing). Every match gives a row, in lookup-table order;
 * with return_unmatched=true an input row without a match gives one row with nulls on the right.
 *
 * The lookup rows are indexed by prefix length and masked address, so one input row costs one hash probe
 * per distinct prefix length in the table (at most 33 for IPv4, 129 for IPv6), whatever the table's size.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import type * as A from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { emptyValue, type Row } from '../../../runtime/table.js';
import { keyOfValues, timeColumns } from '../../../runtime/hash-key.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import { rightSideColumns } from '../../join-keys.js';

/** An address family: parse text into (address, prefix) and mask an address to a prefix, keyed as text. */
export interface IpFamily {
  plugin: string;
  /** Whether extra key columns may follow the lookup key (ipv4_lookup; the analyzer refuses them for ipv6_lookup). */
  extraKeys: boolean;
  /** null for text that is not an address of the family. */
  parse(text: string): { prefix: number; key(prefix: number): string } | null;
}

function columnIndex(arg: A.Expr, columns: ColumnSchema[], plugin: string, what: string): number {
  if (arg.kind !== 'Name') {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The ${what} of ${plugin} must be a column name`, arg.span);
  }
  const i = columns.findIndex((c) => c.name === arg.name);
  if (i < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${arg.name}' (the ${what} of ${plugin})`, arg.span);
  return i;
}

export function bindIpLookup(family: IpFamily, node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const plugin = family.plugin;
  const args = node.plugin.args;
  const names = node.plugin.argNames ?? [];
  if (args.length < 3) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `${plugin} expects at least 3 arguments but got ${args.length}`, node.plugin.span);
  }
  const rightPlan = tools.bindTabular(args[0], tools.env);
  const right = rightPlan.columns;
  const source = tools.expr(args[1], input);
  if (!source.isColumn) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The source key of ${plugin} must be a column of the input`, args[1].span);
  const sourceIndex = columnIndex(args[1], input, plugin, 'source key');
  const lookupIndex = columnIndex(args[2], right, plugin, 'lookup key');
  // Then extra keys (column names of both tables), and last an optional return_unmatched flag (named or a bool constant).
  let returnUnmatched = false;
  const sourceExtra: number[] = [];
  const lookupExtra: number[] = [];
  for (let i = 3; i < args.length; i++) {
    const arg = args[i];
    const isFlag = names[i] !== undefined || arg.kind !== 'Name' || !input.some((c) => c.name === arg.name);
    if (isFlag) {
      if (names[i] !== undefined && names[i] !== 'return_unmatched') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `${plugin} has no argument named '${names[i]}'`, arg.span);
      }
      if (i !== args.length - 1) {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `return_unmatched must be the last argument of ${plugin}`, arg.span);
      }
      const flag = tools.expr(arg, input);
      if (!flag.constant || flag.type !== 'bool') {
        throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `return_unmatched of ${plugin} must be a constant bool`, arg.span);
      }
      returnUnmatched = flag.constant.value === true;
    } else {
      if (!family.extraKeys) {
        throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The fourth argument of ${plugin} is return_unmatched, a constant bool`, arg.span);
      }
      tools.expr(arg, input); // records the read for column pruning
      sourceExtra.push(columnIndex(arg, input, plugin, 'extra key'));
      lookupExtra.push(columnIndex(arg, right, plugin, 'extra key'));
    }
  }
  const kept = right.map((_, i) => i).filter((i) => !lookupExtra.includes(i));
  const columns: ColumnSchema[] = [...input, ...rightSideColumns(input, kept.map((i) => right[i]))];
  const rightNulls = kept.map((i) => emptyValue(right[i].type));
  const time = timeColumns(sourceExtra.map((i) => input[i].type));
  const extraKey = (row: Row, indexes: number[]): string | undefined => {
    if (indexes.length === 0) return '';
    const values = indexes.map((i) => row[i]);
    return values.some((v) => v === null || v === undefined) ? undefined : keyOfValues(values, time);
  };

  return {
    columns,
    flow: 'extend',
    run: (table, ctx) => {
      // prefix length -> (masked address + extra keys) -> [lookup row number, kept values]
      const byPrefix = new Map<number, Map<string, { n: number; values: unknown[] }[]>>();
      rightPlan.execute(ctx).rows.forEach((row, n) => {
        const text = row[lookupIndex];
        if (typeof text !== 'string') return;
        const ip = family.parse(text);
        const extra = extraKey(row, lookupExtra);
        if (!ip || extra === undefined) return;
        let index = byPrefix.get(ip.prefix);
        if (!index) byPrefix.set(ip.prefix, (index = new Map()));
        const key = ip.key(ip.prefix) + '|' + extra;
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push({ n, values: kept.map((i) => row[i]) });
      });
      const prefixes = [...byPrefix.keys()].sort((a, b) => a - b);
      const out: Row[] = [];
      for (const row of table.rows) {
        ctx.guard.tick(prefixes.length + 1);
        const text = row[sourceIndex];
        const ip = typeof text === 'string' ? family.parse(text) : null;
        const extra = extraKey(row, sourceExtra);
        const matches: { n: number; values: unknown[] }[] = [];
        if (ip && extra !== undefined) {
          for (const p of prefixes) {
            if (p > ip.prefix) break;
            const found = byPrefix.get(p)!.get(ip.key(p) + '|' + extra);
            if (found) matches.push(...found);
          }
        }
        if (matches.length > 1) matches.sort((a, b) => a.n - b.n);
        for (const m of matches) out.push([...row, ...m.values]);
        if (matches.length === 0 && returnUnmatched) out.push([...row, ...rightNulls]);
        ctx.guard.rows(out.length, plugin, node.plugin.span);
      }
      return { columns, rows: out };
    },
  };
}
