import type { DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { setOwn } from './arrays_more.js';

type Bag = { [key: string]: DynamicValue };

/** Query text (without '?') to a bag of decoded parameters; a repeated key keeps the last value. */
function queryBag(query: string): Bag {
  const out: Bag = {};
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    setOwn(out, decode(rawKey), decode(rawValue));
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

/**
 * parse_url(url) (parse-url-function.md): {"Scheme","Host","Port","Path","Username","Password",
 * "Query Parameters","Fragment"}; every part is text ("" when absent). Text that is not an absolute URL gives
 * an empty bag (UNCERTAIN: Kusto's exact result for invalid input). (Fixed pattern, not a user regex.)
 */
export function parseUrl(text: string): DynamicValue {
  const m = URL_PARTS.exec(text.trim());
  if (!m) return {};
  return {
    Scheme: m[1], Host: m[4], Port: m[5] ?? '', Path: m[6] ?? '',
    Username: m[2] ?? '', Password: m[3] ?? '',
    'Query Parameters': queryBag(m[7] ?? ''), Fragment: m[8] ?? '',
  };
}

export const parse_url = defineScalar({
  name: 'parse_url',
  aliases: ['parseurl'],
  description: 'Parses an absolute URL into a property bag of its parts.',
  overloads: [{ params: ['str'], result: 'dynamic', kernel: ([s]) => parseUrl(s as string) }],
});

/** parse_urlquery(query) (parse-urlquery-function.md): {"Query Parameters": {...}}; a leading '?' is ignored. */
export const parse_urlquery = defineScalar({
  name: 'parse_urlquery',
  aliases: ['parseurlquery'],
  description: 'Parses a URL query string into {"Query Parameters": {...}}.',
  overloads: [{
    params: ['str'], result: 'dynamic',
    kernel: ([s]) => {
      const t = s as string;
      return { 'Query Parameters': queryBag(t.startsWith('?') ? t.slice(1) : t) };
    },
  }],
});
