/**
 * Binding like Microsoft's analyzer and running like Kusto (issue 11): `in` lists of another type than the
 * left side, column_ifexists typed by its default, union legs naming unknown tables, spaces inside
 * datetime(...) literals, timespans inside dynamic literals.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql, KqlSemanticError } from '../../src/index.js';
import { checkCommand } from '../../src/cli/commands/check.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const T = {
  schema: [
    { name: 'EventID', type: 'int' as const },
    { name: 's', type: 'string' as const },
    { name: 'd', type: 'dynamic' as const },
    { name: 'l', type: 'long' as const },
  ],
  rows: [
    { EventID: 4624, s: '4624', d: { a: 1 }, l: 10 },
    { EventID: 4625, s: 'X', d: null, l: null },
    { EventID: 4688, s: '1', d: [1, 2], l: 30 },
    { EventID: null, s: '', d: 'text', l: 40 },
  ],
};
const schemas = { T: T.schema };

/** Runs the query, checks its columns against the analyzer's and that the analyzer reports no error. */
function both(q: string) {
  const r = runKql(q, { T });
  const oracle = analyzeWithOracle(q, schemas);
  expect(oracle.errors, q).toEqual([]);
  expect(formatColumns(r.columns), q).toBe(formatColumns(oracle.columns));
  return r.rows;
}

/** Runs the query where mini-kql knowingly differs from the analyzer (documented in differences-from-kusto.md). */
function run(q: string) {
  return runKql(q, { T }).rows;
}

