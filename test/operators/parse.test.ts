/**
 * parse / parse-where: expected values worked out by hand from the Kusto docs (parse-operator.md).
 * The docs' sample dates are written 2016-02-17 08:40:01; mini-kql's todatetime() does not read that
 * US form yet, so the same samples are used with ISO dates (2016-02-17 08:40:01).
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { rows, cols, d, expectSemantic, S, PEOPLE, EMPTY_PEOPLE, at } from './helpers.js';

const TRACES = `let Traces = datatable(EventText: string)
[
"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=2016-02-17 08:40:01, releaseTime=2016-02-17 08:40:01, previousLockTime=2016-02-17 08:39:01)",
"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=2016-02-17 08:40:00, releaseTime=2016-02-17 08:40:00, previousLockTime=2016-02-17 08:39:00)"
];
Traces `;

const RELAXED = `let Traces = datatable(EventText: string)
[
"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=2016-02-17 08:40:01, releaseTime=nonValidDateTime 08:40:01, previousLockTime=2016-02-17 08:39:01)",
"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=nonValidLongValue, sliceNumber=16, lockTime=2016-02-17 08:41:00, releaseTime=2016-02-17 08:41:00, previousLockTime=2016-02-17 08:40:00)"
];
Traces `;

const RELAXED_PATTERN = `parse KIND EventText with * "resourceName=" resourceName ", totalSlices=" totalSlices: long ", sliceNumber=" sliceNumber: long * "lockTime=" lockTime ", releaseTime=" releaseTime: date "," * "previousLockTime=" previousLockTime: date ")" * | project-away EventText`;

describe('parse', () => {
  it('simple mode: the docs example (typed columns, * skipping)', () => {
    const q = TRACES + `| parse EventText with * "resourceName=" resourceName ", totalSlices=" totalSlices: long * "sliceNumber=" sliceNumber: long * "lockTime=" lockTime ", releaseTime=" releaseTime: date "," * "previousLockTime=" previousLockTime: date ")" *
| project resourceName, totalSlices, sliceNumber, lockTime, releaseTime, previousLockTime`;
    expect(cols(q)).toBe('resourceName:string, totalSlices:long, sliceNumber:long, lockTime:string, releaseTime:datetime, previousLockTime:datetime');
    expect(rows(q)).toEqual([
      { resourceName: 'PipelineScheduler', totalSlices: 27, sliceNumber: 23, lockTime: '2016-02-17 08:40:01', releaseTime: d('2016-02-17T08:40:01Z'), previousLockTime: d('2016-02-17T08:39:01Z') },
      { resourceName: 'PipelineScheduler', totalSlices: 27, sliceNumber: 15, lockTime: '2016-02-17 08:40:00', releaseTime: d('2016-02-17T08:40:00Z'), previousLockTime: d('2016-02-17T08:39:00Z') },
    ]);
  });

  it('simple mode: a column ends at the first following delimiter; the last takes the rest', () => {
    const q = `print Contacts = "Event: LeadContact (email=abi@fourthcoffee.com, Website=https:www.fourthcoffee.com)"
| parse Contacts with * "email=" alias:string "@" domain: string ", Website=https:" WebsiteDomain: string ")"
| project EmailAddress = strcat(alias, "@", domain), EmailAlias = alias, WebsiteDomain`;
    expect(rows(q)).toEqual([{ EmailAddress: 'abi@fourthcoffee.com', EmailAlias: 'abi', WebsiteDomain: 'www.fourthcoffee.com' }]);
    expect(rows('print s = "a b c" | parse s with x " " y | project x, y')).toEqual([{ x: 'a', y: 'b c' }]);
  });

  it('regex mode: greedy by default, flags=Ui makes it lazy and case-insensitive (docs)', () => {
    expect(rows(TRACES + `| parse kind=regex EventText with * "resourceName=" resourceName ',' * | project resourceName | take 1`)).toEqual([
      { resourceName: 'PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=2016-02-17 08:40:01, releaseTime=2016-02-17 08:40:01' },
    ]);
    expect(rows(TRACES + `| parse kind=regex flags=Ui EventText with * "RESOURCENAME=" resourceName ',' * | project resourceName`)).toEqual([
      { resourceName: 'PipelineScheduler' }, { resourceName: 'PipelineScheduler' },
    ]);
  });

  it('regex mode: groups written in the constants do not shift the columns (docs)', () => {
    const q = TRACES + `| parse kind=regex EventText with "(.*?)[a-zA-Z]*=" resourceName @", totalSlices=\\s*\\d+\\s*.*?sliceNumber=" sliceNumber: long  ".*?(previous)?lockTime=" lockTime ".*?releaseTime=" releaseTime ".*?previousLockTime=" previousLockTime: date "\\\\)"
| project resourceName, sliceNumber, lockTime, releaseTime, previousLockTime | take 1`;
    expect(rows(q)).toEqual([{
      resourceName: 'PipelineScheduler', sliceNumber: 23, lockTime: '2016-02-17 08:40:01, ', releaseTime: '2016-02-17 08:40:01, ', previousLockTime: d('2016-02-17T08:39:01Z'),
    }]);
  });

  it('relaxed mode nulls only the columns that do not convert; simple mode nulls the whole row (docs)', () => {
    expect(rows(RELAXED + '| ' + RELAXED_PATTERN.replace('KIND', 'kind=relaxed'))).toEqual([
      { resourceName: 'PipelineScheduler', totalSlices: 27, sliceNumber: 23, lockTime: '2016-02-17 08:40:01', releaseTime: null, previousLockTime: d('2016-02-17T08:39:01Z') },
      { resourceName: 'PipelineScheduler', totalSlices: null, sliceNumber: 16, lockTime: '2016-02-17 08:41:00', releaseTime: d('2016-02-17T08:41:00Z'), previousLockTime: d('2016-02-17T08:40:00Z') },
    ]);
    const none = { resourceName: '', totalSlices: null, sliceNumber: null, lockTime: '', releaseTime: null, previousLockTime: null };
    expect(rows(RELAXED + '| ' + RELAXED_PATTERN.replace('KIND', 'kind=simple'))).toEqual([none, none]);
  });

  it('a row that does not match gets null ("" for strings); non-string sources are converted to string', () => {
    expect(rows('P | parse Name with "A" rest "n" n:long | project Name, rest, n', { P: PEOPLE })).toEqual([
      { Name: 'Ann', rest: '', n: null }, { Name: 'Bob', rest: '', n: null }, { Name: 'Cid', rest: '', n: null }, { Name: 'Dee', rest: '', n: null },
    ]);
    expect(rows('P | parse Age with tens:long "1" | where isnotnull(tens) | project tens', { P: PEOPLE })).toEqual([{ tens: 4 }]);
  });

  it('null and empty input', () => {
    // Cid's Age is null: tostring(null) is "", which does not match.
    expect(rows('P | where Name == "Cid" | parse Age with a:long', { P: PEOPLE })[0].a).toBeNull();
    expect(rows('P | parse City with x "a" y', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(cols('P | parse City with x "a" y:real', { P: EMPTY_PEOPLE })).toBe('Name:string, Age:long, City:string, Joined:datetime, Tags:dynamic, x:string, y:real');
  });

  it('parse-where drops the rows that do not match', () => {
    expect(rows('P | parse-where City with "P" rest | project Name, rest', { P: PEOPLE })).toEqual([
      { Name: 'Ann', rest: 'aris' }, { Name: 'Cid', rest: 'aris' },
    ]);
    expect(rows('P | parse-where Name with x:long', { P: PEOPLE })).toEqual([]);
  });

  it('semantic errors: * after a string column, a duplicated column, a bad kind', () => {
    const q1 = 'P | parse Name with "a" x * "b" y';
    expectSemantic(q1, S, 'SEM_INVALID_ARGUMENT', 1, at(q1, '*'));
    const q2 = 'P | parse Name with x "-" x';
    expectSemantic(q2, S, 'SEM_DUPLICATE_COLUMN', 1, at(q2, 'x', at(q2, '-')));
    const q3 = 'P | parse kind=fuzzy Name with x "-" y';
    expectSemantic(q3, S, 'SEM_INVALID_ARGUMENT', 1, at(q3, 'kind'));
    const q4 = 'P | parse kind=regex Name with x "(" y';
    expectSemantic(q4, S, 'SEM_INVALID_ARGUMENT', 1, at(q4, '"("'));
  });

  it('result schemas agree with the analyzer', () => {
    for (const q of [
      'P | parse Name with * "x=" p1 "," p2:long *',
      'P | parse kind=regex flags=Ui Name with * "x=" p1:int "," p2:real',
      'P | parse kind=relaxed Name with * "x=" p1:datetime',
      'P | parse Age with * "x=" p1',
      'P | parse-where Name with * "x=" p1:dynamic "y" p2:timespan "z" p3:bool',
    ]) {
      expect(formatColumns(analyzeKql(q, { schemas: S }).columns), q).toBe(formatColumns(analyzeWithOracle(q, S).columns));
    }
  });
});
