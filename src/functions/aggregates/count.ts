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

/** count(predicate): the analyzer accepts one bool argument (undocumented); counted like countif (UNCERTAIN). */
class PredicateCounter implements Accumulator {
  private n = 0;
  add(values: unknown[]): void {
    if (values[0] === true) this.n++;
  }
  result(): unknown[] {
    return [this.n];
  }
}

export const count = defineAggregate({
  name: 'count',
  description: 'Number of rows in the group (with a bool argument, the rows where it is true).',
  params: ['bool'],
  optional: 1,
  outputs: () => [{ type: 'long' }],
  create: (args) => (args.length === 0 ? () => new Counter() : () => new PredicateCounter()),
});
