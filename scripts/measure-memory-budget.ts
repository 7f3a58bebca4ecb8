/**
 * The memory budget's reference case (issue 12): `A | join kind=inner (B) on k | count` with A and B of
 * 20,000 rows, k = 1 everywhere and 20 string columns each. Prints the error code, the time and the peak
 * RSS (sampled every 20 ms and read at the end). Run alone, in its own process:
 *   npx tsx scripts/measure-memory-budget.ts [columns=20] [maxMemoryBytes]
 */
import { runKql, KqlError } from '../src/index.js';

function table(n: number, tag: string): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = { k: 1 };
    for (let c = 0; c < columns; c++) row[`${tag}${c}`] = `${tag}${c}-value-${i}`;
    return row;
  });
}

const columns = Number(process.argv[2] ?? 20);
const maxMemoryBytes = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const A = table(20_000, 'a');
const B = table(20_000, 'b');
let peak = process.memoryUsage().rss;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
console.log(`RSS before the run: ${mb(process.memoryUsage().rss)}`);
const start = performance.now();
let outcome: string;
try {
  const r = runKql('A | join kind=inner (B) on k | count', { A, B }, { maxMemoryBytes });
  outcome = `result ${JSON.stringify(r.rows)}`;
} catch (err) {
  outcome = err instanceof KqlError ? `${err.code}: ${err.message}` : `not a KqlError: ${String(err)}`;
}
const seconds = (performance.now() - start) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(timer);
console.log(outcome);
console.log(`time ${seconds.toFixed(2)} s, peak RSS ${mb(peak)} (sampled every 20 ms; the timer cannot fire while the run holds the thread, so the end-of-run reading is the one that counts)`);
