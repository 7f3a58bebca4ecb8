import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { thrownError } from '../support/thrown.js';
import { KqlError, KqlSemanticError, parseDuration, parseRule } from '../../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function caught(fn: () => unknown): KqlError {
  return thrownError(fn, KqlSemanticError);
}

describe('parseRule', () => {
  it('reads the fields of a Sentinel rule', () => {
    const rule = parseRule(
      [
        'id: 11111111-2222-3333-4444-555555555555',
        'name: Test rule',
        'severity: High',
        'queryFrequency: 5m',
        'queryPeriod: PT1H',
        'triggerOperator: GreaterThan',
        'triggerThreshold: 3',
        'tactics: [InitialAccess]',
        'relevantTechniques:',
        '  - T1078',
        'entityMappings:',
        '  - entityType: Account',
        '    fieldMappings: [{ identifier: FullName, columnName: UPN }]',
        'query: |',
        '  SigninLogs',
        '  | where ResultType != "0"',
        '',
      ].join('\n'),
      'rules/test.yaml',
    );
    expect(rule).toMatchObject({
      id: '11111111-2222-3333-4444-555555555555',
      name: 'Test rule',
      severity: 'High',
      queryFrequency: '5m',
      queryPeriod: 'PT1H',
      triggerOperator: 'gt',
      triggerThreshold: 3,
      tactics: ['InitialAccess'],
      relevantTechniques: ['T1078'],
      source: 'rules/test.yaml',
      query: 'SigninLogs\n| where ResultType != "0"\n',
      queryPosition: { line: 15, column: 3 },
    });
    expect(rule.entityMappings).toEqual([{ entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'UPN' }] }]);
  });

  it('the worked example keeps the seed query byte for byte', () => {
    const dir = join(ROOT, 'queries', 'suspicious-vm-creation');
    const rule = parseRule(readFileSync(join(dir, 'rule.yaml'), 'utf8'));
    expect(rule.query).toBe(readFileSync(join(dir, 'rule.kql'), 'utf8'));
    expect(rule).toMatchObject({
      id: '1cc0ba27-c5ca-411a-a779-fbc89e26be83',
      name: 'Suspicious VM Instance Creation Activity Detected',
      severity: 'Medium',
      queryFrequency: '1d',
      queryPeriod: '1d',
      triggerOperator: 'gt',
      triggerThreshold: 0,
      tactics: ['InitialAccess', 'Execution', 'Discovery'],
      relevantTechniques: ['T1078', 'T1106', 'T1526'],
    });
    expect((rule.requiredDataConnectors as { connectorId: string }[]).map((c) => c.connectorId)).toContain('GCPAuditLogsDefinition');
  });

  it('a rule without a query is RULE_NO_QUERY with a clear message', () => {
    const e = caught(() => parseRule('id: x\nname: No query\nseverity: Low\n', 'norule.yaml'));
    expect(e.code).toBe('RULE_NO_QUERY');
    expect(e.message).toContain("has no 'query' field");
    expect(e.message).toContain('norule.yaml');
  });

  it('an empty query is RULE_NO_QUERY at the query line', () => {
    const e = caught(() => parseRule('name: x\nquery: "  "\n'));
    expect(e.code).toBe('RULE_NO_QUERY');
    expect(e.line).toBe(2);
  });

  it('bad YAML is RULE_INVALID_YAML with its line and column', () => {
    const e = caught(() => parseRule('name: x\nquery: |\n  T\ntactics: [a, b\n'));
    expect(e.code).toBe('RULE_INVALID_YAML');
    expect(e.line).toBeGreaterThanOrEqual(4);
    expect(e.message).toMatch(/^Invalid YAML: /);
  });

  it('a duplicate key is RULE_INVALID_YAML on its line', () => {
    const e = caught(() => parseRule('name: a\nquery: T\nname: b\n'));
    expect(e.code).toBe('RULE_INVALID_YAML');
    expect(e.line).toBe(3);
  });

  it('YAML that is not a mapping is RULE_INVALID_YAML', () => {
    expect(caught(() => parseRule('- a\n- b\n')).code).toBe('RULE_INVALID_YAML');
    expect(caught(() => parseRule('SecurityAlert | take 1')).code).toBe('RULE_INVALID_YAML');
  });

  it('fields of the wrong kind are RULE_BAD_FIELD at the field', () => {
    const cases: [string, number, RegExp][] = [
      ['query: T\nqueryPeriod: 1 day\n', 2, /queryPeriod "1 day" is not a duration/],
      ['query: T\ntriggerOperator: gte\n', 2, /not one of gt, lt, eq, ne/],
      ['query: T\ntriggerThreshold: -1\n', 2, /whole number/],
      ['query: T\ntactics: Persistence\n', 2, /list of names/],
      ['query: [a]\n', 1, /must be text/],
      ['name: [x]\nquery: T\n', 1, /'name' must be text/],
    ];
    for (const [text, line, message] of cases) {
      const e = caught(() => parseRule(text));
      expect(e.code, text).toBe('RULE_BAD_FIELD');
      expect(e.line, text).toBe(line);
      expect(e.message, text).toMatch(message);
    }
  });
});

describe('parseDuration', () => {
  it('reads Sentinel short forms and ISO 8601', () => {
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('5h')).toBe(5 * 3_600_000);
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('14d')).toBe(14 * 86_400_000);
    expect(parseDuration('PT1H')).toBe(3_600_000);
    expect(parseDuration('P14D')).toBe(14 * 86_400_000);
    expect(parseDuration('PT5M')).toBe(300_000);
    expect(parseDuration('P1DT12H')).toBe(36 * 3_600_000);
    expect(parseDuration('PT30S')).toBe(30_000);
    expect(parseDuration('P2W')).toBe(14 * 86_400_000);
  });

  it('rejects anything else with RULE_BAD_FIELD', () => {
    for (const bad of ['', '1', 'd', '1 week', '1y', 'P1M', 'P1Y', 'P', 'PT', 'P1DT', '-1d', 'PT1H30']) {
      expect(caught(() => parseDuration(bad)).code, bad).toBe('RULE_BAD_FIELD');
    }
  });
});
