/** Longs beyond 2^53 through the command line: table files read exactly, every digit printed (src/runtime/int64.ts). */
import { describe, expect, it } from 'vitest';
import { cli, fixtures as F } from './run-cli.js';

// hash("a"): XXH64 of "a" is 0xd24ec4f1a98c6e5b (published test vector), as a signed long.
const HASH_A = BigInt.asIntN(64, 0xd24ec4f1a98c6e5bn).toString();

describe.concurrent('mini-kql run: exact longs', () => {
  it('a .json table keeps integers beyond 2^53; --format ndjson prints them as exact JSON numbers', async () => {
    const r = await cli('run', `${F}/bigints/events.kql`, '--table', `Events=${F}/bigints/Events.json`, '--format', 'ndjson');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `{"Host":"a","n":1,"hi":9223372036854775807,"ids":[9223372036854775807],"total":9223372036854775807,"h":${HASH_A}}`,
      expect.stringMatching(/^\{"Host":"b","n":2,"hi":9007199254740993,"ids":\[9007199254740993,9007199254740992\],"total":18014398509481985,"h":-?\d+\}$/),
      expect.stringMatching(/^\{"Host":"c","n":1,"hi":7,"ids":\[7\],"total":7,"h":-?\d+\}$/),
    ]);
  });

  it('a .csv table without a schema reads them exactly too; --format csv prints every digit', async () => {
    const csv = await cli('run', `${F}/bigints/events.kql`, '--table', `Events=${F}/bigints/events.csv`, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\n').slice(0, 3)).toEqual([
      'Host,n,hi,ids,total,h',
      `a,1,9223372036854775807,[9223372036854775807],9223372036854775807,${HASH_A}`,
      expect.stringMatching(/^b,2,9007199254740993,"\[9007199254740993,9007199254740992\]",18014398509481985,-?\d+$/),
    ]);
  });
});
