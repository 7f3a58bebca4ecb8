/** Result schemas of the operator tests' queries, checked against Microsoft's analyzer (the oracle). */
import { describe, expect, it } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { PEOPLE_SCHEMA } from './helpers.js';

const SCHEMAS = {
  P: PEOPLE_SCHEMA,
  X: [{ name: 'Key', type: 'string' as const }, { name: 'Value1', type: 'long' as const }],
  Y: [{ name: 'Key', type: 'string' as const }, { name: 'Value2', type: 'long' as const }],
  A: [{ name: 'Id', type: 'long' as const }, { name: 'Entities', type: 'dynamic' as const }],
};

const QUERIES = [
  'P | where Age > 1',
  'P | extend Next = Age + 1, Upper = toupper(Name)',
  'P | extend Name = 1',
  'P | project City, N = Name, A2 = Age * 2',
  'print a = 2 | project a * 2',
  'print a = 1 | extend a + 1',
  'P | project-away Age, Tags',
  'P | project-away J*, T*',
  'P | project-keep City, Name',
  'P | project-reorder Tags, Age',
  'P | project-rename Who = Name, Years = Age',
  'P | summarize count(), sum(Age), avg(Age), min(Age), max(Age), dcount(Name), countif(Age > 26), make_set(City) by City',
  'P | summarize n = count() by bin(Joined, 1d)',
  'P | summarize arg_max(Age, *) by City',
  'P | summarize arg_max(Age, Name) by City',
  'P | summarize count()',
  'P | summarize by City',
  'P | summarize count() by tostring(Tags)',
  'X | join Y on Key',
  'X | join kind=inner Y on Key',
  'X | join kind=leftouter Y on Key',
  'X | join kind=rightouter Y on Key',
  'X | join kind=fullouter Y on Key',
  'X | join kind=leftsemi Y on Key',
  'X | join kind=rightsemi Y on Key',
  'X | join kind=leftanti Y on Key',
  'X | join kind=rightanti Y on Key',
  'X | join kind=inner (Y) on $left.Value1 == $right.Value2',
  "A | mv-apply Entity = Entities on (where Entity.Type == 'ip' | extend Ip = tostring(Entity.Address))",
  'A | mv-apply e = Entities to typeof(string) on (take 1)',
  'P | mv-expand Tags',
  'P | mv-expand with_itemindex=i Tags to typeof(string)',
  'P | mv-expand t = Tags, u = dynamic([1, 2])',
  'P | distinct City',
  'P | distinct City, Age',
  'P | take 2',
  'P | limit 2',
  'P | sort by Age asc nulls last',
  'P | top 2 by Age',
  'P | count',
  'union P, X',
  'union withsource=Src X, Y',
  'X | union Y',
  'let k = 30; P | where Age == k',
  'let Old = P | where Age > 26; Old | count',
  'datatable(n:long, s:string, t:datetime, b:bool, d:dynamic)[1, "a", datetime(2024-01-01), true, dynamic([1])]',
  'print 1, s = "x", 2.5',
  'print a = 7 / 2, b = 7 / 2.0, c = int(7) / int(2)',
  'print a = datetime(2024-01-02) - datetime(2024-01-01), b = 90m / 1h, c = now() - 1d',
  'print a = dynamic([1])[0], b = tolong(dynamic([1])[0]) + 1, c = tostring(dynamic({"k":"v"}).k)',
  'print x = split("a/b/c", "/")[-1]',
  'print a = "x" has "y", b = "x" in~ ("X"), c = 5 between (1 .. 10)',
  'range x from 1 to 5 step 2',
  'range d from datetime(2024-01-01) to datetime(2024-01-03) step 1d',
];

describe('operator result schemas match the oracle', () => {
  it.each(QUERIES)('%s', (q) => {
    const oracle = analyzeWithOracle(q, SCHEMAS);
    expect(oracle.errors, JSON.stringify(oracle.errors)).toEqual([]);
    expect(formatColumns(analyzeKql(q, { schemas: SCHEMAS }).columns)).toBe(formatColumns(oracle.columns));
  });
});
