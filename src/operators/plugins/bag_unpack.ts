/**
 * The bag_unpack plugin of evaluate.
 *
 * bag_unpack(Column [, OutputColumnPrefix [, columnsConflict [, ignoredProperties]]]) [: (schema)]
 * (arguments by position; Column must be dynamic):
 * - With an output schema `: (Name:type, ...)` the result is exactly those columns, or with a leading
 *   `*` the input columns (minus Column) followed by them; each value is the bag's slot
 *   (prefix + slot name = column name) converted to the declared type, null when absent.
 * - Without one, the bound schema is the input minus Column (what Microsoft's analyzer reports: it
 *   cannot know the slots either). At run time the slots found in the data are appended, sorted
 *   by name (the docs' examples), each typed by its values when they all have one type (long, real, string,
 *   bool), dynamic otherwise, as the docs describe. Later operators may name them (openSchema, as the
 *   analyzer allows): they are then bound again at run time to the columns found.
 * - A slot whose name is an input column: error (default), replace_source (the slot wins) or
 *   keep_source (the column wins); the column keeps its place (the docs' examples show it among the
 *   sorted slots: UNCERTAIN, see docs/differences-from-kusto.md). Optional arguments may be named
 *   (OutputColumnPrefix=, columnsConflict=, ignoredProperties=). Null values and non-bag values unpack to nothing.
 */
import type { EvaluateOp, Expr } from '../../parser/ast.js';
import { KqlSemanticError, KqlRuntimeError, ErrorCodes } from '../../errors/index.js';
import type { ColumnSchema, KqlType } from '../../runtime/types.js';
import { emptyValue, type Row } from '../../runtime/table.js';
import { isPlainObject } from '../../runtime/values.js';
import { convertTo } from '../../functions/convert.js';
import type { BindTools } from '../operator-def.js';
import type { PluginDef } from './plugin-def.js';

export const bagUnpack: PluginDef = {
  name: 'bag_unpack',
  description: 'Turns the slots of a dynamic property bag into columns (optionally with an output schema).',
  bind: bindBagUnpack,
};

/** The optional arguments by position, as the docs name them (named arguments may be given in any order). */
const PARAM_NAMES = ['Column', 'OutputColumnPrefix', 'columnsConflict', 'ignoredProperties'];

/** The call's arguments in parameter order: positional ones first, then `name=value` ones by name. */
function orderedArgs(node: EvaluateOp): (Expr | undefined)[] {
  const { args, argNames } = node.plugin;
  const ordered: (Expr | undefined)[] = [];
  args.forEach((arg, i) => {
    const name = argNames?.[i];
    if (name === undefined) {
      ordered[i] = arg;
      return;
    }
    const index = PARAM_NAMES.findIndex((p) => p.toLowerCase() === name.toLowerCase());
    if (index < 0) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `bag_unpack has no parameter named '${name}' (use ${PARAM_NAMES.slice(1).join(', ')})`, arg.span);
    if (ordered[index]) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The ${PARAM_NAMES[index]} of bag_unpack is given twice`, arg.span);
    ordered[index] = arg;
  });
  return ordered;
}

function constantArg(arg: Expr | undefined, tools: BindTools, input: ColumnSchema[], what: string, type: KqlType): unknown {
  if (!arg) return undefined;
  const c = tools.expr(arg, input);
  if (!c.constant || (c.type !== type && c.constant.value !== null)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The ${what} of bag_unpack must be a constant ${type}`, arg.span);
  }
  return c.constant.value;
}

/** The Kusto type of a value in a bag slot. */
function slotType(v: unknown): KqlType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'real';
  if (typeof v === 'bigint') return 'long'; // an integer beyond 2^53 (src/runtime/int64.ts)
  return 'dynamic';
}

