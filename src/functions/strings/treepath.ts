import { defineScalar } from '../define.js';
import { isPlainObject, type DynamicValue } from '../../runtime/values.js';

/** A bag key as a path step: ['key'], with \ and ' escaped by a backslash. */
function keyStep(key: string): string {
  return `['${key.replace(/[\\']/g, (c) => '\\' + c)}']`;
}

/**
 * Adds the paths of the nodes under `value` (reached by `path`) to `out`. Every element of an array shares
 * the step [0] (treepath-function.md: ['listProperty'][0]['x'] for an object at index 4), so the set
 * removes repeats. Depth is bounded by the JSON parser's nesting limit.
 */
function walk(value: DynamicValue, path: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    const step = path + '[0]';
    out.add(step);
    for (const v of value) walk(v, step, out);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const step = path + keyStep(key);
      out.add(step);
      walk(value[key]!, step, out);
    }
  }
}

/**
 * treepath(object) (treepath-function.md): the path expressions of every node of a dynamic value, in
 * document order without repeats, e.g. ["['prop1']", "['prop1'][0]", "['prop2']"]. A scalar has no paths ([]).
 */
export const treepath = defineScalar({
  name: 'treepath',
  description: 'The path expressions of every node of a dynamic object.',
  overloads: [{
    params: ['dynamic'], result: 'dynamic',
    kernel: ([v]) => {
      const out = new Set<string>();
      walk(v as DynamicValue, '', out);
      return [...out];
    },
  }],
});
