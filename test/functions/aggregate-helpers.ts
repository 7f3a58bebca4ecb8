/** Shared by the aggregate tests: bind an aggregate from argument types and run it over rows of values. */
import type { KqlType } from '../../src/runtime/types.js';
import type { AggregateImpl, ArgInfo } from '../../src/functions/registry-types.js';
import { isBindFailure } from '../../src/functions/registry-types.js';
import { lookupAggregateFunction } from '../../src/functions/aggregate-registry.js';
import { SPAN } from './helpers.js';

/** An argument: its type, or its type with a column name and/or a constant value. */
export type Arg = KqlType | { type: KqlType; col?: string; value?: unknown };

export const info = (a: Arg): ArgInfo =>
  typeof a === 'string'
    ? { type: a, span: SPAN }
    : { type: a.type, columnName: a.col, constant: 'value' in a ? { value: a.value } : undefined, span: SPAN };

export function bind(name: string, args: Arg[]): AggregateImpl {
  const f = lookupAggregateFunction(name);
  if (!f) throw new Error(`no aggregate ${name}`);
  const r = f.bind(args.map(info));
  if (isBindFailure(r)) throw new Error(r.error);
  return r;
}

/** Run an aggregate over rows of argument values. */
export function run(name: string, args: Arg[], rows: unknown[][]): unknown[] {
  const acc = bind(name, args).create();
  for (const r of rows) acc.add(r);
  return acc.result();
}

export const bindFails = (name: string, args: Arg[]) => isBindFailure(lookupAggregateFunction(name)!.bind(args.map(info)));
export const defaultName = (name: string, args: Arg[]) => lookupAggregateFunction(name)!.defaultName(args.map(info));
