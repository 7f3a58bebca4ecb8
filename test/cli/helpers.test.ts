/** In-process tests of the CLI's helpers: table file loading, error formatting, progress. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeKql, formatKqlError, runKql } from '../../src/index.js';
import { FileError, formatFileKqlError } from '../../src/node/format-error.js';
import { listDataDir, loadTableFile } from '../../src/node/load-table-file.js';
import { startProgress } from '../../src/cli/progress.js';
import { parseArgs } from '../../src/cli/args.js';
import type { Io } from '../../src/cli/io.js';

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('formatKqlError', () => {
  it('code, message, the source line and a caret under the span', () => {
    const q = 'SecurityAlert\n| where Foo == 1';
    expect(formatKqlError(errorOf(() => analyzeKql(q)), q)).toBe(
      ["SEM_UNKNOWN_COLUMN  Unknown column or variable 'Foo'", '2 | | where Foo == 1', '            ^~~'].join('\n'),
    );
  });

  it('keeps tabs so the caret lines up, and clips a span at the line end', () => {
    const q = 'print\tx = "abc';
    const text = formatKqlError(errorOf(() => analyzeKql(q)), q);
    const [, src, caret] = text.split('\n');
    expect(src).toBe('1 | print\tx = "abc');
    expect(caret).toBe(' '.repeat(4 + 5) + '\t' + ' '.repeat(4) + '^');
  });

  it('formatFileKqlError shifts lines and columns of a query embedded in a file', () => {
    const q = 'SecurityAlert\n| where Foo == 1';
    const text = formatFileKqlError('rule.yaml', errorOf(() => analyzeKql(q)) as never, q, 10, 2);
    expect(text.split('\n')).toEqual(["rule.yaml:12:11  SEM_UNKNOWN_COLUMN  Unknown column or variable 'Foo'", '12 | | where Foo == 1', '             ^~~']);
  });
});

describe('loadTableFile', () => {
  it('CSV typed by a built-in schema: datetime, dynamic and numbers as Sentinel ingests them', () => {
    const path = tmpFile(
      'alerts.csv',
      'TimeGenerated,AlertName,AlertSeverity,Entities,ConfidenceScore\n' +
        '2024-05-01T10:00:00Z,Impossible travel,High,"[{""Type"":""ip"",""Address"":""1.2.3.4""}]",0.5\n' +
        '2024-05-01T11:00:00Z,Other,Low,,\n',
    );
    const rows = loadTableFile(path, { tableName: 'SecurityAlert' });
    const r = runKql('SecurityAlert | extend Ip = tostring(parse_json(Entities)[0].Address) | project TimeGenerated, Ip, ConfidenceScore', {
      SecurityAlert: rows,
    });
    expect(r.rows[0]).toEqual({ TimeGenerated: new Date('2024-05-01T10:00:00Z'), Ip: '1.2.3.4', ConfidenceScore: 0.5 });
    expect(r.rows[1].ConfidenceScore).toBeNull();
  });

  it('CSV without a schema: numeric and true/false columns are typed, the rest is text', () => {
    const rows = loadTableFile(tmpFile('t.csv', 'A,B,C,D\n1,true,x,\n2.5,false,7,\n'), { tableName: 'NoSuchTable' });
    expect(rows).toEqual([
      { A: 1, B: true, C: 'x', D: '' },
      { A: 2.5, B: false, C: '7', D: '' },
    ]);
  });

  it('accepts { rows: [...] } JSON and skips blank NDJSON lines', () => {
    expect(loadTableFile(tmpFile('t.json', '{ "rows": [{ "a": 1 }] }'))).toEqual([{ a: 1 }]);
    expect(loadTableFile(tmpFile('t.ndjson', '{"a":1}\n\n  \n{"a":2}\n'))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it.each([
    ['t.json', '{"a": 1}', /t\.json: expected a JSON array of row objects/],
    ['t.json', '[1, 2]', /t\.json: row 1 is not a JSON object/],
    ['t.json', '[{"a": 1},\n {"a" 2}]', /t\.json:2: malformed JSON/],
    ['t.jsonl', '{"a":1}\n[1]\n', /t\.jsonl:2: expected one JSON object per line/],
    ['t.csv', 'a,b\n1,2\n"3,4\n', /t\.csv:3: malformed CSV/],
    ['t.csv', 'a,a\n1,2\n', /t\.csv:1: malformed CSV: header names column 'a' twice/],
    ['t.tsv', 'a\tb\n', /t\.tsv: unknown table file type/],
  ])('%s %j is a FileError naming the file', (name, text, message) => {
    const err = errorOf(() => loadTableFile(tmpFile(name, text)));
    expect(err).toBeInstanceOf(FileError);
    expect((err as Error).message).toMatch(message);
  });

  it('listDataDir names tables by file name and rejects one given twice', () => {
    const path = tmpFile('A.json', '[]');
    const dir = join(path, '..');
    writeFileSync(join(dir, 'B.csv'), 'x\n1\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(listDataDir(dir).map((t) => t.name)).toEqual(['A', 'B']);
    writeFileSync(join(dir, 'A.ndjson'), '');
    expect((errorOf(() => listDataDir(dir)) as Error).message).toMatch(/table A is given twice: A\.json and A\.ndjson/);
  });
});

describe('CLI helpers', () => {
  function fakeIo(tty: boolean): Io & { raw: string[] } {
    const raw: string[] = [];
    return { raw, out: () => {}, err: () => {}, errRaw: (t) => raw.push(t), stderrIsTTY: tty };
  }

  it('progress appears only after the delay and only on a terminal', () => {
    let t = 0;
    const tty = fakeIo(true);
    const p = startProgress(tty, 1000, () => t);
    p.update('early');
    t = 1500;
    p.update('loading 10,000 rows');
    p.done();
    expect(tty.raw.join('')).toContain('loading 10,000 rows');
    expect(tty.raw.join('')).not.toContain('early');
    const pipe = fakeIo(false);
    const q = startProgress(pipe, 1000, () => t);
    t = 5000;
    q.update('loading');
    q.done();
    expect(pipe.raw).toEqual([]);
  });

  it('parseArgs: repeated and = values, flags, --', () => {
    const a = parseArgs(['q.kql', '--table', 'A=a.json', '--table=B=b.csv', '--explain', '--', '--x'], {
      values: { table: { multiple: true } },
      flags: ['explain'],
    });
    expect(a.positionals).toEqual(['q.kql', '--x']);
    expect(a.values.table).toEqual(['A=a.json', 'B=b.csv']);
    expect(a.flags.has('explain')).toBe(true);
    expect(() => parseArgs(['--now'], { values: { now: {} } })).toThrow(/needs a value/);
    expect(() => parseArgs(['--now', 'a', '--now', 'b'], { values: { now: {} } })).toThrow(/given twice/);
  });
});
