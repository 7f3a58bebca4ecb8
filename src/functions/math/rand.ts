/**
 * rand() and new_guid(). Kusto's are random; here they draw from the run's seeded generator when runKql
 * was given `randomSeed` (src/runtime/random.ts), so tests can repeat a run, and from the platform otherwise.
 */
import { defineScalar } from '../define.js';
import { randomOf } from '../../runtime/exec-context.js';
import { randomBytes16 } from '../../runtime/random.js';

export const rand = defineScalar({
  name: 'rand',
  description: 'A random real in [0, 1), or with N a random whole number in [0, N) (a real); repeatable with the randomSeed option.',
  overloads: [
    { params: [], result: 'real', kernel: (_a, ctx) => (randomOf(ctx) ?? Math.random)() },
    {
      // N must be an int or a long (the analyzer rejects a real); N <= 0 gives null (no value is in [0, N)).
      params: ['integer'],
      result: 'real',
      kernel: ([n], ctx) => {
        const N = n as number;
        return N > 0 ? Math.floor((randomOf(ctx) ?? Math.random)() * N) : null;
      },
    },
  ],
});

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const new_guid = defineScalar({
  name: 'new_guid',
  description: 'A new random (version 4) GUID; repeatable with the randomSeed option.',
  overloads: [{
    params: [],
    result: 'guid',
    kernel: (_a, ctx) => {
      const b = randomBytes16(randomOf(ctx));
      b[6] = (b[6]! & 0x0f) | 0x40; // version 4
      b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
      const h = Array.from(b, (x) => HEX[x]!);
      return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
    },
  }],
});
