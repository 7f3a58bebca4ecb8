import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import { defineAggregate } from '../aggregate-define.js';

/** make_list_with_nulls(x): every value of the group in input order, nulls included (as JSON null). */
export const make_list_with_nulls = defineAggregate({
  name: 'make_list_with_nulls',
  prefix: 'list',
  description: 'Dynamic array of all the values in the group, null values included.',
  params: ['any'],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => {
    const type = args[0].type;
    // Bounded like make_list's default size: at most 1048576 elements.
    const limit = 1048576;
    return () => {
      const out: DynamicValue[] = [];
      return {
        add([v]) { if (out.length < limit) out.push(toDynamic(v, type)); },
        result: () => [out.slice()],
      };
    };
  },
});
