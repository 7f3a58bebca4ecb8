/** Binary and list operators by their exact spelling (e.g. '==', '!has_cs', 'in~'). */
import type { BinaryOperator, ListOperator } from './registry-types-operators.js';
import { ARITHMETIC_OPERATORS } from './operators/arithmetic.js';
import { COMPARISON_OPERATORS } from './operators/comparison.js';
import { LIST_OPERATORS } from './operators/list-ops.js';
import { LOGICAL_OPERATORS } from './operators/logical.js';
import { STRING_OPERATORS } from './operators/string-ops.js';
import { MATCHES_REGEX } from './operators/matches-regex.js';

const BINARY = new Map<string, BinaryOperator>(
  [...COMPARISON_OPERATORS, ...ARITHMETIC_OPERATORS, ...LOGICAL_OPERATORS, ...STRING_OPERATORS, MATCHES_REGEX].map((o) => [o.op, o]),
);
// containscs: the old spelling of contains_cs, still used by some rules.
BINARY.set('containscs', { ...BINARY.get('contains_cs')!, op: 'containscs' });

const LIST = new Map<string, ListOperator>(LIST_OPERATORS.map((o) => [o.op, o]));

export function lookupBinaryOperator(op: string): BinaryOperator | undefined {
  return BINARY.get(op);
}

export function lookupListOperator(op: string): ListOperator | undefined {
  return LIST.get(op);
}

export function listBinaryOperators(): BinaryOperator[] {
  return [...BINARY.values()];
}

export function listListOperators(): ListOperator[] {
  return [...LIST.values()];
}
