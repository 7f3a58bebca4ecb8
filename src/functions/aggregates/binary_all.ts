import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { canonical } from '../../runtime/int64.js';

/**
 * binary_all_and / binary_all_or / binary_all_xor: the bitwise AND / OR / XOR of the non-null values of the
 * group, computed on exact 64-bit integers (int stays int). Empty group: null. The default column name is the
 * argument's column name (as the analyzer reports); UNCERTAIN: for a non-column expression the analyzer says
 * Column1, we use e.g. binary_all_and_.
 */
function bitwise(name: string, op: (a: bigint, b: bigint) => bigint, what: string) {
  return defineAggregate({
    name,
    description: `Bitwise ${what} of the non-null integer values of the group.`,
    params: ['integer'],
    defaultName: (args) => args[0].columnName ?? `${name}_`,
    outputs: (args) => [{ type: args[0].type }],
    create: (args) => {
      const bits = args[0].type === 'int' ? 32 : 64;
      return (): Accumulator => {
        let acc: bigint | undefined;
        return {
          add([v]) {
            if (isMissing(v)) return;
            const b = BigInt(v as number | bigint);
            acc = acc === undefined ? b : op(acc, b);
          },
          result: () => [acc === undefined ? null : canonical(BigInt.asIntN(bits, acc))],
        };
      };
    },
  });
}

export const binary_all_and = bitwise('binary_all_and', (a, b) => a & b, 'AND');
export const binary_all_or = bitwise('binary_all_or', (a, b) => a | b, 'OR');
export const binary_all_xor = bitwise('binary_all_xor', (a, b) => a ^ b, 'XOR');
