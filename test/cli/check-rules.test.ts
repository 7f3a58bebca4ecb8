/** `mini-kql check` on rule files: Sentinel's and its CI's rule checks, and --schema files and directories. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtures as F, hasStack, repoRoot } from './run-cli.js';

const S = `${F}/schemas`;

describe.concurrent('mini-kql check: rule files', () => {
  it('an entity mapping naming a column the query does not return: file:line:col CODE message, exit 1', async () => {
    const r = await cli('check', `${S}/contoso-rule.yaml`, '--schema', `${S}/custom-tables`);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${S}/contoso-rule.yaml:31:21  RULE_UNKNOWN_COLUMN  entityMappings[1].fieldMappings[0].columnName 'SrcAddress' is not a column of the query's result (it returns UserName_s, SrcIp_s, Failures)`,
    ]);
    expect(hasStack(r.stdout + r.stderr)).toBe(false);
  });

  it('a clean rule: ok with its columns, exit 0; a directory with a summary', async () => {
    const one = await cli('check', `${S}/good/contoso-rule.yaml`, '--schema', `${S}/custom-tables`);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('contoso-rule.yaml: ok, the result has 3 columns:');
    const dir = await cli('check', `${S}/good`, `${S}/contoso-rule.yaml`, '--schema', `${S}/custom-tables/more`);
    expect(dir.code).toBe(1);
    expect(dir.stdout.trimEnd().split('\n').at(-1)).toBe('2 files checked: 1 clean, 1 with errors');
  });

  it('missing fields: warnings for a rule with id but no kind (exit 0), errors with kind (exit 1); --strict fails on warnings', async () => {
    const draft = await cli('check', `${F}/logins-rule.yaml`, '--schema', `${F}/logins.schema.json`);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain(
      `${F}/logins-rule.yaml:1:1  warning  The rule has no 'kind', 'description', 'requiredDataConnectors': Sentinel requires them in a Scheduled rule`,
    );
    const strict = await cli('check', `${F}/logins-rule.yaml`, '--schema', `${F}/logins.schema.json`, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).not.toContain(': ok,');
    const full = await cli('check', `${F}/bad/incomplete-rule.yaml`);
    expect(full.code).toBe(1);
    const R = `${F}/bad/incomplete-rule.yaml`;
    expect(full.stdout.trimEnd().split('\n')).toEqual([
      `${R}:1:1  RULE_MISSING_FIELD  The rule has no 'id': Sentinel requires it in a Scheduled rule`,
      `${R}:1:1  RULE_MISSING_FIELD  The rule has no 'description': Sentinel requires it in a Scheduled rule`,
      `${R}:1:1  RULE_MISSING_FIELD  The rule has no 'requiredDataConnectors': Sentinel requires it in a Scheduled rule`,
      `${R}:1:1  warning  The rule has no 'tactics': the Azure-Sentinel repository expects the MITRE ATT&CK tactics it detects`,
      `${R}:1:1  warning  The rule has no 'entityMappings': the Azure-Sentinel repository expects entity mappings (Account, Host, IP, ...) for investigation`,
      `${R}:1:1  warning  The rule has no 'version': the Azure-Sentinel repository expects a template version (1.0.0)`,
      `${R}:3:11  RULE_BAD_FIELD  severity 'Severe' is not one of Informational, Low, Medium, High`,
      `${R}:4:17  RULE_BAD_FIELD  queryFrequency '1m' is outside Sentinel's range: 5 minutes to 14 days`,
    ]);
  });

  it('a query that does not bind still gets its rule fields checked', async () => {
    const r = await cli('check', `${S}/contoso-rule.yaml`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/contoso-rule\.yaml:19:3 {2}SEM_UNKNOWN_TABLE/);
    // Without the result columns, the mapping's column is not checked.
    expect(r.stdout).not.toContain('RULE_UNKNOWN_COLUMN');
  });

  it('two rule files with one id: an error on the second', async () => {
    const r = await cli('check', `${F}/logins-rule.yaml`, `${F}/check-dir/sub/rule.yaml`, '--schema', `${F}/logins.schema.json`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${F}/check-dir/sub/rule.yaml:1:5  RULE_BAD_FIELD  id '0f5a5c1e-1111-4c4c-9d9d-000000000001' is also the id of ${F}/logins-rule.yaml: each rule needs its own`);
  });

  it('a bare .kql file gets no rule checks', async () => {
    const r = await cli('check', `${F}/logins.kql`, '--schema', `${F}/logins.schema.json`, '--strict');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/warning|RULE_/);
  });
});

describe.concurrent('--schema files and directories', () => {
  it('check and run read a directory of Azure-Sentinel custom table files, and repeated --schema', async () => {
    const r = await cli('check', `${F}/schemas/query.kql`, '--schema', `${S}/custom-tables`, '--schema', `${S}/record-form.json`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}Door\s+int$/m);
    const run = await cli('run', `${F}/schemas/query.kql`, '--schema', `${S}/custom-tables`, '--schema', `${S}/record-form.json`,
      '--table', `ContosoApp_CL=${S}/contoso.csv`, '--table', `Badges=${S}/badges.csv`, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      columns: [{ name: 'Door', type: 'int' }, { name: 'Attempts_d', type: 'real' }],
      rows: [{ Door: 7, Attempts_d: 3 }],
    });
  });

  it('a bad schema file: one line naming it, exit 1', async () => {
    const r = await cli('check', `${F}/logins.kql`, '--schema', `${F}/logins.csv`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/logins\.csv: malformed JSON/);
    expect(hasStack(r.stderr)).toBe(false);
  });
});


/** The published rules beside the checkout (../shared), or beside a worktree's parent; absent in some CI set-ups. */
const CORPUS = ['../shared', '../../shared'].map((p) => resolve(repoRoot, p, 'corpus/sentinel/rules')).find((p) => existsSync(p)) ?? '';

describe.skipIf(CORPUS === '')('the published Sentinel rules (../shared, when present)', () => {
  it('check runs over every rule without a crash, and most are clean', async () => {
    const r = await cli('check', CORPUS);
    expect(hasStack(r.stdout + r.stderr)).toBe(false);
    const m = /(\d+) files checked: (\d+) clean, (\d+) with errors/.exec(r.stdout);
    expect(m).not.toBeNull();
    const [, total, clean] = m!.map(Number);
    expect(total).toBeGreaterThan(1000);
    expect(clean / total).toBeGreaterThan(0.9);
  }, 240_000);
});
