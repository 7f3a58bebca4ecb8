import type { KqlType } from '../../runtime/types.js';
import { dynamicKey, toDynamic, type DynamicValue } from '../../runtime/values.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, sizeLimit } from '../aggregate-define.js';

/** Up to this many values a set is searched in order; past it, hash sets are built (most groups stay below). */
const SMALL_SET = 8;

/** Strings, booleans and finite numbers are their own keys: JS equality is JSON equality for them (0 and -0 too). */
function isPlainKey(d: DynamicValue): boolean {
  return typeof d === 'string' || typeof d === 'boolean' || (typeof d === 'number' && Number.isFinite(d));
}

/**
 * The distinct values of a group in first-seen order; arrays, bags and non-finite numbers are compared by
 * their JSON text. A summarize keeps one of these per group, so a small set is just its array (no hash
 * sets, and a value's JSON text is only made once a second non-primitive value needs comparing).
 */
class DistinctValues {
  readonly values: DynamicValue[] = [];
  /** JSON text of values[i] when it is not a plain key, made on first need. */
  private texts: (string | undefined)[] | undefined;
  private plain: Set<unknown> | undefined;
  private json: Set<string> | undefined;

  constructor(private readonly limit: number) {}

  put(d: DynamicValue): void {
    if (d === null || this.values.length >= this.limit) return;
    if (this.plain === undefined) {
      if (this.hasSmall(d)) return;
      this.values.push(d);
      if (this.values.length > SMALL_SET) this.index();
      return;
    }
    if (isPlainKey(d)) {
      if (this.plain.has(d)) return;
      this.plain.add(d);
    } else {
      const text = dynamicKey(d);
      if (this.json!.has(text)) return;
      this.json!.add(text);
    }
    this.values.push(d);
  }

  private hasSmall(d: DynamicValue): boolean {
    const values = this.values;
    if (isPlainKey(d)) {
      for (let i = 0; i < values.length; i++) if (values[i] === d) return true;
      return false;
    }
    let text: string | undefined;
    for (let i = 0; i < values.length; i++) {
      if (isPlainKey(values[i])) continue;
      text ??= dynamicKey(d);
      if (this.textOf(i) === text) return true;
    }
    if (text !== undefined) (this.texts ??= [])[values.length] = text;
    return false;
  }

  private textOf(i: number): string {
    const texts = (this.texts ??= []);
    return (texts[i] ??= dynamicKey(this.values[i]));
  }

  private index(): void {
    this.plain = new Set();
    this.json = new Set();
    this.values.forEach((v, i) => (isPlainKey(v) ? this.plain!.add(v) : this.json!.add(this.textOf(i))));
    this.texts = undefined;
  }
}

/**
 * Distinct values in first-seen order, compared by JSON content. Nulls are skipped. A dynamic array
 * argument contributes its elements (make-set-aggregation-function.md, "Set from array column").
 */
export function setBuilder(type: KqlType, limit: number, withPredicate: boolean): () => Accumulator {
  return () => new SetAccumulator(type, limit, withPredicate);
}

class SetAccumulator implements Accumulator {
  private readonly set: DistinctValues;

  constructor(private readonly type: KqlType, limit: number, private readonly withPredicate: boolean) {
    this.set = new DistinctValues(limit);
  }

  add(args: unknown[]): void {
    if (this.withPredicate && args[1] !== true) return;
    const d = toDynamic(args[0], this.type);
    if (Array.isArray(d)) for (const e of d) this.set.put(e);
    else this.set.put(d);
  }

  result(): unknown[] {
    return [this.set.values.slice()];
  }
}

export const make_set = defineAggregate({
  name: 'make_set',
  aliases: ['makeset'],
  prefix: 'set',
  description: 'Dynamic array of the distinct values in the group.',
  params: ['any', 'integer'], optional: 1, constants: [1],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => setBuilder(args[0].type, sizeLimit(args, 1), false),
});
