/** Every management command mini-kql serve runs, tried in this order (the first whose head matches runs). */
import type { MgmtCommand } from '../context.js';
import { createOrAlterFunctionCommand, dropFunctionCommand } from './functions.js';
import { ingestInlineCommand, queryIngestCommands } from './ingest.js';
import { showDatabases, showFunctions, showTableSchema, showTables } from './show.js';
import { createMergeTableCommand, createTableCommand, dropTableCommand } from './tables.js';

export const MGMT_COMMANDS: readonly MgmtCommand[] = [
  showDatabases,
  showTables,
  showTableSchema,
  showFunctions,
  createTableCommand,
  createMergeTableCommand,
  dropTableCommand,
  ingestInlineCommand,
  ...queryIngestCommands,
  createOrAlterFunctionCommand,
  dropFunctionCommand,
];