describe('in / !in / in~ / !in~ with items of another type than the left side', () => {
  it('string items against an int column are converted to int (the Sentinel rule: EventID !in ("4624", "4625"))', () => {
    expect(both('T | where EventID !in ("4624", "4625") | project EventID')).toEqual([{ EventID: 4688 }, { EventID: null }]);
    expect(both('T | where EventID in ("4624", "4625") | project EventID')).toEqual([{ EventID: 4624 }, { EventID: 4625 }]);
  });
  it('an item that does not convert matches nothing; a fractional number does not match an int', () => {
    expect(both('T | where EventID in ("abc", "4624.5", "") | count')).toEqual([{ Count: 0 }]);
    expect(both('T | where EventID !in ("abc") | count')).toEqual([{ Count: 4 }]);
    expect(both('T | where EventID in ("4688.0", 4624) | project EventID')).toEqual([{ EventID: 4624 }, { EventID: 4688 }]);
  });
  it('dynamic array items are converted one by one', () => {
    expect(both('T | where EventID in (dynamic(["4625", 4688]), "x") | project EventID')).toEqual([{ EventID: 4625 }, { EventID: 4688 }]);
    expect(both('T | where EventID !in (dynamic(["4625"])) | project EventID')).toEqual([{ EventID: 4624 }, { EventID: 4688 }, { EventID: null }]);
  });
  it('in~ / !in~ (a string or dynamic left side for the analyzer) convert numbers to text, then ignore case', () => {
    expect(both('T | where s in~ (4624, "x") | project s')).toEqual([{ s: '4624' }, { s: 'X' }]);
    expect(both('T | where s !in~ (dynamic([4624, 1]), "x") | project s')).toEqual([{ s: '' }]);
  });
  it('numbers against a string column are compared as their text', () => {
    expect(both('T | where s in (4624, 1) | project s')).toEqual([{ s: '4624' }, { s: '1' }]);
    expect(both('T | where s in~ (dynamic([1])) | project s')).toEqual([{ s: '1' }]);
    expect(both('T | where s !in (4624, 1) | project s')).toEqual([{ s: 'X' }, { s: '' }]);
  });
  it('numbers of other numeric types still compare by value (2.5 is not truncated to match an int)', () => {
    expect(both('T | where l in (10.0, 29.5) | project l')).toEqual([{ l: 10 }]);
    expect(both('T | where EventID in (4624.5, 4625.0) | project EventID')).toEqual([{ EventID: 4625 }]);
  });
  it('a datetime left side takes datetime text', () => {
    expect(both('print t = datetime(2024-01-02) | where t in ("2024-01-02", "nope") | count')).toEqual([{ Count: 1 }]);
  });
  it('the analyzer reports no diagnostic for a mixed list; analyzeKql returns a warning at the first mixed item', () => {
    const q = 'T\n| where EventID !in ("4624", "4625")';
    expect(analyzeWithOracle(q, schemas).diagnostics).toEqual([]);
    const { warnings } = analyzeKql(q, { schemas });
    expect(warnings).toHaveLength(1);
    expect(warnings![0].span).toMatchObject({ line: 2, column: 22 });
    expect(warnings![0].message).toMatch(/'!in' list mixes types: a string item against an int left side/);
    expect(analyzeKql('T | where EventID in (1, 2) and s in ("a") and l in (1.5)', { schemas }).warnings).toBeUndefined();
    expect(analyzeKql('T | where EventID in (dynamic([1, "2"]))', { schemas }).warnings?.[0].message).toMatch(/a string item/);
  });
  it('mini-kql check prints the warning with the file line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-kql-in-'));
    const file = join(dir, 'rule.kql');
    writeFileSync(file, 'SecurityEvent\n| where EventID !in ("4624", "4625")\n| project EventID\n');
    const out: string[] = [];
    const code = checkCommand([file], { out: (t) => out.push(t), err: (t) => out.push(t), errRaw: () => {}, stderrIsTTY: false });
    expect(code).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:2:22  warning  The '!in' list mixes types`));
  });
});

describe('column_ifexists typed by its default, as the analyzer types it', () => {
  it('an existing column of another type is converted to the default type (int column, "" default: its text)', () => {
    expect(both('T | project a = column_ifexists("EventID", ""), b = column_ifexists("l", 0.5), c = column_ifexists("s", 0)')).toEqual([
      { a: '4624', b: 10, c: 4624 },
      { a: '4625', b: null, c: null },
      { a: '4688', b: 30, c: 1 },
      { a: '', b: 40, c: null },
    ]);
  });
  it('the same type: the column itself; a missing column: the default', () => {
    expect(both('T | project column_ifexists("s", ""), column_ifexists("nope", 7) | take 1')).toEqual([{ s: '4624', Column1: 7 }]);
  });
  it('a dynamic column stays the dynamic column whatever the default (deployed rules read its members)', () => {
    // The analyzer types it by the default (string here) and the docs' note says the default is returned,
    // but deployed Sentinel rules read members of column_ifexists("X_dynamic", ""): differences-from-kusto.md.
    expect(run('T | project a = column_ifexists("d", "none") | take 1')).toEqual([{ a: { a: 1 } }]);
    expect(formatColumns(runKql('T | project a = column_ifexists("d", "none")', { T }).columns)).toBe('a:dynamic');
    expect(both('T | project a = column_ifexists("d", dynamic(null)) | take 1')).toEqual([{ a: { a: 1 } }]);
  });
  it('reading members of it binds (the analyzer: KS142), as the rules that run in Sentinel need', () => {
    const q = 'T | extend x = column_ifexists("d", "") | where x.a == 1 | count';
    expect(analyzeWithOracle(q, schemas).errors.map((e) => e.code)).toEqual(['KS142']);
    expect(run(q)).toEqual([{ Count: 1 }]);
  });
});

describe('union legs naming unknown tables', () => {
  it('without isfuzzy an unknown table is an error (the analyzer: KS204)', () => {
    const q = 'union T, Nope | count';
    expect(analyzeWithOracle(q, schemas).errors.map((e) => e.code)).toEqual(['KS204']);
    expect(() => runKql(q, { T })).toThrow(/Unknown table 'Nope'/);
  });
  it('with isfuzzy=true the unknown leg is left out (the analyzer: a warning, KS205)', () => {
    const q = 'union isfuzzy=true T, Nope | summarize n = count()';
    expect(analyzeWithOracle(q, schemas).diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(['KS205:Warning']);
    expect(both(q)).toEqual([{ n: 4 }]);
  });
  it("the docs' isfuzzy example: View_3 does not exist, the count is 2", () => {
    const q = 'let View_1 = view () { print x=1 };\nlet View_2 = view () { print x=1 };\nlet OtherView_1 = view () { print x=1 };\n' +
      'union isfuzzy=true\n(View_1 | where x > 0),\n(View_2 | where x > 0),\n(View_3 | where x > 0)\n| count';
    expect(both(q)).toEqual([{ Count: 2 }]);
  });
  it('with isfuzzy=true and no leg that resolves, the query is an error (union-operator.md)', () => {
    expect(() => runKql('union isfuzzy=true Nope1, Nope2 | count', { T })).toThrow(KqlSemanticError);
  });
});

describe('datetime literals with spaces (the analyzer accepts datetime(2017 - 08 - 01))', () => {
  it('spaces around the separators are dropped; the date/time space stays', () => {
    const rows = both('print a = datetime(2017 - 08 - 01), b = datetime(2017 - 08 - 01 10 : 30), c = datetime( 2017-08-01 ), d = datetime(2017-08-01 10:30)');
    const iso = (v: unknown) => (v as Date).toISOString();
    expect([iso(rows[0].a), iso(rows[0].b), iso(rows[0].c), iso(rows[0].d)]).toEqual([
      '2017-08-01T00:00:00.000Z', '2017-08-01T10:30:00.000Z', '2017-08-01T00:00:00.000Z', '2017-08-01T10:30:00.000Z',
    ]);
  });
  it('inside dynamic literals too', () => {
    expect(both('print x = dynamic({"a": datetime(2017 - 08 - 01)})')).toEqual([{ x: { a: '2017-08-01T00:00:00.0000000Z' } }]);
  });
  it('text that is not a date still fails', () => {
    expect(() => runKql('print datetime(2017 - 08 -)')).toThrow(/not a valid datetime literal/);
  });
});

describe('timespans inside dynamic literals', () => {
  it('serialize as their Kusto text, and read back as the timespan', () => {
    const rows = both('print x = dynamic({"a": 1h, "b": [timespan(1.02:03:04), 90s]}) | extend t = totimespan(x.a), s = tostring(x.b[0]), ok = totimespan(x.b[1]) == 1m + 30s');
    expect(rows).toEqual([{ x: { a: '01:00:00', b: ['1.02:03:04', '00:01:30'] }, t: rows[0].t, s: '1.02:03:04', ok: true }]);
    expect(runKql('print t = totimespan(dynamic({"a": 1h}).a) / 1s').rows).toEqual([{ t: 3600 }]);
  });
});
