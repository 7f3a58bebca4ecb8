/**
 * The child of the store's kill test (test/serve/store.test.ts): ingests batches into the store in a loop and
 * prints `ack <n>` once batch n is durable, until it is killed. Arguments: the store directory.
 */
import { ServeCatalog } from '../../src/serve/catalog.js';
import { executeManagement } from '../../src/serve/mgmt/index.js';
import { ingestRows } from '../../src/serve/ingest.js';
import { ServeStore } from '../../src/serve/store.js';

const dir = process.argv[2];
const catalog = new ServeCatalog();
const store = ServeStore.open(dir, catalog);
await executeManagement(catalog, undefined, '.create-merge table Events (batch:long, i:long, payload:string)', store);
const payload = 'x'.repeat(2000); // large records make a kill mid-write likely
for (let batch = 0; ; batch++) {
  const rows = Array.from({ length: 20 }, (_, i) => [batch, i, payload]);
  ingestRows(catalog, undefined, 'Events', rows, store);
  process.stdout.write(`ack ${batch}\n`);
  if (batch % 10 === 0) await new Promise((r) => setImmediate(r));
}
