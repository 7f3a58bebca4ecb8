/**
 * == != < <= > >= =~ !~
 *
 * Nulls (scalar-data-types/null-values.md): == of two nulls is null, of one null and a value is false;
 * != of two nulls is null, of one null and a value is true; < <= > >= with any null are null
 * (`where` drops null predicates).
 * Types: numbers compare across int/long/real; strings only with strings (and guids); datetime with datetime;
 * timespan with timespan; bool with bool. A dynamic operand compares by its underlying value: it is read as the
 * other operand's type (dynamic "ip" == "ip" is true); two dynamics compare by JSON content.
 * Ordering of strings is rejected, as the official analyzer rejects it; == and != between mixed kinds
 * (string == long) are accepted like the analyzer does, with the conversions described at looseReaders.
 * Datetimes and timespans are exact ticks (src/runtime/ticks.ts): canonical, so == is ===, and ordered by
 * compareTime (a millisecond number and a bigint of ticks must not meet in `<`).
 */
import type { KqlType } from '../../runtime/types.js';
import { isNumericType } from '../../runtime/types.js';
import { dynamicKey, dynamicToString, valueToString, type DynamicValue } from '../../runtime/values.js';
import type { ArgInfo, BindFailure, ScalarImpl } from '../registry-types.js';
import type { BinaryOperator } from '../registry-types-operators.js';
import { fromDynamic, toBoolValue, toDateTimeValue, toTimespanValue } from '../convert.js';
import { isSafe, numericEquals, parseLong } from '../../runtime/int64.js';
import { compareTime, type TimeValue } from '../../runtime/ticks.js';

type Kind = 'number' | 'string' | 'datetime' | 'timespan' | 'bool' | 'dynamic';

function kindOf(t: KqlType): Kind {
  if (isNumericType(t)) return 'number';
  if (t === 'guid') return 'string';
  return t as Kind;
}

/** The common kind of two operands, or undefined when they cannot be compared. */
function commonKind(a: KqlType, b: KqlType): Kind | undefined {
  const ka = kindOf(a), kb = kindOf(b);
  if (ka === 'dynamic') return kb;
  if (kb === 'dynamic') return ka;
  return ka === kb ? ka : undefined;
}

const KIND_TYPE: Record<Kind, KqlType> = {
  number: 'real', string: 'string', datetime: 'datetime', timespan: 'timespan', bool: 'bool', dynamic: 'dynamic',
};

/** A reader that turns an operand value into a comparable JS value of the common kind (null stays null). */
function reader(t: KqlType, kind: Kind): (v: unknown) => unknown {
  if (t !== 'dynamic') return (v) => (v === undefined ? null : v);
  if (kind === 'dynamic') return (v) => (v === null || v === undefined ? null : dynamicKey(v as DynamicValue));
  const target = KIND_TYPE[kind];
  // A dynamic integer beyond 2^53 (a bigint) stays exact for comparing with longs.
  if (kind === 'number') return (v) => (v === null || v === undefined ? null : typeof v === 'bigint' ? v : fromDynamic(v, target));
  return (v) => (v === null || v === undefined ? null : fromDynamic(v, target));
}

function mismatch(op: string, l: ArgInfo, r: ArgInfo): BindFailure {
  return { error: `Cannot compare values of types ${l.type} and ${r.type} with '${op}'.`, argIndex: 1 };
}

/**
 * == and != between kinds that do not match (string == long, bool == string): the official analyzer accepts
 * them and real Sentinel rules rely on them (`SigninLogs | where ResultType == 0`, ResultType being a string).
 * Decision (docs/semantics.md): the string side is read as the other side's type (todouble, tobool,
 * todatetime, totimespan rules); text that does not convert equals nothing. Other mixes compare as text.
 */
function looseReaders(l: KqlType, r: KqlType): [(v: unknown) => unknown, (v: unknown) => unknown] {
  const kl = kindOf(l), kr = kindOf(r);
  if (kl === 'string' && kr !== 'string') return [fromTextAs(kr), reader(r, kr)];
  if (kr === 'string' && kl !== 'string') return [reader(l, kl), fromTextAs(kl)];
  return [(v) => (v === null || v === undefined ? null : valueToString(v, l)), (v) => (v === null || v === undefined ? null : valueToString(v, r))];
}

