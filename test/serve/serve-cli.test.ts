/** `mini-kql serve` as a real process: prints its URL, answers queries, stops on SIGTERM. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cli, repoRoot } from '../cli/run-cli.js';

describe('mini-kql serve', () => {
  it('serves --data on a free port and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data', 'queries/suspicious-vm-creation/data', '--db', 'Other=queries/suspicious-vm-creation/data'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      child.on('close', () => reject(new Error(`exited before listening: ${stdout}${stderr}`)));
    });
    expect(stdout).toMatch(/\(database NetDefaultDB: 3 tables, database Other: 3 tables; in memory: nothing is kept after exit\)/);
    const r = await fetch(`${url}/v2/rest/query`, { method: 'POST', body: JSON.stringify({ db: 'Other', csl: 'SecurityAlert | count' }) });
    expect(r.status).toBe(200);
    const frames = (await r.json()) as { TableKind?: string; Rows?: unknown[][] }[];
    const primary = frames.find((f) => f.TableKind === 'PrimaryResult');
    expect(primary?.Rows?.[0]?.[0]).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: shutting down');
  });

  it('rejects a bad --port as a usage error', async () => {
    const run = await cli('serve', '--port', 'eighty');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port eighty');
  });
});
