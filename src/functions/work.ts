/**
 * Work done inside one function call, reported to the run's guard (EvalContext.guard.tick) so that
 * `timeoutMs` holds while a single row builds a long string or parses a large JSON text: a row of a
 * simple operator is one unit, and a call that handles `length` characters adds length / CHARS_PER_TICK
 * units. Reported before the work when its size is known, so a passed deadline stops the run before a
 * long step starts rather than after it.
 */
import type { EvalContext } from './registry-types.js';

/** Characters of text per unit of work (the guard reads the clock every 1,024 units: about every MiB). */
export const CHARS_PER_TICK = 1024;

/** Reports `length` characters of string work (building, copying or parsing text) to the run's guard. */
export function chargeText(ctx: EvalContext | undefined, length: number): void {
  if (length >= CHARS_PER_TICK) ctx?.guard?.tick(Math.floor(length / CHARS_PER_TICK));
}

/** The total length of some strings (to charge before joining them). */
export function totalLength(parts: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < parts.length; i++) n += parts[i].length;
  return n;
}

/** Nodes visited at most by jsonLengthAtLeast (past it, the length so far is the estimate). */
const MAX_JSON_WALK = 1_000_000;

/**
 * About how many characters the JSON text of a dynamic value has, walking it until the count passes `cap`
 * (or MAX_JSON_WALK nodes): lets tostring() charge a large array's text before building it in one call.
 */
export function jsonLengthAtLeast(value: unknown, cap: number): number {
  let length = 0;
  let visited = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && length <= cap && visited++ < MAX_JSON_WALK) {
    const v = stack.pop();
    if (typeof v === 'string') length += v.length + 2;
    else if (v === null || typeof v !== 'object') length += 8;
    else if (Array.isArray(v)) {
      length += 2 + v.length;
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else {
      for (const key of Object.keys(v)) {
        length += key.length + 4;
        stack.push((v as Record<string, unknown>)[key]);
      }
    }
  }
  return length;
}
