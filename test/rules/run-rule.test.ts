import { describe, expect, it } from 'vitest';
import { KqlSemanticError, parseRule, runRule, type SentinelRule } from '../../src/index.js';

const NOW = '2024-05-02T00:00:00Z';
const rule = (over: Partial<SentinelRule> = {}): SentinelRule => ({ query: 'Events | project Id', queryPeriod: '1h', ...over });
const schema = [
  { name: 'TimeGenerated', type: 'datetime' as const },
  { name: 'Id', type: 'string' as const },
];

describe('runRule: the queryPeriod time window', () => {
  // The window is (now - 1h, now]: 23:00:00 is out, 23:00:00.001 and 00:00:00 are in, 00:00:00.001 is out.
  const rows = [
    { TimeGenerated: '2024-05-01T22:59:59.999Z', Id: 'before' },
    { TimeGenerated: '2024-05-01T23:00:00Z', Id: 'at-start' },
    { TimeGenerated: '2024-05-01T23:00:00.001Z', Id: 'just-inside' },
    { TimeGenerated: '2024-05-02T00:00:00Z', Id: 'at-now' },
    { TimeGenerated: '2024-05-02T00:00:00.001Z', Id: 'future' },
    { TimeGenerated: null, Id: 'no-time' },
  ];

  it('keeps rows with now - queryPeriod < TimeGenerated <= now', () => {
    const r = runRule(rule(), { Events: { schema, rows } }, { now: NOW });
    expect(r.rows.map((x) => x.Id)).toEqual(['just-inside', 'at-now']);
    expect(r.window).toEqual({ from: new Date('2024-05-01T23:00:00Z'), to: new Date(NOW) });
  });

  it('window: false shows every row', () => {
    const r = runRule(rule(), { Events: { schema, rows } }, { now: NOW, window: false });
    expect(r.rows).toHaveLength(6);
    expect(r.window).toBeUndefined();
  });

  it('a rule without queryPeriod has no window', () => {
    const r = runRule(rule({ queryPeriod: undefined }), { Events: { schema, rows } }, { now: NOW });
    expect(r.rows).toHaveLength(6);
    expect(r.window).toBeUndefined();
  });

  it('tables without TimeGenerated are not filtered; Timestamp is used when TimeGenerated is absent', () => {
    const noTime = [{ Id: 'a' }, { Id: 'b' }];
    expect(runRule(rule(), { Events: noTime }, { now: NOW }).rows).toHaveLength(2);
    const defender = [
      { Timestamp: '2024-05-01T22:00:00Z', Id: 'old' },
      { Timestamp: '2024-05-01T23:30:00Z', Id: 'new' },
    ];
    expect(runRule(rule(), { Events: defender }, { now: NOW }).rows.map((x) => x.Id)).toEqual(['new']);
  });

  it('plain rows of a built-in table are filtered on its TimeGenerated', () => {
    const q = 'SigninLogs | project UserPrincipalName';
    const rows2 = [
      { TimeGenerated: '2024-05-01T12:00:00Z', UserPrincipalName: 'old@contoso.com' },
      { TimeGenerated: '2024-05-01T23:59:00Z', UserPrincipalName: 'new@contoso.com' },
    ];
    expect(runRule({ query: q, queryPeriod: '5h' }, { SigninLogs: rows2 }, { now: NOW }).rows).toEqual([{ UserPrincipalName: 'new@contoso.com' }]);
    expect(runRule({ query: q, queryPeriod: 'P1D' }, { SigninLogs: rows2 }, { now: NOW }).rows).toHaveLength(2);
  });

  it("never modifies the caller's rows or tables", () => {
    const input = { Events: { schema, rows: rows.map((r) => ({ ...r })) } };
    const copy = JSON.parse(JSON.stringify(input));
    runRule(rule(), input, { now: NOW });
    expect(JSON.parse(JSON.stringify(input))).toEqual(copy);
  });

  it('now is also the now() of the query', () => {
    const r = runRule({ query: 'print t = now()' }, {}, { now: NOW });
    expect(r.rows[0].t).toEqual(new Date(NOW));
  });
});

describe('runRule: the trigger', () => {
  const three = { Events: [{ Id: 'a' }, { Id: 'b' }, { Id: 'c' }] };
  const cases: [SentinelRule['triggerOperator'], number, boolean][] = [
    ['gt', 0, true],
    ['gt', 2, true],
    ['gt', 3, false],
    ['lt', 4, true],
    ['lt', 3, false],
    ['eq', 3, true],
    ['eq', 0, false],
    ['ne', 3, false],
    ['ne', 0, true],
  ];
  for (const [op, threshold, fired] of cases) {
    it(`3 rows ${op} ${threshold} -> ${fired ? 'fires' : 'does not fire'}`, () => {
      const r = runRule(rule({ triggerOperator: op, triggerThreshold: threshold }), three, { now: NOW });
      expect(r.fired).toBe(fired);
      expect(r.trigger).toEqual({ operator: op, threshold });
    });
  }

  it('defaults to gt 0: fires on any row, not on none', () => {
    expect(runRule(rule(), three, { now: NOW }).fired).toBe(true);
    expect(runRule(rule(), { Events: { schema, rows: [] } }, { now: NOW }).fired).toBe(false);
  });

  it('lt fires on an empty result (a "data stopped arriving" rule)', () => {
    expect(runRule(rule({ triggerOperator: 'lt', triggerThreshold: 1 }), { Events: { schema, rows: [] } }, { now: NOW }).fired).toBe(true);
  });

  it('a bad operator in a hand-built rule is RULE_BAD_FIELD', () => {
    expect(() => runRule(rule({ triggerOperator: 'gte' as never }), three, { now: NOW })).toThrow(KqlSemanticError);
  });

  it('passes trace through to runKql', () => {
    const r = runRule(rule(), three, { now: NOW, trace: true });
    const plain = runRule(rule(), three, { now: NOW });
    expect(plain.trace).toBeUndefined();
    // Present once runKql supports { trace: true }.
    if (r.trace !== undefined) expect(Array.isArray(r.trace) || typeof r.trace === 'object').toBe(true);
  });
});

describe('the time window keeps a table\'s own columns', () => {
  it('a custom table emptied by the window still has the columns inferred from its rows (did not fire, not an error)', () => {
    const rule = parseRule('query: "Custom_CL | where Level == \\"high\\""\nqueryPeriod: 1h\ntriggerOperator: gt\ntriggerThreshold: 0\n');
    const r = runRule(rule, { Custom_CL: [{ TimeGenerated: '2024-05-01T00:00:00Z', Level: 'high' }] }, { now: '2024-05-02T00:00:00Z' });
    expect(r.fired).toBe(false);
    expect(r.rows).toEqual([]);
  });
});
