/**
 * The README's examples run: every ```ts block as a module (imports of 'mini-kql', 'mini-kql/node' and
 * 'mini-kql/schemas' pointed at the sources), and every command of the ```sh
 * blocks (`node scripts/mini-kql.mjs ...`) through the CLI from source. The README's two set-up lines stay its first commands.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli/run-cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = (lang: string) => [...readme.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]);

const ENTRIES: Record<string, string> = {
  'mini-kql': 'src/index.ts',
  'mini-kql/node': 'src/node/index.ts',
  'mini-kql/schemas': 'src/schemas/index.ts',
};

const work = mkdtempSync(join(tmpdir(), 'mini-kql-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a file with Node through tsx, in the repository (so relative paths in the examples resolve). */
function node(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('README', () => {
  it('starts with the two set-up commands', () => {
    expect(blocks('sh')[0].split('\n').slice(0, 2).map((l) => l.replace(/\s+#.*$/, ''))).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
  });

  const ts = blocks('ts');
  it('has ts examples', () => expect(ts.length).toBeGreaterThanOrEqual(6));
  it.concurrent.each(ts.map((code, i) => [i + 1, code] as const))('ts example %i runs', async (i, code) => {
    const source = code.replace(/from '(mini-kql(?:\/\w+)?)'/g, (whole, name: string) => {
      const entry = ENTRIES[name];
      if (!entry) throw new Error(`example ${i}: unknown import ${name}`);
      return `from ${JSON.stringify(pathToFileURL(join(repoRoot, entry)).href)}`;
    });
    const file = join(work, `example-${i}.mts`);
    writeFileSync(file, source);
    const r = node([file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  const commands = blocks('sh')
    .join('\n')
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((l) => l.startsWith('node scripts/mini-kql.mjs '));
  it('has CLI examples of every command', () => {
    expect(commands.map((c) => c.split(' ')[2])).toEqual(expect.arrayContaining(['run', 'check', 'test', 'schemas']));
  });
  it.concurrent.each(commands)('%s', async (command) => {
    const args = command.replace(/\s+#.*$/, '').split(/\s+/).slice(2);
    const r = node(['src/cli/main.ts', ...args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
