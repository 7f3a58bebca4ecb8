/** validateRule: Sentinel's and the Azure-Sentinel CI's checks of a rule file, each problem at its field's line and column. */
import { describe, expect, it } from 'vitest';
import { analyzeKql, parseRule, validateRule, type RuleProblem } from '../../src/index.js';

/** A complete scheduled rule that Sentinel and the repository's CI accept. */
const VALID = `id: 0f5a5c1e-1111-4c4c-9d9d-000000000001
name: Repeated failed sign-ins
description: |
  Many failed sign-ins for one account.
severity: Medium
requiredDataConnectors:
  - connectorId: AzureActiveDirectory
    dataTypes:
      - SigninLogs
queryFrequency: 1h
queryPeriod: 1d
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CredentialAccess
relevantTechniques:
  - T1110.001
query: |
  SigninLogs
  | where ResultType != "0"
  | summarize Failures = count() by UserPrincipalName, IPAddress
entityMappings:
  - entityType: Account
    fieldMappings:
      - identifier: FullName
        columnName: UserPrincipalName
  - entityType: IP
    fieldMappings:
      - identifier: Address
        columnName: IPAddress
customDetails:
  FailureCount: Failures
alertDetailsOverride:
  alertDisplayNameFormat: Failed sign-ins for {{UserPrincipalName}} from {{IPAddress}}
eventGroupingSettings:
  aggregationKind: AlertPerResult
version: 1.0.0
kind: Scheduled
`;

/** A rule's problems, checked against its query's columns (when the query binds). */
function check(yaml: string): { errors: RuleProblem[]; warnings: RuleProblem[] } {
  const rule = parseRule(yaml);
  let columns: { name: string }[] | undefined;
  try {
    columns = analyzeKql(rule.query).columns;
  } catch {
    columns = undefined;
  }
  return validateRule(rule, { columns });
}

/** VALID with its first line starting with `from` replaced by `to`. */
function withLine(from: string, to: string): string {
  const lines = VALID.split('\n');
  const i = lines.findIndex((l) => l.startsWith(from));
  if (i < 0) throw new Error(`no line starts with ${from}`);
  lines.splice(i, 1, ...(to === '' ? [] : to.split('\n')));
  return lines.join('\n');
}

const brief = (p: RuleProblem) => ({ code: p.code, line: p.line, column: p.column, field: p.field });

