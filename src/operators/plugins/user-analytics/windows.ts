/**
 * Sliding-window counting shared by sliding_window_counts, activity_counts_metrics and activity_engagement:
 * rows are put in bins 0..n-1 (bins before 0 can still reach into the range through a window), and for
 * every bin b the window is the k bins b-k+1 .. b.
 */
import type { Budget } from './common.js';

export class WindowCounter {
  /** Rows per bin. */
  readonly rows = new Map<number, number>();
  /** Bins of each id (unsorted, with repeats). */
  readonly ids = new Map<string, number[]>();

  add(bin: number, id: string | undefined): void {
    this.rows.set(bin, (this.rows.get(bin) ?? 0) + 1);
    if (id === undefined) return;
    const list = this.ids.get(id);
    if (list) list.push(bin);
    else this.ids.set(id, [bin]);
  }

  /** Distinct ids in each window of k bins ending at b, for the bins 0..n-1 where it is not 0. */
  dcounts(k: number, n: number, budget: Budget): Map<number, number> {
    const out = new Map<number, number>();
    for (const bins of this.ids.values()) {
      const sorted = [...new Set(bins)].sort((a, b) => a - b);
      budget.spend(sorted.length);
      let coveredTo = -Infinity; // the last bin already counted for this id
      for (const a of sorted) {
        const from = Math.max(a, coveredTo + 1, 0), to = Math.min(a + k - 1, n - 1);
        if (to < from) continue;
        budget.spend(to - from + 1);
        for (let b = from; b <= to; b++) out.set(b, (out.get(b) ?? 0) + 1);
        coveredTo = to;
      }
    }
    return out;
  }

  /** Rows in the window of k bins ending at b. */
  counter(k: number): (b: number) => number {
    const bins = [...this.rows.keys()].sort((a, b) => a - b);
    const prefix = [0];
    for (const b of bins) prefix.push(prefix[prefix.length - 1] + this.rows.get(b)!);
    const upper = (x: number) => {
      // the number of bins <= x
      let lo = 0, hi = bins.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bins[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return (b) => prefix[upper(b)] - prefix[upper(b - k)];
  }

  /** The bins 0..n-1 whose window of k bins holds a row. */
  covered(k: number, n: number, budget: Budget): number[] {
    const out = new Set<number>();
    const bins = [...this.rows.keys()].sort((a, b) => a - b);
    let coveredTo = -Infinity;
    for (const a of bins) {
      const from = Math.max(a, coveredTo + 1, 0), to = Math.min(a + k - 1, n - 1);
      if (to < from) continue;
      budget.spend(to - from + 1);
      for (let b = from; b <= to; b++) out.add(b);
      coveredTo = to;
    }
    return [...out].sort((a, b) => a - b);
  }
}
