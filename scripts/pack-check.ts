/**
 * Checks the package as a consumer gets it (npm run pack:check; CI can run it):
 *
 * 1. `npm pack` into a temporary directory (prepack builds dist/ only if it is not a clean build of the
 *    sources): the tarball must hold LICENSE, README.md, every file package.json points at, and no
 *    source maps; prints its size.
 * 2. A new project installs the tarball (`--prefer-offline`: from npm's cache when it has the
 *    dependencies, else from the registry); the install must run no build script of mini-kql.
 * 3. There: `npx mini-kql --version`, `npx mini-kql schemas`, a real `npx mini-kql run` of a rule over
 *    files, and the library through `import` and `require` of every entry (mini-kql, mini-kql/node,
 *    mini-kql/schemas).
 *
 * Prints each step with its time and exits 1 on the first failure. `--keep` keeps the temporary directory.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'mini-kql-pack-check-'));
const project = join(work, 'project');

function step(name: string, cmd: string, args: string[], cwd: string, check: (r: SpawnSyncReturns<string>) => string | undefined): string {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Math.round(performance.now() - start);
  const problem = r.status !== 0 ? `exit code ${r.status}${r.error ? ` (${r.error.message})` : ''}` : check(r);
  console.log(`${problem ? 'FAIL' : 'ok  '}  ${name}  (${ms} ms)`);
  if (problem) {
    console.log(`      ${problem}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
    finish(1);
  }
  return r.stdout;
}

function finish(code: number): never {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  process.exit(code);
}

interface PackEntry {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

// 1. The tarball.
const packJson = step('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], root, () => undefined);
const [packed] = JSON.parse(packJson.slice(packJson.indexOf('['))) as PackEntry[];
const paths = new Set(packed.files.map((f) => f.path));
const exportsTargets = JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports).match(/\.\/dist\/[^"]+/g) ?? [];
const required = ['LICENSE', 'THIRD_PARTY_NOTICES.md', 'README.md', 'package.json', 'dist/cli.js', ...exportsTargets.map((t) => t.slice(2))];
const missing = required.filter((p) => !paths.has(p));
const maps = [...paths].filter((p) => p.endsWith('.map'));
console.log(`      ${packed.filename}: ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${paths.size} files`);
if (missing.length > 0 || maps.length > 0) {
  console.log(`FAIL  tarball contents: ${missing.length ? `missing ${missing.join(', ')}` : ''} ${maps.length ? `source maps: ${maps.join(', ')}` : ''}`);
  finish(1);
}
console.log('ok    tarball holds LICENSE, THIRD_PARTY_NOTICES.md, README.md, every file package.json names, no source maps');

// 2. A consumer's install.
cpSync(join(root, 'queries', 'suspicious-vm-creation'), join(project, 'case'), { recursive: true });
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pack-check-consumer', version: '1.0.0', private: true }, null, 2));
const tarball = join(work, packed.filename);
step('npm install <tarball> --prefer-offline', 'npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--foreground-scripts'], project, (r) =>
  /> mini-kql@[^\n]*\n> /.test(r.stdout + r.stderr) ? 'the install ran a script of mini-kql' : undefined,
);

// 3. The command and the library, installed.
const npx = (args: string[]) => ['exec', '--offline', '--', 'mini-kql', ...args];
step('npx mini-kql --version', 'npm', npx(['--version']), project, (r) => (r.stdout.trim() === pkg.version ? undefined : `printed ${JSON.stringify(r.stdout.trim())}, expected ${pkg.version}`));
step('npx mini-kql schemas SigninLogs --format json', 'npm', npx(['schemas', 'SigninLogs', '--format', 'json']), project, (r) =>
  (JSON.parse(r.stdout) as Record<string, unknown[]>).SigninLogs?.length ? undefined : 'no SigninLogs columns',
);
step('npx mini-kql run case/rule.yaml --data case/data', 'npm', npx(['run', 'case/rule.yaml', '--data', 'case/data', '--now', '2024-05-02T00:00:00Z', '--columns', 'VMName,GCPUserUPN']), project, (r) =>
  /Rule FIRED/.test(r.stdout) && /mining-node-01/.test(r.stdout) ? undefined : 'expected the rule to fire on mining-node-01',
);
const query = `T | where a > 1 | project a`;
const esm = `import { runKql } from 'mini-kql'; import { loadRule } from 'mini-kql/node'; import { builtinTableNames } from 'mini-kql/schemas';
const r = runKql(${JSON.stringify(query)}, { T: [{ a: 1 }, { a: 2 }] });
if (r.rows.length !== 1 || typeof loadRule !== 'function' || !builtinTableNames().includes('SigninLogs')) process.exit(1);`;
step('import mini-kql, mini-kql/node, mini-kql/schemas (ESM)', 'node', ['--input-type=module', '-e', esm], project, () => undefined);
const cjs = `const { runKql, KqlError } = require('mini-kql'); const { loadRule } = require('mini-kql/node'); const { getBuiltinSchema } = require('mini-kql/schemas');
const r = runKql(${JSON.stringify(query)}, { T: [{ a: 1 }, { a: 2 }] });
if (r.rows.length !== 1 || typeof loadRule !== 'function' || !getBuiltinSchema('SigninLogs') || typeof KqlError !== 'function') process.exit(1);`;
step('require mini-kql, mini-kql/node, mini-kql/schemas (CJS)', 'node', ['-e', cjs], project, () => undefined);
finish(0);
