/**
 * "Did you mean ...?": the known name closest to a misspelled one (a fixture column, a table or column in
 * a query). Browser-safe; used only on error and warning paths, and bounded so a huge name costs little.
 */

/** Names longer than this get no suggestion (a distance table of two long names is not worth building). */
const MAX_NAME_LENGTH = 128;

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or Infinity once it must exceed
 * `max`: `ResultTyp` -> `ResultType` is 1, `SiginLogs` -> `SigninLogs` is 1 (a transposition).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return Infinity;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** The largest edit distance still taken for a typo of a name this long: 1 up to 5 characters, then a third. */
function allowedDistance(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/**
 * The candidate closest to `name`, or undefined when none is close enough: a candidate equal but for case
 * first, then the smallest case-insensitive edit distance within allowedDistance (and less than the name's
 * length, so `x` does not suggest `y`). Ties go to the earlier candidate, so callers list the likelier
 * names first (the caller's tables before the built-in catalog). The name itself is never suggested.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return undefined;
  const lower = name.toLowerCase();
  const max = Math.min(allowedDistance(name.length), name.length - 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name || candidate.length > MAX_NAME_LENGTH) continue;
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const d = editDistance(lower, other, Math.min(max, bestDistance - 1));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean 'X'?)` for a message, or '' when no candidate is close enough. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = closestName(name, candidates);
  return near === undefined ? '' : ` (did you mean '${near}'?)`;
}
