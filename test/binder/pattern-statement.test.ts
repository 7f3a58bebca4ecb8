/** `declare pattern` (pattern-statement.md): the docs' examples, the analyzer's schemas, and the not-declared error. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql, KqlSemanticError, KqlSyntaxError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const COUNTRY = `declare pattern country = (name:string)[state:string]
{
  ("USA").["New York"] = { print Capital = "Albany" };
  ("USA").["Washington"] = { print Capital = "Olympia" };
  ("Canada").["Alberta"] = { print Capital = "Edmonton" };
};
`;
const APP = `declare pattern App = (applicationId:string)[scope:string]
{
    ('a1').['Data']    = { range x from 1 to 5 step 1 | project App = "App #1", Data    = x };
    ('a1').['Metrics'] = { range x from 1 to 5 step 1 | project App = "App #1", Metrics = rand() };
    ('a2').['Data']    = { range x from 1 to 5 step 1 | project App = "App #2", Data    = 10 - x };
    ('a3').['Metrics'] = { range x from 1 to 5 step 1 | project App = "App #3", Metrics = rand() };
};
`;
const IP = `declare pattern map_ip_to_longlat = (address:string)
{
  ("10.10.10.10") = { print Lat=37.405992, Long=-122.078515 };
};
`;

function sameSchemaAsAnalyzer(q: string): void {
  const oracle = analyzeWithOracle(q);
  expect(oracle.errors, q).toEqual([]);
  expect(formatColumns(analyzeKql(q).columns), q).toBe(formatColumns(oracle.columns));
}

function notDeclared(q: string, reference: string): void {
  // The analyzer: KS188 "No pattern matches the specified arguments" (KS142 for the docs' ["*"]).
  expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
  let error: unknown;
  try {
    runKql(q, {});
  } catch (e) {
    error = e;
  }
  expect(error, q).toBeInstanceOf(KqlSemanticError);
  expect((error as Error).message).toContain(`One or more pattern references were not declared. Detected pattern references: [${JSON.stringify(reference)}]`);
}

describe('declare pattern', () => {
  it('docs: a simple pattern (country("Canada").Alberta)', () => {
    expect(runKql(`${COUNTRY}country("Canada").Alberta`, {}).rows).toEqual([{ Capital: 'Edmonton' }]);
    sameSchemaAsAnalyzer(`${COUNTRY}country("Canada").Alberta`);
  });
  it('docs: a scoped pattern, invoked twice in a union', () => {
    const q = `${APP}union App('a2').Data, App('a1').Metrics`;
    const r = runKql(q, {});
    expect(r.rows.map((row) => [row.App, row.Data])).toEqual([
      ['App #2', 9], ['App #2', 8], ['App #2', 7], ['App #2', 6], ['App #2', 5],
      ['App #1', null], ['App #1', null], ['App #1', null], ['App #1', null], ['App #1', null],
    ]);
    expect(r.rows.slice(5).every((row) => typeof row.Metrics === 'number' && row.Metrics >= 0 && row.Metrics < 1)).toBe(true);
    sameSchemaAsAnalyzer(q);
  });
  it('docs: normalization: every spelling of the path is the same invocation', () => {
    const q = `declare pattern app = (applicationId:string)[eventType:string]
{
    ("ApplicationX").["StopEvents"] = { print e = "StopEvent" };
    ("ApplicationX").["StartEvents"] = { print e = "StartEvent" };
};
union
  app("ApplicationX").StartEvents,
  app('ApplicationX').StartEvents,
  app("ApplicationX").['StartEvents'],
  app("ApplicationX").["StartEvents"]`;
    expect(runKql(q, {}).rows).toEqual(Array(4).fill({ e: 'StartEvent' }));
    sameSchemaAsAnalyzer(q);
  });
  it('docs: no wildcards: app("ApplicationX").["*"] is not declared', () => {
    notDeclared(`declare pattern app = (applicationId:string)[eventType:string]
{
    ("ApplicationX").["StopEvents"] = { print e = "StopEvent" };
    ("ApplicationX").["StartEvents"] = { print e = "StartEvent" };
};
union app("ApplicationX").["*"]
| count`, "app('ApplicationX').['*']");
  });
  it('docs: middle-tier: an empty declaration, then a definition without a path', () => {
    notDeclared('declare pattern map_ip_to_longlat;\nmap_ip_to_longlat("10.10.10.10")', "map_ip_to_longlat('10.10.10.10')");
    expect(runKql(`${IP}map_ip_to_longlat("10.10.10.10")`, {}).rows).toEqual([{ Lat: 37.405992, Long: -122.078515 }]);
    sameSchemaAsAnalyzer(`${IP}map_ip_to_longlat("10.10.10.10")`);
    notDeclared(`${IP}map_ip_to_longlat("10.10.10.11")`, "map_ip_to_longlat('10.10.10.11')");
  });
  it('unmatched values and paths are not declared', () => {
    notDeclared(`${COUNTRY}country("France").Paris`, "country('France').['Paris']");
    notDeclared(`${APP}App('a9').Data`, "App('a9').['Data']");
  });
  it('invocations compose with operators, joins, toscalar and lets', () => {
    for (const q of [
      `${COUNTRY}country('USA').['New York'] | extend x = 1`,
      `${APP}App('a1').Data | join (App('a1').Metrics) on App`,
      `${IP}print y = toscalar(map_ip_to_longlat("10.10.10.10") | project Lat)`,
      'declare pattern m = (a:string, b:string)\n{\n  ("x", "y") = { let z = 2; print v = z };\n};\nm("x", "y") | where v > 0',
    ]) sameSchemaAsAnalyzer(q);
    expect(runKql(`${APP}App('a1').Data | join (App('a2').Data) on App | count`, {}).rows).toEqual([{ Count: 0 }]);
    expect(runKql('declare pattern m = (a:string)\n{\n  ("x") = { let z = 2; print v = z };\n};\nlet t = m("x"); t | extend w = 3', {}).rows).toEqual([{ v: 2, w: 3 }]);
    expect(runKql('declare pattern m;\nprint 1', {}).rows).toEqual([{ print_0: 1 }]);
  });
  it('rejects wrong invocations and malformed declarations', () => {
    for (const q of [
      `${COUNTRY}country("Canada", "x").Alberta`,
      `${COUNTRY}country(1).Alberta`,
      'declare pattern m = (a:string)\n{\n  ("x") = { print v = 1 };\n};\nm(a="x")',
      'declare pattern m = (a:long)\n{\n  (1) = { print v = 1 };\n};\nm(1)',
    ]) {
      expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
      expect(() => analyzeKql(q), q).toThrow(KqlSemanticError);
    }
    const missingSemicolon = 'declare pattern m = (a:string)\n{\n  ("x") = { print v = 1 }\n};\nm("x")';
    expect(analyzeWithOracle(missingSemicolon).errors.length).toBeGreaterThan(0);
    expect(() => analyzeKql(missingSemicolon)).toThrow(KqlSyntaxError);
  });
});
