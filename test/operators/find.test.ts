/**
 * find (docs: find-operator.md): the docs' EventsTable1/EventsTable2 examples, the output schema against
 * the analyzer (project-smart, project, withsource=), values, null/empty cases and errors.
 */
import { describe, expect, it } from 'vitest';
import { rows, cols, expectKqlError } from './helpers.js';
import { expectOracleSchema, expectBothReject } from './oracle-check.js';
import type { ColumnSchema, TableInput } from '../../src/index.js';

const S1 = 'acbd207d-51aa-4df7-bfa7-be70eb68f04e';
const str = (name: string): ColumnSchema => ({ name, type: 'string' });
const events = {
  EventsTable1: [str('Session_Id'), str('Level'), str('EventText'), str('Version')],
  EventsTable2: [str('Session_Id'), str('Level'), str('EventText'), str('EventName')],
};
const EVENTS: Record<string, TableInput> = {
  EventsTable1: {
    schema: events.EventsTable1,
    rows: [
      { Session_Id: S1, Level: 'Information', EventText: 'Some Text1', Version: 'v1.0.0' },
      { Session_Id: S1, Level: 'Error', EventText: 'Some Text2', Version: 'v1.0.0' },
      { Session_Id: '28b8e46e-3c31-43cf-83cb-48921c3986fc', Level: 'Error', EventText: 'Some Text3', Version: 'v1.0.1' },
      { Session_Id: '8f057b11-3281-45c3-a856-05ebb18a3c59', Level: 'Information', EventText: 'Some Text4', Version: 'v1.1.0' },
    ],
  },
  EventsTable2: {
    schema: events.EventsTable2,
    rows: [
      { Session_Id: 'f7d5f95f-f580-4ea6-830b-5776c8d64fdd', Level: 'Information', EventText: 'Some Other Text1', EventName: 'Event1' },
      { Session_Id: S1, Level: 'Information', EventText: 'Some Other Text2', EventName: 'Event2' },
      { Session_Id: S1, Level: 'Error', EventText: 'Some Other Text3', EventName: 'Event3' },
      { Session_Id: '15eaeab5-8576-4b58-8fc6-478f75d8fee4', Level: 'Error', EventText: 'Some Other Text4', EventName: 'Event4' },
    ],
  },
};

// Columns shared with different types: b is int in A, string in B, datetime in C.
const mixed = {
  A: [{ name: 'a', type: 'int' }, str('x'), { name: 'b', type: 'int' }],
  B: [{ name: 'b', type: 'string' }, str('x'), { name: 'a', type: 'long' }, { name: 'c', type: 'real' }],
  C: [{ name: 'c', type: 'real' }, { name: 'b', type: 'datetime' }],
} satisfies Record<string, ColumnSchema[]>;
const MIXED: Record<string, TableInput> = {
  A: { schema: mixed.A, rows: [{ a: 1, x: 'k one', b: 7 }, { a: 2, x: 'other', b: null }] },
  B: { schema: mixed.B, rows: [{ b: 'bee', x: 'k two', a: 3, c: 1.5 }, { b: 'k', x: 'none', a: null, c: -1 }] },
  C: { schema: mixed.C, rows: [{ c: 2.5, b: '2024-01-01T00:00:00Z' }] },
};

