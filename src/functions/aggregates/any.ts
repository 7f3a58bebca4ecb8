import type { ArgInfo } from '../registry-types.js';
import { defineAggregate, emptyRow } from '../aggregate-define.js';

/**
 * any(x, ...) / take_any(x, ...): the values of one row of the group. We take the first row whose
 * first argument is not null (Kusto: "non-null if possible"), else the first row.
 * Names (from the analyzer): any(x) -> any_x, any(x+1) -> any_; take_any(x) -> x, take_any(x+1) -> any_arg0.
 */
function anyOf(name: 'any' | 'take_any', nameOf: (a: ArgInfo, i: number) => string) {
  return defineAggregate({
    name,
    description: 'The values of an arbitrary row of the group (a non-null one where possible).',
    params: ['any'], rest: 'any',
    defaultName: (args) => nameOf(args[0], 0),
    outputs: (args) => args.map((a, i) => ({ name: args.length > 1 ? nameOf(a, i) : undefined, type: a.type })),
    create: (args) => () => {
      let row: unknown[] | undefined;
      let firstNonNull = false;
      return {
        add(values) {
          if (firstNonNull) return;
          const nonNull = values[0] !== null && values[0] !== undefined && values[0] !== '';
          if (!row || nonNull) { row = values.slice(); firstNonNull = nonNull; }
        },
        result: () => row ?? emptyRow(args),
      };
    },
  });
}

export const any = anyOf('any', (a) => `any_${a.columnName ?? ''}`);
export const take_any = anyOf('take_any', (a, i) => a.columnName ?? `any_arg${i}`);
