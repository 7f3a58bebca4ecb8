import { defineAggregate, emptyRow } from '../aggregate-define.js';
import { ORDERABLE, extreme } from './min.js';

/** minif(x, predicate) / maxif: min/max over the rows where the predicate is true. */
function extremeIf(fname: 'minif' | 'maxif', wantMax: boolean) {
  return defineAggregate({
    name: fname,
    description: `${wantMax ? 'Largest' : 'Smallest'} non-null value among rows where the predicate is true.`,
    params: ['number', 'bool'],
    alternatives: ORDERABLE.slice(1).map((k) => [...k, 'bool']),
    outputs: (args) => [{ type: args[0].type }],
    create: (args) => {
      const inner = extreme(args[0].type, wantMax);
      return () => {
        const acc = inner();
        return { add: ([v, p]) => { if (p === true) acc.add([v]); }, result: () => acc.result() };
      };
    },
  });
}

export const minif = extremeIf('minif', false);
export const maxif = extremeIf('maxif', true);

/**
 * take_anyif(x, predicate) / anyif: x from an arbitrary row where the predicate is true (we take the first
 * such row with a non-null x, else the first such row). Names from the analyzer: take_anyif(x) -> x,
 * anyif(x) -> anyif_x. UNCERTAIN: take_anyif over a non-column expression is named Column1 by the analyzer;
 * we use anyif_.
 */
function anyIf(fname: 'take_anyif' | 'anyif', nameOf: (column: string | undefined) => string) {
  return defineAggregate({
    name: fname,
    description: 'A value from an arbitrary row of the group where the predicate is true.',
    params: ['any', 'bool'],
    defaultName: (args) => nameOf(args[0].columnName),
    outputs: (args) => [{ type: args[0].type }],
    create: (args) => () => {
      let value: unknown = undefined;
      let nonNull = false;
      return {
        add([v, p]) {
          if (p !== true || nonNull) return;
          const isNonNull = v !== null && v !== undefined && v !== '';
          if (value === undefined || isNonNull) { value = v; nonNull = isNonNull; }
        },
        result: () => (value === undefined ? emptyRow(args.slice(0, 1)) : [value]),
      };
    },
  });
}

export const take_anyif = anyIf('take_anyif', (c) => c ?? 'anyif_');
export const anyif = anyIf('anyif', (c) => `anyif_${c ?? ''}`);