describe('find: the docs examples (EventsTable1, EventsTable2)', () => {
  it('search in common columns, project common and uncommon columns, and pack the rest', () => {
    const q = `find in (EventsTable1, EventsTable2) where Session_Id == '${S1}' and Level == 'Error' project EventText, Version, EventName, pack_all()`;
    expect(cols(q, EVENTS)).toBe('source_:string, EventText:string, Version:string, EventName:string, pack_:dynamic');
    expect(rows(q, EVENTS)).toEqual([
      { source_: 'EventsTable1', EventText: 'Some Text2', Version: 'v1.0.0', EventName: '', pack_: { Session_Id: S1, Level: 'Error' } },
      { source_: 'EventsTable2', EventText: 'Some Other Text3', Version: '', EventName: 'Event3', pack_: { Session_Id: S1, Level: 'Error' } },
    ]);
  });
  it('search in common and uncommon columns (a column a table lacks is null in its predicate)', () => {
    const q = "find Version == 'v1.0.0' or EventName == 'Event1' project Session_Id, EventText, Version, EventName";
    expect(expectOracleSchema(q, events)).toBe('source_:string, Session_Id:string, EventText:string, Version:string, EventName:string');
    expect(rows(q, EVENTS)).toEqual([
      { source_: 'EventsTable1', Session_Id: S1, EventText: 'Some Text1', Version: 'v1.0.0', EventName: '' },
      { source_: 'EventsTable1', Session_Id: S1, EventText: 'Some Text2', Version: 'v1.0.0', EventName: '' },
      { source_: 'EventsTable2', Session_Id: 'f7d5f95f-f580-4ea6-830b-5776c8d64fdd', EventText: 'Some Other Text1', Version: '', EventName: 'Event1' },
    ]);
  });
  it('abbreviated notation over every table: common columns, the rest in pack_', () => {
    const q = `find Session_Id == '${S1}'`;
    expect(expectOracleSchema(q, events)).toBe('source_:string, Session_Id:string, Level:string, EventText:string, pack_:dynamic');
    expect(rows(q, EVENTS)).toEqual([
      { source_: 'EventsTable1', Session_Id: S1, Level: 'Information', EventText: 'Some Text1', pack_: { Version: 'v1.0.0' } },
      { source_: 'EventsTable1', Session_Id: S1, Level: 'Error', EventText: 'Some Text2', pack_: { Version: 'v1.0.0' } },
      { source_: 'EventsTable2', Session_Id: S1, Level: 'Information', EventText: 'Some Other Text2', pack_: { EventName: 'Event2' } },
      { source_: 'EventsTable2', Session_Id: S1, Level: 'Error', EventText: 'Some Other Text3', pack_: { EventName: 'Event3' } },
    ]);
  });
  it('each row as a property bag: project pack_all()', () => {
    const q = `find Session_Id == '${S1}' project pack_all()`;
    expect(cols(q, EVENTS)).toBe('source_:string, pack_:dynamic');
    expect(rows(q, EVENTS)[0]).toEqual({
      source_: 'EventsTable1',
      pack_: { Session_Id: S1, Level: 'Information', EventText: 'Some Text1', Version: 'v1.0.0' },
    });
    expect(rows(q, EVENTS)[3]).toEqual({
      source_: 'EventsTable2',
      pack_: { Session_Id: S1, Level: 'Error', EventText: 'Some Other Text3', EventName: 'Event3' },
    });
  });
  it('a let view in the scope of find', () => {
    const q = `let PartialEventsTable1 = view() { EventsTable1 | where Level == 'Error' }; find in (PartialEventsTable1, EventsTable2) where Session_Id == '${S1}'`;
    expectOracleSchema(q, events);
    expect(rows(q, EVENTS).map((r) => [r.source_, r.EventText])).toEqual([
      ['PartialEventsTable1', 'Some Text2'],
      ['EventsTable2', 'Some Other Text2'],
      ['EventsTable2', 'Some Other Text3'],
    ]);
  });
});

describe('find: output schema (as the analyzer gives it)', () => {
  it('project-smart: common columns and the predicate columns, in the first table order; mixed types give dynamic (int+long: long)', () => {
    for (const q of [
      "find in (A, B) where x has 'k'",
      "find in (A, B) where x has 'k' project-smart",
      'find in (A, B) where c > 1',
      "find in (A, B) where c > 1 or x == 'k'",
      "find in (B, A) where c > 1 or x == 'k'",
      'find in (A, B, C) where c > 1',
      'find in (A, C) where b == 1',
      "find in (A, B) where * has 'k'",
      "find 'k'",
      "find where x has 'k'",
      "find in (A*) where x has 'k'",
      "find withsource=Src in (A, B) where x has 'k' project x",
      "find in (A, B) where x == 'k' project b",
      "find in (A, B) where x == 'k' project b:string, a",
      "find in (A, B) where x == 'k' | project-away a",
      "A | find 'k'",
      "A | find where x has 'k'",
      "A | find x has 'k' project x",
      'find withsource=x in (A, B) where a > 1',
    ]) expectOracleSchema(q, mixed);
  });
});

