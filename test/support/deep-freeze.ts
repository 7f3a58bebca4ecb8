/**
 * Deep-freezes a value in place without calling getters (iterative, so deep values do not overflow the
 * stack; cycles are visited once). Freezing is what makes "the engine never mutates the caller's data"
 * fail loudly: a write to a frozen object throws in strict-mode code.
 */
export function deepFreeze<T>(v: T): T {
  const stack: unknown[] = [v];
  const seen = new Set<unknown>();
  while (stack.length) {
    const x = stack.pop();
    if (x === null || (typeof x !== 'object' && typeof x !== 'function') || seen.has(x)) continue;
    seen.add(x);
    if (ArrayBuffer.isView(x)) continue; // typed arrays with elements cannot be frozen
    if (x instanceof Map || x instanceof Set || x instanceof Date) { Object.freeze(x); continue; }
    for (const k of Reflect.ownKeys(x as object)) {
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d && 'value' in d) stack.push(d.value);
    }
    Object.freeze(x);
  }
  return v;
}
