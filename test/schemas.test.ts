import { describe, expect, test } from 'vitest';
import { builtinTableNames, getBuiltinSchema } from '../src/schemas/index.js';
import { KQL_TYPES } from '../src/runtime/types.js';

// Expected values read by hand from ../shared/schemas/sentinel/*.json (the
// generator's source), not from our own output.
describe('built-in schemas', () => {
  test('the 23 curated tables are present, including the seed rule tables', () => {
    const names = builtinTableNames();
    expect(names).toHaveLength(23);
    for (const t of ['SecurityAlert', 'GCPAuditLogs', 'IdentityInfo', 'SigninLogs', 'AuditLogs', 'AzureActivity',
      'SecurityEvent', 'CommonSecurityLog', 'OfficeActivity', 'DeviceProcessEvents', 'afad_parser', 'AzureDiagnostics']) {
      expect(names).toContain(t);
    }
    expect([...names].sort()).toEqual(names);
  });

  test.each([
    ['SecurityAlert', 37],
    ['GCPAuditLogs', 29],
    ['IdentityInfo', 57], // index.json says 58; the file has 57 (UACFlags de-duplicated)
    ['SigninLogs', 78],
    ['SecurityEvent', 237],
    ['AzureDiagnostics', 257],
    ['CommonSecurityLog', 164],
    ['afad_parser', 19],
  ])('%s has %i columns', (table, count) => {
    expect(getBuiltinSchema(table)).toHaveLength(count);
  });

  test('column order and types follow the source files', () => {
    const alert = getBuiltinSchema('SecurityAlert')!;
    expect(alert.slice(0, 4)).toEqual([
      { name: 'TenantId', type: 'string' },
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'DisplayName', type: 'string' },
      { name: 'AlertName', type: 'string' },
    ]);
    expect(alert.at(-1)).toEqual({ name: 'Type', type: 'string' });
    expect(alert.find((c) => c.name === 'Entities')).toEqual({ name: 'Entities', type: 'string' });
    expect(alert.find((c) => c.name === 'ConfidenceScore')).toEqual({ name: 'ConfidenceScore', type: 'real' });
    expect(alert.find((c) => c.name === 'IsIncident')).toEqual({ name: 'IsIncident', type: 'bool' });

    const gcp = getBuiltinSchema('GCPAuditLogs')!;
    expect(gcp[0]).toEqual({ name: 'AuthenticationInfo', type: 'dynamic' });
    expect(gcp.at(-1)).toEqual({ name: 'Type', type: 'string' });
    expect(gcp.find((c) => c.name === 'RequestMetadata')?.type).toBe('dynamic');
    expect(gcp.find((c) => c.name === 'MethodName')?.type).toBe('string');

    const id = getBuiltinSchema('IdentityInfo')!;
    expect(id[0]).toEqual({ name: 'TimeGenerated', type: 'datetime' });
    expect(id.map((c) => c.name).slice(1, 6)).toEqual(['AccountName', 'AccountDomain', 'AccountUPN', 'AccountSID', 'AccountObjectId']);
    expect(id.at(-1)).toEqual({ name: 'UserAccountControl', type: 'dynamic' });
    expect(id.find((c) => c.name === 'JobTitle')?.type).toBe('string');

    expect(getBuiltinSchema('SecurityEvent')!.at(-1)).toEqual({ name: 'Version', type: 'int' });
    expect(getBuiltinSchema('AzureDiagnostics')!.find((c) => c.name === 'JobId_g')?.type).toBe('guid');
    expect(getBuiltinSchema('SigninLogs')!.find((c) => c.name === 'DurationMs')?.type).toBe('long');
  });

  test('every column has a known type and unique name', () => {
    for (const t of builtinTableNames()) {
      const cols = getBuiltinSchema(t)!;
      expect(new Set(cols.map((c) => c.name)).size).toBe(cols.length);
      for (const c of cols) expect(KQL_TYPES).toContain(c.type);
    }
  });

  test('lookup is exact-case and ignores Object.prototype names', () => {
    expect(getBuiltinSchema('securityalert')).toBeUndefined();
    expect(getBuiltinSchema('NoSuchTable')).toBeUndefined();
    expect(getBuiltinSchema('constructor')).toBeUndefined();
    expect(getBuiltinSchema('__proto__')).toBeUndefined();
    expect(getBuiltinSchema('toString')).toBeUndefined();
  });

  test('callers get their own copy', () => {
    const a = getBuiltinSchema('GCPAuditLogs')!;
    a.pop();
    a[0]!.name = 'changed';
    const b = getBuiltinSchema('GCPAuditLogs')!;
    expect(b).toHaveLength(29);
    expect(b[0]!.name).toBe('AuthenticationInfo');
  });
});
