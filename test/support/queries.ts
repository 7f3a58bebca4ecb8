/** Finds the repository's query files (queries/**\/*.kql) and their schemas. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColumnSchema } from '../../src/runtime/types.js';
import { builtinTableNames, getBuiltinSchema } from '../../src/schemas/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const QUERIES_DIR = join(REPO_ROOT, 'queries');
export const SEED_RULE_PATH = join(QUERIES_DIR, 'suspicious-vm-creation', 'rule.kql');

export interface QueryFile {
  /** Path relative to the repo root, e.g. 'queries/suspicious-vm-creation/rule.kql'. */
  rel: string;
  path: string;
  text: string;
}

/** Every queries/**\/*.kql file, sorted by path. */
export function listQueryFiles(): QueryFile[] {
  if (!existsSync(QUERIES_DIR)) return [];
  const out: QueryFile[] = [];
  const walk = (dir: string) => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile() && ent.name.endsWith('.kql')) out.push({ rel: relative(REPO_ROOT, p), path: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(QUERIES_DIR);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** All built-in table schemas, keyed by table name. */
export function builtinSchemas(): Record<string, ColumnSchema[]> {
  const out: Record<string, ColumnSchema[]> = {};
  for (const name of builtinTableNames()) out[name] = getBuiltinSchema(name)!;
  return out;
}

/**
 * Schemas for a query file: the built-in tables, plus (overriding them) an
 * optional `schemas.json` next to the .kql file: { "Table": [{ "name", "type" }] }.
 */
export function schemasFor(queryPath: string): Record<string, ColumnSchema[]> {
  const schemas = builtinSchemas();
  const extra = join(dirname(queryPath), 'schemas.json');
  if (existsSync(extra)) Object.assign(schemas, JSON.parse(readFileSync(extra, 'utf8')) as Record<string, ColumnSchema[]>);
  return schemas;
}
