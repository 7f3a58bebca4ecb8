import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenarioFile } from '../../src/node/index.js';
import { parseRule, ruleCoverage, runKql, runScenarios, type CoverageReport } from '../../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const rule = parseRule(`name: Repeated failed logins
queryPeriod: 1h
query: |
  Logins
  | where Failed > 1
  | where User != "svc-backup"
  | project User, Failed
`);

/** Scenarios that give the first where work to do but never a svc-backup row: the second is untested. */
const oneFilterTested = `
now: 2024-05-02T00:00:00Z
scenarios:
  - name: alice fails five times
    tables:
      Logins:
        - { TimeGenerated: 2024-05-01T23:30:00Z, User: alice, Failed: 5 }
        - { TimeGenerated: 2024-05-01T23:40:00Z, User: bob, Failed: 1 }
    expect: { fires: true, rowCount: 1 }
  - name: nobody fails twice
    tables:
      Logins:
        - { TimeGenerated: 2024-05-01T23:40:00Z, User: bob, Failed: 1 }
    expect: { fires: false }
  - name: no rows in the window
    tables:
      Logins:
        - { TimeGenerated: 2024-05-01T10:00:00Z, User: bob, Failed: 9 }
    expect: { fires: false }
`;

function coverageOf(text: string, yamlRule = rule): CoverageReport {
  return ruleCoverage(yamlRule, runScenarios(yamlRule, text));
}

describe('ruleCoverage', () => {
  it('counts per filter the scenarios that dropped rows, passed all, or gave it none; names the untested one', () => {
    const c = coverageOf(oneFilterTested);
    expect(c.scenarios).toBe(3);
    expect(c.filters.map((f) => [f.label, f.line, f.fileLine, f.text])).toEqual([
      ['where', 2, 5, 'where Failed > 1'],
      ['where', 3, 6, 'where User != "svc-backup"'],
    ]);
    const [failed, user] = c.filters;
    expect([failed.dropped, failed.droppedAll, failed.passedAll, failed.noRows]).toEqual([2, 1, 0, 1]);
    expect(failed.droppedIn).toEqual(['alice fails five times', 'nobody fails twice']);
    expect(failed.verdict).toBe('tested');
    expect([user.dropped, user.passedAll, user.noRows]).toEqual([0, 1, 2]);
    expect(user.verdict).toBe('untested');
    expect([c.untested, c.suspect]).toEqual([1, 0]);
  });

  it('a scenario with a svc-backup row makes the second filter tested', () => {
    const doc = oneFilterTested.replace('User: bob, Failed: 1 }\n    expect: { fires: false }', 'User: svc-backup, Failed: 7 }\n    expect: { fires: false }');
    const c = coverageOf(doc);
    expect(c.filters[1].verdict).toBe('tested');
    expect(c.filters[1].droppedIn).toEqual(['nobody fails twice']);
    expect(c.untested).toBe(0);
  });

  it('a filter that drops every row wherever it sees rows is a suspect', () => {
    const never = parseRule(`queryPeriod: 1h
query: |
  Logins
  | where Failed > 1
  | where User == "never"
`);
    const c = coverageOf(oneFilterTested.replace(/expect: \{[^}]*\}/g, 'expect: { fires: false }'), never);
    expect(c.filters[1]).toMatchObject({ text: 'where User == "never"', verdict: 'suspect', dropped: 1, droppedAll: 1, passedAll: 0 });
    expect(c.suspect).toBe(1);
  });

  it('joins that keep only matching rows are filters; outer joins and lookups are not', () => {
    const joined = parseRule(`query: |
  let admins = Users | where Role == "admin";
  Logins
  | join kind=leftanti (Allowed) on User
  | join (admins) on User
  | join kind=leftouter (Users) on User
  | lookup (Users) on User
`);
    const doc = `
now: 2024-05-02T00:00:00Z
tables:
  Users: [{ User: alice, Role: admin }, { User: bob, Role: user }]
scenarios:
  - name: bob is allowed, alice is an admin
    tables:
      Logins: [{ User: alice }, { User: bob }]
      Allowed: [{ User: bob }]
    expect: { rowCount: 1 }
`;
    const c = coverageOf(doc, joined);
    expect(c.filters.map((f) => [f.label, f.line, f.dropped, f.passedAll])).toEqual([
      ['where', 1, 1, 0], // in the let body, run once for the join's right side
      ['join kind=leftanti', 3, 1, 0],
      ['join kind=innerunique', 4, 0, 1],
    ]);
  });

  it('scenarios whose query did not run are left out and counted', () => {
    const c = ruleCoverage(rule, [{ name: 'broken' }, { name: 'ran', trace: [] }]);
    expect([c.scenarios, c.notRun]).toEqual([1, 1]);
    expect(c.filters.every((f) => f.noRows === 1 && f.verdict === 'untested')).toBe(true);
  });

  it('a query that does not parse: no filters and the reason', () => {
    const c = ruleCoverage({ query: 'Logins | where (' }, []);
    expect(c.filters).toEqual([]);
    expect(c.error).toMatch(/^the query could not be read: SYN_/);
  });

  it('the seed rule: every filter of its 11 scenarios, matched across scenarios by position', () => {
    const r = runScenarioFile(join(ROOT, 'queries/suspicious-vm-creation/rule.tests.yaml'));
    const c = ruleCoverage(r.rule, r.results);
    expect(c.scenarios).toBe(11);
    expect(c.filters.map((f) => f.label)).toEqual(['where', 'where', 'where', 'where', 'where', 'join kind=inner', 'where', 'where', 'where', 'join kind=inner']);
    // Lines are the rule file's (its query starts on line 38).
    expect(c.filters[0]).toMatchObject({ fileLine: 40, line: 3 });
    expect(c.filters[0].text).toMatch(/^where ProductName in \("Microsoft 365 Defender"/);
    // Each filter is counted once per scenario.
    for (const f of c.filters) expect(f.dropped + f.passedAll + f.noRows).toBe(11);
    // The mv-apply filters keep one entity type each: they drop rows wherever alerts reach them.
    expect(c.filters[2]).toMatchObject({ text: "where Entity.Type == 'ip'", dropped: 10, passedAll: 0, verdict: 'tested' });
    expect([c.untested, c.suspect]).toEqual([0, 0]);
  });
});

describe('the trace coverage relies on', () => {
  it('has one entry per operator occurrence: a let function called twice adds up in its one entry', () => {
    const q = 'let f = (t:(User:string)) { t | where User startswith "a" };\nunion f(A), f(B)';
    const r = runKql(q, { A: [{ User: 'ann' }, { User: 'bob' }], B: [{ User: 'al' }] }, { trace: true });
    const wheres = (r.trace ?? []).filter((e) => e.operator === 'where');
    expect(wheres).toEqual([expect.objectContaining({ line: 1, column: 33, rowsIn: 3, rowsOut: 2 })]);
  });

  it('records the operators of a join right side and of a let body at their own positions', () => {
    const q = 'let big = T | where n > 1;\nT\n| join kind=inner (big | where n < 5) on n';
    const r = runKql(q, { T: [{ n: 1 }, { n: 2 }, { n: 7 }] }, { trace: true });
    const at = (r.trace ?? []).filter((e) => e.operator !== 'table T').map((e) => [e.operator, e.line, e.column, e.rowsIn, e.rowsOut]);
    expect(at).toEqual([
      ['where', 1, 15, 3, 2],
      ['join', 3, 3, 3, 1],
      ['where', 3, 26, 2, 1],
    ]);
  });
});
