/**
 * dcount_intersect(hll_1, hll_2 [, hll_3, ...]) (dcount-intersect-plugin.md): for each row, from N (2..16)
 * hll() sketches, the distinct counts of S1, S1 ∩ S2, ..., S1 ∩ ... ∩ SN in columns s0 .. s(N-1) appended to
 * the input columns. Sketches still in their exact (sparse) form intersect exactly (the docs example); once
 * one is dense the intersection is estimated by inclusion–exclusion over the unions of the sets, which needs
 * 2^k unions for k sets, so at most DENSE_MAX dense-estimated sets (RUN_LIMIT_EXCEEDED beyond). A value that
 * is not an hll sketch (null included) counts as an empty set. Estimates are clamped to 0 .. the previous one.
 */
import type { Row } from '../../../runtime/table.js';
import { KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';
import { HllSketch } from '../../../functions/sketches/hll-core.js';
import type { PluginDef } from '../plugin-def.js';
import { Call } from './common.js';

const DENSE_MAX = 10;

export const dcountIntersect: PluginDef = {
  name: 'dcount_intersect',
  description: 'Distinct counts of the intersections S1, S1∩S2, ... of hll() sketches, as columns s0, s1, ...',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(2, 16);
    const sketches = call.args.map((arg, i) => {
      const c = tools.expr(arg, input);
      if (c.type !== 'dynamic') call.fail(`argument ${i + 1} must be an hll() sketch (dynamic), not ${c.type}`, arg.span, ErrorCodes.SEM_TYPE_MISMATCH);
      return c;
    });
    const taken = new Set(input.map((c) => c.name));
    const names = sketches.map((_, i) => {
      let name = `s${i}`;
      while (taken.has(name)) name += '1';
      taken.add(name);
      return name;
    });
    const columns = [...input, ...names.map((name) => ({ name, type: 'long' as const }))];
    const span = call.span;
    return {
      columns,
      run: (table, ctx) => ({
        columns,
        rows: table.rows.map((row): Row => {
          const sets = sketches.map((s) => HllSketch.fromDynamic(s.evaluate(row, ctx)));
          return [...row.slice(0, input.length), ...intersections(sets, span)];
        }),
      }),
    };
  },
};

function intersections(sets: (HllSketch | undefined)[], span: Parameters<typeof Call.prototype.fail>[1]): number[] {
  const out: number[] = [];
  let exact: Set<string> | undefined; // the running intersection while every sketch is sparse
  let dense = false;
  for (let k = 0; k < sets.length; k++) {
    const s = sets[k];
    if (!s) {
      out.push(0);
      exact = new Set();
      continue;
    }
    if (!dense && s.hashes && (k === 0 || exact)) {
      exact = k === 0 ? new Set(s.hashes) : new Set([...exact!].filter((h) => s.hashes!.has(h)));
      out.push(exact.size);
      continue;
    }
    dense = true;
    if (out.length && out[out.length - 1] === 0) {
      out.push(0);
      continue;
    }
    if (k + 1 > DENSE_MAX) {
      throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `dcount_intersect can estimate intersections of at most ${DENSE_MAX} dense hll sketches`, span);
    }
    const estimate = inclusionExclusion(sets.slice(0, k + 1) as HllSketch[]);
    const previous = out.length ? out[out.length - 1] : Infinity;
    out.push(Math.max(0, Math.min(previous, Math.round(estimate))));
  }
  return out;
}

/** |S1 ∩ ... ∩ Sk| = Σ over non-empty subsets J of (-1)^(|J|+1) |∪ J|. */
function inclusionExclusion(sets: HllSketch[]): number {
  const k = sets.length;
  const unions: HllSketch[] = new Array(1 << k);
  let total = 0;
  for (let mask = 1; mask < 1 << k; mask++) {
    const low = mask & -mask;
    const i = 31 - Math.clz32(low);
    const rest = mask ^ low;
    const u = rest === 0 ? sets[i].copy() : unions[rest].copy();
    if (rest !== 0) u.merge(sets[i]);
    unions[mask] = u;
    const bits = popcount(mask);
    total += (bits % 2 === 1 ? 1 : -1) * u.count();
  }
  return total;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}
