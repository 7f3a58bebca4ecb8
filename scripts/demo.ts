/**
 * The main job: run the Sentinel rule "Suspicious VM Instance Creation Activity Detected",
 * text unchanged, on the bundled sample tables, and print the result.
 * Usage: npm run demo [-- <case directory under queries/>]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runKql, formatTable, KqlError } from '../src/index.js';

const dir = resolve(process.argv[2] ?? 'queries/suspicious-vm-creation');
const queryFile = readdirSync(dir).find((f) => f.endsWith('.kql'));
if (!queryFile) throw new Error(`No .kql file in ${dir}`);
const query = readFileSync(join(dir, queryFile), 'utf8');
const dataDir = join(dir, 'data');
const tables: Record<string, Record<string, unknown>[]> = {};
if (existsSync(dataDir)) {
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
    tables[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
  }
}
const expectedFile = join(dir, 'expected.json');
const now = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')).now as string | undefined) : undefined;

console.log(`Query: ${join(dir, queryFile)}`);
console.log(`Tables: ${Object.entries(tables).map(([n, rows]) => `${n} (${rows.length} rows)`).join(', ') || '(none)'}`);
console.log(`now(): ${now ?? 'wall clock'}\n`);
try {
  const started = performance.now();
  const result = runKql(query, tables, now ? { now } : {});
  const ms = performance.now() - started;
  console.log(formatTable(result, { maxCellWidth: 40 }));
  console.log(`\n${result.rows.length} row(s), ${result.columns.length} column(s) in ${ms.toFixed(1)} ms`);
} catch (err) {
  if (err instanceof KqlError) {
    console.error(`${err.name} ${err.code}: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
