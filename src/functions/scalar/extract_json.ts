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

/**
 * The element at the path (a constant path is parsed once), or undefined. The source is JSON text, or a
 * dynamic value (the analyzer accepts one): a dynamic string is read as JSON text, other values as they are.
 */
function lookup(path: unknown, source: unknown, info: ArgInfo[]): DynamicValue | undefined {
  const constPath = info[0].constant?.value;
  const steps = typeof constPath === 'string' ? cachedSteps(constPath) : undefined;
  if (info[1].type !== 'dynamic' || typeof source === 'string') return extractJsonValue(path as string, source as string, steps);
  if (source === null || source === undefined) return undefined;
  const s = steps ?? parseJsonPath(path as string);
  return s === undefined ? undefined : followJsonPath(source as DynamicValue, s);
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
  overloads: (['string', 'dynamic'] as const).flatMap((source) => [{
    params: ['string', source], result: 'string' as const, nulls: 'pass' as const,
    kernel: ([p, t]: unknown[], _ctx: unknown, info: ArgInfo[]) => {
      const v = lookup(p, t, info);
      return v === undefined ? '' : dynamicToString(v);
    },
  }, {
    params: ['string', source, 'type'], result: (args: ArgInfo[]) => args[2].typeLiteral!, nulls: 'pass' as const,
    kernel: ([p, t]: unknown[], _ctx: unknown, info: ArgInfo[]) => castValue(lookup(p, t, info) ?? null, 'dynamic', info[2].typeLiteral!),
  }]),
});

const stepCache = new Map<string, JsonPathStep[] | undefined>();
function cachedSteps(path: string): JsonPathStep[] | undefined {
  if (!stepCache.has(path)) {
    if (stepCache.size > 256) stepCache.clear();
    stepCache.set(path, parseJsonPath(path));
  }
  return stepCache.get(path);
}
