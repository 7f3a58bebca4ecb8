/**
 * and / or with three-valued logic (null-values.md): false and null = false, true or null = true,
 * otherwise null is sticky. Dynamic operands are accepted (as the analyzer does) when they hold bools.
 */
import type { KqlType } from '../../runtime/types.js';
import type { BinaryOperator } from '../registry-types-operators.js';

const asBool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const ok = (t: KqlType) => t === 'bool' || t === 'dynamic';

function logical(op: 'and' | 'or'): BinaryOperator {
  const dominant = op === 'or'; // the value that decides the result alone
  return {
    op,
    description: op === 'and' ? 'Logical AND (three-valued with null).' : 'Logical OR (three-valued with null).',
    bind(l, r) {
      if (!ok(l.type)) return { error: `The operator '${op}' needs bool operands, not ${l.type}.`, argIndex: 0 };
      if (!ok(r.type)) return { error: `The operator '${op}' needs bool operands, not ${r.type}.`, argIndex: 1 };
      return {
        type: 'bool',
        call([a, b]) {
          const x = asBool(a), y = asBool(b);
          if (x === dominant || y === dominant) return dominant;
          if (x === null || y === null) return null;
          return !dominant;
        },
      };
    },
  };
}

export const LOGICAL_OPERATORS: BinaryOperator[] = [logical('and'), logical('or')];
