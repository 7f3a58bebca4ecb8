/**
 * The query and small tables in the URL fragment (`#s=<base64url of UTF-8 JSON>`): a link carries the whole
 * example, and a fragment is never sent to any server.
 */
export interface SharedState {
  query: string;
  tables?: Record<string, Record<string, unknown>[]>;
}

/** Tables are left out of the link past this many characters of JSON (links stay usable). */
export const MAX_SHARED_TABLE_CHARS = 16_000;

export function encodeState(state: SharedState): string {
  const tables = state.tables && JSON.stringify(state.tables, bigintsAsText).length <= MAX_SHARED_TABLE_CHARS ? state.tables : undefined;
  const bytes = new TextEncoder().encode(JSON.stringify({ query: state.query, tables }, bigintsAsText));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The state in a fragment, or undefined when there is none or it is not one of ours. */
export function decodeState(hash: string): SharedState | undefined {
  const m = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  try {
    const binary = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (typeof value !== 'object' || value === null || typeof (value as SharedState).query !== 'string') return undefined;
    const tables = (value as SharedState).tables;
    return { query: (value as SharedState).query, tables: isTables(tables) ? tables : undefined };
  } catch {
    return undefined;
  }
}

function isTables(v: unknown): v is Record<string, Record<string, unknown>[]> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((rows) => Array.isArray(rows) && rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)));
}

export function bigintsAsText(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}
