/**
 * Generates docs/reference.md from the registries: every supported pipe operator, scalar function,
 * aggregate function, binary operator and list operator, with its one-line description.
 *
 *   npx tsx scripts/gen-docs.ts          # write docs/reference.md
 *   npx tsx scripts/gen-docs.ts --check  # exit 1 if docs/reference.md is out of date
 *
 * test/docs.test.ts imports referenceMarkdown() and compares it with the committed file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listOperators } from '../src/operators/registry.js';
import { listPlugins } from '../src/operators/plugins/index.js';
import { listScalarFunctions } from '../src/functions/scalar-registry.js';
import { listAggregateFunctions } from '../src/functions/aggregate-registry.js';
import { listBinaryOperators, listListOperators } from '../src/functions/operator-registry.js';
import { BINDER_FUNCTIONS } from '../src/binder/bind-expr.js';

export const REFERENCE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'reference.md');

/** Text safe inside a markdown table cell. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
}

function code(s: string): string {
  return '`' + s.replace(/\|/g, '\\|') + '`';
}

function args(min: number, max: number): string {
  if (min === max) return String(min);
  if (max === Infinity) return `${min} or more`;
  return `${min}–${max}`;
}

function byName<T>(items: T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

interface Callable {
  name: string;
  aliases?: string[];
  minArgs: number;
  maxArgs: number;
  description: string;
}

function functionTable(fns: Callable[]): string[] {
  const lines = ['| Function | Aliases | Arguments | Description |', '|---|---|---|---|'];
  for (const f of byName(fns, (x) => x.name)) {
    const aliases = (f.aliases ?? []).map(code).join(', ');
    lines.push(`| ${code(f.name)} | ${aliases} | ${args(f.minArgs, f.maxArgs)} | ${cell(f.description)} |`);
  }
  return lines;
}

/**
 * Kusto features often seen in Sentinel analytics rules. The reference lists the ones no registry holds
 * yet, so the list of gaps shrinks by itself as features are added. Curated by hand, not exhaustive.
 */
export const WATCHLIST = {
  operators: [
    'as', 'consume', 'evaluate', 'facet', 'find', 'fork', 'getschema', 'invoke', 'lookup', 'make-series', 'parse',
    'parse-kv', 'parse-where', 'partition', 'reduce', 'render', 'sample', 'sample-distinct', 'scan',
    'search', 'serialize', 'top-hitters', 'top-nested',
  ],
  scalars: [
    'array_reverse', 'array_slice', 'array_sort_asc', 'array_sort_desc', 'array_sum', 'bag_has_key', 'bag_merge',
    'bag_remove_keys', 'base64_decode_tostring', 'base64_encode_tostring', 'bin_at', 'ceiling', 'column_ifexists',
    'datetime_part', 'dayofmonth', 'dayofyear', 'endofmonth', 'endofweek', 'endofyear', 'exp', 'extract',
    'extract_all', 'format_datetime', 'format_timespan', 'getmonth', 'getyear', 'hash', 'hash_sha256',
    'ipv4_is_in_range', 'ipv4_is_match', 'ipv4_is_private', 'isascii', 'log', 'make_datetime', 'make_timespan',
    'materialize', 'new_guid', 'parse_command_line', 'parse_csv', 'parse_ipv4', 'parse_path', 'parse_url',
    'parse_xml', 'pow', 'replace_regex', 'reverse', 'sign', 'sqrt', 'strcmp', 'string_size', 'strrep', 'todecimal',
    'toguid', 'translate', 'trim', 'trim_end', 'trim_start', 'unixtime_milliseconds_todatetime',
    'unixtime_seconds_todatetime', 'url_decode', 'url_encode', 'weekofyear', 'zip', 'dcount_hll', 'hash_combine',
    'hash_many', 'parse_user_agent',
  ],
  aggregates: [
    'count_distinct', 'hll', 'make_bag', 'make_bag_if', 'maxif', 'minif', 'percentile', 'percentiles',
    'percentiles_array', 'stdev', 'stdevif', 'take_anyif', 'variance', 'varianceif',
  ],
  binary: ['matches regex'],
  plugins: [
    'bag_unpack', 'pivot', 'ipv4_lookup', 'ipv6_lookup', 'basket', 'autocluster', 'diffpatterns', 'sequence_detect',
    'session_count', 'sliding_window_counts', 'activity_counts_metrics', 'activity_engagement', 'activity_metrics',
    'new_activity_metrics', 'active_users_count', 'dcount_intersect', 'funnel_sequence', 'funnel_sequence_completion',
    'rolling_percentile', 'narrow', 'rows_near', 'preview',
  ],
};

function missing(watch: string[], names: Iterable<string>): string {
  const have = new Set(names);
  const gaps = watch.filter((n) => !have.has(n)).sort();
  return gaps.length ? gaps.map(code).join(', ') : '(none)';
}

function namesOf(fns: Callable[]): string[] {
  return fns.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
}

