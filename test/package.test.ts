/**
 * What the published package holds and does, read from package.json and tsup.config.ts (no build). The
 * built tarball itself is checked by scripts/pack-check.ts (npm run pack:check), run here only with
 * MINI_KQL_PACK_CHECK=1: it builds, packs and installs, which takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Options } from 'tsup';
import tsupConfig from '../tsup.config.js';
import { repoRoot } from './cli/run-cli.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  license: string;
  files: string[];
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  scripts: Record<string, string>;
};
const configs = tsupConfig as Options[];

describe('the package', () => {
  it('carries an MIT LICENSE matching package.json', () => {
    const license = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
    expect(pkg.license).toBe('MIT');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 mini-kql contributors\n/);
  });

  it('names the licence of every bundled package, at its installed version (npm run gen:notices)', () => {
    const notices = readFileSync(join(repoRoot, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    const headings = [...notices.matchAll(/^## (\S+) (\S+) \(/gm)].map((m) => [m[1], m[2]]);
    for (const bundled of ['chevrotain', 'lodash-es', 'yaml', 'fflate', 'punycode', 'uap-core']) expect(headings.map(([name]) => name)).toContain(bundled);
    for (const [name, version] of headings) {
      expect(JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version, name).toBe(version);
    }
  });

  it("runs no script on a consumer's install", () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook]).toBeUndefined();
  });

  it('builds no source maps unless asked, and the command in the same ESM build as the library', () => {
    for (const c of configs) expect(c.sourcemap).toBe(false);
    expect(pkg.scripts['build:debug']).toBe('tsup --sourcemap');
    const esm = configs.find((c) => c.entry && 'cli' in (c.entry as Record<string, string>));
    expect(esm?.format).toEqual(['esm']);
    expect(readFileSync(join(repoRoot, 'src/cli/main.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('every file package.json names is an output of an entry', () => {
    const targets = (JSON.stringify([pkg.bin, pkg.exports]).match(/\.\/dist\/[^"]+/g) ?? []).map((t) => t.slice('./dist/'.length));
    const outputs = new Set<string>();
    for (const c of configs) {
      for (const name of Object.keys(c.entry as Record<string, string>)) {
        for (const format of c.format as string[]) {
          if (c.dts) outputs.add(`${name}.${format === 'cjs' ? 'd.cts' : 'd.ts'}`);
          if (!(typeof c.dts === 'object' && c.dts.only)) outputs.add(`${name}.${format === 'cjs' ? 'cjs' : 'js'}`);
        }
      }
    }
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !outputs.has(t))).toEqual([]);
    // The playground page (dist/playground/) is for people, not an entry of the library: it stays out.
    expect(pkg.files).toEqual(['dist', '!dist/playground', 'THIRD_PARTY_NOTICES.md']);
  });

  it.runIf(process.env.MINI_KQL_PACK_CHECK === '1')('npm run pack:check passes', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pack-check.ts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout).not.toContain('FAIL');
    expect(r.status).toBe(0);
  });
});
