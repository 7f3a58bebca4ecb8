import { MIN_DATETIME_TICKS } from '../../runtime/datetime.js';
import { toTicks, type TimeValue } from '../../runtime/ticks.js';
import type { KqlType } from '../../runtime/types.js';
import { valueToString } from '../../runtime/values.js';
import type { ArgInfo, BindFailure } from '../registry-types.js';
import { defineScalar } from '../define.js';
import { utf8Bytes } from '../digests.js';
import { xxhash64 } from '../xxhash64.js';
import { canonical, toBigInt, type Long } from '../../runtime/int64.js';

function int64Bytes(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt.asIntN(64, v), true);
  return b;
}

/**
 * The bytes hash() hashes: a string's UTF-8 (the docs' hash("World") example), a datetime's 64-bit ticks since
 * 0001-01-01, little-endian (the docs' hash(datetime(2015-01-01)) example). UNCERTAIN (not in the docs):
 * timespan as its ticks, int/long as a 64-bit integer, real as a 64-bit double, anything else as its text.
 */
function bytesOf(v: unknown, type: KqlType): Uint8Array {
  switch (type) {
    case 'string':
      return utf8Bytes(v as string);
    case 'datetime':
      return int64Bytes(toTicks(v as TimeValue) - MIN_DATETIME_TICKS);
    case 'timespan':
      return int64Bytes(toTicks(v as TimeValue));
    case 'int':
    case 'long':
      return int64Bytes(toBigInt(v as Long));
    case 'real': {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, v as number, true);
      return b;
    }
    default:
      return utf8Bytes(valueToString(v, type));
  }
}

function checkSource(args: ArgInfo[]): BindFailure | undefined {
  return args[0].type === 'dynamic'
    ? { error: "Argument 1 of 'hash' must be a scalar, not dynamic.", argIndex: 0 }
    : undefined;
}

/**
 * hash(source[, mod]) (hash-function.md; alias hash_xxhash64, hash-xxhash64-function.md): xxHash64 of the value, as an exact signed long (a bigint beyond 2^53,
 * src/runtime/int64.ts); with mod, the unsigned hash modulo mod (0 .. mod-1). A null source gives null;
 * mod <= 0 gives null.
 */
export const hash = defineScalar({
  name: 'hash',
  aliases: ['hash_xxhash64'], // hash-xxhash64-function.md: the same function, with the same examples
  description: 'xxHash64 of a scalar value as a long, optionally modulo mod.',
  overloads: [{
    params: ['any', 'integer'], optional: 1, result: 'long', check: checkSource, exact: true,
    kernel: (values, _ctx, info) => {
      const h = xxhash64(bytesOf(values[0], info[0].type));
      if (values.length < 2) return canonical(BigInt.asIntN(64, h));
      const mod = toBigInt(values[1] as Long);
      if (mod <= 0n) return null;
      return canonical(h % mod);
    },
  }],
});
