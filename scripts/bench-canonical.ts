/**
 * Canonical form of a query result, so that results computed by different
 * engines (mini-kql, the hand-written reference, DuckDB) can be compared by a
 * digest. Used by scripts/bench-child.ts; pure functions (test/bench/canonical.test.ts).
 *
 * One canonical row is a JSON array with one value per column, in the given
 * column order:
 *   datetime        ISO 8601 text (2024-06-01T00:00:00.000Z) from a Date, epoch ms or date text
 *   long, int       decimal text (numbers and bigints alike, so 3 and 3n agree)
 *   real, decimal   the number (NaN and infinities as text)
 *   bool            true / false
 *   timespan        milliseconds
 *   guid            lower-case text
 *   string          the text; null and undefined become '' (Kusto strings are never null)
 *   dynamic         the JSON value with object keys sorted; for a set column (make_set),
 *                   an array's elements are sorted too, since set order is unspecified
 * A null of any other type stays null; a value missing from a row object is
 * null as well. The rows are then sorted (as text), so row order does not
 * matter, and the digest is the sha256 of the header line
 * (name:type,...) and the rows, one per line.
 */
import { createHash } from 'node:crypto';

export interface CanonicalColumn {
  name: string;
  type: string;
}

export interface CanonicalResult {
  /** name:type,... */
  header: string;
  /** Canonical rows (JSON text), sorted. */
  rows: string[];
  /** sha256 hex of header + rows. */
  digest: string;
}

/** A dynamic value with object keys sorted (recursively); Dates become ISO text. */
export function sortKeys(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

/** A canonical dynamic value; a set column's array is sorted by its elements' JSON text. */
function canonicalDynamic(v: unknown, isSet: boolean): unknown {
  const sorted = sortKeys(v);
  if (!isSet || !Array.isArray(sorted)) return sorted;
  return sorted
    .map((e) => [JSON.stringify(e), e] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1]);
}

function isoText(v: unknown): string | null {
  const d = v instanceof Date ? v : typeof v === 'number' || typeof v === 'string' ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) return v === null || v === undefined ? null : `invalid datetime ${String(v)}`;
  return d.toISOString();
}

/** The canonical value of one cell. */
export function canonicalValue(type: string, v: unknown, isSet = false): unknown {
  if (type === 'string') return v === null || v === undefined ? '' : String(v);
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'datetime':
      return isoText(v);
    case 'long':
    case 'int':
      return typeof v === 'number' || typeof v === 'bigint' ? v.toString() : String(v);
    case 'real':
    case 'decimal': {
      const n = Number(v);
      return Number.isFinite(n) ? n : String(n);
    }
    case 'bool':
      return v === true || v === 'true' || v === 1;
    case 'timespan':
      return Number(v);
    case 'guid':
      return String(v).toLowerCase();
    case 'dynamic':
      return canonicalDynamic(v, isSet);
    default:
      return sortKeys(v);
  }
}

/** One canonical row (JSON text) of a row object keyed by column name. */
export function canonicalRow(columns: readonly CanonicalColumn[], row: Record<string, unknown>, setColumns: ReadonlySet<string>): string {
  return JSON.stringify(columns.map((c) => canonicalValue(c.type, row[c.name], setColumns.has(c.name))));
}

export function headerOf(columns: readonly CanonicalColumn[]): string {
  return columns.map((c) => `${c.name}:${c.type}`).join(',');
}

/** Canonical rows (sorted) and their digest. */
export function canonicalize(columns: readonly CanonicalColumn[], rows: readonly Record<string, unknown>[], setColumns: Iterable<string> = []): CanonicalResult {
  const sets = new Set(setColumns);
  const lines = rows.map((r) => canonicalRow(columns, r, sets));
  lines.sort();
  const header = headerOf(columns);
  return { header, rows: lines, digest: digestOf(header, lines) };
}

/** sha256 hex of the header line and the (already sorted) canonical rows. */
export function digestOf(header: string, sortedRows: readonly string[]): string {
  const h = createHash('sha256');
  h.update(header);
  h.update('\n');
  for (const r of sortedRows) {
    h.update(r);
    h.update('\n');
  }
  return h.digest('hex');
}

/**
 * Columns that hold make_set / make_set_if results in a query's output, found
 * from the query text: `Name = make_set(...)` gives Name, an unnamed
 * `make_set(Col)` gives set_Col. A heuristic for the bench's queries, not a parser.
 */
export function setColumnsOf(query: string): string[] {
  const out = new Set<string>();
  for (const m of query.matchAll(/(?:\b([A-Za-z_]\w*)\s*=\s*)?\bmake_?set(?:_if)?\s*\(\s*([A-Za-z_]\w*)?/g)) {
    if (m[1]) out.add(m[1]);
    else if (m[2]) out.add(`set_${m[2]}`);
  }
  return [...out];
}

export interface RowDiff {
  onlyLeft: number;
  onlyRight: number;
  /** Up to `limit` readable descriptions of differing rows. */
  examples: string[];
}

/** Multiset difference of two sorted canonical row lists. */
function splitSorted(left: readonly string[], right: readonly string[]): { a: string[]; b: string[] } {
  const a: string[] = [];
  const b: string[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length || (i < left.length && left[i]! < right[j]!)) a.push(left[i++]!);
    else if (i >= left.length || right[j]! < left[i]!) b.push(right[j++]!);
    else {
      i++;
      j++;
    }
  }
  return { a, b };
}

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Rows of `left` not in `right` and the other way round (both sorted canonical
 * rows). Each example pairs a left-only row with the most similar right-only
 * row and shows the columns that differ.
 */
export function diffRows(columns: readonly CanonicalColumn[], left: readonly string[], right: readonly string[], leftName: string, rightName: string, limit = 5): RowDiff {
  const { a, b } = splitSorted(left, right);
  const examples: string[] = [];
  const parsedB = b.slice(0, 2000).map((r) => JSON.parse(r) as unknown[]);
  for (const row of a.slice(0, limit)) {
    const va = JSON.parse(row) as unknown[];
    let best = -1;
    let bestSame = -1;
    parsedB.forEach((vb, k) => {
      let same = 0;
      for (let c = 0; c < columns.length; c++) if (JSON.stringify(va[c]) === JSON.stringify(vb[c])) same++;
      if (same > bestSame) {
        bestSame = same;
        best = k;
      }
    });
    if (best >= 0 && bestSame >= columns.length / 2) {
      const vb = parsedB[best]!;
      const diffs = columns
        .map((c, k) => (JSON.stringify(va[k]) === JSON.stringify(vb[k]) ? undefined : `    ${c.name}: ${leftName}=${clip(JSON.stringify(va[k]))}  ${rightName}=${clip(JSON.stringify(vb[k]))}`))
        .filter((x): x is string => x !== undefined);
      const key = columns.slice(0, 4).map((c, k) => `${c.name}=${clip(JSON.stringify(va[k]), 60)}`).join(' ');
      examples.push(`  row ${key} differs in ${diffs.length} column(s):\n${diffs.join('\n')}`);
      parsedB.splice(best, 1);
    } else {
      examples.push(`  only in ${leftName}: ${clip(row, 400)}`);
    }
  }
  for (const vb of parsedB.slice(0, Math.max(0, limit - examples.length))) examples.push(`  only in ${rightName}: ${clip(JSON.stringify(vb), 400)}`);
  return { onlyLeft: a.length, onlyRight: b.length, examples };
}
