import { defineAggregate } from '../aggregate-define.js';
import type { Accumulator } from '../registry-types.js';

/** One per group: a class instance is one small object (closures would be three). */
class Counter implements Accumulator {
  private n = 0;
  add(): void {
    this.n++;
  }
  result(): unknown[] {
    return [this.n];
  }
}

export const count = defineAggregate({
  name: 'count',
  description: 'Number of rows in the group.',
  params: [],
  outputs: () => [{ type: 'long' }],
  create: () => () => new Counter(),
});
