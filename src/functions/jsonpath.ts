/**
 * The JSONPath subset Kusto documents (jsonpath.md): `$` (the root), `.name` and `['name']` (a child),
 * `[n]` (an array element). Wildcards, recursion (`..`), unions, slices and `@` are not supported.
 */
import type { DynamicValue } from '../runtime/values.js';
import { isPlainObject } from '../runtime/values.js';

export type JsonPathStep = string | number;

/** Parse a path into steps, or undefined when it is not in the supported subset. */
export function parseJsonPath(path: string): JsonPathStep[] | undefined {
  const p = path.trim();
  if (!p.startsWith('$')) return undefined;
  const steps: JsonPathStep[] = [];
  let i = 1;
  while (i < p.length) {
    const c = p[i];
    if (c === '.') {
      let j = i + 1;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      const name = p.slice(i + 1, j).trim();
      if (name === '' || name === '*') return undefined;
      steps.push(name);
      i = j;
    } else if (c === '[') {
      let j = i + 1;
      while (p[j] === ' ') j++;
      const q = p[j];
      if (q === "'" || q === '"') {
        let name = '';
        let k = j + 1;
        for (; k < p.length && p[k] !== q; k++) {
          if (p[k] === '\\' && k + 1 < p.length) k++;
          name += p[k];
        }
        if (k >= p.length) return undefined;
        k++;
        while (p[k] === ' ') k++;
        if (p[k] !== ']') return undefined;
        steps.push(name);
        i = k + 1;
      } else {
        const close = p.indexOf(']', j);
        if (close < 0) return undefined;
        const text = p.slice(j, close).trim();
        if (!/^[0-9]+$/.test(text)) return undefined;
        steps.push(Number(text));
        i = close + 1;
      }
    } else {
      return undefined;
    }
  }
  return steps;
}

/** Follow the steps from a value; undefined when a step finds nothing. */
export function followJsonPath(value: DynamicValue, steps: readonly JsonPathStep[]): DynamicValue | undefined {
  let v: DynamicValue | undefined = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(v) || step >= v.length) return undefined;
      v = v[step];
    } else {
      if (!isPlainObject(v) || !Object.prototype.hasOwnProperty.call(v, step)) return undefined;
      v = v[step];
    }
  }
  return v;
}
