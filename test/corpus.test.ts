/**
 * The corpus report (scripts/corpus-lib.ts) over a tiny inline corpus: each
 * rule lands in the class worked out by hand. Needs no ../shared.
 */
import { describe, expect, test } from 'vitest';
import { blockerKey, describeSchemaDiff, formatSummary, parseCorpus, referencedTables, runCorpus, stringLiterals } from '../scripts/corpus-lib.js';
import { generateRows, makeRng, parseDuration } from '../scripts/corpus-data.js';
import { getBuiltinSchema } from '../src/schemas/index.js';
import { analyzeKql } from '../src/index.js';

const JSONL = [
  // 1. parses, binds, analyzer-clean, same schema, executes.
  { id: 'ok', name: 'Failed sign-ins', queryPeriod: 'PT1H', tables: ['SigninLogs'],
    query: 'SigninLogs\n| where TimeGenerated > ago(1h)\n| where ResultType == "50126"\n| summarize Failures = count() by UserPrincipalName, IPAddress' },
  // 2. a syntax error (unbalanced parenthesis): the analyzer's parser rejects it too.
  { id: 'syntax', name: 'Broken', queryPeriod: '1d', tables: ['SecurityEvent'], query: 'SecurityEvent | where (EventID == 4625' },
  // 3. parses but does not bind: no such column; the analyzer reports an error too.
  { id: 'bind', name: 'Unknown column', queryPeriod: '1d', tables: ['SecurityEvent'], query: 'SecurityEvent | where NoSuchColumn == 1' },
  // 4. a table we do not know and the analyzer does not either.
  { id: 'table', name: 'Parser function', queryPeriod: 'P14D', tables: ['imAuthenticationX'], query: 'imAuthenticationX | take 5' },
].map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('corpus report', () => {
  const rules = parseCorpus(JSONL);
  const report = runCorpus(rules, { now: new Date('2024-05-02T00:00:00Z') });
  const byId = Object.fromEntries(report.rules.map((r) => [r.id, r]));

  test('a rule that works end to end', () => {
    const r = byId.ok!;
    expect(r.parse).toBe(true);
    expect(r.bind).toBe(true);
    expect(r.oracle).toMatchObject({ parseOk: true, clean: true, columns: 'UserPrincipalName:string, IPAddress:string, Failures:long' });
    expect(r.schemaEqual).toBe(true);
    expect(r.exec?.status).toBe('ok');
    // Generated rows mix in the query's literals, so some rows have ResultType "50126": at least one group.
    expect(r.exec!.rows).toBeGreaterThan(0);
    expect(r.blocker).toBeUndefined();
  });

  test('a syntax error', () => {
    const r = byId.syntax!;
    expect(r.parse).toBe(false);
    expect(r.bind).toBe(false);
    expect(r.analyzeError?.phase).toBe('syntax');
    expect(r.oracle.parseOk).toBe(false);
    expect(r.oracle.clean).toBe(false);
    expect(r.schemaEqual).toBeUndefined();
    expect(r.exec).toBeUndefined();
    expect(r.blocker).toMatch(/^syntax/);
  });

  test('a bind error', () => {
    const r = byId.bind!;
    expect(r.parse).toBe(true);
    expect(r.bind).toBe(false);
    expect(r.analyzeError).toMatchObject({ phase: 'semantic', code: 'SEM_UNKNOWN_COLUMN' });
    expect(r.oracle.parseOk).toBe(true);
    expect(r.oracle.clean).toBe(false);
    expect(r.exec).toBeUndefined();
    expect(r.blocker).toBe("unknown column or variable 'NoSuchColumn'");
  });

  test('an unknown table', () => {
    const r = byId.table!;
    expect(r.bind).toBe(false);
    expect(r.analyzeError?.code).toBe('SEM_UNKNOWN_TABLE');
    expect(r.blocker).toBe("unknown table 'imAuthenticationX'");
  });

  test('totals and blockers', () => {
    expect(report.totals).toMatchObject({
      rules: 4, parseOk: 3, oracleParseOk: 3, parseMissing: 0, syntaxBoth: 1, bindOk: 1, analyzerClean: 1,
      schemaEqual: 1, schemaEqualPct: 100, executed: 1, executesOk: 1, runtimeKqlErrors: 0, crashes: 0,
    });
    expect(report.blockers.map((b) => [b.key, b.rules, b.analyzerClean]).sort()).toEqual([
      ["unknown table 'imAuthenticationX'", 1, 0],
      ["unknown column or variable 'NoSuchColumn'", 1, 0],
      [report.rules[1]!.blocker, 1, 0],
    ].sort());
    const text = formatSummary(report);
    expect(text).toContain('schema equal               1 of 1 analyzer-clean (100%)');
    expect(text).toContain('executes ok                1 of 1');
  });

  test('a schema mismatch is reported as such', () => {
    expect(byId.ok!.schemaDiff).toBeUndefined();
    // An analyzer of ours that swaps the first two columns: the analyzer's order wins, so this is a mismatch.
    const swapped = runCorpus(rules.slice(0, 1), {
      now: new Date('2024-05-02T00:00:00Z'),
      analyze: (q) => {
        const cols = analyzeKql(q).columns;
        return { columns: [cols[1]!, cols[0]!, ...cols.slice(2)] };
      },
    });
    const r = swapped.rules[0]!;
    expect(r.schemaEqual).toBe(false);
    expect(r.schemaDiff).toBe("column 1: 'IPAddress' vs analyzer 'UserPrincipalName'");
    expect(r.blocker).toBe('schema mismatch: column names or order');
    expect(swapped.totals).toMatchObject({ analyzerClean: 1, schemaEqual: 0, schemaEqualPct: 0 });
    expect(swapped.blockers).toEqual([{ key: 'schema mismatch: column names or order', rules: 1, analyzerClean: 1, examples: ['ok Failed sign-ins'] }]);
  });

  test('schema diffs name the first difference', () => {
    const s = (x: string) => x.split(',').map((p) => ({ name: p.split(':')[0]!, type: p.split(':')[1] as 'string' }));
    expect(describeSchemaDiff(s('a:string,b:long'), s('a:string,b:long'))).toBe('');
    expect(describeSchemaDiff(s('a:string,b:long'), s('a:string,b:int'))).toBe("column 'b': long vs analyzer int");
    expect(describeSchemaDiff(s('a:string,c:long'), s('a:string'))).toBe('2 columns vs analyzer 1; extra [c] missing []');
  });
});

