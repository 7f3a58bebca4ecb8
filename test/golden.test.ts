/**
 * Golden runner: every queries/<dir>/ holding a .kql file (rule.kql or query.kql) and expected.json
 * is run with its data/*.json tables and its `now`, and must give exactly the expected result.
 * Expected results are worked out by hand (queries/<dir>/README.md or the "source" field of
 * expected.json), never produced by this engine.
 *
 * Comparison: columns exactly (names, Kusto types, order); rows as a multiset unless the case says
 * "ordered": true (query ends in sort/top); datetime compared as ISO instants; dynamic values
 * compared deeply, and arrays in "unorderedArrayColumns" (make_set results, whose order Kusto leaves
 * undefined) compared as sets.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runKql } from '../src/index.js';
import { canonicalJson, loadGoldenCases, normalizeCell, normalizeRows, sortRows, type GoldenCase } from './golden/compare.js';

const QUERIES = join(dirname(fileURLToPath(import.meta.url)), '..', 'queries');
const cases = loadGoldenCases(QUERIES);

type Row = Record<string, unknown>;
interface Result {
  columns: { name: string; type: string }[];
  rows: Row[];
}

function run(c: GoldenCase): Result {
  const r = runKql(c.query, c.tables as never, { now: c.now });
  return { columns: r.columns.map((col: { name: string; type: string }) => ({ name: col.name, type: col.type })), rows: r.rows as Row[] };
}

describe('golden cases under queries/', () => {
  test('the golden cases are found', () => {
    expect(cases.map((c) => c.name)).toContain('suspicious-vm-creation');
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    test(`${c.name}: result equals expected.json`, () => {
      const exp = c.expected;
      const got = run(c);
      expect(got.columns).toEqual(exp.columns);
      const unordered = exp.unorderedArrayColumns ?? [];
      const gotRows = normalizeRows(got.rows, exp.columns, unordered);
      const expRows = normalizeRows(exp.rows, exp.columns, unordered);
      if (exp.ordered) expect(gotRows).toEqual(expRows);
      else expect(sortRows(gotRows)).toEqual(sortRows(expRows));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Targeted checks on the seed rule: each names one behaviour, so a failure says what broke.
// (They duplicate parts of the golden comparison on purpose.)
// ---------------------------------------------------------------------------------------------
describe('suspicious-vm-creation: targeted checks', () => {
  const c = cases.find((x) => x.name === 'suspicious-vm-creation')!;
  let cached: Result | undefined;
  const result = (): Result => (cached ??= run(c));
  const rows = (): Row[] => result().rows;
  const byUpn = (upn: string) => rows().filter((r) => r.AccountUPN === upn);
  const ips = (): unknown[] => rows().flatMap((r) => [r.EntityIp, r.GCPUserIp]);
  const ids = (): unknown[] => rows().flatMap((r) => [r.AccountObjectId, r.AccountObjectId1]);

  test('ten result rows', () => {
    expect(rows()).toHaveLength(10);
  });

  test('27 columns, ending AccountObjectId1, AccountUPN, JobTitle, TimeDiff, Name, UPNSuffix', () => {
    const names = result().columns.map((x) => x.name);
    expect(names).toHaveLength(27);
    expect(names.slice(-6)).toEqual(['AccountObjectId1', 'AccountUPN', 'JobTitle', 'TimeDiff', 'Name', 'UPNSuffix']);
  });

  test('the attack: one row for alice (duplicate IdentityInfo rows collapse under distinct; the GCP "last" log entry without Response drops)', () => {
    const r = byUpn('alice@contoso.com');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      EntityIp: '203.0.113.45',
      GCPUserIp: '203.0.113.45',
      VMName: 'mining-node-01',
      VMType: 'e2-medium',
      VMStatus: 'RUNNING',
      VMOperation: 'insert',
      JobTitle: 'Cloud Platform Engineer',
      TimeDiff: 0,
      Name: 'alice',
      UPNSuffix: 'contoso.com',
    });
    expect(normalizeCell(r[0]!.AlertTime, 'datetime', false)).toBe('2024-05-01T00:00:00.000Z');
    expect(normalizeCell(r[0]!.GCPOperationTime, 'datetime', false)).toBe('2024-05-01T09:02:11.000Z');
  });

  test('AlertSeverity has_any: the Low and the Informational alerts never appear', () => {
    expect(ips()).not.toContain('198.51.100.10'); // Low
    expect(ips()).not.toContain('198.51.100.11'); // Informational
    expect(rows().map((r) => String(r.AlertSeverity).toLowerCase())).not.toContain('low');
  });

  test('has_any is case-insensitive: the alert with severity "high" (lowercase) is kept', () => {
    const r = byUpn('rupert@contoso.com');
    expect(r).toHaveLength(1);
    expect(r[0]!.AlertSeverity).toBe('high');
  });

  test('ProductName in (...) is case-sensitive and exact: "Microsoft Defender for Cloud" and "Microsoft 365 defender" are dropped', () => {
    expect(ips()).not.toContain('198.51.100.20');
    expect(ips()).not.toContain('198.51.100.21');
    expect(rows().map((r) => r.ProductName)).not.toContain('Microsoft 365 defender');
  });

  test('mv-apply drops alerts with no ip entity (frank) and with no account entity (198.51.100.40)', () => {
    expect(ids()).not.toContain('d4b1f7e2-3c8a-4e9d-b5f6-0a2c7e1d9b48'); // frank: ip only inside the host entity
    expect(ips()).not.toContain('198.51.100.30');
    expect(ips()).not.toContain('198.51.100.40');
  });

  test('isnotempty(EntityIp) drops the ip entity with an empty Address (heidi)', () => {
    expect(ids()).not.toContain('f6a2d8b4-7e1c-4a3f-9b5d-2c8e0f4a6d13');
    expect(rows().map((r) => r.EntityIp)).not.toContain('');
  });

  test('GCP side: only instances.insert by users from a real caller IP', () => {
    expect(ips()).not.toContain('198.51.100.60'); // instances.delete and disks.insert only
    expect(ips()).not.toContain('198.51.100.70'); // service account principal
    expect(rows().map((r) => r.GCPUserUPN).filter((u) => String(u).includes('gserviceaccount.com'))).toEqual([]);
    expect(ips()).not.toContain('private'); // callerIp "private"
    expect(ips()).not.toContain('');
    for (const r of rows()) expect(String(r.MethodName)).toMatch(/instances\.insert$/);
  });

  test('the join with IdentityInfo drops the account with no identity row (mallory)', () => {
    expect(ips()).not.toContain('198.51.100.90');
    expect(ids()).not.toContain('e9c3a7f1-2d6b-4a8e-b4f2-7c5d1e0a3b96');
  });

  test('two same-day alerts merge: one group whose SystemAlertIds has both ids; the next-day alert is its own group', () => {
    const nina = byUpn('nina@contoso.com');
    expect(nina).toHaveLength(2);
    const day = (r: Row) => normalizeCell(r.AlertTime, 'datetime', false);
    const apr30 = nina.find((r) => day(r) === '2024-04-30T00:00:00.000Z')!;
    const may1 = nina.find((r) => day(r) === '2024-05-01T00:00:00.000Z')!;
    expect(apr30).toBeDefined();
    expect(may1).toBeDefined();
    expect([...(apr30.SystemAlertIds as string[])].sort()).toEqual([
      '5c6d7e8f-1111-4a2b-9c3d-4e5f6a7b8c01',
      '5c6d7e8f-2222-4a2b-9c3d-4e5f6a7b8c02',
    ]);
    expect(may1.SystemAlertIds).toEqual(['5c6d7e8f-3333-4a2b-9c3d-4e5f6a7b8c03']);
    // identical account entities in both alerts: make_set keeps one
    expect(apr30.Entitys as unknown[]).toHaveLength(1);
  });

  test('datetime_diff("day", AlertTime, GCPOperationTime) counts calendar days and is signed', () => {
    const nina = byUpn('nina@contoso.com');
    const day = (r: Row) => normalizeCell(r.AlertTime, 'datetime', false);
    expect(nina.find((r) => day(r) === '2024-04-30T00:00:00.000Z')!.TimeDiff).toBe(-1); // GCP op 2024-05-01 02:30
    expect(nina.find((r) => day(r) === '2024-05-01T00:00:00.000Z')!.TimeDiff).toBe(0);
    // alert day 2024-05-01 00:00 vs GCP op 2024-04-30 22:10: only 1h50m apart, but one day boundary
    for (const r of byUpn('peggy@contoso.com')) expect(r.TimeDiff).toBe(1);
  });

  test('the alert with two ip entities yields two rows, one per IP, each joined to its own GCP insert', () => {
    const oscar = byUpn('oscar@contoso.com');
    expect(oscar).toHaveLength(2);
    expect(oscar.map((r) => `${r.EntityIp} ${r.VMName}`).sort()).toEqual(['192.0.2.10 oscar-test-a', '192.0.2.11 oscar-test-b']);
  });

  test('Name and UPNSuffix come from split(GCPUserUPN, "@"), not from the alert account', () => {
    const r = rows().find((x) => x.EntityIp === '192.0.2.11')!;
    expect(r.GCPUserUPN).toBe('oscar.admin@contoso-cloud.dev');
    expect(r.Name).toBe('oscar.admin');
    expect(r.UPNSuffix).toBe('contoso-cloud.dev');
    expect(r.AccountUPN).toBe('oscar@contoso.com');
  });

  test('VMType is the last "/" segment of Request.machineType, also for a full URL', () => {
    const nina = byUpn('nina@contoso.com');
    for (const r of nina) expect(r.VMType).toBe('n1-standard-8');
  });

  test('Tactics is part of the group key: two alerts differing only in Tactics give two rows (and join kind=inner keeps both)', () => {
    const peggy = byUpn('peggy@contoso.com');
    expect(peggy.map((r) => r.Tactics).sort()).toEqual(['Persistence', 'Persistence, DefenseEvasion']);
    expect(new Set(peggy.map((r) => r.VMName))).toEqual(new Set(['peggy-jumpbox']));
  });

  test('distinct keeps two IdentityInfo rows for one account with two job titles: two output rows', () => {
    expect(byUpn('quinn@contoso.com').map((r) => r.JobTitle).sort()).toEqual(['Data Analyst', 'Senior Data Analyst']);
  });

  test('Entitys holds the account entity objects (the second mv-apply re-binds Entity), with their "$id" keys', () => {
    for (const r of rows()) {
      const ents = r.Entitys as Record<string, unknown>[];
      expect(Array.isArray(ents)).toBe(true);
      expect(ents.length).toBeGreaterThan(0);
      for (const e of ents) {
        expect(e.Type).toBe('account');
        expect(e.AadUserId).toBe(r.AccountObjectId);
        expect(e).toHaveProperty('$id', '2');
      }
    }
  });

  test('AccountObjectId1 is the right-side copy of the join key and equals AccountObjectId', () => {
    for (const r of rows()) expect(r.AccountObjectId1).toBe(r.AccountObjectId);
  });

  test('dynamic cells are plain JSON (Name is a JSON string, SystemAlertIds an array)', () => {
    for (const r of rows()) {
      expect(typeof r.Name).toBe('string');
      expect(Array.isArray(r.SystemAlertIds)).toBe(true);
      expect(canonicalJson(r.Entitys)).toBe(JSON.stringify(JSON.parse(canonicalJson(r.Entitys))));
    }
  });
});
