/**
 * Generates src/schemas/builtin-tables.generated.ts from the Sentinel table
 * schemas in ../shared/schemas/sentinel/ (dev machines only; the generated file
 * is committed, so build and test never need ../shared).
 *
 *   npx tsx scripts/gen-schemas.ts [--src <dir>]
 *
 * Tables, in order of precedence (a table's first source wins):
 *   1. every entry of <src>/index.json: the 23 curated tables (SecurityAlert,
 *      GCPAuditLogs, IdentityInfo, ...), with their researched column order;
 *   2. every other table of <src>/_sources/azure_monitor_reference_tables.json
 *      (Azure Monitor Logs table reference, docs 2024-11; columns in docs order,
 *      which is alphabetical) and <src>/_sources/kqlvalidation_customtables_2022.json
 *      (the custom tables of Sentinel's KQL validation tests, 2022-08). A table in
 *      both (14 of them) is merged the way build_schemas.py builds the curated
 *      files: the 2022 file's column order, the docs' types, columns only the docs
 *      have appended in docs order, columns only the 2022 file has kept.
 *
 * Clean-up of the raw sources (each counted in the script's output):
 *   - table and column names are trimmed ('GSuite_ReportsAPI_login_CL ', 'patterns_s ');
 *   - a column name's ' [UTC]' suffix (a Log Analytics CSV-export header) is dropped;
 *   - a repeated column name keeps its first occurrence;
 *   - source type 'sbyte' is Kusto's storage type of bool -> bool; 'date/time' -> datetime.
 *
 * Output format (compact, ~870 tables): a dictionary COLUMNS of "Name:c" specs
 * used by 3 or more tables, and one string per table, "spec,spec,..." in column
 * order, where a spec is either "Name:c" (c a one-letter type code, see
 * TYPE_CODES, mirrored in src/schemas/index.ts) or "#k" (k in base 36: the k-th
 * COLUMNS entry). Column names never contain ',' and never start with '#'
 * (checked here). src/schemas/index.ts parses a table lazily on first use.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPE_CODES: Record<string, string> = {
  string: 's',
  datetime: 'd',
  dynamic: 'y',
  long: 'l',
  int: 'i',
  real: 'r',
  bool: 'b',
  guid: 'g',
  timespan: 't',
  decimal: 'm',
};

/** Raw source type names that are not Kusto type names. */
const TYPE_ALIASES: Record<string, string> = { sbyte: 'bool', 'date/time': 'datetime' };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argIdx = process.argv.indexOf('--src');
const srcDir = argIdx >= 0 ? resolve(process.argv[argIdx + 1]!) : resolve(repoRoot, '../shared/schemas/sentinel');
const outFile = join(repoRoot, 'src/schemas/builtin-tables.generated.ts');

if (!existsSync(join(srcDir, 'index.json'))) {
  console.error(`gen-schemas: ${srcDir}/index.json not found (pass --src <dir>)`);
  process.exit(1);
}

interface Column { name: string; type: string }
interface IndexEntry { table: string; file: string }
interface TableFile { table: string; columns: Column[] }
interface Catalog { tables: Record<string, { columns: Column[] }> }

const stats = { trimmed: 0, utcSuffix: 0, duplicates: 0, typeAliases: 0 };

function cleanName(raw: string): string {
  let name = raw.trim();
  if (name !== raw) stats.trimmed++;
  if (name.endsWith(' [UTC]')) {
    name = name.slice(0, -' [UTC]'.length).trim();
    stats.utcSuffix++;
  }
  return name;
}

/** Cleans one table's columns: names, types, duplicates. */
function cleanColumns(table: string, columns: Column[]): Column[] {
  const out: Column[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    const name = cleanName(c.name);
    let type = c.type;
    if (TYPE_ALIASES[type]) {
      type = TYPE_ALIASES[type]!;
      stats.typeAliases++;
    }
    if (!name) throw new Error(`${table}: empty column name`);
    if (name.includes(',') || name.startsWith('#')) throw new Error(`${table}: column name ${JSON.stringify(name)} not supported by the compact format`);
    if (!TYPE_CODES[type]) throw new Error(`${table}.${name}: unknown type ${type}`);
    if (seen.has(name)) {
      stats.duplicates++;
      continue;
    }
    seen.add(name);
    out.push({ name, type });
  }
  return out;
}