describe('find: result types of a column several tables have', () => {
  const num = {
    P: [{ name: 'n', type: 'int' }, { name: 'm', type: 'long' }, { name: 'g', type: 'guid' }],
    Q: [{ name: 'n', type: 'real' }, { name: 'm', type: 'int' }, { name: 'g', type: 'string' }],
    R: [{ name: 'n', type: 'decimal' }, { name: 'm', type: 'long' }, { name: 'g', type: 'guid' }],
  } satisfies Record<string, ColumnSchema[]>;
  it('numeric types widen (int < long < real < decimal); other mixes are dynamic', () => {
    for (const q of ['find in (P, Q) where isnotnull(n)', 'find in (P, R) where isnotnull(n)', 'find in (Q, R) where isnotnull(n)', 'find in (P, Q) where m > 0 project n, g']) {
      expectOracleSchema(q, num);
    }
    const tables = {
      P: { schema: num.P, rows: [{ n: 1, m: 2, g: '00000000-0000-0000-0000-000000000001' }] },
      Q: { schema: num.Q, rows: [{ n: 1.5, m: 3, g: 'text' }] },
    } as Record<string, TableInput>;
    expect(rows('find in (P, Q) where m > 0 project n, g', tables)).toEqual([
      { source_: 'P', n: 1, g: '00000000-0000-0000-0000-000000000001' },
      { source_: 'Q', n: 1.5, g: 'text' },
    ]);
  });
});

describe('find: values', () => {
  it('project-smart over two tables: common columns converted to the result type, the rest in pack_', () => {
    expect(rows("find in (A, B) where x has 'k'", MIXED)).toEqual([
      { source_: 'A', a: 1, x: 'k one', b: 7, pack_: {} },
      { source_: 'B', a: 3, x: 'k two', b: 'bee', pack_: { c: 1.5 } },
    ]);
  });
  it('tables without the predicate columns are left out; one table left: its own columns, no pack_', () => {
    expect(rows('find in (A, B) where c > 1', MIXED)).toEqual([{ source_: 'B', b: 'bee', x: 'k two', a: 3, c: 1.5 }]);
    expect(rows('find in (A, B, C) where c > 1', MIXED)).toEqual([
      { source_: 'B', b: 'bee', c: 1.5, pack_: { x: 'k two', a: 3 } },
      { source_: 'C', b: '2024-01-01T00:00:00.0000000Z', c: 2.5, pack_: {} },
    ]);
  });
  it('a term over every column; withsource names the first column; project with a type converts', () => {
    expect(rows("find withsource=Src 'k'", MIXED).map((r) => r.Src)).toEqual(['A', 'B', 'B']);
    expect(rows("find in (A, B) where x has 'k' project b:string, a", MIXED)).toEqual([
      { source_: 'A', b: '7', a: 1 },
      { source_: 'B', b: 'bee', a: 3 },
    ]);
  });
  it('T | find is a find over the database (as the analyzer types it, T is not read)', () => {
    expect(rows("A | where a > 100 | find 'other' project x", MIXED)).toEqual([{ source_: 'A', x: 'other' }]);
    expect(rows("C | find in (A) where x has 'k'", MIXED)).toEqual([{ source_: 'A', a: 1, x: 'k one', b: 7 }]);
  });
  it('null and empty: a null in a compared column does not match; no rows match; an empty table', () => {
    expect(rows('find in (A) where b > 0', MIXED)).toEqual([{ source_: 'A', a: 1, x: 'k one', b: 7 }]);
    expect(rows("find in (A, B) where x == 'zzz'", MIXED)).toEqual([]);
    const empty = { E: { schema: [str('s')], rows: [] } } as Record<string, TableInput>;
    expect(rows("find 'x'", empty)).toEqual([]);
    expect(cols("find 'x'", empty)).toBe('source_:string, s:string');
  });
});

describe('find: errors', () => {
  it('an unknown column in the predicate or the project list; in (...) without where', () => {
    expectBothReject('find in (A) where zz == 1', mixed);
    expectBothReject("find in (A, B) where x == 'k' project a, zz", mixed);
    expectBothReject("find in (A, B) 'k'", mixed);
    expectBothReject("find in (A, B) where x has 'k' project-away a", mixed);
    expect(expectKqlError(() => rows("find in (A, B) where x == 'k' project zz", MIXED)).code).toBe('SEM_UNKNOWN_COLUMN');
  });
});
