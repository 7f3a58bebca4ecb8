/** parse-kv (parse-kv-operator.md): every docs example with its documented output, in all three modes. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const run = (q: string) => runKql(q, {}, { timeAsText: true }).rows;
const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };

describe('parse-kv', () => {
  it('docs: well-defined delimiters', () => {
    expect(run(`print str="ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info"
| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':')
| project-away str`)).toEqual([{ Text: 'The service is up', ThreadId: 458745723, Machine: 'Node001' }]);
  });
  const expected = { 'event time': '2021-01-01T10:00:54.0000000Z', src: '10.1.1.123', dst: '10.1.1.124', bytes: 125, failure: 'connection aborted' };
  it('docs: value quoting, one and two quote characters', () => {
    expect(run(`print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="connection aborted" "event time"=2021-01-01T10:00:54'
| parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"')
| project-away str`)).toEqual([expected]);
    expect(run(`print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=(connection aborted) (event time)=(2021-01-01 10:00:54)'
| parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='()')
| project-away str`)).toEqual([expected]);
  });
  it('docs: escaped quotes inside a quoted value', () => {
    expect(run(`print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="the remote host sent \\\\"bye!\\\\"" time=2021-01-01T10:00:54'
| parse-kv str as (['time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"', escape='\\\\')
| project-away str`)).toEqual([{ time: '2021-01-01T10:00:54.0000000Z', src: '10.1.1.123', dst: '10.1.1.124', bytes: 125, failure: 'the remote host sent "bye!"' }]);
  });
  it('docs: greedy mode and without it', () => {
    const q = (greedy: string) => `print str='name=John Doe phone=555 5555 city=New York'
| parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='='${greedy})
| project-away str`;
    expect(run(q(''))).toEqual([{ name: 'John', phone: '555', city: 'New' }]);
    expect(run(q(', greedy=true'))).toEqual([{ name: 'John Doe', phone: '555 5555', city: 'New York' }]);
  });
  it('docs: no delimiters, with quoting and escaping', () => {
    expect(run(`print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started"
| parse-kv str as (Text: string, ThreadId:long, Machine: string)
| project-away str`)).toEqual([{ Text: 'Started', ThreadId: 458745723, Machine: 'Node001' }]);
    expect(run(`print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: 'The service \\\\' is up'"
| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (quote="'", escape='\\\\')
| project-away str`)).toEqual([{ Text: "The service ' is up", ThreadId: 458745723, Machine: 'Node001' }]);
  });
  it('docs: regex', () => {
    expect(run(`print str=@'["referer url: https://hostname.com/redirect?dest=/?h=1234", "request url: https://hostname.com/?h=1234", "advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73"]'
| parse-kv str as (['referer url']:string, ['request url']:string, ['advertiser id']: guid) with (regex=@'"([\\w ]+)\\s*:\\s*([^"]*)"')
| project-away str`)).toEqual([{ 'referer url': 'https://hostname.com/redirect?dest=/?h=1234', 'request url': 'https://hostname.com/?h=1234', 'advertiser id': '24fefbca-cf27-4d62-a623-249c2ad30c73' }]);
  });
  it('a missing key or unconvertible value is null (empty for strings); the first occurrence wins', () => {
    expect(run(`print str="a=1,a=2,b=x" | parse-kv str as (a:long, b:long, c:string) with (pair_delimiter=',', kv_delimiter='=') | project-away str`)).toEqual([{ a: 1, b: null, c: '' }]);
  });
  it('schemas agree with the analyzer; bad options are refused', () => {
    expectOracleSchema('T | parse-kv s as (x:long, ["y z"]:string) with (pair_delimiter=",", kv_delimiter=":")', T);
    expectOracleSchema('T | parse-kv s as (x:long) with (regex=@"(\\w+)=(\\w+)")', T);
    expectOracleSchema('T | parse-kv s as (x:long, y:datetime)', T);
    expectBothReject('T | parse-kv s (x:long)', T);
    expectBothReject('T | parse-kv s as (x:long) with (greedy="yes")', T);
  });
});
