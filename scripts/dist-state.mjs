// Is dist/ up to date with the sources? Plain JavaScript (no tsx) because the command launcher
// (scripts/mini-kql.mjs) runs it on every call: it stats the source tree, a few milliseconds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');

/** What the build reads: the sources, and the files that steer it. */
const INPUTS = ['src', 'package.json', 'tsup.config.ts', 'tsconfig.json'];

/** The newest modification time (ms) of the build inputs; directories count too (a deleted file changes its directory's time). */
export function newestInput() {
  let newest = 0;
  const visit = (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const input of INPUTS) visit(join(root, input));
  return newest;
}

/** Every file package.json points at (main, module, types, bin, exports). */
export function packageTargets() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const targets = new Set();
  const collect = (v) => {
    if (typeof v === 'string') targets.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect([pkg.main, pkg.module, pkg.types, pkg.bin, pkg.exports]);
  return [...targets].filter((t) => t.startsWith('./dist/')).map((t) => join(root, t));
}

/** dist/cli.js exists and is newer than every input: the command can run from it. */
export function cliIsFresh() {
  const st = statSync(join(dist, 'cli.js'), { throwIfNoEntry: false });
  return st !== undefined && st.mtimeMs >= newestInput();
}

/**
 * Why dist/ is not what `npm pack` should ship, or undefined when it is: a clean full build of the
 * current sources (every file package.json names is there, no file in dist/ is older than the sources,
 * so nothing is left over from an earlier build, and there are no source maps).
 */
export function packProblem() {
  if (!existsSync(dist)) return 'dist/ is missing';
  const missing = packageTargets().filter((t) => !existsSync(t));
  if (missing.length > 0) return `missing ${missing.map((t) => t.slice(root.length + 1)).join(', ')}`;
  const newest = newestInput();
  for (const entry of readdirSync(dist, { recursive: true })) {
    const path = join(dist, String(entry));
    const st = statSync(path);
    if (!st.isFile()) continue;
    if (path.endsWith('.map')) return `dist/${entry} is a source map (a debug build)`;
    if (st.mtimeMs < newest) return `dist/${entry} is older than the sources`;
  }
  return undefined;
}