function fromTextAs(kind: Kind): (v: unknown) => unknown {
  return (v) => {
    if (typeof v !== 'string') return null;
    if (kind === 'number') {
      const n = v.trim() === '' ? NaN : Number(v);
      if (Number.isNaN(n)) return null;
      // Integer text beyond 2^53 is read exactly, to compare with a long exactly.
      return Number.isInteger(n) && !isSafe(n) ? parseLong(v) ?? n : n;
    }
    if (kind === 'bool') return toBoolValue(v, 'string');
    if (kind === 'datetime') return toDateTimeValue(v, 'string');
    if (kind === 'timespan') return toTimespanValue(v, 'string');
    return null;
  };
}

function equality(op: '==' | '!=', negate: boolean): BinaryOperator {
  return {
    op,
    description: negate ? 'Not equal (case-sensitive for strings).' : 'Equal (case-sensitive for strings).',
    bind(l, r): ScalarImpl | BindFailure {
      const kind = commonKind(l.type, r.type);
      const [rl, rr] = kind ? [reader(l.type, kind), reader(r.type, kind)] : looseReaders(l.type, r.type);
      // Longs beyond 2^53 are bigints (src/runtime/int64.ts): equal to a double of the same value too. Only a
      // numeric comparison can meet one; two reals never do. A bigint datetime or timespan (ticks) never equals
      // a number (milliseconds): those compare with ===, and mixes of kinds that are not numbers compare text.
      const numericSide = kindOf(l.type) === 'number' || kindOf(r.type) === 'number';
      const mayHoldBigint = (kind === 'number' || (!kind && numericSide)) && !(l.type === 'real' && r.type === 'real');
      const same = mayHoldBigint ? numericEquals : (x: unknown, y: unknown) => x === y;
      return {
        type: 'bool',
        call([a, b]) {
          const x = rl(a), y = rr(b);
          if (x === null && y === null) return null;
          if (x === null || y === null) return negate;
          return same(x, y) !== negate;
        },
      };
    },
  };
}

function ordering(op: '<' | '<=' | '>' | '>=', test: (x: number | bigint, y: number | bigint) => boolean): BinaryOperator {
  return {
    op,
    description: `Ordering comparison '${op}' of numbers, datetimes, timespans or bools.`,
    bind(l, r) {
      const kind = commonKind(l.type, r.type);
      if (!kind || kind === 'string') return mismatch(op, l, r);
      // Two dynamics are compared as numbers.
      const k: Kind = kind === 'dynamic' ? 'number' : kind;
      const rl = reader(l.type, k), rr = reader(r.type, k);
      if (k === 'number') {
        // Numbers and bigints (longs beyond 2^53) compare exactly with JS's relational operators.
        return {
          type: 'bool',
          call([a, b]) {
            const x = rl(a), y = rr(b);
            if (x === null || y === null) return null;
            return test(x as number | bigint, y as number | bigint);
          },
        };
      }
      if (k === 'datetime' || k === 'timespan') {
        return {
          type: 'bool',
          call([a, b]) {
            const x = rl(a), y = rr(b);
            if (x === null || y === null) return null;
            if (typeof x === 'number' && typeof y === 'number') return test(x, y);
            return test(compareTime(x as TimeValue, y as TimeValue), 0);
          },
        };
      }
      return {
        type: 'bool',
        call([a, b]) {
          const x = rl(a), y = rr(b);
          if (x === null || y === null) return null;
          return test(Number(x), Number(y));
        },
      };
    },
  };
}

function textOf(t: KqlType): ((v: unknown) => string) | undefined {
  if (t === 'string' || t === 'guid') return (v) => (v === null || v === undefined ? '' : String(v));
  if (t === 'dynamic') return (v) => dynamicToString((v ?? null) as DynamicValue);
  return undefined;
}

function caseInsensitive(op: '=~' | '!~', negate: boolean): BinaryOperator {
  return {
    op,
    description: negate ? 'Not equal, ignoring case.' : 'Equal, ignoring case.',
    bind(l, r) {
      const tl = textOf(l.type), tr = textOf(r.type);
      if (!tl) return { error: `The operator '${op}' needs string operands, not ${l.type}.`, argIndex: 0 };
      if (!tr) return { error: `The operator '${op}' needs string operands, not ${r.type}.`, argIndex: 1 };
      return { type: 'bool', call: ([a, b]) => (tl(a).toLowerCase() === tr(b).toLowerCase()) !== negate };
    },
  };
}

export const COMPARISON_OPERATORS: BinaryOperator[] = [
  equality('==', false), equality('!=', true),
  ordering('<', (x, y) => x < y), ordering('<=', (x, y) => x <= y),
  ordering('>', (x, y) => x > y), ordering('>=', (x, y) => x >= y),
  caseInsensitive('=~', false), caseInsensitive('!~', true),
];

export { textOf };
