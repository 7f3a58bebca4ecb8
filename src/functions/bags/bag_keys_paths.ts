/**
 * Keys of bag_has_key and bag_set_key: a plain key names a root property; a key starting with `$` is a
 * JSONPath (jsonpath.md) of property names (`$.a.b`, `$['a']`). Array indexes and the root itself (`$`) are
 * not supported there (the docs): such a path gives undefined.
 */
import { parseJsonPath } from '../jsonpath.js';

export function keyPath(key: string): string[] | undefined {
  if (!key.trimStart().startsWith('$')) return [key];
  const steps = parseJsonPath(key);
  if (!steps || steps.length === 0 || steps.some((s) => typeof s !== 'string')) return undefined;
  return steps as string[];
}