/** The full text of docs/reference.md. Deterministic: pipe operators and functions sorted by name; binary and list operators in registry order. */
export function referenceMarkdown(): string {
  const ops = listOperators();
  const scalars = listScalarFunctions();
  const aggregates = listAggregateFunctions();
  const binary = listBinaryOperators();
  const list = listListOperators();
  const plugins = listPlugins();

  const out: string[] = [
    '# mini-kql reference',
    '',
    '<!-- Generated by scripts/gen-docs.ts from the registries. Do not edit by hand: run `npx tsx scripts/gen-docs.ts`. -->',
    '',
    'What this build supports. Anything not listed here is rejected with a syntax or semantic error',
    '(see [differences-from-kusto.md](differences-from-kusto.md) for what is missing and where behaviour differs).',
    'Function names are case-sensitive, as in Kusto. "Arguments" is the accepted argument count.',
    '',
    `Counts: ${ops.length} pipe operators, ${scalars.length} scalar functions, ${aggregates.length} aggregate functions, ` +
      `${binary.length} binary operators, ${list.length} list operators, ${plugins.length} evaluate plugins.`,
    '',
    '## Pipe operators',
    '',
    'Parser spellings: `filter` is `where`, `limit` is `take`, `order by` is `sort by`, `mvexpand` is `mv-expand`,',
    '`mvapply` is `mv-apply`. Tabular sources besides table names: `let` (scalars and tables), `datatable`, `print`,',
    '`range`, `union`, `table("Name")`; scalar subqueries with `toscalar(...)` and `x in (T | project y)`.',
    '',
    '| Operator | Description |',
    '|---|---|',
    ...byName(ops, (o) => String(o.op)).map((o) => `| ${code(String(o.op))} | ${cell(o.description)} |`),
    '',
    '## Scalar functions',
    '',
    ...functionTable(scalars),
    '',
    '## Aggregate functions',
    '',
    'Used in `summarize`. Aggregates skip null arguments unless the description says otherwise.',
    '',
    ...functionTable(aggregates),
    '',
    '## Evaluate plugins',
    '',
    'Written `| evaluate plugin(arguments)`.',
    '',
    '| Plugin | Description |',
    '|---|---|',
    ...byName(plugins, (p) => p.name).map((p) => `| ${code(p.name)} | ${cell(p.description)} |`),
    '',
    '## Functions the binder implements',
    '',
    'These need the query itself (names, schemas, tables), so the binder handles them rather than a registry.',
    'User-defined functions (`let f = (x:long) { ... }`, views) and `declare query_parameters` are bound there too.',
    '',
    '| Function | Description |',
    '|---|---|',
    ...BINDER_FUNCTIONS.map((f) => `| ${code(f.name)} | ${cell(f.description)} |`),
    '',
    '## Binary operators',
    '',
    'Listed in registry order (comparison, arithmetic, logical, string). The binder also handles unary `-`/`+`,',
    '`x between (a .. b)` (as `x >= a and x <= b`) and `!between`; `<>` is read as `!=`.',
    '',
    '| Operator | Description |',
    '|---|---|',
    ...binary.map((o) => `| ${code(o.op)} | ${cell(o.description)} |`),
    '',
    '## List operators',
    '',
    'Written `x op (item, ...)`; items that are dynamic arrays are flattened.',
    '',
    '| Operator | Description |',
    '|---|---|',
    ...list.map((o) => `| ${code(o.op)} | ${cell(o.description)} |`),
    '',
    '## Not supported yet',
    '',
    'Features common in Sentinel rules that no registry holds yet (from a hand-kept watch list in scripts/gen-docs.ts;',
    'anything else absent from the tables above is unsupported too). Using one gives a semantic error naming it.',
    '',
    `- Pipe operators: ${missing(WATCHLIST.operators, ops.map((o) => String(o.op)))}`,
    `- Scalar functions: ${missing(WATCHLIST.scalars, [...namesOf(scalars), ...BINDER_FUNCTIONS.map((f) => f.name), 'columnifexists'])}`,
    `- Aggregate functions: ${missing(WATCHLIST.aggregates, namesOf(aggregates))}`,
    `- Binary operators: ${missing(WATCHLIST.binary, [...binary, ...list].map((o) => o.op))}`,
    `- Evaluate plugins: ${missing(WATCHLIST.plugins, plugins.map((p) => p.name))}`,
    '',
  ];
  return out.join('\n');
}

function main(argv: string[]): void {
  const text = referenceMarkdown();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(REFERENCE_PATH, 'utf8');
    } catch {
      /* missing counts as out of date */
    }
    if (current !== text) {
      console.error('docs/reference.md is out of date: run `npx tsx scripts/gen-docs.ts`');
      process.exit(1);
    }
    console.log('docs/reference.md is up to date');
    return;
  }
  writeFileSync(REFERENCE_PATH, text);
  console.log(`wrote ${REFERENCE_PATH}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
