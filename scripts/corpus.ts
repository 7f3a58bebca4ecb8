/**
 * Corpus report: parse, bind, compare with Microsoft's analyzer and execute on
 * generated rows every rule of a queries.jsonl file (see docs/corpus.md).
 *
 *   npm run corpus -- <queries.jsonl> [--out report.json] [--limit N] [--filter text] [--quiet]
 *
 * --filter keeps rules whose id, name, file or query text contains the text
 * (case-insensitive). A development tool, not part of `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatRuleLine, formatSummary, parseCorpus, runCorpus } from './corpus-lib.js';

function usage(): never {
  console.error('usage: npm run corpus -- <queries.jsonl> [--out report.json] [--limit N] [--filter text] [--quiet]');
  process.exit(2);
}

const args = process.argv.slice(2);
let path: string | undefined;
let out: string | undefined;
let limit = Infinity;
let filter: string | undefined;
let quiet = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--out') out = args[++i] ?? usage();
  else if (a === '--limit') limit = Number(args[++i] ?? usage());
  else if (a === '--filter') filter = (args[++i] ?? usage()).toLowerCase();
  else if (a === '--quiet') quiet = true;
  else if (a.startsWith('--')) usage();
  else path = a;
}
if (!path || Number.isNaN(limit)) usage();

let rules = parseCorpus(readFileSync(path, 'utf8'));
if (filter) {
  const f = filter;
  rules = rules.filter((r) => [r.id, r.name, r.file, r.query].some((s) => typeof s === 'string' && s.toLowerCase().includes(f)));
}
rules = rules.slice(0, limit);

const started = Date.now();
const report = runCorpus(rules, {
  onRule: (r) => {
    if (!quiet) console.log(formatRuleLine(r));
  },
});
console.log('');
console.log(formatSummary(report));
console.log(`\n${rules.length} rules in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const slow = report.rules.filter((r) => r.slow);
if (slow.length) console.log(`slow: ${slow.map((r) => `#${r.index + 1} (${r.exec?.ms ?? '?'} ms)`).join(', ')}`);
if (out) {
  writeFileSync(out, JSON.stringify(report, null, 1));
  console.log(`wrote ${out}`);
}
