import { isPlainObject, type DynamicValue } from '../../runtime/values.js';
import { defineAggregate } from '../aggregate-define.js';

/**
 * buildschema(d): the smallest schema admitting every value of the group (buildschema-aggregation-function.md).
 * A schema is a union of alternatives kept in first-seen order: a primitive type name ("long" for integral
 * numbers, "double", "string", "bool"), one bag alternative { key: schema } merging every bag seen, and one
 * array alternative { "`indexer`": schema } merging every element seen. A union of one alternative is that
 * alternative; of several, an array of them. Nulls add nothing. UNCERTAIN: an empty array (we write
 * { "`indexer`": null } when no element was ever seen) and the names of types not in the docs' example.
 */
const INDEXER = '`indexer`';

interface Union {
  prims: string[];
  bag?: Map<string, Union>;
  array?: Union;
  /** Order in which the alternatives first appeared: a primitive name, or the markers below. */
  order: (string | symbol)[];
}
const BAG = Symbol('bag');
const ARRAY = Symbol('array');
const MAX_DEPTH = 64;

const newUnion = (): Union => ({ prims: [], order: [] });

function primitiveName(v: DynamicValue): string {
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'bigint': return 'long';
    case 'number': return Number.isInteger(v) ? 'long' : 'double';
    default: return 'string';
  }
}

function addValue(u: Union, v: DynamicValue, depth: number): void {
  if (v === null || v === undefined || depth > MAX_DEPTH) return;
  if (Array.isArray(v)) {
    if (!u.array) { u.array = newUnion(); u.order.push(ARRAY); }
    for (const e of v) addValue(u.array, e, depth + 1);
    return;
  }
  if (isPlainObject(v)) {
    if (!u.bag) { u.bag = new Map(); u.order.push(BAG); }
    for (const [k, e] of Object.entries(v)) {
      let child = u.bag.get(k);
      if (!child) { child = newUnion(); u.bag.set(k, child); }
      addValue(child, e, depth + 1);
    }
    return;
  }
  const name = primitiveName(v);
  if (!u.prims.includes(name)) { u.prims.push(name); u.order.push(name); }
}

function render(u: Union): DynamicValue {
  const alternatives: DynamicValue[] = u.order.map((a) => {
    if (a === BAG) {
      // fromEntries defines own properties, so a "__proto__" key stays data.
      return Object.fromEntries([...u.bag!].map(([k, child]) => [k, render(child)]));
    }
    if (a === ARRAY) return { [INDEXER]: render(u.array!) };
    return a as string;
  });
  return alternatives.length === 0 ? null : alternatives.length === 1 ? alternatives[0] : alternatives;
}

export const buildschema = defineAggregate({
  name: 'buildschema',
  prefix: 'schema',
  description: 'The minimal schema (property names and their types) admitting all the dynamic values of the group.',
  params: ['dynamic'],
  outputs: () => [{ type: 'dynamic' }],
  create: () => () => {
    const root = newUnion();
    return {
      add([v]) { addValue(root, (v ?? null) as DynamicValue, 0); },
      result: () => [render(root)],
    };
  },
});
