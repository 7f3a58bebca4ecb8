import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import { setOwn } from '../scalar/arrays_more.js';
import type { ScalarFunction } from '../registry-types.js';

/**
 * bag_pack_columns(column1, column2, ...) (bag-pack-columns-function.md): a property bag of the columns,
 * each keyed by its column name. Every argument must be a plain column reference (the analyzer's "Column
 * name expected"); a column given twice appears once.
 */
export const bag_pack_columns: ScalarFunction = {
  name: 'bag_pack_columns',
  minArgs: 1,
  maxArgs: Infinity, // the analyzer takes any number
  description: 'A dynamic property bag of the given columns, keyed by their names.',
  bind(args) {
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const name = args[i].columnName;
      if (name === undefined) return { error: `Argument ${i + 1} of 'bag_pack_columns' must be a column name.`, argIndex: i };
      names.push(name);
    }
    const types = args.map((a) => a.type);
    return {
      type: 'dynamic',
      call(values) {
        const bag: { [key: string]: DynamicValue } = {};
        for (let i = 0; i < values.length; i++) setOwn(bag, names[i], toDynamic(values[i], types[i]));
        return bag;
      },
    };
  },
};
