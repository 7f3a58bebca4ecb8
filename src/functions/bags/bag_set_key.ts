import type { KqlType } from '../../runtime/types.js';
import { isPlainObject, MAX_JSON_DEPTH, toDynamic, type DynamicValue } from '../../runtime/values.js';
import { setOwn } from '../scalar/arrays_more.js';
import { defineScalar } from '../define.js';
import { keyPath } from './bag_keys_paths.js';

type Bag = { [key: string]: DynamicValue };

/** A copy of the bag with the path set to the value; missing or non-bag levels on the way become bags. */
function withKey(bag: Bag, path: string[], value: DynamicValue): Bag {
  const out: Bag = {};
  for (const k of Object.keys(bag)) setOwn(out, k, bag[k]);
  const [head, ...rest] = path;
  if (rest.length === 0) {
    setOwn(out, head, value);
  } else {
    const inner = Object.prototype.hasOwnProperty.call(bag, head) ? bag[head] : undefined;
    setOwn(out, head, withKey(isPlainObject(inner) ? inner : {}, rest, value));
  }
  return out;
}

/**
 * bag_set_key(bag, key, value) (bag-set-key-function.md): the bag with the key (a name or a `$.a.b`
 * JSONPath) set to the value, replacing any value it had; missing levels of a path are created. Not a bag
 * (or null) -> null. UNCERTAIN (not in the docs): a level of the path holding a non-bag is replaced by a bag;
 * a key with an array index or the root path `$` gives null; a null value sets the key to null. A path deeper
 * than dynamic values may nest (MAX_JSON_DEPTH) gives null rather than a bag no JSON could hold.
 */
export const bag_set_key = defineScalar({
  name: 'bag_set_key',
  description: 'A property bag with a key (a name or a $.a.b JSONPath) set to a value.',
  overloads: [{
    params: ['dynamic', 'string', 'any'], result: 'dynamic', nulls: 'pass',
    kernel: ([bag, key, value], _ctx, info) => {
      if (!isPlainObject(bag) || typeof key !== 'string') return null;
      const path = keyPath(key);
      if (!path || path.length > MAX_JSON_DEPTH) return null;
      return withKey(bag, path, toDynamic(value, info[2].type as KqlType));
    },
  }],
});
