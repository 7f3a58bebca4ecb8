/** Contracts of the binary operators (==, +, has, and, ...) and list operators (in, has_any, ...). */
import type { KqlType } from '../runtime/types.js';
import type { ArgInfo, BindFailure, ScalarImpl } from './registry-types.js';

export interface BinaryOperator {
  op: string;
  description: string;
  /** ScalarImpl.call receives [left, right]. BindFailure.argIndex is 0 (left) or 1 (right). */
  bind(left: ArgInfo, right: ArgInfo): ScalarImpl | BindFailure;
}

export interface ListImpl {
  type: KqlType;
  /**
   * Called once with the item values when all items are constant, otherwise once per row.
   * Items that are dynamic arrays are flattened (Kusto does).
   */
  prepare(itemValues: unknown[]): (left: unknown) => unknown;
}

export interface ListOperator {
  op: string;
  description: string;
  /** BindFailure.argIndex: 0 is the left operand, i + 1 is items[i]. */
  bind(left: ArgInfo, items: ArgInfo[]): ListImpl | BindFailure;
}
