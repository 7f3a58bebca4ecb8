/** When a rule is run on the page by default: the midnight (UTC) after the latest TimeGenerated in the tables. */
import type { Rows } from './protocol.js';

const DAY_MS = 86_400_000;

/**
 * Scheduled rules look back over (now - queryPeriod, now]: running at the end of the day the sample data
 * was logged shows what a run that day would have seen. Without any TimeGenerated, the current time.
 */
export function defaultRuleTime(tables: Iterable<Rows>, fallback = Date.now()): string {
  let latest = -Infinity;
  for (const rows of tables) {
    for (const row of rows) {
      const t = row.TimeGenerated;
      const ms = typeof t === 'string' || typeof t === 'number' ? Date.parse(String(t)) : NaN;
      if (ms > latest) latest = ms;
    }
  }
  const at = Number.isFinite(latest) ? Math.floor(latest / DAY_MS) * DAY_MS + DAY_MS : fallback;
  return new Date(at).toISOString().replace('.000Z', 'Z');
}
