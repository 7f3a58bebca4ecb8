/**
 * The shared helper behind every scalar function: overload resolution with Kusto's implicit
 * numeric promotion (int -> long -> real), argument conversion and null handling live here,
 * so each function file is only its signatures and its kernel.
 */
import type { KqlType } from '../runtime/types.js';
import { isIntegerType, isNumericType } from '../runtime/types.js';
import { fromDouble, isSafe } from '../runtime/int64.js';
import { dynamicToString, valueToString, type DynamicValue } from '../runtime/values.js';
import type { ArgInfo, BindFailure, EvalContext, ScalarFunction, ScalarImpl } from './registry-types.js';

/**
 * What a parameter accepts:
 * - a KqlType: that type, or a narrower numeric type (int -> long -> real);
 * - 'number': int, long, real or decimal; 'integer': int or long;
 * - 'str': string or dynamic, dynamic converted to text (tostring rules: strings unquoted, null -> "");
 * - 'text': any type, converted with tostring rules (strcat, tolower);
 * - 'any': any type, the value untouched;
 * - 'type': a type literal `typeof(T)` (read from ArgInfo.typeLiteral); no other parameter takes one.
 */
export type ParamKind = KqlType | 'number' | 'integer' | 'str' | 'text' | 'any' | 'type';

export interface Overload {
  params: ParamKind[];
  /** Optional trailing parameters: the first `params.length - optional` are required. */
  optional?: number;
  /** Kind of every argument past `params` (variadic functions). */
  rest?: ParamKind;
  /** Most arguments a variadic overload takes (Kusto's scalar functions stop at 64; arg_max(x, *) does not). */
  maxArgs?: number;
  /** Indices of arguments that must be constants (literals), e.g. datetime_add's part. */
  constants?: number[];
  result: KqlType | ((args: ArgInfo[]) => KqlType);
  /** 'propagate' (default): any null argument gives null without calling the kernel. */
  nulls?: 'propagate' | 'pass';
  /**
   * The kernel handles exact longs (src/runtime/int64.ts): int/long arguments reach it as they are (a number,
   * or a bigint beyond 2^53) and it returns canonical longs. Without this flag, an int/long argument of a
   * numeric parameter that is a bigint reaches the kernel as the nearest double, and an int/long result that
   * is a double beyond 2^53 is turned into the exact long of that double's value (null when not finite or
   * outside int64).
   */
  exact?: boolean;
  /** Check constant arguments at bind time; return an error text to reject. */
  check?(args: ArgInfo[]): BindFailure | undefined;
  kernel(args: unknown[], ctx: EvalContext, info: ArgInfo[]): unknown;
  /** ScalarImpl.element: the kernel's array element at a constant index, without the array (same arguments). */
  element?(args: unknown[], index: number): unknown;
}

export interface ScalarSpec {
  name: string;
  aliases?: string[];
  description: string;
  overloads: Overload[];
}

/** Whether a parameter takes the argument: type literals go only to 'type' parameters, and only they do. */
function fits(kind: ParamKind, arg: ArgInfo): boolean {
  if (arg.typeLiteral !== undefined || kind === 'type') return arg.typeLiteral !== undefined && kind === 'type';
  return accepts(kind, arg.type);
}

export function accepts(kind: ParamKind, t: KqlType): boolean {
  switch (kind) {
    case 'any':
    case 'text':
      return true;
    case 'str':
      return t === 'string' || t === 'dynamic';
    case 'number':
      return isNumericType(t);
    case 'integer':
      return t === 'int' || t === 'long';
    case 'long':
      return t === 'int' || t === 'long';
    case 'real':
      return t === 'int' || t === 'long' || t === 'real';
    case 'decimal':
      return isNumericType(t);
    case 'type':
      return false;
    default:
      return kind === t;
  }
}

function kindAt(o: Overload, i: number): ParamKind | undefined {
  return i < o.params.length ? o.params[i] : o.rest;
}

function arity(o: Overload): [number, number] {
  const min = o.params.length - (o.optional ?? 0);
  return [min, o.rest ? o.maxArgs ?? 64 : o.params.length];
}

const KIND_TEXT: Record<string, string> = {
  number: 'a number', integer: 'an integer', str: 'string or dynamic', text: 'any scalar', any: 'any', type: 'a type such as typeof(long)',
};
function describeKind(k: ParamKind): string {
  return KIND_TEXT[k] ?? k;
}

/** Convert one argument value as its parameter kind asks. */
function converter(kind: ParamKind, t: KqlType): ((v: unknown) => unknown) | undefined {
  if (kind === 'text' && t !== 'string') return (v) => valueToString(v, t);
  if (kind === 'str' && t === 'dynamic') return (v) => dynamicToString((v ?? null) as DynamicValue);
  return undefined;
}

