/** project-by-names (project-by-names-operator.md): every docs example. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql } from '../../src/index.js';
import { analyzeWithOracle } from '../support/oracle.js';

const PETER = 'datatable(Name:string, Age:int, City:string, Country:string) [\'Peter\', 39, \'New York\', \'USA\']';
const LOOKUP = (cols: string) => `let LookupTable = ${PETER};
let LookupColumns = (Source:(Name:string), lookup_columns: dynamic) {
    Source
    | lookup LookupTable on Name
    | project-by-names column_names_of(Source), lookup_columns
};
datatable(Name:string, Data:string) ['Peter', 'Source-data']
| invoke LookupColumns(dynamic([${cols}]))`;

describe('project-by-names', () => {
  it('docs: names, a dynamic array, a pattern', () => {
    expect(runKql(`${PETER} | project-by-names "Name", "City"`, {}).rows).toEqual([{ Name: 'Peter', City: 'New York' }]);
    expect(runKql(`${PETER} | project-by-names dynamic(["Name", "Country"])`, {}).rows).toEqual([{ Name: 'Peter', Country: 'USA' }]);
    expect(runKql(`${PETER} | project-by-names "C*"`, {}).rows).toEqual([{ City: 'New York', Country: 'USA' }]);
  });
  it('docs: column_names_of inside an invoked function; unknown names are ignored', () => {
    for (const cols of ["'Country'", "'Country', 'NonExistent'"]) {
      const r = runKql(LOOKUP(cols), {});
      expect(r.columns.map((c) => c.name)).toEqual(['Name', 'Data', 'Country']);
      expect(r.rows).toEqual([{ Name: 'Peter', Data: 'Source-data', Country: 'USA' }]);
    }
  });
  it('order is the order named; a column named twice appears once', () => {
    expect(runKql(`${PETER} | project-by-names "Country", "Name", "Country"`, {}).columns.map((c) => c.name)).toEqual(['Country', 'Name']);
  });
  it('the analyzer accepts the forms (it reports no schema for them: mini-kql knows the names at bind time)', () => {
    expect(analyzeWithOracle(`${PETER} | project-by-names "Name", "City"`).errors).toEqual([]);
    expect(analyzeWithOracle(LOOKUP("'Country'")).errors).toEqual([]);
  });
  it('a specifier that is not constant is refused', () => {
    expect(() => analyzeKql(`${PETER} | project-by-names tostring(rand())`)).toThrow(/constant column names/);
  });
});
