/** Spawns the mini-kql command as a real process through tsx (no build needed). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixtures = 'test/cli/fixtures';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `mini-kql ...args` (stdin closed, stderr not a terminal) and collects its output. */
export function cli(...args: string[]): Promise<CliRun> {
  return cliWithEnv({ NO_COLOR: '1' }, ...args);
}

/** `cli` with these environment variables over the test's own (undefined removes one). */
export function cliWithEnv(env: Record<string, string | undefined>, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
    for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Kills a hung CLI before the test's own timeout (vitest.config.ts) and leaves a clear failure.
      timeout: 240_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** No stack trace lines ("    at f (file:1:2)") in the output. */
export function hasStack(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}
