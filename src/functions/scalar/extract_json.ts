import { dynamicToString, tryParseJson, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { castValue } from '../convert.js';
import type { ArgInfo } from '../registry-types.js';
import { followJsonPath, parseJsonPath, type JsonPathStep } from '../jsonpath.js';

/** The value at `path` in JSON text, or undefined when the path, the text or the lookup fails. */
export function extractJsonValue(path: string, text: string, steps?: JsonPathStep[]): DynamicValue | undefined {
  const s = steps ?? parseJsonPath(path);
  if (s === undefined) return undefined;
  const doc = tryParseJson(text);
  if (doc === undefined) return undefined;
  return followJsonPath(doc, s);
}

/** The element at the path (a constant path is parsed once), or undefined. */
function lookup(path: unknown, text: unknown, info: ArgInfo[]): DynamicValue | undefined {
  const constPath = info[0].constant?.value;
  const steps = typeof constPath === 'string' ? cachedSteps(constPath) : undefined;
  return extractJsonValue(path as string, text as string, steps);
}

/**
 * extract_json(jsonPath, dataSource [, typeof(T)]) / extractjson (extract-json-function.md, jsonpath.md): the
 * element at the path as text (a string unquoted, an object or array as JSON); "" when the path is
 * unsupported, the text is not JSON or nothing is there. With a type, the element is converted as the
 * to*() function of that type converts a dynamic value (nothing there, or a failure, is null; "" for string).
 */
export const extract_json = defineScalar({
  name: 'extract_json',
  aliases: ['extractjson'],
  description: 'The element at a JSONPath ($, .name, [\'name\'], [index]) in JSON text, as a string or converted to typeof(T).',
  overloads: [{
    params: ['string', 'string'], result: 'string',
    kernel: ([p, t], _ctx, info) => {
      const v = lookup(p, t, info);
      return v === undefined ? '' : dynamicToString(v);
    },
  }, {
    params: ['string', 'string', 'type'], result: (args) => args[2].typeLiteral!,
    kernel: ([p, t], _ctx, info) => castValue(lookup(p, t, info) ?? null, 'dynamic', info[2].typeLiteral!),
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
