import type { KqlType } from '../../runtime/types.js';
import { dynamicKey, isPlainObject, jsonText, toDynamic, type DynamicValue } from '../../runtime/values.js';
import { parseDateTime } from '../../runtime/datetime.js';
import { compareTime } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import type { ScalarFunction } from '../registry-types.js';

/**
 * array_slice(array, start, end) (array-slice-function.md): elements start..end inclusive; negative indexes
 * count from the end; out-of-range bounds are clamped, an empty range gives []. Not an array -> null.
 */
export const array_slice = defineScalar({
  name: 'array_slice',
  description: 'Elements of a dynamic array from start to end (inclusive); negative indexes count from the end.',
  overloads: [{
    params: ['dynamic', 'integer', 'integer'], result: 'dynamic',
    kernel: ([a, s, e]) => {
      if (!Array.isArray(a)) return null;
      const n = a.length;
      let start = s as number, end = e as number;
      if (start < 0) start += n;
      if (end < 0) end += n;
      start = Math.max(0, start);
      end = Math.min(n - 1, end);
      return start > end ? [] : a.slice(start, end + 1);
    },
  }],
});

/**
 * Element order for array_sort_* (array-sort-asc-function.md): numbers first, then strings (strings that
 * are datetimes sort as datetimes among themselves is not modelled), then booleans, then everything else by
 * JSON text; nulls go last unless nulls_last is false.
 */
function rank(v: DynamicValue): number {
  // Numbers and bigints (integers beyond 2^53) are ordered together, exactly, by < and >.
  return typeof v === 'number' || typeof v === 'bigint' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3;
}
function compareElements(a: DynamicValue, b: DynamicValue): number {
  const ra = rank(a), rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    const da = parseDateTime(a as string), db = parseDateTime(b as string);
    if (da !== null && db !== null) return compareTime(da, db);
  }
  if (ra <= 2) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  const ka = dynamicKey(a), kb = dynamicKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * array_sort_asc/desc(array1[, array2, ...][, nulls_last]) (array-sort-asc-function.md): the first array
 * sorted, every further array reordered the same way (null for one whose length differs from the first's,
 * or that is not an array); nulls go last unless nulls_last is false. With one array the result is the sorted
 * array, named `<argument>_sorted`; with several, one column per array (`<argument>_sorted`, or
 * `array<i>_sorted` for an argument without a name, as the analyzer names them), and inside an expression
 * `array_sort_asc(a, b)[1]` is the second one (the docs' example 3). The first array not an array -> null.
 */
function sortOrder(first: DynamicValue[], descending: boolean, nullsLast: boolean): number[] {
  const order = first.map((_, i) => i);
  order.sort((i, j) => {
    const a = first[i], b = first[j];
    if (a === null || b === null) {
      if (a === b) return i - j;
      return (a === null ? 1 : -1) * (nullsLast ? 1 : -1);
    }
    const c = compareElements(a, b);
    return (descending ? -c : c) || i - j;
  });
  return order;
}

function sorter(name: string, descending: boolean): ScalarFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: 64,
    description: `Sorts a dynamic array in ${descending ? 'descending' : 'ascending'} order (nulls last by default); further arrays are reordered the same way.`,
    bind(args) {
      const hasFlag = args.length > 1 && args[args.length - 1].type === 'bool';
      const count = hasFlag ? args.length - 1 : args.length;
      for (let i = 0; i < count; i++) {
        if (args[i].type !== 'dynamic') {
          const what = i === args.length - 1 && i > 0 ? 'a dynamic array or the bool nulls_last' : 'a dynamic array';
          return { error: `Argument ${i + 1} of '${name}' must be ${what}, not ${args[i].type}.`, argIndex: i };
        }
      }
      // A name repeated within the call is numbered, as the analyzer does: (x, y, x) -> x_sorted, y_sorted, x_sorted1.
      const used = new Set<string>();
      const names = args.slice(0, count).map((a, i) => {
        const base = `${a.derivedName ?? `array${i}`}_sorted`;
        let n = base;
        for (let k = 1; used.has(n); k++) n = `${base}${k}`;
        used.add(n);
        return n;
      });
      /** One result per array argument. */
      const sortAll = (values: unknown[]): unknown[] => {
        const nullsLast = !hasFlag || values[count] !== false;
        const first = values[0];
        if (!Array.isArray(first)) return names.map(() => null);
        const order = sortOrder(first as DynamicValue[], descending, nullsLast);
        return values.slice(0, count).map((a) =>
          Array.isArray(a) && a.length === first.length ? order.map((i) => a[i] as DynamicValue) : null);
      };
      if (count === 1) return { type: 'dynamic', name: names[0], call: (values) => sortAll(values)[0] };
      return {
        type: 'dynamic',
        columns: names.map((n) => ({ suffix: 'sorted', type: 'dynamic' as KqlType, name: n })),
        call: sortAll,
        element: (values, index) => {
          const all = sortAll(values);
          const i = index < 0 ? index + all.length : index;
          return i >= 0 && i < all.length ? all[i] : null;
        },
      };
    },
  };
}

