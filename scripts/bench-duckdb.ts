/**
 * The DuckDB peer of `npm run bench`: loads the generated rows into in-memory
 * DuckDB tables (timed apart, not part of the query time) and runs the seed
 * rule written as SQL (scripts/bench-sql/suspicious-vm-creation.sql).
 *
 * Only the columns the SQL reads are loaded (DuckDB stores tables by column,
 * so the others would not be touched by the query). Text columns are VARCHAR,
 * dynamic columns JSON (parsed at load time, as mini-kql holds dynamic values
 * parsed), datetimes TIMESTAMP (UTC). `Entities` is a string column in
 * Sentinel (JSON text), so it stays VARCHAR and the query parses it, as the
 * rule's parse_json does.
 */
import { readFileSync } from 'node:fs';
import { DOUBLE, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, VARCHAR, type DuckDBValue } from '@duckdb/node-api';
import type { BenchData } from './bench-data.js';

export const SEED_SQL_FILE = new URL('./bench-sql/suspicious-vm-creation.sql', import.meta.url);

type ColumnKind = 'text' | 'json' | 'time';

interface TableSpec {
  name: keyof BenchData;
  columns: [string, ColumnKind][];
}

/** The tables and columns the seed rule's SQL reads. */
const SEED_TABLES: TableSpec[] = [
  {
    name: 'SecurityAlert',
    columns: [
      ['AlertName', 'text'], ['ProductName', 'text'], ['AlertSeverity', 'text'], ['Tactics', 'text'], ['Techniques', 'text'],
      ['ProviderName', 'text'], ['SystemAlertId', 'text'], ['TimeGenerated', 'time'], ['Entities', 'text'],
    ],
  },
  {
    name: 'GCPAuditLogs',
    columns: [
      ['TimeGenerated', 'time'], ['ServiceName', 'text'], ['MethodName', 'text'], ['ProjectId', 'text'],
      ['AuthenticationInfo', 'json'], ['RequestMetadata', 'json'], ['Response', 'json'], ['Request', 'json'],
    ],
  },
  { name: 'IdentityInfo', columns: [['AccountObjectId', 'text'], ['AccountUPN', 'text'], ['JobTitle', 'text']] },
];

const CHUNK_ROWS = 2048;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function cell(kind: ColumnKind, v: unknown): DuckDBValue {
  if (v === null || v === undefined) return null;
  if (kind === 'time') return v instanceof Date ? v.getTime() : Number(v);
  if (kind === 'json') return typeof v === 'string' ? v : JSON.stringify(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Appends rows to a staging table (datetimes as epoch ms, JSON as text), then
 * builds the typed table from it in SQL.
 */
async function loadTable(connection: DuckDBConnection, spec: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  const staging = `${spec.name}_load`;
  const stagingTypes = spec.columns.map(([, kind]) => (kind === 'time' ? DOUBLE : VARCHAR));
  await connection.run(`CREATE TABLE ${quote(staging)} (${spec.columns.map(([n, k]) => `${quote(n)} ${k === 'time' ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`);
  const appender = await connection.createAppender(staging);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    const chunk = DuckDBDataChunk.create(stagingTypes, end - start);
    chunk.setColumns(
      spec.columns.map(([name, kind]) => {
        const col: DuckDBValue[] = new Array(end - start);
        for (let i = start; i < end; i++) col[i - start] = cell(kind, rows[i]![name]);
        return col;
      }),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  const select = spec.columns.map(([n, k]) =>
    k === 'time' ? `epoch_ms(CAST(${quote(n)} AS BIGINT)) AS ${quote(n)}` : k === 'json' ? `CAST(${quote(n)} AS JSON) AS ${quote(n)}` : quote(n),
  );
  await connection.run(`CREATE TABLE ${quote(spec.name)} AS SELECT ${select.join(', ')} FROM ${quote(staging)}`);
  await connection.run(`DROP TABLE ${quote(staging)}`);
}

export interface DuckPeer {
  threads: number;
  version: string;
  /** Runs the SQL; rows as objects keyed by column name, dynamic (JSON) columns parsed. */
  run: () => Promise<Record<string, unknown>[]>;
  close: () => void;
}

/** An in-memory DuckDB holding the seed rule's tables, ready to run its SQL. */
export async function openSeedDuckDb(data: BenchData, dynamicColumns: readonly string[], threads?: number): Promise<DuckPeer> {
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const connection = await instance.connect();
  for (const spec of SEED_TABLES) await loadTable(connection, spec, data[spec.name]);
  const sql = readFileSync(SEED_SQL_FILE, 'utf8');
  const info = (await connection.runAndReadAll(`SELECT current_setting('threads') AS threads, version() AS version`)).getRowObjectsJS()[0]!;
  const dynamic = new Set(dynamicColumns);
  return {
    threads: Number(info.threads),
    version: String(info.version),
    run: async () => {
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
      for (const r of rows) {
        for (const c of dynamic) {
          const v = r[c];
          if (typeof v === 'string') r[c] = JSON.parse(v);
        }
      }
      return rows;
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
