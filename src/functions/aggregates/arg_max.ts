import type { AggregateFunction, ArgInfo } from '../registry-types.js';
import { defineAggregate, emptyRow, isMissing } from '../aggregate-define.js';
import { ORDERABLE, lessFor } from './min.js';

/**
 * arg_max(expr, col...) / arg_min: the row where expr is largest (smallest); rows with a null expr are
 * skipped (unless every row's is null: then the first row), ties keep the first row. The binder expands `*` into one ArgInfo per column (without the first
 * argument's own column). Outputs: expr named after its column (else max_/min_, per the analyzer), then
 * each further argument named by its column (UNCERTAIN for non-column expressions: we use argN).
 */
function argExtreme(name: 'arg_max' | 'arg_min' | 'argmax' | 'argmin', wantMax: boolean, legacy = false): AggregateFunction {
  const prefix = wantMax ? 'max' : 'min';
  const modern = (a: ArgInfo, i: number) => a.columnName ?? (i === 0 ? `${prefix}_` : `arg${i}`);
  // The legacy argmax/argmin name every column after the first one: max_x, max_x_s (analyzer).
  const nameAt = legacy
    ? (a: ArgInfo, i: number, first: ArgInfo) => (i === 0 ? `${prefix}_${a.columnName ?? ''}` : `${prefix}_${first.columnName ?? ''}_${a.columnName ?? `arg${i}`}`)
    : (a: ArgInfo, i: number) => modern(a, i);
  return defineAggregate({
    name,
    description: legacy
      ? `Legacy form of arg_${prefix}: the row where the first argument is ${wantMax ? 'largest' : 'smallest'}, its columns named ${prefix}_<first>_<column>.`
      : `The row where the first argument is ${wantMax ? 'largest' : 'smallest'}; returns the other arguments from it.`,
    params: ['number'], rest: 'any',
    alternatives: ORDERABLE.slice(1),
    defaultName: (args) => nameAt(args[0], 0, args[0]),
    outputs: (args) => args.map((a, i) => ({ name: nameAt(a, i, args[0]), type: a.type })),
    create: (args) => {
      const less = lessFor(args[0].type);
      return () => {
        let best: unknown[] | undefined;
        // When every key of the group is null, the group's first row is returned (docs: null handling).
        let first: unknown[] | undefined;
        return {
          add(values) {
            const v = values[0];
            if (isMissing(v) || (typeof v === 'number' && Number.isNaN(v))) {
              if (!best && !first) first = values.slice();
              return;
            }
            if (!best || (wantMax ? less(best[0], v) : less(v, best[0]))) best = values.slice();
          },
          result: () => best ?? first ?? emptyRow(args),
        };
      };
    },
  });
}

export const arg_max = argExtreme('arg_max', true);
export const arg_min = argExtreme('arg_min', false);
export const argmax = argExtreme('argmax', true, true);
export const argmin = argExtreme('argmin', false, true);
