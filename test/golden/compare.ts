// Helpers for the golden runner (test/golden.test.ts): load a case from queries/<dir>/ and
// normalize engine output and expected rows to one comparable shape.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedColumn {
  name: string;
  type: string;
}

export interface ExpectedFile {
  /** Injected clock for now()/ago(); also accepted from test.json. */
  now?: string;
  /** When true, the row order is part of the expected result (query ends in sort/top). */
  ordered?: boolean;
  /** Dynamic columns holding make_set() results: element order is undefined in Kusto, so compared as sets. */
  unorderedArrayColumns?: string[];
  columns: ExpectedColumn[];
  rows: Record<string, unknown>[];
}

export interface GoldenCase {
  name: string;
  dir: string;
  queryFile: string;
  query: string;
  tables: Record<string, Record<string, unknown>[]>;
  now: Date;
  expected: ExpectedFile;
}

const DEFAULT_NOW = '2024-05-02T00:00:00Z';

/** Every directory under `root` holding a .kql file and expected.json is one golden case. */
export function loadGoldenCases(root: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    const expectedPath = join(dir, 'expected.json');
    if (!existsSync(expectedPath)) continue;
    const kqlFiles = readdirSync(dir).filter((f) => f.endsWith('.kql')).sort();
    const queryFile = kqlFiles.includes('rule.kql') ? 'rule.kql' : kqlFiles.includes('query.kql') ? 'query.kql' : kqlFiles[0];
    if (queryFile === undefined) continue;
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedFile;
    const tables: Record<string, Record<string, unknown>[]> = {};
    const dataDir = join(dir, 'data');
    if (existsSync(dataDir)) {
      for (const f of readdirSync(dataDir).filter((x) => x.endsWith('.json')).sort()) {
        tables[f.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dataDir, f), 'utf8'));
      }
    }
    let now = expected.now;
    const testJson = join(dir, 'test.json');
    if (existsSync(testJson)) {
      const t = JSON.parse(readFileSync(testJson, 'utf8')) as { now?: string };
      now = t.now ?? now;
    }
    cases.push({
      name,
      dir,
      queryFile,
      query: readFileSync(join(dir, queryFile), 'utf8'),
      tables,
      now: new Date(now ?? DEFAULT_NOW),
      expected,
    });
  }
  return cases;
}

/** JSON text with object keys sorted, so equal dynamic values print equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/**
 * One cell to a comparable value, by the column's Kusto type:
 * datetime -> ISO string (engine gives Date, expected gives an ISO string; anything else is kept as is so it fails);
 * dynamic -> deep copy, arrays of `unordered` columns sorted by canonical JSON; everything else unchanged.
 */
export function normalizeCell(value: unknown, type: string, unordered: boolean): unknown {
  if (value === undefined) return '<<undefined>>';
  if (value === null) return null;
  if (type === 'datetime') {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? '<<invalid Date>>' : value.toISOString();
    if (typeof value === 'string') {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? `<<bad datetime string ${value}>>` : d.toISOString();
    }
    return value;
  }
  if (type === 'dynamic') {
    const copy = JSON.parse(canonicalJson(value)) as unknown;
    if (unordered && Array.isArray(copy)) {
      return [...copy].sort((a, b) => cmp(canonicalJson(a), canonicalJson(b)));
    }
    return copy;
  }
  return value;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows to arrays of normalized cells in column order; a row with a missing or extra key gets a marker that fails equality. */
export function normalizeRows(
  rows: readonly Record<string, unknown>[],
  columns: readonly ExpectedColumn[],
  unorderedColumns: readonly string[] = [],
): unknown[][] {
  const names = columns.map((c) => c.name);
  return rows.map((row) => {
    const cells: unknown[] = columns.map((c) => normalizeCell(row[c.name], c.type, unorderedColumns.includes(c.name)));
    const extra = Object.keys(row).filter((k) => !names.includes(k));
    if (extra.length > 0) cells.push({ unexpectedKeys: extra.sort() });
    return cells;
  });
}

/** Multiset comparison: sort both sides by canonical JSON of the normalized row. */
export function sortRows(rows: unknown[][]): unknown[][] {
  return [...rows].sort((a, b) => cmp(canonicalJson(a), canonicalJson(b)));
}
