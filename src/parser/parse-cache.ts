/**
 * Parsed queries by text: the same query text (a rule run over many scenarios, a dashboard's query sent
 * to `mini-kql serve` again and again, a workspace parser called by every run) is parsed once. Parsing is
 * the largest cost of a run over small tables (about 2/3 of the seed rule's 2 ms). The ASTs are frozen,
 * so no later stage can change a tree another run shares; errors are not kept, they are thrown each time.
 * Bounded by entries and by total text length, least recently used first out.
 */
import { parseQuery, type ParseGuard } from './parse.js';
import type { Query } from './ast.js';

export const PARSE_CACHE_ENTRIES = 256;
/** Characters of query text kept in all (the ASTs are a small multiple of their text). */
export const PARSE_CACHE_CHARS = 4 * 1024 * 1024;
/** A longer text is parsed every time rather than evicting everything else. */
const MAX_CACHED_TEXT = 256 * 1024;

const cache = new Map<string, Query>();
let cachedChars = 0;
let misses = 0;

/** parseQuery, answered from the cache when the same text was parsed before. */
export function parseQueryCached(text: string, guard?: ParseGuard): Query {
  const hit = cache.get(text);
  if (hit) {
    // Map order is insertion order: moving the entry to the end keeps the least recently used first.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  misses++;
  const query = deepFreeze(parseQuery(text, guard));
  if (text.length <= MAX_CACHED_TEXT) {
    cache.set(text, query);
    cachedChars += text.length;
    for (const [oldest] of cache) {
      if (cache.size <= PARSE_CACHE_ENTRIES && cachedChars <= PARSE_CACHE_CHARS) break;
      cache.delete(oldest);
      cachedChars -= oldest.length;
    }
  }
  return query;
}

/** How many texts were parsed (not found in the cache) so far, and how many are kept: for tests. */
export function parseCacheStats(): { misses: number; entries: number; chars: number } {
  return { misses, entries: cache.size, chars: cachedChars };
}

/** Freezes every object of the tree (iteratively: trees may be MAX_QUERY_DEPTH deep). */
function deepFreeze<T extends object>(root: T): T {
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Object.isFrozen(node)) continue;
    Object.freeze(node);
    for (const value of Object.values(node)) {
      if (value !== null && typeof value === 'object') stack.push(value as object);
    }
  }
  return root;
}
