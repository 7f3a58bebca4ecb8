/** options.schemas in both shapes: { Table: [{ name, type }] } and { Table: { Col: 'type' } }. */
import { describe, expect, it } from 'vitest';
import { analyzeKql, parseRule, runKql, runRule, KqlSemanticError } from '../../src/index.js';

describe('options.schemas shapes', () => {
  it('{ Table: { Col: type } } types the columns like the list form', () => {
    const asRecord = analyzeKql('Events | project User, Bytes', { schemas: { Events: { User: 'string', Bytes: 'long', When: 'datetime' } } });
    const asList = analyzeKql('Events | project User, Bytes', { schemas: { Events: [{ name: 'User', type: 'string' }, { name: 'Bytes', type: 'long' }] } });
    expect(asRecord.columns).toEqual([{ name: 'User', type: 'string' }, { name: 'Bytes', type: 'long' }]);
    expect(asRecord).toEqual(asList);
  });

  it('type names in any case and with aliases (String, Int64, Boolean, Double, DateTime)', () => {
    const { columns } = analyzeKql('T', { schemas: { T: { a: 'String', b: 'Int64', c: 'Boolean', d: 'Double', e: 'DateTime' } } });
    expect(columns.map((c) => c.type)).toEqual(['string', 'long', 'bool', 'real', 'datetime']);
  });

  it('runKql and runRule convert rows by the record form', () => {
    const rows = [{ Bytes: '12', When: '2024-05-01T10:00:00Z' }];
    const r = runKql('Events | where Bytes > 10', { Events: rows }, { schemas: { Events: { Bytes: 'long', When: 'datetime' } } });
    expect(r.columns).toEqual([{ name: 'Bytes', type: 'long' }, { name: 'When', type: 'datetime' }]);
    expect(r.rows).toEqual([{ Bytes: 12, When: new Date('2024-05-01T10:00:00Z') }]);
    const rule = parseRule('queryPeriod: 1h\nquery: Events | where Bytes > 10\n');
    const fired = runRule(rule, { Events: [{ Bytes: '12', TimeGenerated: '2024-05-01T10:00:00Z' }] }, {
      now: '2024-05-01T10:30:00Z',
      schemas: { Events: { Bytes: 'long', TimeGenerated: 'datetime' } },
    });
    expect(fired.fired).toBe(true);
  });

  it('a bad type is an error naming the table, only when the query uses it', () => {
    expect(() => analyzeKql('T', { schemas: { T: { a: 'text' } } })).toThrow(KqlSemanticError);
    expect(() => analyzeKql('T', { schemas: { T: { a: 'text' } } })).toThrow(/table 'T'/);
    expect(analyzeKql('print 1', { schemas: { T: { a: 'text' } } }).columns).toHaveLength(1);
  });

  it('never changes the caller\'s schemas', () => {
    const schemas = Object.freeze({ T: Object.freeze({ a: 'String' }) });
    analyzeKql('T', { schemas });
    expect(schemas).toEqual({ T: { a: 'String' } });
  });
});
