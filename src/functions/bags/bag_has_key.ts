import { isPlainObject, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { keyPath } from './bag_keys_paths.js';

/**
 * bag_has_key(bag, key) (bag-has-key-function.md): whether the property bag has the key (a name or a
 * `$.a.b` JSONPath). UNCERTAIN (not in the docs): a dynamic that is not a bag (an array, a number) and a
 * path with an array index or no steps give false; a null bag gives null.
 */
export const bag_has_key = defineScalar({
  name: 'bag_has_key',
  description: 'Whether a dynamic property bag has a key (a name or a $.a.b JSONPath).',
  overloads: [{
    params: ['dynamic', 'string'], result: 'bool',
    kernel: ([bag, key]) => {
      const path = keyPath(key as string);
      if (!path) return false;
      let v: DynamicValue = bag as DynamicValue;
      for (const step of path) {
        if (!isPlainObject(v) || !Object.prototype.hasOwnProperty.call(v, step)) return false;
        v = v[step];
      }
      return true;
    },
  }],
});
