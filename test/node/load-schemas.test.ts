/** loadSchemas (mini-kql/node): schema files in three forms, and directories of them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import { loadSchemas } from '../../src/node/index.js';

const F = 'test/cli/fixtures/schemas';

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-schemas-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadSchemas', () => {
  it('reads { Table: [{ name, type }] } and { Table: { Col: type } } files', () => {
    expect(loadSchemas(`${F}/list-form.json`).Doors).toEqual([
      { name: 'Door', type: 'int' },
      { name: 'Building', type: 'string' },
    ]);
    expect(loadSchemas(`${F}/record-form.json`).Badges).toEqual([
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Person', type: 'string' },
      { name: 'Door', type: 'int' },
    ]);
  });

  it("reads the Azure-Sentinel KQL validation's custom table files, types in any case", () => {
    const s = loadSchemas(`${F}/custom-tables/more/ContosoApp_CL.json`);
    expect(Object.keys(s)).toEqual(['ContosoApp_CL']);
    expect(s.ContosoApp_CL.map((c) => `${c.name}:${c.type}`)).toEqual([
      'TimeGenerated:datetime', 'UserName_s:string', 'SrcIp_s:string', 'Attempts_d:real', 'Success_b:bool',
      'Count_l:long', 'Details_d:dynamic', 'SessionId_g:guid', 'Duration_t:timespan', 'Port_i:int',
    ]);
  });

  it('a directory: every .json file below it; several paths together', () => {
    const s = loadSchemas([`${F}/custom-tables`, `${F}/record-form.json`]);
    expect(Object.keys(s).sort()).toEqual(['Badges', 'ContosoApp_CL', 'DeviceNetworkEvents', 'GCPAuditLogs']);
    expect(s.GCPAuditLogs.find((c) => c.name === 'TimeGenerated')?.type).toBe('datetime');
    // The loaded schemas are options.schemas as they are.
    const { columns } = analyzeKql('ContosoApp_CL | join kind=inner Badges on $left.UserName_s == $right.Person | project Door, Attempts_d', { schemas: s });
    expect(columns).toEqual([{ name: 'Door', type: 'int' }, { name: 'Attempts_d', type: 'real' }]);
  });

  it('problems name the file: malformed JSON, an unknown type, a shape it cannot read, a table defined twice, a missing path', () => {
    expect(() => loadSchemas(tempFile('a.json', '{ "T": ['))).toThrow(/a\.json: malformed JSON/);
    expect(() => loadSchemas(tempFile('b.json', '{ "T": { "x": "strnig" } }'))).toThrow(/b\.json: table T, column x: unknown type "strnig"/);
    expect(() => loadSchemas(tempFile('c.json', '[1, 2]'))).toThrow(/c\.json: expected \{ "Table"/);
    expect(() => loadSchemas(tempFile('d.json', '{ "Name": "T", "Properties": [{ "Name": "x" }] }'))).toThrow(/d\.json: table T, column 1: expected \{ "Name": \.\.\., "Type": \.\.\. \}/);
    expect(() => loadSchemas(tempFile('e.json', '{ "T": 5 }'))).toThrow(/e\.json: table T: expected/);
    expect(() => loadSchemas([`${F}/record-form.json`, tempFile('f.json', '{ "Badges": { "a": "string" } }')])).toThrow(/f\.json: table Badges is also defined in .*record-form\.json/);
    expect(() => loadSchemas(`${F}/nope`)).toThrow(/nope: no such file or directory/);
  });

  it('table and column names from files are data: __proto__ and constructor are tables, nothing is polluted', () => {
    const s = loadSchemas(tempFile('p.json', '{ "__proto__": { "a": "string" }, "constructor": [{ "name": "b", "type": "long" }] }'));
    expect(Object.keys(s).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(s, '__proto__')?.value).toEqual([{ name: 'a', type: 'string' }]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});
