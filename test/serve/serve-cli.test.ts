/** `mini-kql serve` as a real process: prints its URL, answers queries, stops on SIGTERM. */
import { readFileSync } from 'node:fs';
import { Client, ClientRequestProperties } from 'azure-kusto-data';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { startServe } from './serve-process.js';
import { loadDataDir } from '../../src/node/load-table-file.js';
import { getBuiltinSchema } from '../../src/schemas/index.js';
import { runKql, type TableInput } from '../../src/index.js';

const ruleDir = 'queries/suspicious-vm-creation';

describe('mini-kql serve', () => {
  it('serves --data on a free port and stops on SIGTERM', async () => {
    const serve = await startServe(['--data', 'queries/suspicious-vm-creation/data', '--db', 'Other=queries/suspicious-vm-creation/data']);
    const { url, child, exited } = serve;
    const { stdout } = serve.output();
    expect(stdout).toMatch(/\(database NetDefaultDB: 3 tables, database Other: 3 tables; in memory: nothing is kept after exit\)/);
    const r = await fetch(`${url}/v2/rest/query`, { method: 'POST', body: JSON.stringify({ db: 'Other', csl: 'SecurityAlert | count' }) });
    expect(r.status).toBe(200);
    const frames = (await r.json()) as { TableKind?: string; Rows?: unknown[][] }[];
    const primary = frames.find((f) => f.TableKind === 'PrimaryResult');
    expect(primary?.Rows?.[0]?.[0]).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(serve.output().stderr).toContain('SIGTERM: shutting down');
  });

  it('answers the seed rule through azure-kusto-data with the rows runKql gives', async () => {
    const serve = await startServe(['--data', `${ruleDir}/data`]);
    const client = new Client(serve.url);
    try {
      const query = readFileSync(`${ruleDir}/rule.kql`, 'utf8');
      const now = '2024-05-02T00:00:00Z';
      const props = new ClientRequestProperties();
      props.setOption('query_now', now);
      const response = await client.execute('NetDefaultDB', query, props);
      const tables: Record<string, TableInput> = {};
      for (const t of loadDataDir(`${ruleDir}/data`)) tables[t.name] = { schema: getBuiltinSchema(t.name)!, rows: t.rows };
      const expected = runKql(query, tables, { now, timeAsText: true });
      expect(expected.rows.length).toBe(10);
      const primary = response.primaryResults[0];
      expect(primary.columns.map((c) => [c.name, c.type])).toEqual(expected.columns.map((c) => [c.name, c.type]));
      expect(primary._rows).toEqual(expected.rows.map((r) => expected.columns.map((c) => r[c.name] ?? null)));
    } finally {
      client.close();
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('rejects a bad --port as a usage error', async () => {
    const run = await cli('serve', '--port', 'eighty');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port eighty');
  });
});
