import { defineScalar } from '../define.js';

/**
 * ingestion_time() (ingestion-time-function.md): when the current record was ingested. Rows given to
 * mini-kql were never ingested (no IngestionTime policy, no hidden $IngestionTime column), so this is always
 * null, as Kusto returns for tables without that policy.
 */
export const ingestion_time = defineScalar({
  name: 'ingestion_time',
  description: 'The ingestion time of the current record: always null here (rows are not ingested).',
  overloads: [{ params: [], result: 'datetime', nulls: 'pass', kernel: () => null }],
});