/** 2022 file order, docs types; docs-only columns appended; 2022-only columns kept. */
function merge(docs: Column[], v2022: Column[]): Column[] {
  const docsType = new Map(docs.map((c) => [c.name, c.type]));
  const inOld = new Set(v2022.map((c) => c.name));
  return [
    ...v2022.map((c) => ({ name: c.name, type: docsType.get(c.name) ?? c.type })),
    ...docs.filter((c) => !inOld.has(c.name)),
  ];
}

function readCatalog(file: string): Map<string, Column[]> {
  const data = JSON.parse(readFileSync(join(srcDir, '_sources', file), 'utf8')) as Catalog;
  const out = new Map<string, Column[]>();
  for (const [rawName, t] of Object.entries(data.tables)) {
    const name = cleanName(rawName);
    if (out.has(name)) throw new Error(`${file}: table ${name} twice`);
    out.set(name, cleanColumns(name, t.columns));
  }
  return out;
}

const tables = new Map<string, Column[]>();

// 1. The curated tables.
const index = JSON.parse(readFileSync(join(srcDir, 'index.json'), 'utf8')) as IndexEntry[];
for (const entry of index) {
  const data = JSON.parse(readFileSync(join(srcDir, entry.file), 'utf8')) as TableFile;
  if (data.table !== entry.table) throw new Error(`${entry.file}: table ${data.table} != index ${entry.table}`);
  if (tables.has(data.table)) throw new Error(`duplicate table ${data.table}`);
  const before = stats.duplicates;
  const cols = cleanColumns(data.table, data.columns);
  if (stats.duplicates !== before) throw new Error(`${data.table}: curated file has a duplicate column`);
  tables.set(data.table, cols);
}
const curatedCount = tables.size;

// 2. Every other table of the two catalogs.
const docs = readCatalog('azure_monitor_reference_tables.json');
const v2022 = readCatalog('kqlvalidation_customtables_2022.json');
let merged = 0;
for (const [name, cols] of docs) {
  if (tables.has(name)) continue;
  const old = v2022.get(name);
  if (old) merged++;
  tables.set(name, old ? merge(cols, old) : cols);
}
for (const [name, cols] of v2022) if (!tables.has(name)) tables.set(name, cols);

// Dictionary of column specs shared by 3 or more tables, most frequent first.
const specOf = (c: Column) => `${c.name}:${TYPE_CODES[c.type]}`;
const freq = new Map<string, number>();
for (const cols of tables.values()) for (const c of cols) freq.set(specOf(c), (freq.get(specOf(c)) ?? 0) + 1);
const dict = [...freq].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
const dictIndex = new Map(dict.map((s, i) => [s, `#${i.toString(36)}`]));

const names = [...tables.keys()].sort();
const body = names
  .map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(tables.get(n)!.map((c) => dictIndex.get(specOf(c)) ?? specOf(c)).join(','))},`)
  .join('\n');
const dictBody = dict.map((s) => JSON.stringify(s)).join(',');
const out = `// GENERATED by scripts/gen-schemas.ts from Sentinel table schemas (../shared/schemas/sentinel):
// the ${curatedCount} curated tables, then every other table of _sources/azure_monitor_reference_tables.json
// and _sources/kqlvalidation_customtables_2022.json. Do not edit by hand; rerun \`npx tsx scripts/gen-schemas.ts\`.
// One string per table: "spec,spec,..." in column order; a spec is "Column:code" or "#k" (base-36 index into COLUMNS).
// Type codes: ${Object.entries(TYPE_CODES).map(([t, c]) => `${c}=${t}`).join(' ')}
/* eslint-disable */
export const COLUMNS: readonly string[] = [${dictBody}];

export const BUILTIN_TABLES: Readonly<Record<string, string>> = {
${body}
};
`;
writeFileSync(outFile, out);
console.log(
  `gen-schemas: wrote ${names.length} tables (${curatedCount} curated, ${merged} merged from both catalogs), ` +
    `${dict.length} shared column specs, ${(out.length / 1024).toFixed(0)} KB to ${outFile}\n` +
    `  clean-up: ${stats.trimmed} names trimmed, ${stats.utcSuffix} ' [UTC]' suffixes dropped, ` +
    `${stats.duplicates} repeated columns dropped, ${stats.typeAliases} sbyte/date-time types mapped`,
);