/** Pick an overload for the argument types, or explain which argument does not fit. */
export function resolve(name: string, overloads: Overload[], args: ArgInfo[]): Overload | BindFailure {
  const byCount = overloads.filter((o) => {
    const [min, max] = arity(o);
    return args.length >= min && args.length <= max;
  });
  if (byCount.length === 0) {
    const mins = Math.min(...overloads.map((o) => arity(o)[0]));
    const maxs = Math.max(...overloads.map((o) => arity(o)[1]));
    const expected = mins === maxs ? `${mins}` : `between ${mins} and ${maxs}`;
    return { error: `The function '${name}' expects ${expected} argument(s), got ${args.length}.` };
  }
  for (const o of byCount) {
    if (args.every((a, i) => fits(kindAt(o, i)!, a))) {
      for (const c of o.constants ?? []) {
        if (c < args.length && !args[c].constant) {
          return { error: `Argument ${c + 1} of '${name}' must be a constant.`, argIndex: c };
        }
      }
      const bad = o.check?.(args);
      if (bad) return bad;
      return o;
    }
  }
  // Point at the first argument that no remaining overload accepts.
  let candidates = byCount;
  for (let i = 0; i < args.length; i++) {
    const next = candidates.filter((o) => fits(kindAt(o, i)!, args[i]));
    if (next.length === 0) {
      const wanted = [...new Set(candidates.map((o) => describeKind(kindAt(o, i)!)))].join(' or ');
      const got = args[i].typeLiteral !== undefined ? `typeof(${args[i].typeLiteral})` : args[i].type;
      return {
        error: `Argument ${i + 1} of '${name}' must be ${wanted}, not ${got}.`,
        argIndex: i,
      };
    }
    candidates = next;
  }
  return { error: `The function '${name}' is not compatible with arguments (${args.map((a) => a.type).join(', ')}).` };
}

const NUMERIC_KINDS = new Set<ParamKind>(['int', 'long', 'real', 'decimal', 'number', 'integer']);

/** The values with the bigints at the given positions read as doubles; copied only when there is one. */
function bigintsAsDoubles(values: unknown[], positions: number[]): unknown[] {
  let out = values;
  for (const i of positions) {
    const v = values[i];
    if (typeof v === 'bigint') {
      if (out === values) out = values.slice();
      out[i] = Number(v);
    }
  }
  return out;
}

/** Build the ScalarImpl for a resolved overload: converters and null propagation wrap the kernel. */
export function implement(o: Overload, args: ArgInfo[]): ScalarImpl {
  const type = typeof o.result === 'function' ? o.result(args) : o.result;
  const convs = args.map((a, i) => converter(kindAt(o, i)!, a.type));
  const anyConv = convs.some(Boolean);
  const propagate = (o.nulls ?? 'propagate') === 'propagate';
  const kernel = o.kernel;
  // Exact longs at the boundary of kernels that compute in doubles (see Overload.exact).
  const doubles = o.exact ? [] : args.flatMap((a, i) => (isIntegerType(a.type) && NUMERIC_KINDS.has(kindAt(o, i)!) ? [i] : []));
  const anyDoubles = doubles.length > 0;
  const integerResult = !o.exact && (type === 'long' || type === 'int');
  /** The kernel's arguments from the evaluated ones, or undefined when a null gives a null result. */
  const prepare = (values: unknown[]): unknown[] | undefined => {
    let vs = anyConv ? values.map((v, i) => (convs[i] ? convs[i]!(v) : v)) : values;
    if (anyDoubles) vs = bigintsAsDoubles(vs, doubles);
    if (propagate) {
      for (const v of vs) if (v === null || v === undefined) return undefined;
    }
    return vs;
  };
  const impl: ScalarImpl = {
    type,
    call(values, ctx) {
      const vs = prepare(values);
      if (vs === undefined) return null;
      const r = kernel(vs, ctx, args);
      return integerResult && typeof r === 'number' && !isSafe(r) ? fromDouble(r) : r;
    },
  };
  const element = o.element;
  if (element) {
    impl.element = (values, index) => {
      const vs = prepare(values);
      return vs === undefined ? null : element(vs, index);
    };
  }
  return impl;
}

export function defineScalar(spec: ScalarSpec): ScalarFunction {
  const counts = spec.overloads.map(arity);
  return {
    name: spec.name,
    aliases: spec.aliases,
    description: spec.description,
    minArgs: Math.min(...counts.map((c) => c[0])),
    maxArgs: Math.max(...counts.map((c) => c[1])),
    bind(args) {
      const o = resolve(spec.name, spec.overloads, args);
      return 'error' in o ? o : implement(o, args);
    },
  };
}

/** The string value of a constant argument, or undefined. */
export function constantString(a: ArgInfo | undefined): string | undefined {
  const v = a?.constant?.value;
  return typeof v === 'string' ? v : undefined;
}
