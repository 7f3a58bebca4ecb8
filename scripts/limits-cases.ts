/**
 * The deadline cases of issue 12, each run with its timeout: prints how long each took and how far past
 * its deadline it ended (negative: it ended before the deadline, with an error that is not a timeout).
 * Not a test (it measures time): `npx tsx scripts/limits-cases.ts [filter]`. Node only.
 */
import { runKql, KqlError, type TableInput } from '../src/index.js';

interface Case {
  name: string;
  query: string;
  tables?: () => Record<string, TableInput>;
  timeoutMs?: number;
}

const thirtyK = 'a'.repeat(30_000) + '!';

const cases: Case[] = [
  {
    name: 'T | count over 3M plain rows (schema inferred)',
    query: 'T | count',
    tables: () => ({ T: Array.from({ length: 3_000_000 }, (_, i) => ({ a: i, b: `s${i}`, c: i % 2 === 0 })) }),
    timeoutMs: 100,
  },
  { name: 'lexing 1 MB of (', query: '('.repeat(1_000_000), timeoutMs: 100 },
  { name: 'lexing 10 MB of |', query: '|'.repeat(10_000_000), timeoutMs: 100 },
  { name: 'lexing 1 MB of invalid characters', query: 'print 1 ' + '#'.repeat(1_000_000), timeoutMs: 100 },
  {
    name: 'parsing a 199,990-token datatable',
    query: 'datatable(a:long)[' + Array.from({ length: 99_990 }, (_, i) => i).join(',') + '] | count',
    timeoutMs: 100,
  },
  {
    name: 'make-series 60 keys x 950,400 bins',
    query: 'range k from 1 to 60 step 1 | extend t=datetime(2000-01-01) | make-series c=count() default=0 on t from datetime(2000-01-01) to datetime(2000-01-12) step 1s by k',
    timeoutMs: 1000,
  },
  {
    name: 'make-series 200 keys x 950,400 bins',
    query: 'range k from 1 to 200 step 1 | extend t=datetime(2000-01-01) | make-series c=count() default=0 on t from datetime(2000-01-01) to datetime(2000-01-12) step 1s by k',
    timeoutMs: 1000,
  },
  {
    name: 'make-series 5 keys x 950,400 bins (under maxRows: runs until the deadline)',
    query: 'range k from 1 to 5 step 1 | extend t=datetime(2000-01-01) | make-series c=count() default=0 on t from datetime(2000-01-01) to datetime(2000-01-12) step 1s by k',
    timeoutMs: 100,
  },
  {
    name: 's matches regex strcat("(", s, ")+$"), s = 30,000 a then !',
    query: 'T | where s matches regex strcat("(", s, ")+$")',
    tables: () => ({ T: { schema: [{ name: 's', type: 'string' }], rows: [{ s: thirtyK }] } }),
    timeoutMs: 1000,
  },
  {
    name: 'constant pattern 15,000 a? then 15,000 a on 15,000 characters',
    query: `T | where s matches regex "${'a?'.repeat(15_000)}${'a'.repeat(15_000)}"`,
    tables: () => ({ T: { schema: [{ name: 's', type: 'string' }], rows: [{ s: 'a'.repeat(15_000) }] } }),
    timeoutMs: 1000,
  },
  {
    name: 'regex just under the work budget on 100,000 rows',
    query: 'T | where s matches regex "[ab]{60}c" | count',
    tables: () => ({ T: { schema: [{ name: 's', type: 'string' }], rows: Array.from({ length: 100_000 }, () => ({ s: 'a'.repeat(150_000) })) } }),
    timeoutMs: 100,
  },
  {
    name: 'strrep of 16 MB per row over 1,000 rows',
    query: 'range x from 1 to 1000 step 1 | extend s = strrep("abcdefgh", 2000000) | summarize sum(strlen(s))',
    timeoutMs: 100,
  },
  {
    name: 'parse_json of a 40 MB cell, 20 rows',
    query: 'T | extend d = parse_json(s) | summarize sum(array_length(d))',
    tables: () => ({ T: { schema: [{ name: 's', type: 'string' }], rows: Array.from({ length: 20 }, () => ({ s: '[' + '1234567,'.repeat(5_000_000) + '1]' })) } }),
    timeoutMs: 100,
  },
];

const filter = process.argv[2];
// The first query of a process builds the lexer and the parser (about 0.1-0.3 s, not interruptible): warm up.
runKql('print 1');
for (const c of cases) {
  if (filter && !c.name.includes(filter)) continue;
  const tables = c.tables?.() ?? {};
  const start = performance.now();
  let outcome: string;
  try {
    const r = runKql(c.query, tables, { timeoutMs: c.timeoutMs });
    outcome = `result (${r.rows.length} rows)`;
  } catch (err) {
    outcome = err instanceof KqlError ? err.code : `NOT A KqlError: ${String(err)}`;
  }
  const elapsed = performance.now() - start;
  const past = c.timeoutMs === undefined ? '' : `, ${(elapsed - c.timeoutMs).toFixed(0)} ms past the ${c.timeoutMs} ms deadline`;
  console.log(`${c.name}: ${outcome} after ${elapsed.toFixed(0)} ms${past}`);
}
