import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REFERENCE_PATH, referenceMarkdown } from '../scripts/gen-docs.js';
import { listOperators } from '../src/operators/registry.js';
import { listScalarFunctions } from '../src/functions/scalar-registry.js';
import { listPlugins } from '../src/operators/plugins/index.js';

describe('docs/reference.md', () => {
  test('is up to date with the registries', () => {
    const expected = referenceMarkdown();
    const actual = existsSync(REFERENCE_PATH) ? readFileSync(REFERENCE_PATH, 'utf8') : '';
    // A plain boolean check keeps the failure message short and actionable.
    expect(actual === expected, 'docs/reference.md is out of date: run `npx tsx scripts/gen-docs.ts` and commit it').toBe(true);
  });

  test('every registry entry has a one-line description', () => {
    for (const o of listOperators()) expect(o.description.trim(), `operator ${o.op}`).not.toBe('');
    for (const p of listPlugins()) expect(p.description.trim(), `plugin ${p.name}`).not.toBe('');
    for (const f of listScalarFunctions()) {
      expect(f.description.trim(), `function ${f.name}`).not.toBe('');
      expect(f.description, `function ${f.name}`).not.toMatch(/\n/);
    }
  });

  test('lists every pipe operator and scalar function with its aliases', () => {
    const md = referenceMarkdown();
    for (const o of listOperators()) expect(md).toContain('`' + o.op + '`');
    for (const p of listPlugins()) expect(md).toContain('`' + p.name + '`');
    for (const f of listScalarFunctions()) for (const n of [f.name, ...(f.aliases ?? [])]) expect(md).toContain('`' + n + '`');
  });
});
