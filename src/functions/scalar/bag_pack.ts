import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import type { ScalarFunction } from '../registry-types.js';

/**
 * bag_pack(key1, value1, key2, value2, ...): a property bag. Keys are defined as own properties, so a key
 * such as "__proto__" is stored as data and never changes the object's prototype.
 */
export const bag_pack: ScalarFunction = {
  name: 'bag_pack',
  aliases: ['pack'],
  minArgs: 2,
  maxArgs: Infinity, // the analyzer takes any number
  description: 'Creates a dynamic property bag from alternating keys and values.',
  bind(args) {
    if (args.length < 2 || args.length % 2 !== 0) return { error: `The function 'bag_pack' expects an even number of arguments, got ${args.length}.` };
    for (let i = 0; i < args.length; i += 2) {
      if (args[i].type !== 'string') return { error: `Key ${i / 2 + 1} of 'bag_pack' must be a string, not ${args[i].type}.`, argIndex: i };
    }
    const types = args.map((a) => a.type);
    return {
      type: 'dynamic',
      call(values) {
        const bag: Record<string, DynamicValue> = {};
        for (let i = 0; i < values.length; i += 2) {
          Object.defineProperty(bag, values[i] as string, {
            value: toDynamic(values[i + 1], types[i + 1]), enumerable: true, writable: true, configurable: true,
          });
        }
        return bag;
      },
    };
  },
};