describe('validateRule', () => {
  it('a complete, valid scheduled rule has no problems', () => {
    expect(check(VALID)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ['id: ', 'id: not-a-guid', { code: 'RULE_BAD_FIELD', line: 1, column: 5, field: 'id' }],
    ['severity: ', 'severity: Critical', { code: 'RULE_BAD_FIELD', line: 5, column: 11, field: 'severity' }],
    ['queryFrequency: ', 'queryFrequency: 1m', { code: 'RULE_BAD_FIELD', line: 10, column: 17, field: 'queryFrequency' }],
    ['queryPeriod: ', 'queryPeriod: 15d', { code: 'RULE_BAD_FIELD', line: 11, column: 14, field: 'queryPeriod' }],
    ['queryPeriod: ', 'queryPeriod: 30m', { code: 'RULE_BAD_FIELD', line: 11, column: 14, field: 'queryPeriod' }],
    ['triggerThreshold: ', 'triggerThreshold: 10001', { code: 'RULE_BAD_FIELD', line: 13, column: 19, field: 'triggerThreshold' }],
    ['  - CredentialAccess', '  - Credential Access', { code: 'RULE_BAD_FIELD', line: 15, column: 5, field: 'tactics[0]' }],
    ['  - T1110.001', '  - T1110.1', { code: 'RULE_BAD_FIELD', line: 17, column: 5, field: 'relevantTechniques[0]' }],
    ['  - entityType: IP', '  - entityType: IpAddress', { code: 'RULE_BAD_FIELD', line: 27, column: 17, field: 'entityMappings[1].entityType' }],
    ['      - identifier: FullName', '      - identifier: Upn', { code: 'RULE_BAD_FIELD', line: 25, column: 21, field: 'entityMappings[0].fieldMappings[0].identifier' }],
    ['  FailureCount: ', '  Failure-Count: Failures', { code: 'RULE_BAD_FIELD', line: 32, column: 3, field: 'customDetails.Failure-Count' }],
    ['  aggregationKind: ', '  aggregationKind: OneAlert', { code: 'RULE_BAD_FIELD', line: 36, column: 20, field: 'eventGroupingSettings.aggregationKind' }],
    ['version: ', 'version: 1.0', { code: 'RULE_BAD_FIELD', line: 37, column: 10, field: 'version' }],
    ['kind: ', 'kind: Fusion', { code: 'RULE_BAD_FIELD', line: 38, column: 7, field: 'kind' }],
  ])('%s -> %s is an error at its field', (from, to, expected) => {
    const { errors } = check(withLine(from, to));
    // The first error is the field's own (an unknown identifier also leaves its entity without a required one).
    expect(errors.map(brief)[0]).toEqual(expected);
    expect(errors.length).toBeLessThanOrEqual(2);
  });

  it('queryPeriod shorter than queryFrequency, and a long period with a short frequency', () => {
    const short = check(withLine('queryFrequency: ', 'queryFrequency: 2d').replace('queryPeriod: 1d', 'queryPeriod: 1d'));
    expect(short.errors.map((p) => p.message)).toEqual([expect.stringMatching(/queryPeriod '1d' is shorter than queryFrequency '2d'/)]);
    const long = check(withLine('queryFrequency: ', 'queryFrequency: 30m').replace('queryPeriod: 1d', 'queryPeriod: 2d'));
    expect(long.errors.map(brief)).toEqual([{ code: 'RULE_BAD_FIELD', line: 10, column: 17, field: 'queryFrequency' }]);
  });

  it('an entity mapping naming a column the query does not return: an error with a did-you-mean, or the columns', () => {
    const typo = check(withLine('        columnName: UserPrincipalName', '        columnName: UserPrincipleName'));
    expect(typo.errors.map(brief)).toEqual([{ code: 'RULE_UNKNOWN_COLUMN', line: 26, column: 21, field: 'entityMappings[0].fieldMappings[0].columnName' }]);
    expect(typo.errors[0].message).toBe(
      "entityMappings[0].fieldMappings[0].columnName 'UserPrincipleName' is not a column of the query's result (did you mean 'UserPrincipalName'?)",
    );
    const absent = check(withLine('        columnName: IPAddress', '        columnName: DeviceName'));
    expect(absent.errors[0].message).toBe(
      "entityMappings[1].fieldMappings[0].columnName 'DeviceName' is not a column of the query's result (it returns UserPrincipalName, IPAddress, Failures)",
    );
  });

  it('a column that differs only in case is a warning (published rules do it)', () => {
    const r = check(withLine('        columnName: IPAddress', '        columnName: IpAddress'));
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(brief)).toEqual([{ code: 'RULE_UNKNOWN_COLUMN', line: 30, column: 21, field: 'entityMappings[1].fieldMappings[0].columnName' }]);
  });

  it('customDetails values and alertDetailsOverride placeholders must be result columns', () => {
    const r = check(VALID.replace('FailureCount: Failures', 'FailureCount: Failed').replace('{{IPAddress}}', '{{SourceIP}}'));
    expect(r.errors.map(brief)).toEqual([
      { code: 'RULE_UNKNOWN_COLUMN', line: 32, column: 17, field: 'customDetails.FailureCount' },
      { code: 'RULE_UNKNOWN_COLUMN', line: 34, column: 27, field: 'alertDetailsOverride.alertDisplayNameFormat' },
    ]);
    expect(r.errors[1].message).toMatch(/'SourceIP' is not a column/);
  });

  it("Sentinel's limits: 10 entity mappings, 3 identifiers, 20 custom details, 3 placeholders", () => {
    const ips = Array.from({ length: 11 }, () => '  - entityType: IP\n    fieldMappings:\n      - identifier: Address\n        columnName: IPAddress').join('\n');
    const many = check(VALID.replace(/entityMappings:\n[\s\S]*?\ncustomDetails:/, `entityMappings:\n${ips}\ncustomDetails:`));
    expect(many.errors.map((p) => [p.code, p.field])).toEqual([['RULE_TOO_MANY', 'entityMappings']]);
    const details = Array.from({ length: 21 }, (_, i) => `  D${i}: Failures`).join('\n');
    expect(check(VALID.replace('  FailureCount: Failures', details)).errors.map((p) => p.code)).toEqual(['RULE_TOO_MANY']);
    const four = check(VALID.replace('from {{IPAddress}}', '{{IPAddress}} {{Failures}} {{IPAddress}}'));
    expect(four.errors.map((p) => p.code)).toEqual(['RULE_TOO_MANY']);
    const identifiers = check(
      withLine('        columnName: UserPrincipalName', '        columnName: UserPrincipalName\n      - identifier: Name\n        columnName: UserPrincipalName\n      - identifier: UPNSuffix\n        columnName: UserPrincipalName\n      - identifier: NTDomain\n        columnName: UserPrincipalName'),
    );
    expect(identifiers.errors.map((p) => [p.code, p.field])).toEqual([['RULE_TOO_MANY', 'entityMappings[0].fieldMappings']]);
  });

  it('an entity without the identifiers it needs, and an identifier mapped twice', () => {
    const hash = VALID.replace('  - entityType: IP\n    fieldMappings:\n      - identifier: Address', '  - entityType: FileHash\n    fieldMappings:\n      - identifier: Value');
    expect(check(hash).errors.map((p) => p.message)).toEqual(['entityMappings[1] (FileHash) must map Algorithm + Value']);
    const twice = withLine('        columnName: UserPrincipalName', '        columnName: UserPrincipalName\n      - identifier: FullName\n        columnName: IPAddress');
    expect(check(twice).errors.map((p) => p.message)).toEqual(["identifier 'FullName' is mapped twice in entityMappings[0]"]);
  });

  it('missing required fields: errors with kind, one warning with id only, nothing for a bare query', () => {
    const full = check('kind: Scheduled\nquery: SigninLogs | take 1\n');
    expect(full.errors.map((p) => [p.code, p.field, p.line, p.column])).toEqual(
      ['id', 'name', 'description', 'severity', 'requiredDataConnectors', 'queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold'].map((f) => ['RULE_MISSING_FIELD', f, 1, 1]),
    );
    const nrt = check('kind: NRT\nquery: SigninLogs | take 1\n');
    expect(nrt.errors.map((p) => p.field)).toEqual(['id', 'name', 'description', 'severity', 'requiredDataConnectors']);
    const draft = check('id: 0f5a5c1e-1111-4c4c-9d9d-000000000001\nname: x\nquery: SigninLogs | take 1\n');
    expect(draft.errors).toEqual([]);
    expect(draft.warnings.map((p) => p.message)).toEqual([
      "The rule has no 'kind', 'description', 'severity', 'requiredDataConnectors', 'queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold': Sentinel requires them in a Scheduled rule",
    ]);
    expect(check('query: SigninLogs | take 1\n')).toEqual({ errors: [], warnings: [] });
    expect(validateRule(parseRule('query: SigninLogs | take 1\n'), { requireFields: true }).errors).toHaveLength(10);
  });

  it("the repository's conventions are warnings: no tactics, entity mappings or version; a duration in another form", () => {
    const r = check(VALID.replace(/entityMappings:\n[\s\S]*?\ncustomDetails:/, 'customDetails:').replace('version: 1.0.0\n', '').replace('queryPeriod: 1d', 'queryPeriod: PT24H').replace('tactics:\n  - CredentialAccess\nrelevantTechniques:\n  - T1110.001\n', ''));
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((p) => [p.code, p.field])).toEqual([
      ['RULE_STYLE', 'queryPeriod'],
      ['RULE_STYLE', 'tactics'],
      ['RULE_STYLE', 'entityMappings'],
      ['RULE_STYLE', 'version'],
    ]);
  });

  it('techniques without tactics are an error (the CI wants each technique\'s tactic)', () => {
    const r = check(VALID.replace('tactics:\n  - CredentialAccess\n', ''));
    expect(r.errors.map((p) => [p.code, p.field])).toEqual([['RULE_BAD_FIELD', 'relevantTechniques']]);
  });

  it('without columns, column names are not checked; a rule built in code has no positions (line 1, column 1)', () => {
    const rule = parseRule(VALID.replace('columnName: IPAddress', 'columnName: Nope'));
    expect(validateRule(rule).errors).toEqual([]);
    const built = validateRule({ query: 'T', severity: 'Severe' });
    expect(built.errors.map(brief)).toEqual([{ code: 'RULE_BAD_FIELD', line: 1, column: 1, field: 'severity' }]);
  });

  it('odd shapes are problems, never a crash', () => {
    const odd = [
      'entityMappings: 5',
      'entityMappings: []',
      'entityMappings: [7, { entityType: 3 }, { entityType: Account, fieldMappings: [null, { identifier: [1], columnName: { a: 1 } }] }]',
      'customDetails: [a, b]',
      'customDetails: { __proto__: x, constructor: y }',
      'alertDetailsOverride: { alertDisplayNameFormat: 5, alertDescriptionFormat: "" }',
      'eventGroupingSettings: 5',
      'requiredDataConnectors: { a: 1 }',
      'requiredDataConnectors: [5, { connectorId: x, dataTypes: 5 }]',
      'kind: constructor',
      'kind: __proto__',
      'incidentConfiguration: { groupingConfiguration: { matchingMethod: Some, groupByEntities: [Nope], groupByCustomDetails: [k], lookbackDuration: forever } }',
    ];
    for (const line of odd) {
      const r = check(`${line}\nquery: print a = 1\n`);
      expect(r.errors.length, line).toBeGreaterThan(0);
      for (const p of r.errors) {
        expect(p.line, line).toBe(1);
        expect(p.message, line).not.toMatch(/could not be checked/);
      }
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
