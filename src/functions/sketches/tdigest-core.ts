/**
 * The tdigest sketch (tdigest(), tdigest_merge(), percentile_tdigest(), ...). Kusto's sketch is opaque; ours is
 * a dynamic array in the shape Kusto's looks like, [[type], [value, ...], [weight, ...]]:
 * - type is the name of the values' type as percentile() reports it (int -> "long", decimal -> "real");
 * - the values are the distinct values of the group in ascending order, in their dynamic form (datetimes and
 *   timespans as text, as make_list writes them), each with its total weight (row count, or the sum of the
 *   weights of tdigest(x, w)).
 * While a group has at most CENTROID_LIMIT distinct values the sketch is exact: percentile_tdigest gives the
 * same nearest-rank value percentile() (exact in this engine) gives. Past that, neighbouring entries are merged
 * in pairs (the heavier one's value kept, weights added) until at most CENTROID_LIMIT remain, so the sketch
 * stays bounded and percentiles become estimates whose rank error grows with each halving.
 */
import type { KqlType } from '../../runtime/types.js';
import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import { fromDynamic } from '../convert.js';
import { lessFor } from '../aggregates/min.js';

export const CENTROID_LIMIT = 1 << 16;
const TYPES: KqlType[] = ['long', 'real', 'datetime', 'timespan'];

/** The sketch's value type for an argument type (percentile's result type). */
export function digestType(t: KqlType): KqlType {
  return t === 'int' ? 'long' : t === 'decimal' ? 'real' : t;
}

/** A value of the sketch back from its dynamic form; infinite reals are written as text by toDynamic. */
function decode(v: unknown, type: KqlType): unknown {
  if (type === 'real' && typeof v === 'string') return v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : null;
  return fromDynamic(v, type);
}

export class TDigest {
  readonly type: KqlType;
  private readonly less: (a: unknown, b: unknown) => boolean;
  /** Sorted, distinct when `sorted`; otherwise raw pending entries. */
  values: unknown[] = [];
  weights: number[] = [];
  private sorted = true;

  constructor(type: KqlType) {
    this.type = type;
    this.less = lessFor(type);
  }

  add(v: unknown, w: number): void {
    this.values.push(v);
    this.weights.push(w);
    this.sorted = false;
    if (this.values.length > 4 * CENTROID_LIMIT) this.compact();
  }

  merge(o: TDigest): void {
    for (let i = 0; i < o.values.length; i++) this.add(o.values[i], o.weights[i]);
  }

  /** Sort, add up equal values, then halve until within CENTROID_LIMIT. */
  compact(): void {
    if (this.sorted) return;
    const less = this.less;
    const order = this.values.map((_, i) => i).sort((a, b) => (less(this.values[a], this.values[b]) ? -1 : less(this.values[b], this.values[a]) ? 1 : 0));
    let vs: unknown[] = [], ws: number[] = [];
    for (const i of order) {
      const v = this.values[i];
      if (vs.length > 0 && !less(vs[vs.length - 1], v)) ws[ws.length - 1] += this.weights[i];
      else { vs.push(v); ws.push(this.weights[i]); }
    }
    while (vs.length > CENTROID_LIMIT) {
      const nv: unknown[] = [], nw: number[] = [];
      for (let i = 0; i < vs.length; i += 2) {
        if (i + 1 === vs.length) { nv.push(vs[i]); nw.push(ws[i]); break; }
        nv.push(ws[i + 1] > ws[i] ? vs[i + 1] : vs[i]);
        nw.push(ws[i] + ws[i + 1]);
      }
      vs = nv; ws = nw;
    }
    this.values = vs;
    this.weights = ws;
    this.sorted = true;
  }

  get total(): number {
    let t = 0;
    for (const w of this.weights) t += w;
    return t;
  }

  /** Nearest-rank percentile: the first value whose cumulative weight reaches ceil(p/100 * total). */
  percentile(p: number): unknown {
    this.compact();
    const total = this.total;
    if (this.values.length === 0 || !(total > 0) || Number.isNaN(p)) return null;
    const rank = Math.min(total, Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * total)));
    let cum = 0;
    for (let i = 0; i < this.values.length; i++) {
      cum += this.weights[i];
      if (cum >= rank) return this.values[i];
    }
    return this.values[this.values.length - 1];
  }

  /** The total weight of the values less than or equal to v. */
  rank(v: unknown): number {
    this.compact();
    let cum = 0;
    for (let i = 0; i < this.values.length && !this.less(v, this.values[i]); i++) cum += this.weights[i];
    return cum;
  }

  toDynamic(): DynamicValue {
    this.compact();
    return [[this.type], this.values.map((v) => toDynamic(v, this.type)), this.weights.slice()];
  }

  static fromDynamic(d: unknown): TDigest | undefined {
    if (!Array.isArray(d) || d.length !== 3) return undefined;
    const [head, values, weights] = d as unknown[];
    if (!Array.isArray(head) || head.length !== 1 || !TYPES.includes(head[0] as KqlType)) return undefined;
    if (!Array.isArray(values) || !Array.isArray(weights) || values.length !== weights.length) return undefined;
    const t = new TDigest(head[0] as KqlType);
    for (let i = 0; i < values.length; i++) {
      const v = decode(values[i], t.type);
      const w = weights[i];
      if (v === null || v === undefined || typeof w !== 'number' || !(w > 0) || !Number.isFinite(w)) return undefined;
      t.add(v, w);
    }
    t.compact();
    return t;
  }
}
