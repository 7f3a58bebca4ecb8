/**
 * in, !in, in~, !in~, has_any, has_all.
 * Items that are dynamic arrays are flattened. `in` is an OR of == and `!in` an AND of != (null-values.md),
 * so a null left operand gives false for in and true for !in; null items never match.
 * Values are keyed by kind, so 1 (long) and 1.0 (real) match; dynamic values are keyed by their underlying
 * JSON kind (dynamic "ip" matches "ip"). An item of another kind than a typed left side is first converted
 * to the left side's type, as to<type>() converts it (`EventID in ("4624")` with EventID int matches 4624;
 * an item that does not convert matches nothing; differences-from-kusto.md, UNCERTAIN). This happens in
 * `prepare`, once for constant lists.
 */
import type { KqlType } from '../../runtime/types.js';
import { isIntegerType, isNumericType } from '../../runtime/types.js';
import { castValue, toRealValue } from '../convert.js';
import { dynamicKey, dynamicToString, valueToString, type DynamicValue } from '../../runtime/values.js';
import type { ArgInfo } from '../registry-types.js';
import type { ListOperator } from '../registry-types-operators.js';
import { textOf } from './comparison.js';
import { findTerm } from './terms.js';

function dynamicValueKey(v: DynamicValue, fold: boolean): string | undefined {
  if (v === null) return undefined;
  // Numbers and bigints (integers beyond 2^53) share the key space: equal values, equal keys.
  if (typeof v === 'number' || typeof v === 'bigint') return 'n:' + v;
  if (typeof v === 'string') return 's:' + (fold ? v.toLowerCase() : v);
  if (typeof v === 'boolean') return 'b:' + v;
  return 'j:' + dynamicKey(v);
}

function keyOf(v: unknown, t: KqlType, fold: boolean): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (t === 'dynamic') return dynamicValueKey(v as DynamicValue, fold);
  if (isNumericType(t)) return 'n:' + v;
  if (t === 'string' || t === 'guid') return 's:' + (fold ? (v as string).toLowerCase() : v);
  if (t === 'bool') return 'b:' + v;
  // datetime d:, timespan t:; a bigint of ticks (src/runtime/ticks.ts) is keyed apart from milliseconds.
  return t[0] + (typeof v === 'bigint' ? 'x:' : ':') + v;
}

/** Whether an item of type t is converted before it is compared with a left side of type lt. */
function convertsTo(t: KqlType, lt: KqlType): boolean {
  if (t === lt || lt === 'dynamic') return false;
  // Numbers compare by value across int/long/real/decimal (2.5 never equals an int; it is not truncated).
  return !(isNumericType(t) && isNumericType(lt));
}

const isWhole = (n: number | null) => n !== null && Number.isInteger(n);

/** Item values flattened: a dynamic array item contributes each element (typed dynamic, or its subquery column's type). */
function flatten(values: unknown[], items: ArgInfo[]): [unknown, KqlType][] {
  const out: [unknown, KqlType][] = [];
  values.forEach((v, i) => {
    const t = items[i]?.type ?? 'dynamic';
    const elementType = items[i]?.elementType ?? 'dynamic';
    if (t === 'dynamic' && Array.isArray(v)) for (const e of v) out.push([e, elementType]);
    else out.push([v, t]);
  });
  return out;
}

function membership(op: string, fold: boolean, negate: boolean): ListOperator {
  return {
    op,
    description: `${negate ? 'Not equal to any' : 'Equal to one'} of the items${fold ? ', ignoring case' : ''}.`,
    bind(left, items) {
      if (items.length === 0) return { error: `The operator '${op}' needs at least one item.` };
      const lt = left.type;
      return {
        type: 'bool',
        prepare(values) {
          const set = new Set<string>();
          for (const [item, itemType] of flatten(values, items)) {
            if (item === null || item === undefined) continue;
            let v: unknown = item, t = itemType;
            if (convertsTo(t, lt)) {
              // "4624.5" is not an int: an integer left side takes only items whose number is whole (toint would truncate).
              if (isIntegerType(lt) && t !== 'bool' && !isWhole(toRealValue(v, t))) continue;
              v = castValue(v, t, lt);
              t = lt;
            }
            const k = keyOf(v, t, fold);
            if (k !== undefined) set.add(k);
          }
          if (lt === 'string' || lt === 'guid') {
            // A text left side can only equal the text items: look its value up as it is, without a key per row.
            const texts = new Set([...set].filter((k) => k.startsWith('s:')).map((k) => k.slice(2)));
            return (l) => (l === null || l === undefined ? negate : texts.has(fold ? (l as string).toLowerCase() : (l as string)) !== negate);
          }
          return (l) => {
            const k = keyOf(l, lt, fold);
            return k === undefined ? negate : set.has(k) !== negate;
          };
        },
      };
    },
  };
}

function termList(op: 'has_any' | 'has_all'): ListOperator {
  const all = op === 'has_all';
  return {
    op,
    description: all ? 'True when every item is a whole term of the left side.' : 'True when any item is a whole term of the left side.',
    bind(left, items) {
      const text = textOf(left.type);
      if (!text) return { error: `The operator '${op}' needs a string or dynamic left side, not ${left.type}.`, argIndex: 0 };
      return {
        type: 'bool',
        prepare(values) {
          const needles = flatten(values, items)
            .filter(([v]) => v !== null && v !== undefined)
            .map(([v, t]) => (t === 'dynamic' ? dynamicToString(v as DynamicValue) : valueToString(v, t)).toLowerCase());
          return (l) => {
            // The text is lower-cased once for all the needles.
            const s = text(l).toLowerCase();
            return all ? needles.every((n) => findTerm(s, n)) : needles.some((n) => findTerm(s, n));
          };
        },
      };
    },
  };
}

export const LIST_OPERATORS: ListOperator[] = [
  membership('in', false, false), membership('!in', false, true),
  membership('in~', true, false), membership('!in~', true, true),
  termList('has_any'), termList('has_all'),
];