describe('corpus helpers', () => {
  test('blocker keys group by feature', () => {
    expect(blockerKey('semantic', 'SEM_UNSUPPORTED', "The 'foo' operator is not supported by mini-kql (line 1, column 17)")).toBe("operator 'foo'");
    expect(blockerKey('semantic', 'SEM_UNKNOWN_FUNCTION', "Unknown function 'hash_sha256' (line 2, column 3)")).toBe("function 'hash_sha256'");
    expect(blockerKey('semantic', 'SEM_UNKNOWN_TABLE', "Unknown table 'X': pass it in the tables argument (line 1, column 1)")).toBe("unknown table 'X'");
    expect(blockerKey('semantic', 'SEM_TYPE_MISMATCH', "Cannot compare values of types string and long with '=='")).toBe('comparing values of different types (string/long, bool/string, ...)');
    expect(blockerKey('semantic', 'SEM_UNSUPPORTED', "The 'pivot' plugin of evaluate is not supported by mini-kql")).toBe("plugin 'pivot'");
    expect(blockerKey('syntax', 'SYN_UNEXPECTED_TOKEN', "Unexpected '=' (line 1, column 9)", 'f(name = 1)', 1, 8)).toBe("syntax: unexpected '=' after a name");
  });

  test('referenced tables: the listed ones and known table names in the text', () => {
    expect(referencedTables({ query: 'SigninLogs | join (AuditLogs) on $left.x == $right.y | where Foo', tables: ['SigninLogs', 'NotATable'] }))
      .toEqual(['AuditLogs', 'SigninLogs']);
  });

  test('string literals', () => {
    expect(stringLiterals(`T | where a == "x" and b in ('y', @"c:\\z") and c has "a\\"b"`)).toEqual(['x', 'y', 'c:\\z', 'a"b']);
  });

  test('durations: ISO 8601 and KQL-ish', () => {
    expect(parseDuration('PT1H')).toBe(3_600_000);
    expect(parseDuration('P14D')).toBe(14 * 86_400_000);
    expect(parseDuration('P1DT12H')).toBe(36 * 3_600_000);
    expect(parseDuration('PT5M')).toBe(300_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('14d')).toBe(14 * 86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
  });

  test('generated rows are seeded, typed and inside the period', () => {
    const schema = getBuiltinSchema('SigninLogs')!;
    const now = Date.parse('2024-05-02T00:00:00Z');
    const a = generateRows('SigninLogs', schema, { seed: 's', now, periodMs: 3_600_000 });
    const b = generateRows('SigninLogs', schema, { seed: 's', now, periodMs: 3_600_000 });
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(20);
    expect(a.length).toBeLessThanOrEqual(50);
    for (const row of a) {
      const t = (row.TimeGenerated as Date).getTime();
      expect(t).toBeGreaterThanOrEqual(now - 3_600_000);
      expect(t).toBeLessThanOrEqual(now);
      expect(row.Type).toBe('SigninLogs');
      if (row.IPAddress !== null) expect(row.IPAddress).toMatch(/^[\d.]+$|:/);
      if (row.UserPrincipalName !== null) expect(row.UserPrincipalName).toMatch(/@/);
    }
    // JSON-ish columns: JSON text in string columns, objects in dynamic ones.
    const types = Object.fromEntries(schema.map((c) => [c.name, c.type]));
    expect(types.LocationDetails).toBe('dynamic');
    expect(types.AuthenticationDetails).toBe('string');
    for (const row of a) {
      if (row.LocationDetails !== null && !Array.isArray(row.LocationDetails)) expect(row.LocationDetails).toHaveProperty('countryOrRegion');
      if (row.AuthenticationDetails !== null) expect(Array.isArray(JSON.parse(row.AuthenticationDetails as string))).toBe(true);
    }
    expect(makeRng('x')()).toBe(makeRng('x')());
  });
});
