/**
 * search (docs: search-operator.md): the docs' examples over small tables, schemas against the analyzer,
 * values, null/empty cases and errors.
 */
import { describe, expect, it } from 'vitest';
import { rows, cols, expectKqlError } from './helpers.js';
import { expectOracleSchema, expectBothReject } from './oracle-check.js';
import { KqlSemanticError, type ColumnSchema, type TableInput } from '../../src/index.js';

const schema = {
  Customers: [
    { name: 'CustomerKey', type: 'long' },
    { name: 'FirstName', type: 'string' },
    { name: 'LastName', type: 'string' },
  ],
  Products: [
    { name: 'ProductName', type: 'string' },
    { name: 'ColorName', type: 'string' },
    { name: 'ClassName', type: 'string' },
  ],
  SalesTable: [
    { name: 'DateKey', type: 'datetime' },
    { name: 'LastName', type: 'string' },
    { name: 'CustomerKey', type: 'int' },
  ],
} satisfies Record<string, ColumnSchema[]>;

const DB: Record<string, TableInput> = {
  Customers: {
    schema: schema.Customers,
    rows: [
      { CustomerKey: 1, FirstName: 'Mason', LastName: 'Green' },
      { CustomerKey: 2, FirstName: 'Aaron', LastName: 'Sharma' },
      { CustomerKey: 3, FirstName: 'Riley', LastName: 'Hughes' },
      { CustomerKey: 4, FirstName: 'Sara', LastName: 'green-field' },
    ],
  },
  Products: {
    schema: schema.Products,
    rows: [
      { ProductName: 'Contoso Player Green', ColorName: 'Green', ClassName: 'Deluxe' },
      { ProductName: 'Proseware Scanner Green', ColorName: 'Green', ClassName: 'Regular' },
      { ProductName: 'Litware Fan blue', ColorName: 'blue', ClassName: 'Economy' },
      { ProductName: 'Contoso Radio Blue', ColorName: 'Blue', ClassName: 'Regular' },
    ],
  },
  SalesTable: {
    schema: schema.SalesTable,
    rows: [
      { DateKey: '2021-12-13T00:00:00Z', LastName: 'Hughes', CustomerKey: 3 },
      { DateKey: '2008-01-01T00:00:00Z', LastName: 'Hughes', CustomerKey: 3 },
      { DateKey: '2021-12-13T00:00:00Z', LastName: 'Smith', CustomerKey: 9 },
    ],
  },
};

/** Each row as "$table:key" for compact comparisons. */
const tagged = (query: string, key: string) => rows(query, DB).map((r) => `${r.$table}:${String(r[key])}`);

describe('search: schema (as the analyzer gives it)', () => {
  it('over every table: $table first, then the columns merged as union merges them (name_type for mixed types)', () => {
    const s = expectOracleSchema('search "Green"', schema);
    expect(s).toBe('$table:string, CustomerKey_long:long, CustomerKey_int:int, FirstName:string, LastName:string, ProductName:string, ColorName:string, ClassName:string, DateKey:datetime');
    expect(cols('search "Green"', DB)).toBe(s);
  });
  it('in (...), T | search, search *, wildcard table names, let-bound tables', () => {
    for (const q of [
      'search in (Products) "Green"',
      'search in (Customers, Products) "Green"',
      'Customers | search "Green"',
      'Customers | where CustomerKey > 1 | search "Green" | project $table, FirstName',
      'search *',
      'search in (Cust*) *',
      'let V = Customers | where CustomerKey > 1; search in (V, Products) "green"',
      'search kind=case_sensitive "blue"',
      'search FirstName:"Aaron" or LastName:"Hughes"',
      'search withsource=Src in (Products) "x"',
    ]) expectOracleSchema(q, schema);
  });
});

