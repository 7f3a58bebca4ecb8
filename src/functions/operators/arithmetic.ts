/**
 * + - * / %
 * Numbers: integer op integer gives long (the analyzer types int + int as long); any real makes real (IEEE:
 * 1.0/0 is Infinity). Integer / truncates toward zero; integer division or modulo by zero gives null.
 * N % D is never negative: 0 <= N % D < abs(D) whatever the signs (numerical-operators.md), so -14 % 12 is 10.
 * datetime - datetime = timespan; datetime +/- timespan = datetime; timespan +/- timespan = timespan;
 * timespan * number = timespan; timespan / timespan = real; timespan / number = timespan.
 * A dynamic operand is read as the other operand's type (dynamic + long = long); dynamic with dynamic is
 * numeric and stays dynamic. Null operands give null. Datetimes out of Kusto's range give null.
 * Longs are exact 64-bit integers (src/runtime/int64.ts): + - * stay plain number operations while the
 * result is a safe integer, and are redone in BigInt otherwise, wrapping around on overflow. Where a long
 * meets a real (or a timespan), the long is read as a double.
 * Datetimes and timespans are exact ticks (src/runtime/ticks.ts): whole milliseconds stay number operations,
 * anything finer is computed in ticks. timespan * or / a fractional number rounds to the nearest tick.
 */
import type { KqlType } from '../../runtime/types.js';
import { isIntegerType, isNumericType, widerNumeric } from '../../runtime/types.js';
import type { BinaryOperator } from '../registry-types-operators.js';
import { fromDynamic } from '../convert.js';
import { nullIfOutOfRange } from '../calendar.js';
import * as int64 from '../../runtime/int64.js';
import * as ticks from '../../runtime/ticks.js';
import type { TimeValue } from '../../runtime/ticks.js';

type Kernel = (a: number, b: number) => number | bigint | null;
/** A kernel over datetimes/timespans (and a number factor); the operands are whatever the operator reads. */
type TimeKernel = (a: TimeValue, b: TimeValue) => number | bigint | null;
interface Rule { result: KqlType; kernel: Kernel }
type Op = '+' | '-' | '*' | '/' | '%';

/** Kusto's integer modulo: the truncated remainder moved into [0, abs(b)). */
function modLong(a: number, b: number): number | bigint | null {
  const r = int64.mod(a, b);
  if (r === null || r >= 0) return r;
  if (typeof r === 'number' && typeof b === 'number') return r + Math.abs(b);
  const d = int64.toBigInt(b);
  return int64.wrap(int64.toBigInt(r) + (d < 0n ? -d : d)); // in [0, 2^63): no wrapping
}

/** Kusto's real modulo, also never negative. */
function modReal(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + Math.abs(b) : r === 0 ? 0 : r;
}

const NUMERIC: Record<Op, [Kernel, Kernel]> = {
  // [integer kernel (exact int64, src/runtime/int64.ts), real kernel]
  '+': [int64.add, (a, b) => a + b],
  '-': [int64.sub, (a, b) => a - b],
  '*': [int64.mul, (a, b) => a * b],
  '/': [int64.div, (a, b) => a / b],
  '%': [modLong, modReal],
};

/** Reads an operand for a kernel that computes in doubles: an int/long operand may be a bigint. */
function asDouble(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

function rule(op: Op, l: KqlType, r: KqlType): Rule | undefined {
  if (isNumericType(l) && isNumericType(r)) {
    const integer = isIntegerType(l) && isIntegerType(r);
    return { result: integer ? 'long' : widerNumeric(l, r), kernel: NUMERIC[op][integer ? 0 : 1] };
  }
  const time = (k: TimeKernel): Kernel => k as unknown as Kernel;
  const key = `${l} ${op} ${r}`;
  switch (key) {
    case 'datetime - datetime': return { result: 'timespan', kernel: time(ticks.subTime) };
    case 'datetime + timespan': return { result: 'datetime', kernel: time((a, b) => nullIfOutOfRange(ticks.addTime(a, b))) };
    case 'timespan + datetime': return { result: 'datetime', kernel: time((a, b) => nullIfOutOfRange(ticks.addTime(a, b))) };
    case 'datetime - timespan': return { result: 'datetime', kernel: time((a, b) => nullIfOutOfRange(ticks.subTime(a, b))) };
    case 'timespan + timespan': return { result: 'timespan', kernel: time(ticks.addTime) };
    case 'timespan - timespan': return { result: 'timespan', kernel: time(ticks.subTime) };
    case 'timespan / timespan': return { result: 'real', kernel: time(ticks.ratioTime) };
    case 'timespan % timespan': return { result: 'timespan', kernel: time(ticks.modTime) };
  }
  // The number operand is a double here (a long is read as one, see `exact` below).
  if (l === 'timespan' && isNumericType(r)) {
    if (op === '*') return { result: 'timespan', kernel: time((a, b) => ticks.mulTime(a, b as number)) };
    if (op === '/') return { result: 'timespan', kernel: time((a, b) => ticks.divTime(a, b as number)) };
  }
  if (isNumericType(l) && r === 'timespan' && op === '*') return { result: 'timespan', kernel: time((a, b) => ticks.mulTime(b, a as number)) };
  return undefined;
}

function arithmetic(op: Op, description: string): BinaryOperator {
  return {
    op,
    description,
    bind(left, right) {
      const both = left.type === 'dynamic' && right.type === 'dynamic';
      // A dynamic side takes the other side's type; two dynamics are numbers.
      const lt = both ? 'real' : left.type === 'dynamic' ? right.type : left.type;
      const rt = both ? 'real' : right.type === 'dynamic' ? left.type : right.type;
      const found = rule(op, lt, rt);
      if (!found) {
        return {
          error: `The operator '${op}' is not defined for ${left.type} and ${right.type}.`,
          argIndex: isNumericType(lt) || lt === 'datetime' || lt === 'timespan' ? 1 : 0,
        };
      }
      // Longs stay exact only in integer arithmetic; anywhere else (real, timespan) they are read as doubles.
      const exact = isIntegerType(lt) && isIntegerType(rt);
      const readL = left.type === 'dynamic'
        ? (exact ? (v: unknown) => fromDynamic(v, lt) : (v: unknown) => asDouble(fromDynamic(v, lt)))
        : (!exact && isIntegerType(lt) ? asDouble : (v: unknown) => v);
      const readR = right.type === 'dynamic'
        ? (exact ? (v: unknown) => fromDynamic(v, rt) : (v: unknown) => asDouble(fromDynamic(v, rt)))
        : (!exact && isIntegerType(rt) ? asDouble : (v: unknown) => v);
      const { kernel } = found;
      return {
        type: both ? 'dynamic' : found.result,
        call([a, b]) {
          const x = readL(a), y = readR(b);
          if (x === null || x === undefined || y === null || y === undefined) return null;
          return kernel(x as number, y as number);
        },
      };
    },
  };
}

export const ARITHMETIC_OPERATORS: BinaryOperator[] = [
  arithmetic('+', 'Addition of numbers, datetime + timespan, timespan + timespan.'),
  arithmetic('-', 'Subtraction; datetime - datetime gives a timespan.'),
  arithmetic('*', 'Multiplication; timespan * number gives a timespan.'),
  arithmetic('/', 'Division; integer division truncates toward zero, by zero gives null.'),
  arithmetic('%', 'Modulo, never negative (-14 % 12 is 10); integer modulo by zero gives null.'),
];