export const array_sort_asc = sorter('array_sort_asc', false);
export const array_sort_desc = sorter('array_sort_desc', true);

/** zip(a1, a2, ...) (zip-function.md): element-wise tuples; shorter arrays are padded with null. Any non-array -> null. */
export const zip = defineScalar({
  name: 'zip',
  description: 'Combines dynamic arrays element-wise into an array of arrays.',
  overloads: [{
    params: ['dynamic', 'dynamic'], rest: 'dynamic', result: 'dynamic',
    kernel: (vs) => {
      if (!vs.every(Array.isArray)) return null;
      const arrays = vs as DynamicValue[][];
      const n = Math.max(...arrays.map((a) => a.length));
      return Array.from({ length: n }, (_, i) => arrays.map((a) => (i < a.length ? a[i] : null)));
    },
  }],
});

/** repeat(value, count) (repeat-function.md): a dynamic array of count copies; count <= 0 gives []; count null -> null. */
export const repeat = defineScalar({
  name: 'repeat',
  description: 'A dynamic array holding a value repeated count times.',
  overloads: [{
    params: ['any', 'integer'], result: 'dynamic', nulls: 'pass',
    kernel: ([v, n], ctx, info) => {
      if (n === null || n === undefined) return null;
      const count = Math.min(Math.max(0, n as number), 1_000_000);
      ctx.guard?.generated(count, 'repeat()');
      const d = toDynamic(v, info[0].type as KqlType);
      return Array.from({ length: count }, () => d);
    },
  }],
});

/** set_has_element(array, value): whether the array holds the value (same JSON content). Not an array -> null. */
export const set_has_element = defineScalar({
  name: 'set_has_element',
  description: 'Whether a dynamic array contains a value.',
  overloads: [{
    params: ['dynamic', 'any'], result: 'bool',
    kernel: ([a, v], _c, info) => {
      if (!Array.isArray(a)) return null;
      const k = dynamicKey(toDynamic(v, info[1].type));
      return (a as DynamicValue[]).some((e) => dynamicKey(e) === k);
    },
  }],
});

type Bag = { [key: string]: DynamicValue };

/** Set a property as an own data property, so a "__proto__" key from data never changes a prototype. */
export function setOwn(o: Bag, k: string, v: DynamicValue): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** bag_merge(bag1, bag2, ...) (bag-merge-function.md): one bag; on a repeated key the leftmost bag wins. Non-bags are skipped. */
export const bag_merge = defineScalar({
  name: 'bag_merge',
  description: 'Merges dynamic property bags; for a repeated key the leftmost value wins.',
  overloads: [{
    params: ['dynamic', 'dynamic'], rest: 'dynamic', result: 'dynamic', nulls: 'pass',
    kernel: (vs) => {
      const out: Bag = {};
      for (const b of vs) {
        if (!isPlainObject(b)) continue;
        for (const k of Object.keys(b)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, b[k]);
      }
      return out;
    },
  }],
});

/**
 * bag_remove_keys(bag, keys) (bag-remove-keys-function.md): the bag without the listed keys. A key may be a
 * JSONPath ('$.a.b') removing a nested property. Not a bag -> null.
 */
function withoutPath(bag: Bag, path: string[]): Bag {
  const [head, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(bag, head)) return bag;
  const out: Bag = { ...bag };
  if (rest.length === 0) delete out[head];
  else if (isPlainObject(bag[head])) setOwn(out, head, withoutPath(bag[head] as Bag, rest));
  return out;
}
export const bag_remove_keys = defineScalar({
  name: 'bag_remove_keys',
  description: 'A property bag without the given keys (plain names or $.a.b paths).',
  overloads: [{
    params: ['dynamic', 'dynamic'], result: 'dynamic',
    kernel: ([b, ks]) => {
      if (!isPlainObject(b)) return null;
      if (!Array.isArray(ks)) return b;
      let out = b as Bag;
      for (const k of ks) {
        if (typeof k !== 'string') continue;
        const path = k.startsWith('$.') ? k.slice(2).split('.') : k.startsWith('$[') ? [] : [k];
        if (path.length) out = withoutPath(out, path);
      }
      return out;
    },
  }],
});

/** dynamic_to_json(x): canonical JSON text of a dynamic value, bag keys sorted (dynamic-to-json-function.md). */
function canonical(v: DynamicValue): DynamicValue {
  if (Array.isArray(v)) return v.map(canonical);
  if (isPlainObject(v)) {
    const out: Bag = {};
    for (const k of Object.keys(v).sort()) setOwn(out, k, canonical(v[k]));
    return out;
  }
  return v;
}
export const dynamic_to_json = defineScalar({
  name: 'dynamic_to_json',
  description: 'JSON text of a dynamic value with property bag keys sorted.',
  overloads: [{
    params: ['dynamic'], result: 'string', nulls: 'pass',
    kernel: ([v]) => jsonText(canonical((v ?? null) as DynamicValue)),
  }],
});