describe('search: values (the docs examples on small tables)', () => {
  it('global term search: the term in any column of any table, case-insensitive, tables in the order given', () => {
    expect(tagged('search "Green"', 'CustomerKey_long')).toEqual(['Customers:1', 'Customers:4', 'Products:null', 'Products:null']);
    expect(rows('search "Green"', DB).filter((r) => r.$table === 'Products').map((r) => r.ProductName)).toEqual([
      'Contoso Player Green',
      'Proseware Scanner Green',
    ]);
  });
  it('conditional global term search: "Green" and ("Deluxe" or "Proseware")', () => {
    expect(tagged('search "Green" and ("Deluxe" or "Proseware")', 'ProductName')).toEqual([
      'Products:Contoso Player Green',
      'Products:Proseware Scanner Green',
    ]);
  });
  it('a specific table: search in (Products) "Green"', () => {
    expect(rows('search in (Products) "Green"', DB)).toEqual([
      { $table: 'Products', ProductName: 'Contoso Player Green', ColorName: 'Green', ClassName: 'Deluxe' },
      { $table: 'Products', ProductName: 'Proseware Scanner Green', ColorName: 'Green', ClassName: 'Regular' },
    ]);
  });
  it('kind=case_sensitive: only the exact case matches', () => {
    expect(tagged('search kind=case_sensitive "blue"', 'ProductName')).toEqual(['Products:Litware Fan blue']);
    expect(tagged('search kind=case_insensitive "blue"', 'ProductName')).toEqual(['Products:Litware Fan blue', 'Products:Contoso Radio Blue']);
    expect(tagged('search kind=case_sensitive in (Customers) LastName:"green"', 'FirstName')).toEqual(['Customers:Sara']);
  });
  it('specific columns: FirstName:"Aaron" or LastName:"Hughes"', () => {
    expect(tagged('search FirstName:"Aaron" or LastName:"Hughes"', 'FirstName')).toEqual([
      'Customers:Aaron',
      'Customers:Riley',
      'SalesTable:',
      'SalesTable:',
    ]);
  });
  it('limit by timestamp: "Hughes" and DateKey > datetime(2009-01-01) (a null DateKey does not pass)', () => {
    const r = rows("search \"Hughes\" and DateKey > datetime('2009-01-01')", DB);
    expect(r.map((x) => [x.$table, x.LastName, (x.DateKey as Date).toISOString()])).toEqual([['SalesTable', 'Hughes', '2021-12-13T00:00:00.000Z']]);
  });
  it('Col == "x" is an exact match, Col: "x" a term match', () => {
    expect(tagged('search in (Customers) LastName == "Green"', 'FirstName')).toEqual(['Customers:Mason']);
    expect(tagged('search in (Customers) LastName: "Green"', 'FirstName')).toEqual(['Customers:Mason', 'Customers:Sara']);
  });
  it('wildcards: t* hasprefix, *t hassuffix, *t* contains, a*b a regex over whole terms', () => {
    expect(tagged('search in (Products) "Prose*"', 'ProductName')).toEqual(['Products:Proseware Scanner Green']);
    expect(tagged('search in (Products) "*ware"', 'ProductName')).toEqual(['Products:Proseware Scanner Green', 'Products:Litware Fan blue']);
    expect(tagged('search in (Products) "*tos*"', 'ProductName')).toEqual(['Products:Contoso Player Green', 'Products:Contoso Radio Blue']);
    expect(tagged('search in (Products) "Con*Green"', 'ProductName')).toEqual(['Products:Contoso Player Green']);
    expect(tagged('search in (Products) "con*gre"', 'ProductName')).toEqual([]);
    expect(tagged('search kind=case_sensitive in (Products) "con*Green"', 'ProductName')).toEqual([]);
  });
  it('matches regex, not(), and * has', () => {
    expect(tagged('search in (Customers) LastName matches regex "^H"', 'FirstName')).toEqual(['Customers:Riley']);
    expect(tagged('search in (Customers) "Green" and not(FirstName == "Sara")', 'FirstName')).toEqual(['Customers:Mason']);
    expect(tagged('search in (Customers) * has "hughes"', 'FirstName')).toEqual(['Customers:Riley']);
  });
  it('search * keeps every row; T | search names T in $table', () => {
    expect(rows('search *', DB)).toHaveLength(11);
    expect(rows('Customers | search "Green" | project $table, FirstName', DB)).toEqual([
      { $table: 'Customers', FirstName: 'Mason' },
      { $table: 'Customers', FirstName: 'Sara' },
    ]);
    expect(tagged('let V = Customers | where CustomerKey > 1; search in (V) "green"', 'FirstName')).toEqual(['V:Sara']);
  });
  it('in let statements, functions and fork legs', () => {
    expect(tagged('let R = search in (Customers) "green"; R | where CustomerKey > 1', 'FirstName')).toEqual(['Customers:Sara']);
    expect(tagged('let f = () { search in (Customers) "hughes" }; f()', 'FirstName')).toEqual(['Customers:Riley']);
    // In an operator chain with no written source, $table is the input's `as` name.
    expect(tagged('Customers | as C | fork (search "green")', 'FirstName')).toEqual(['C:Mason', 'C:Sara']);
  });
  it('terms match non-string columns through their text', () => {
    expect(tagged('search in (Customers) "3"', 'FirstName')).toEqual(['Customers:Riley']);
  });
  it('no match and empty tables give no rows, with the columns', () => {
    expect(rows('search in (Customers) "zzz"', DB)).toEqual([]);
    const empty = { E: { schema: [{ name: 's', type: 'string' }], rows: [] } } as Record<string, TableInput>;
    expect(rows('search "x"', empty)).toEqual([]);
    expect(cols('search "x"', empty)).toBe('$table:string, s:string');
  });
});

describe('search: errors', () => {
  it('a column term on an unknown column, or a column with several types across the tables', () => {
    expectBothReject('search in (Customers) Nope: "x"', schema);
    expectBothReject('search CustomerKey == 3', schema);
    expectBothReject('search in (Customers) CustomerKey: "3"', schema);
    const e = expectKqlError(() => rows('search in (Customers) Nope: "x"', DB));
    expect(e).toBeInstanceOf(KqlSemanticError);
  });
  it('in (...) after a piped input is not allowed; kind= takes only the documented values', () => {
    expectBothReject('Customers | search in (Products) "x"', schema);
    expect(expectKqlError(() => rows('search kind=fuzzy "x"', DB)).code).toBe('SEM_INVALID_ARGUMENT');
    expectBothReject('search isfuzzy=true in (Customers, Nope) "x"', schema);
  });
  it('with no tables at all, an unqualified search has nothing to read', () => {
    expect(expectKqlError(() => rows('search "x"', {})).code).toBe('SEM_UNKNOWN_TABLE');
  });
});
