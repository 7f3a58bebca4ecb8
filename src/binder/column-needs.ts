/**
 * Column pruning: which input columns an operator (or a chain of them) needs, given which of its output
 * columns are used later. A table read then converts only the needed columns of the caller's rows
 * (docs/architecture.md, "Read only what is used"). Anything unknown needs every column.
 */
import type { BoundOperator } from './compiled.js';
import type { InputReads } from '../operators/operator-def.js';

/** Input columns needed given the output columns needed; undefined when the operator needs them all. */
export type NeedsFn = (outputNeeded: boolean[]) => boolean[];

export function operatorNeeds(bound: BoundOperator, reads: InputReads): NeedsFn | undefined {
  const input = reads.input;
  const read = (i: number) => reads.columns.has(i);
  if (bound.needs) {
    const custom = bound.needs;
    return (out) => custom(out).map((n, i) => n || read(i));
  }
  switch (bound.flow) {
    case 'passthrough':
      return (out) => input.map((_, i) => out[i] === true || read(i));
    case 'extend':
      // A replaced column's old values are needed only when an expression reads them.
      return (out) => input.map((c, i) => (out[i] === true && bound.columns[i] === c) || read(i));
    case 'own':
      return () => input.map((_, i) => read(i));
    default:
      return undefined;
  }
}

/** The needs of operators run one after another: folded from the last one back. */
export function chainNeeds(steps: { needs: NeedsFn | undefined; inputWidth: number }[]): NeedsFn {
  return (outputNeeded) => {
    let needed = outputNeeded;
    for (let k = steps.length - 1; k >= 0; k--) {
      const step = steps[k];
      needed = step.needs ? step.needs(needed) : new Array<boolean>(step.inputWidth).fill(true);
    }
    return needed;
  };
}

export function allNeeded(width: number): boolean[] {
  return new Array<boolean>(width).fill(true);
}
