import { describe, expect, test } from 'vitest';
import { builtinTableNames, getBuiltinSchema } from '../src/schemas/index.js';
import { KQL_TYPES } from '../src/runtime/types.js';
import { analyzeKql, runKql } from '../src/index.js';

// Expected values read by hand from ../shared/schemas/sentinel/*.json (the
// generator's source), not from our own output.
describe('built-in schemas', () => {
  test('the 23 curated tables and the catalog tables are present, including the seed rule tables', () => {
    const names = builtinTableNames();
    // 698 docs tables + 196 KQL-validation tables, 16 names in both: 878 distinct names; the 23
    // curated tables are all among them.
    expect(names).toHaveLength(878);
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

  // From _sources/azure_monitor_reference_tables.json (docs order: alphabetical, _-prefixed names sorted as if unprefixed).
  test('docs-catalog tables: counts, first and last columns, types', () => {
    const syslog = getBuiltinSchema('Syslog')!;
    expect(syslog).toHaveLength(17);
    expect(syslog[0]).toEqual({ name: '_BilledSize', type: 'real' });
    expect(syslog.at(-1)).toEqual({ name: 'Type', type: 'string' });
    expect(syslog.find((c) => c.name === 'ProcessID')?.type).toBe('int');
    expect(syslog.find((c) => c.name === 'SyslogMessage')?.type).toBe('string');

    const hb = getBuiltinSchema('Heartbeat')!;
    expect(hb).toHaveLength(31);
    expect(hb.at(-1)).toEqual({ name: 'VMUUID', type: 'string' });
    expect(hb.find((c) => c.name === 'ComputerIP')?.type).toBe('string');

    expect(getBuiltinSchema('AACAudit')).toHaveLength(19);
    expect(getBuiltinSchema('DnsEvents')).toHaveLength(26);
    const inc = getBuiltinSchema('SecurityIncident')!;
    expect(inc).toHaveLength(33);
    expect(inc[0]).toEqual({ name: 'AdditionalData', type: 'dynamic' });
    expect(inc.find((c) => c.name === 'Comments')?.type).toBe('dynamic');
  });

  // From _sources/kqlvalidation_customtables_2022.json, and merged with the docs where both have the table.
  test('KQL-validation tables: clean-up and merging', () => {
    // In both catalogs: the 2022 file's order (TenantId, TimeGenerated, EventCount, ...), docs types,
    // docs-only columns appended: 72 columns in 2022, 140 in the docs, 141 together.
    const dns = getBuiltinSchema('ASimDnsActivityLogs')!;
    expect(dns).toHaveLength(141);
    expect(dns.slice(0, 3).map((c) => c.name)).toEqual(['TenantId', 'TimeGenerated', 'EventCount']);
    expect(dns.find((c) => c.name === 'DnsFlagsZ')?.type).toBe('bool'); // 'sbyte' in 2022, bool in the docs
    expect(dns.find((c) => c.name === '_BilledSize')).toEqual({ name: '_BilledSize', type: 'real' });
    expect(getBuiltinSchema('AADServicePrincipalSignInLogs')).toHaveLength(35); // 30 in 2022 + 5 docs-only

    // Only in the 2022 file: 'sbyte' is bool, 'date/time' is datetime, repeated names keep the first.
    const dt = getBuiltinSchema('darktrace_model_alerts_CL')!;
    expect(dt).toHaveLength(76); // 77 entries, one name repeated
    expect(dt[0]).toEqual({ name: 'dtProduct_s', type: 'string' });
    expect(dt.find((c) => c.name === 'timestamp_t')?.type).toBe('datetime');
    expect(getBuiltinSchema('AzureNetworkAnalytics_CL')!.find((c) => c.name === 'BGPEnabled_b')?.type).toBe('bool');

    // Names are trimmed and lose a CSV-export ' [UTC]' suffix.
    expect(getBuiltinSchema('GSuite_ReportsAPI_login_CL')).toHaveLength(17);
    expect(getBuiltinSchema('GSuite_ReportsAPI_login_CL ')).toBeUndefined();
    expect(getBuiltinSchema('Bitglass_CL')!.find((c) => c.name === 'patterns_s')?.type).toBe('string');
    const duo = getBuiltinSchema('CiscoDuo_CL')!;
    expect(duo.find((c) => c.name === 'surfaced_auth_isotimestamp_t')?.type).toBe('string');
    expect(duo.some((c) => c.name.includes('[UTC]'))).toBe(false);
  });

  test('curated files win over the catalogs', () => {
    // The docs list SecurityAlert alphabetically starting with _BilledSize; the curated file starts with TenantId.
    expect(getBuiltinSchema('SecurityAlert')![0]!.name).toBe('TenantId');
    expect(getBuiltinSchema('IdentityInfo')).toHaveLength(57);
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

describe('caller-supplied schemas', () => {
  const NOW = '2024-05-02T00:00:00Z';
  const mine = [
    { name: 'Ip', type: 'string' as const },
    { name: 'Seen', type: 'datetime' as const },
  ];

  test('runKql: options.schemas types a table given as plain rows', () => {
    const r = runKql('MyTable | where Seen > ago(1d) | project Ip, Seen', { MyTable: [{ Ip: '10.0.0.1', Seen: '2024-05-01T12:00:00Z' }, { Ip: '10.0.0.2', Seen: '2024-04-01T00:00:00Z' }] }, { now: NOW, schemas: { MyTable: mine } });
    expect(r.columns).toEqual(mine);
    expect(r.rows).toEqual([{ Ip: '10.0.0.1', Seen: new Date('2024-05-01T12:00:00Z') }]);
  });

  test('runKql: options.schemas overrides a built-in schema; { schema, rows } overrides both', () => {
    const rows = [{ AlertName: 'a', Extra: 5 }];
    const viaOption = runKql('SecurityAlert', { SecurityAlert: rows }, { now: NOW, schemas: { SecurityAlert: [{ name: 'AlertName', type: 'string' }, { name: 'Extra', type: 'long' }] } });
    expect(viaOption.columns).toEqual([{ name: 'AlertName', type: 'string' }, { name: 'Extra', type: 'long' }]);
    expect(viaOption.rows).toEqual([{ AlertName: 'a', Extra: 5 }]);

    const viaTable = runKql('SecurityAlert', { SecurityAlert: { schema: [{ name: 'Extra', type: 'string' }], rows } }, { now: NOW, schemas: { SecurityAlert: mine } });
    expect(viaTable.columns).toEqual([{ name: 'Extra', type: 'string' }]);
    expect(viaTable.rows).toEqual([{ Extra: '5' }]);

    // Without options.schemas the built-in schema applies (37 columns).
    expect(runKql('SecurityAlert', { SecurityAlert: rows }, { now: NOW }).columns).toHaveLength(37);
  });

  test('analyzeKql: options.schemas first, then built-ins (including catalog tables)', () => {
    expect(analyzeKql('MyTable | project Seen', { schemas: { MyTable: mine } }).columns).toEqual([{ name: 'Seen', type: 'datetime' }]);
    expect(analyzeKql('Syslog | project ProcessID, SyslogMessage').columns).toEqual([
      { name: 'ProcessID', type: 'int' },
      { name: 'SyslogMessage', type: 'string' },
    ]);
    expect(() => analyzeKql('Syslog | project ProcessID', { schemas: { Syslog: mine } })).toThrow(/ProcessID/);
  });

  test('an invalid caller schema is a KqlError', () => {
    expect(() => runKql('T', { T: [] }, { schemas: { T: [{ name: 'a', type: 'text' as never }] } })).toThrow(/schema of table 'T'/);
  });
});
