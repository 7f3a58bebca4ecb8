import { expect } from 'vitest';
import type { KqlType } from '../../src/runtime/types.js';
import type { ArgInfo, ScalarImpl } from '../../src/functions/registry-types.js';
import { isBindFailure } from '../../src/functions/registry-types.js';
import { lookupScalarFunction } from '../../src/functions/scalar-registry.js';
import { parseDateTime, parseTimespan } from '../../src/runtime/datetime.js';
import { runKql, KqlError } from '../../src/index.js';
import type { TimeValue } from '../../src/runtime/ticks.js';

export const SPAN = { offset: 0, length: 0, line: 1, column: 1 };
/** The injected clock used by every test: 2024-05-01T12:00:00Z. */
export const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
export const CTX = { now: NOW };

/** An argument: a type, optionally a constant value ('c' prefix means constant). */
export type A = KqlType | [KqlType, unknown];
export function arg(a: A): ArgInfo {
  return Array.isArray(a) ? { type: a[0], constant: { value: a[1] }, span: SPAN } : { type: a, span: SPAN };
}

export function bindScalar(name: string, types: A[]): ScalarImpl {
  const f = lookupScalarFunction(name);
  expect(f, `function ${name}`).toBeDefined();
  const r = f!.bind(types.map(arg));
  if (isBindFailure(r)) throw new Error(`bind failed: ${r.error}`);
  return r;
}

/** Bind then call with values; the arg types are given separately from the values. */
export function call(name: string, types: A[], values: unknown[]): unknown {
  return bindScalar(name, types).call(values, CTX);
}

export function bindError(name: string, types: A[]): { error: string; argIndex?: number } {
  const f = lookupScalarFunction(name)!;
  const r = f.bind(types.map(arg));
  if (!isBindFailure(r)) throw new Error(`expected ${name}(${types.join(', ')}) to fail binding`);
  return r;
}

export const dt = (s: string): TimeValue => {
  const v = parseDateTime(s);
  if (v === null) throw new Error(`bad datetime ${s}`);
  return v;
};
export const ts = (s: string): TimeValue => {
  const v = parseTimespan(s);
  if (v === null) throw new Error(`bad timespan ${s}`);
  return v;
};

/** One scalar case: [function, arg types, arg values, expected]. */
export type Case = [string, A[], unknown[], unknown];

/** The error code of a query that must fail (a semantic error at bind time, or any KqlError). */
export function failCode(q: string): string {
  try {
    runKql(q);
  } catch (e) {
    expect(e).toBeInstanceOf(KqlError);
    return (e as KqlError).code;
  }
  throw new Error(`expected an error from: ${q}`);
}