function bindBagUnpack(node: EvaluateOp, input: ColumnSchema[], tools: BindTools) {
  const args = node.plugin.args;
  if (args.length < 1 || args.length > 4) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `bag_unpack expects 1 to 4 arguments but got ${args.length}`, node.plugin.span);
  }
  const ordered = orderedArgs(node);
  if (!ordered[0]) throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, 'bag_unpack needs the column to unpack as its first argument', node.plugin.span);
  const bag = tools.expr(ordered[0], input);
  if (!bag.isColumn || bag.derivedName === undefined) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The first argument of bag_unpack must be a column', args[0].span);
  }
  if (bag.type !== 'dynamic') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `bag_unpack needs a dynamic column, but '${bag.derivedName}' is ${bag.type}`, args[0].span);
  }
  const prefix = (constantArg(ordered[1], tools, input, 'prefix', 'string') as string | undefined) ?? '';
  const conflict = (constantArg(ordered[2], tools, input, 'columnsConflict', 'string') as string | undefined) ?? 'error';
  if (!['error', 'replace_source', 'keep_source'].includes(conflict)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${conflict}' is not a columnsConflict value; use error, replace_source or keep_source`, ordered[2]!.span);
  }
  const ignoredValue = constantArg(ordered[3], tools, input, 'ignoredProperties', 'dynamic');
  const ignored = new Set(Array.isArray(ignoredValue) ? ignoredValue.map(String) : []);
  const bagIndex = input.findIndex((c) => c.name === bag.derivedName);
  const kept = input.map((_, i) => i).filter((i) => i !== bagIndex);
  const keptColumns = kept.map((i) => input[i]);
  const slotsOf = (row: Row): Record<string, unknown> => {
    const v = row[bagIndex];
    return isPlainObject(v) ? v : {};
  };

  if (node.outputSchema) {
    const star = node.outputSchema[0]?.name === '*';
    const declared = node.outputSchema.filter((c) => c.name !== '*').map((c) => ({ name: c.name, type: c.type! }));
    const base = star ? keptColumns : [];
    const columns: ColumnSchema[] = [...base.filter((c) => !declared.some((d) => d.name === c.name)), ...declared];
    const baseIndexes = (star ? kept : []).filter((i) => !declared.some((d) => d.name === input[i].name));
    return {
      columns,
      run: (table: { rows: Row[] }) => ({
        columns,
        rows: table.rows.map((row) => {
          const slots = slotsOf(row);
          const out: Row = baseIndexes.map((i) => row[i]);
          for (const d of declared) {
            const key = d.name.startsWith(prefix) ? d.name.slice(prefix.length) : undefined;
            const v = key !== undefined && !ignored.has(key) && Object.prototype.hasOwnProperty.call(slots, key) ? slots[key] : null;
            const converted = v === null || v === undefined ? null : convertTo(v, 'dynamic', d.type);
            out.push(converted === null ? emptyValue(d.type) : converted);
          }
          return out;
        }),
      }),
    };
  }

  return {
    columns: keptColumns,
    openSchema: true,
    run: (table: { rows: Row[] }) => {
      // Discover the slots: names in first-seen order, and their value types.
      const slotTypes = new Map<string, KqlType | undefined>();
      for (const row of table.rows) {
        const slots = slotsOf(row);
        for (const key of Object.keys(slots)) {
          if (ignored.has(key)) continue;
          const v = slots[key];
          const t = v === null ? undefined : slotType(v);
          if (!slotTypes.has(key)) slotTypes.set(key, t);
          else if (t !== undefined) {
            const seen = slotTypes.get(key);
            slotTypes.set(key, seen === undefined || seen === t ? t : 'dynamic');
          }
        }
      }
      // The unpacked columns follow the kept input columns, sorted by name (as in the docs' examples).
      // A slot named like an input column stays in that column's place (later operators are bound to
      // it there): holding the slot (replace_source) or the column's own values (keep_source).
      const columns: ColumnSchema[] = [...keptColumns];
      const sources: number[] = [...kept];
      const slots: { key: string; index: number; type: KqlType }[] = [];
      const keys = [...slotTypes.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      for (const key of keys) {
        const name = prefix + key;
        const type = slotTypes.get(key) ?? 'dynamic';
        const existing = columns.findIndex((c) => c.name === name);
        if (existing >= 0) {
          if (conflict === 'error') throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `bag_unpack: the slot '${key}' clashes with the column '${name}' (use columnsConflict='replace_source' or 'keep_source')`, node.plugin.span);
          if (conflict === 'keep_source') continue;
          columns[existing] = { name, type };
          sources[existing] = -1;
          slots.push({ key, index: existing, type });
        } else {
          slots.push({ key, index: columns.push({ name, type }) - 1, type });
          sources.push(-1);
        }
      }
      const rows = table.rows.map((row) => {
        const bagSlots = slotsOf(row);
        const out: Row = sources.map((s) => (s >= 0 ? row[s] : null));
        for (const s of slots) {
          const v = Object.prototype.hasOwnProperty.call(bagSlots, s.key) ? bagSlots[s.key] : null;
          out[s.index] = v === null || v === undefined ? emptyValue(s.type) : s.type === 'dynamic' ? v : convertTo(v, 'dynamic', s.type);
        }
        return out;
      });
      return { columns, rows };
    },
  };
}
