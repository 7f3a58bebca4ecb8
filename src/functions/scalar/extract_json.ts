import { dynamicToString, tryParseJson, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { followJsonPath, parseJsonPath, type JsonPathStep } from '../jsonpath.js';

/** The value at `path` in JSON text, or undefined when the path, the text or the lookup fails. */
export function extractJsonValue(path: string, text: string, steps?: JsonPathStep[]): DynamicValue | undefined {
  const s = steps ?? parseJsonPath(path);
  if (s === undefined) return undefined;
  const doc = tryParseJson(text);
  if (doc === undefined) return undefined;
  return followJsonPath(doc, s);
}

/**
 * extract_json(jsonPath, dataSource) / extractjson (extract-json-function.md, jsonpath.md): the element at the
 * path as text (a string unquoted, an object or array as JSON); "" when the path is unsupported, the text is
 * not JSON or nothing is there. A constant path is parsed once.
 * NOT YET: the third argument `typeof(T)` (needs typeof() expressions in the binder); extractJsonValue is
 * the lookup to convert from.
 */
export const extract_json = defineScalar({
  name: 'extract_json',
  aliases: ['extractjson'],
  description: 'The element at a JSONPath ($, .name, [\'name\'], [index]) in JSON text, as a string.',
  overloads: [{
    params: ['string', 'string'], result: 'string',
    kernel: ([p, t], _ctx, info) => {
      const constPath = info[0].constant?.value;
      const steps = typeof constPath === 'string' ? cachedSteps(constPath) : undefined;
      const v = extractJsonValue(p as string, t as string, steps);
      return v === undefined ? '' : dynamicToString(v);
    },
  }],
});

const stepCache = new Map<string, JsonPathStep[] | undefined>();
function cachedSteps(path: string): JsonPathStep[] | undefined {
  if (!stepCache.has(path)) {
    if (stepCache.size > 256) stepCache.clear();
    stepCache.set(path, parseJsonPath(path));
  }
  return stepCache.get(path);
}
