import type { ScalarFunction } from '../registry-types.js';
import { convertTo, unifyBranchTypes } from '../convert.js';

/** case(p1, v1, p2, v2, ..., else): the value of the first true predicate; null predicates count as false. */
export const caseFunction: ScalarFunction = {
  name: 'case',
  minArgs: 3,
  maxArgs: Infinity, // the analyzer takes any number (Sentinel rules have case() of 233 arguments)
  description: 'Evaluates predicates in order and returns the value of the first true one, else the last argument.',
  bind(args) {
    if (args.length < 3 || args.length % 2 === 0) {
      return { error: `The function 'case' expects an odd number (at least 3) of arguments, got ${args.length}.` };
    }
    for (let i = 0; i < args.length - 1; i += 2) {
      if (args[i].type !== 'bool') return { error: `Predicate ${i / 2 + 1} of 'case' must be bool, not ${args[i].type}.`, argIndex: i };
    }
    const valueTypes = args.filter((_, i) => i % 2 === 1 || i === args.length - 1).map((a) => a.type);
    const type = unifyBranchTypes(valueTypes);
    const types = args.map((a) => a.type);
    return {
      type,
      call(values) {
        for (let i = 0; i < values.length - 1; i += 2) {
          if (values[i] === true) return convertTo(values[i + 1], types[i + 1], type);
        }
        return convertTo(values[values.length - 1], types[values.length - 1], type);
      },
    };
  },
};
